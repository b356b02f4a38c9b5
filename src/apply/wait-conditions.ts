/**
 * `kubectl wait --for=...`: the conditions it understands and how each is checked on an object.
 * `delete` (the object is gone or was replaced), `create` (it exists), `condition=Type[=value]`
 * (status.conditions, value `true` by default, compared case-insensitively, ignoring conditions
 * from an older generation), `jsonpath={expr}[=value]` (the expression yields one value equal to
 * `value`, or anything when no value is given).
 */
import { JsonPathEvaluator, jsonPathText } from '../printers/jsonpath/evaluate.js';
import { parseJsonPath } from '../printers/jsonpath/parser.js';

export type WaitFor =
  | { kind: 'delete' }
  | { kind: 'create' }
  | { kind: 'condition'; type: string; value: string }
  | { kind: 'jsonpath'; expr: string; value?: string };

export function parseWaitFor(spec: string | undefined): WaitFor {
  const s = spec ?? '';
  const lower = s.toLowerCase();
  if (lower === 'delete') return { kind: 'delete' };
  if (lower === 'create') return { kind: 'create' };
  if (lower.startsWith('condition=')) {
    const rest = s.slice('condition='.length);
    const eq = rest.indexOf('=');
    return eq < 0
      ? { kind: 'condition', type: rest, value: 'true' }
      : { kind: 'condition', type: rest.slice(0, eq), value: rest.slice(eq + 1) };
  }
  if (lower.startsWith('jsonpath=')) {
    const rest = s.slice('jsonpath='.length);
    // The expression ends at the `}` that closes it; `=value` may follow.
    const close = rest.lastIndexOf('}');
    const exprPart = close >= 0 ? rest.slice(0, close + 1) : rest;
    const after = close >= 0 ? rest.slice(close + 1) : '';
    if (after !== '' && !after.startsWith('=')) throw new Error(`unrecognized condition: "${s}"`);
    const expr = exprPart.startsWith('{') ? exprPart : `{${exprPart}}`;
    parseJsonPath(expr);
    return after === '' ? { kind: 'jsonpath', expr } : { kind: 'jsonpath', expr, value: after.slice(1) };
  }
  throw new Error(`unrecognized condition: "${s}"`);
}

type Obj = Record<string, unknown>;

/** Whether a live object satisfies a condition/jsonpath wait. */
export function conditionMet(obj: Obj, w: WaitFor): boolean {
  if (w.kind === 'create') return true;
  if (w.kind === 'delete') return false;
  if (w.kind === 'condition') {
    const meta = (obj.metadata ?? {}) as { generation?: number };
    const status = (obj.status ?? {}) as { conditions?: Obj[]; observedGeneration?: number };
    if (
      meta.generation !== undefined &&
      status.observedGeneration !== undefined &&
      status.observedGeneration < meta.generation
    ) {
      return false;
    }
    for (const c of status.conditions ?? []) {
      if (String(c.type ?? '').toLowerCase() !== w.type.toLowerCase()) continue;
      if (
        typeof c.observedGeneration === 'number' &&
        meta.generation !== undefined &&
        c.observedGeneration < meta.generation
      ) {
        continue;
      }
      return String(c.status ?? '').toLowerCase() === w.value.toLowerCase();
    }
    return false;
  }
  let results: unknown[][];
  try {
    results = new JsonPathEvaluator(false).findResults(parseJsonPath(w.expr), obj);
  } catch {
    return false;
  }
  const values = results.flat();
  if (values.length === 0) return false;
  if (w.value === undefined) return true;
  if (values.length !== 1) return false;
  return jsonPathText(values[0]) === w.value;
}
