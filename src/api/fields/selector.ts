/**
 * Field selectors (k8s.io/apimachinery/pkg/fields): `a=b`, `a==b`, `a!=b`, joined by `,` (AND).
 * Values may escape `\,`, `\=` and `\\`; field names cannot escape anything (the first
 * operator splits the term). Terms are kept in the sorted order kube parses them in.
 */

export type FieldOperator = '=' | '==' | '!=';

/** One term; `value` is unescaped. */
export interface FieldRequirement {
  field: string;
  operator: FieldOperator;
  value: string;
}

export type Fields = Readonly<Record<string, string>>;

/** A selector that could not be parsed; the message is kube's text. */
export class FieldSelectorError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FieldSelectorError';
  }
}

/** fields.EscapeValue: `\` -> `\\`, `,` -> `\,`, `=` -> `\=`. */
export const escapeValue = (s: string): string => s.replace(/[\\,=]/g, (c) => `\\${c}`);

/**
 * fields.UnescapeValue. Errors as kube: `invalid field selector: invalid escape sequence: \x`
 * and `invalid field selector: unescaped character in value: 61` (Go prints the rune as a number).
 */
export function unescapeValue(s: string): string {
  if (!/[\\,=]/.test(s)) return s;
  let out = '';
  let inSlash = false;
  for (const c of s) {
    if (inSlash) {
      if (c !== '\\' && c !== ',' && c !== '=') {
        throw new FieldSelectorError(`invalid field selector: invalid escape sequence: \\${c}`);
      }
      out += c;
      inSlash = false;
      continue;
    }
    if (c === '\\') inSlash = true;
    else if (c === ',' || c === '=')
      throw new FieldSelectorError(`invalid field selector: unescaped character in value: ${c.codePointAt(0)}`);
    else out += c;
  }
  if (inSlash) throw new FieldSelectorError('invalid field selector: invalid escape sequence: \\');
  return out;
}

/** Splits on commas that are not escaped by a backslash. */
function splitTerms(selector: string): string[] {
  if (selector === '') return [];
  const terms: string[] = [];
  let start = 0;
  let inSlash = false;
  for (let i = 0; i < selector.length; i++) {
    const c = selector[i];
    if (inSlash) inSlash = false;
    else if (c === '\\') inSlash = true;
    else if (c === ',') {
      terms.push(selector.slice(start, i));
      start = i + 1;
    }
  }
  terms.push(selector.slice(start));
  return terms;
}

/** The first operator in the term wins; `!=` and `==` are tried before `=` at each position. */
function splitTerm(term: string): [string, FieldOperator, string] | undefined {
  for (let i = 0; i < term.length; i++) {
    for (const op of ['!=', '==', '='] as const) {
      if (term.startsWith(op, i)) return [term.slice(0, i), op, term.slice(i + op.length)];
    }
  }
  return undefined;
}

export class FieldSelector {
  private constructor(readonly requirements: readonly FieldRequirement[]) {}

  static of(requirements: readonly FieldRequirement[]): FieldSelector {
    return new FieldSelector([...requirements]);
  }
  static everything(): FieldSelector {
    return new FieldSelector([]);
  }

  /** `=`/`==` need an equal value, `!=` a different one; a missing field reads as "". */
  matches(fields: Fields): boolean {
    return this.requirements.every((r) => {
      const actual = Object.hasOwn(fields, r.field) ? fields[r.field] : '';
      return r.operator === '!=' ? actual !== r.value : actual === r.value;
    });
  }

  isEmpty(): boolean {
    return this.requirements.length === 0;
  }

  /** The value an `=`/`==` term pins `field` to, if any. */
  requiresExactMatch(field: string): string | undefined {
    return this.requirements.find((r) => r.field === field && r.operator !== '!=')?.value;
  }

  /** The field names used, in order. */
  fieldNames(): string[] {
    return this.requirements.map((r) => r.field);
  }

  /**
   * A selector with every term rewritten by `fn` (kube's Transform), e.g. to map a legacy field
   * name; `fn` may throw to reject a term.
   */
  transform(fn: (field: string, value: string) => [string, string]): FieldSelector {
    return new FieldSelector(
      this.requirements.map((r) => {
        const [field, value] = fn(r.field, r.value);
        return { field, operator: r.operator, value };
      }),
    );
  }

  /** kube's String(): `f=v` / `f!=v` with escaped values (`==` prints as `=`), joined by `,`. */
  toString(): string {
    return this.requirements
      .map((r) => `${r.field}${r.operator === '!=' ? '!=' : '='}${escapeValue(r.value)}`)
      .join(',');
  }
}

/**
 * fields.ParseSelector. Empty terms are skipped; a term with no operator fails with
 * `invalid selector: '<whole>'; can't understand '<term>'`.
 */
export function parseFieldSelector(selector: string): FieldSelector {
  const terms = splitTerms(selector).sort();
  const reqs: FieldRequirement[] = [];
  for (const term of terms) {
    if (term === '') continue;
    const split = splitTerm(term);
    if (!split) throw new FieldSelectorError(`invalid selector: '${selector}'; can't understand '${term}'`);
    const [field, operator, raw] = split;
    // kube keeps `==` as a plain equality term.
    reqs.push({ field, operator: operator === '==' ? '=' : operator, value: unescapeValue(raw) });
  }
  return FieldSelector.of(reqs);
}

/** fields.SelectorFromSet: `field=value` for each pair (not sorted, as kube's map order is random). */
export function fieldSelectorFromSet(set: Fields): FieldSelector {
  return FieldSelector.of(Object.entries(set).map(([field, value]) => ({ field, operator: '=' as const, value })));
}

/** fields.OneTermEqualSelector. */
export const oneTermEqualSelector = (field: string, value: string): FieldSelector =>
  FieldSelector.of([{ field, operator: '=', value }]);
