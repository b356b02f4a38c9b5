/**
 * metav1.LabelSelector (`{matchLabels, matchExpressions}`, the form used in Deployment specs)
 * to and from label Selectors, as metav1's LabelSelectorAsSelector / ParseToLabelSelector.
 */
import { goQuote } from './go-format.js';
import { newRequirement, type Operator, type Requirement, SelectorError } from './requirement.js';
import { Selector } from './selector.js';
import { parseRequirements } from './selector-parser.js';

export type LabelSelectorOperator = 'In' | 'NotIn' | 'Exists' | 'DoesNotExist';

export interface LabelSelectorRequirement {
  key: string;
  operator: LabelSelectorOperator | string;
  values?: string[];
}

export interface LabelSelector {
  matchLabels?: Record<string, string>;
  matchExpressions?: LabelSelectorRequirement[];
}

const TO_OPERATOR: Readonly<Record<string, Operator>> = {
  In: 'in',
  NotIn: 'notin',
  Exists: 'exists',
  DoesNotExist: '!',
};

/**
 * LabelSelectorAsSelector: null/undefined selects nothing, `{}` selects everything.
 * Throws SelectorError for a bad key/value or `"Foo" is not a valid label selector operator`.
 */
export function labelSelectorAsSelector(ls: LabelSelector | null | undefined): Selector {
  if (ls === null || ls === undefined) return Selector.nothing();
  const matchLabels = Object.entries(ls.matchLabels ?? {});
  const exprs = ls.matchExpressions ?? [];
  if (matchLabels.length + exprs.length === 0) return Selector.everything();
  const reqs: Requirement[] = matchLabels.map(([k, v]) => newRequirement(k, '=', [v]));
  for (const e of exprs) {
    const op = Object.hasOwn(TO_OPERATOR, e.operator) ? TO_OPERATOR[e.operator] : undefined;
    if (!op) throw new SelectorError(`${goQuote(String(e.operator))} is not a valid label selector operator`);
    reqs.push(newRequirement(e.key, op, [...(e.values ?? [])]));
  }
  return Selector.of(reqs);
}

/** metav1.FormatLabelSelector: the selector's text, `<none>` when empty, `<error>` when invalid. */
export function formatLabelSelector(ls: LabelSelector | null | undefined): string {
  let text: string;
  try {
    text = labelSelectorAsSelector(ls).toString();
  } catch {
    return '<error>';
  }
  return text === '' ? '<none>' : text;
}

/**
 * The reverse of labelSelectorAsSelector, for the requirements a LabelSelector can express:
 * `=`/`==` become matchLabels, in/notin/exists/! matchExpressions (values sorted). `!=`, gt and
 * lt cannot be expressed and throw kube's texts.
 */
export function selectorToLabelSelector(requirements: readonly Requirement[]): LabelSelector {
  const out: Required<LabelSelector> = { matchLabels: {}, matchExpressions: [] };
  for (const r of requirements) {
    switch (r.operator) {
      case '=':
      case '==':
        if (r.values.length !== 1) throw new SelectorError('equals operator must have exactly one value');
        out.matchLabels[r.key] = r.values[0] as string;
        continue;
      case 'gt':
      case 'lt':
        throw new SelectorError(`${goQuote(r.operator)} isn't supported in label selectors`);
      case '!=':
        throw new SelectorError(`${goQuote(r.operator)} is not a valid label selector operator`);
      default: {
        const operator = (Object.keys(TO_OPERATOR) as LabelSelectorOperator[]).find(
          (k) => TO_OPERATOR[k] === r.operator,
        );
        const values = [...new Set(r.values)].sort();
        // kube's `values` is omitempty: exists/! carry none.
        out.matchExpressions.push({
          key: r.key,
          operator: operator as LabelSelectorOperator,
          ...(values.length ? { values } : {}),
        });
      }
    }
  }
  return out;
}

/**
 * metav1.ParseToLabelSelector: parses selector text into a LabelSelector. Parse failures read
 * `couldn't parse the selector string "x": unable to parse requirement: ...`.
 */
export function parseToLabelSelector(selector: string): LabelSelector {
  let reqs: Requirement[];
  try {
    reqs = parseRequirements(selector);
  } catch (e) {
    if (e instanceof SelectorError)
      throw new SelectorError(`couldn't parse the selector string "${selector}": ${e.message}`);
    throw e;
  }
  return selectorToLabelSelector(reqs);
}
