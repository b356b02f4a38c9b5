/**
 * One label selector requirement (k8s.io/apimachinery/pkg/labels Requirement): key, operator,
 * values; its matching and its canonical text.
 */
import { aggregateText, goQuote, invalidText } from './go-format.js';
import { isQualifiedName, isValidLabelValue } from './label-validation.js';

/** kube's selection.Operator spellings. */
export type Operator = 'in' | 'notin' | '=' | '==' | '!=' | 'exists' | '!' | 'gt' | 'lt';

export const BINARY_OPERATORS: readonly Operator[] = ['in', 'notin', '=', '==', '!=', 'gt', 'lt'];
export const UNARY_OPERATORS: readonly Operator[] = ['exists', '!'];

/** A selector that could not be parsed or built; the message is kube's text. */
export class SelectorError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SelectorError';
  }
}

/** strconv.ParseInt(s, 10, 64): optional sign, decimal digits, int64 range. */
export function parseInt64(s: string): bigint | undefined {
  if (!/^[+-]?[0-9]+$/.test(s)) return undefined;
  const n = BigInt(s);
  if (n > 9223372036854775807n || n < -9223372036854775808n) return undefined;
  return n;
}

/** Field paths as kube's field.Path prints them; `undefined` is a nil path, printed `<nil>`. */
export const childPath = (path: string | undefined, name: string): string => (path ? `${path}.${name}` : name);

/** labels.validateLabelKey: one error, its messages joined by `; `, or undefined. */
export function labelKeyError(key: string, path: string): string | undefined {
  const errs = isQualifiedName(key);
  return errs.length ? invalidText(path, key, errs.join('; ')) : undefined;
}

export class Requirement {
  /** Use newRequirement(), which validates; this constructor trusts its input. */
  constructor(
    readonly key: string,
    readonly operator: Operator,
    readonly values: readonly string[],
  ) {}

  /**
   * In/=/==: the key exists with one of the values. NotIn/!=: the key is missing or has another
   * value. exists/!: presence. gt/lt: both sides parse as int64 and compare; else no match.
   */
  matches(labels: Readonly<Record<string, string>>): boolean {
    const has = Object.hasOwn(labels, this.key);
    const value = has ? labels[this.key] : undefined;
    switch (this.operator) {
      case 'in':
      case '=':
      case '==':
        return has && this.values.includes(value as string);
      case 'notin':
      case '!=':
        return !has || !this.values.includes(value as string);
      case 'exists':
        return has;
      case '!':
        return !has;
      case 'gt':
      case 'lt': {
        if (!has || this.values.length !== 1) return false;
        const actual = parseInt64(value as string);
        const bound = parseInt64(this.values[0] as string);
        if (actual === undefined || bound === undefined) return false;
        return this.operator === 'gt' ? actual > bound : actual < bound;
      }
    }
  }

  /** Canonical text: `!k`, `k`, `k=v`, `k==v`, `k!=v`, `k in (a,b)`, `k notin (a,b)`, `k>1`, `k<1`; values sorted. */
  toString(): string {
    const k = this.key;
    const vals = this.values.length === 1 ? (this.values[0] as string) : [...this.values].sort().join(',');
    switch (this.operator) {
      case '!':
        return `!${k}`;
      case 'exists':
        return k;
      case 'in':
        return `${k} in (${vals})`;
      case 'notin':
        return `${k} notin (${vals})`;
      case 'gt':
        return `${k}>${vals}`;
      case 'lt':
        return `${k}<${vals}`;
      default:
        return `${k}${this.operator}${vals}`;
    }
  }

  equals(other: Requirement): boolean {
    return (
      this.key === other.key &&
      this.operator === other.operator &&
      this.values.length === other.values.length &&
      this.values.every((v, i) => v === other.values[i])
    );
  }
}

/**
 * labels.NewRequirement: validates the key, the operator's value count, gt/lt integers and
 * every value; throws a SelectorError with kube's aggregated field errors, e.g.
 * `values[0][app]: Invalid value: "a b": a valid label must be ...`.
 * `path` prefixes the field paths (kube's field.WithPath).
 */
export function newRequirement(key: string, operator: Operator, values: readonly string[], path?: string): Requirement {
  const errs: string[] = [];
  const keyErr = labelKeyError(key, childPath(path, 'key'));
  if (keyErr) errs.push(keyErr);
  const valuesPath = childPath(path, 'values');
  switch (operator) {
    case 'in':
    case 'notin':
      if (values.length === 0)
        errs.push(invalidText(valuesPath, values, "for 'in', 'notin' operators, values set can't be empty"));
      break;
    case '=':
    case '==':
    case '!=':
      if (values.length !== 1)
        errs.push(invalidText(valuesPath, values, 'exact-match compatibility requires one single value'));
      break;
    case 'exists':
    case '!':
      if (values.length !== 0)
        errs.push(invalidText(valuesPath, values, 'values set must be empty for exists and does not exist'));
      break;
    case 'gt':
    case 'lt':
      if (values.length !== 1)
        errs.push(invalidText(valuesPath, values, "for 'Gt', 'Lt' operators, exactly one value is required"));
      values.forEach((v, i) => {
        if (parseInt64(v) === undefined)
          errs.push(invalidText(`${valuesPath}[${i}]`, v, "for 'Gt', 'Lt' operators, the value must be an integer"));
      });
      break;
    default: {
      const supported = [...BINARY_OPERATORS, ...UNARY_OPERATORS].map((o) => goQuote(o)).join(', ');
      errs.push(
        `${childPath(path, 'operator')}: Unsupported value: ${goQuote(String(operator))}: supported values: ${supported}`,
      );
    }
  }
  values.forEach((v, i) => {
    const problems = isValidLabelValue(v);
    if (problems.length) errs.push(invalidText(`${valuesPath}[${i}][${key}]`, v, problems.join('; ')));
  });
  if (errs.length) throw new SelectorError(aggregateText(errs));
  return new Requirement(key, operator, [...values]);
}
