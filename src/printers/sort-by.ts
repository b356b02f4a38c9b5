/**
 * `--sort-by=<jsonpath>` as kubectl sorts (kubectl/pkg/cmd/get/sorter.go): the first value the
 * path yields per object decides; objects without it sort first; numbers numerically; strings as
 * resource quantities when both parse (`100m` < `2` < `1Gi`), else by bytes (so ISO timestamps
 * sort by time, and `web-10` before `web-9`, as kubectl 1.35 does); null first; lists
 * element-wise.
 *
 * Go's sort.Sort is not stable; for up to 12 items it is an insertion sort, which this mirrors.
 * Longer inputs use a stable sort, so the order of equal keys may differ from kubectl's.
 */
import { relaxedJsonPath } from './custom-columns.js';
import { compareBytes } from './json/go-json.js';
import { JsonPathEvaluator } from './jsonpath/evaluate.js';
import { type JPNode, parseJsonPath } from './jsonpath/parser.js';
import type { Table } from './types.js';

const QUANTITY = /^([+-]?(?:\d+\.?\d*|\.\d+))(Ki|Mi|Gi|Ti|Pi|Ei|[numkMGTPE]|[eE][+-]?\d+)?$/;
const SUFFIX: Record<string, number> = {
  n: 1e-9,
  u: 1e-6,
  m: 1e-3,
  k: 1e3,
  M: 1e6,
  G: 1e9,
  T: 1e12,
  P: 1e15,
  E: 1e18,
  Ki: 2 ** 10,
  Mi: 2 ** 20,
  Gi: 2 ** 30,
  Ti: 2 ** 40,
  Pi: 2 ** 50,
  Ei: 2 ** 60,
};

/** resource.ParseQuantity reduced to a comparable number; undefined when not a quantity. */
export function parseQuantity(s: string): number | undefined {
  const m = QUANTITY.exec(s);
  if (!m) return undefined;
  const n = Number(m[1]);
  const suffix = m[2] ?? '';
  if (suffix === '') return n;
  if (suffix[0] === 'e' || suffix[0] === 'E') {
    if (suffix.length > 1) return n * 10 ** Number(suffix.slice(1));
  }
  return n * SUFFIX[suffix]!;
}

function goKind(v: unknown): string {
  if (typeof v === 'boolean') return 'bool';
  if (v !== null && typeof v === 'object') return Array.isArray(v) ? '[]interface {}' : 'map[string]interface {}';
  return typeof v;
}

/** kubectl's isLess for two JSON values. */
function isLess(a: unknown, b: unknown, field: string): boolean {
  if (a === null || a === undefined) return !(b === null || b === undefined);
  if (b === null || b === undefined) return false;
  if (typeof a === 'number' && typeof b === 'number') return a < b;
  if (typeof a === 'string' && typeof b === 'string') {
    const qa = parseQuantity(a);
    const qb = qa === undefined ? undefined : parseQuantity(b);
    if (qa !== undefined && qb !== undefined) return qa < qb;
    // kubectl 1.35 orders "web-10" before "web-9": plain byte order, not natural order.
    return compareBytes(a, b) < 0;
  }
  if (Array.isArray(a) && Array.isArray(b)) {
    for (let i = 0; i < Math.min(a.length, b.length); i++) {
      if (!isLess(a[i], b[i], field)) return false;
    }
    return true;
  }
  const err =
    typeof a === typeof b || Array.isArray(a) !== Array.isArray(b)
      ? `unsortable type: ${goKind(a)}`
      : 'unsortable interface: interface';
  throw new Error(`Field ${field} in *unstructured.Unstructured is an unsortable type: interface, err: ${err}`);
}

/** Go's sort.Sort for short inputs (insertion sort); a stable sort beyond. */
function goSort<T>(items: T[], less: (a: T, b: T) => boolean): T[] {
  const out = [...items];
  if (out.length <= 12) {
    for (let i = 1; i < out.length; i++) {
      for (let j = i; j > 0 && less(out[j]!, out[j - 1]!); j--) [out[j], out[j - 1]] = [out[j - 1]!, out[j]!];
    }
    return out;
  }
  return out
    .map((v, i) => ({ v, i }))
    .sort((x, y) => (less(x.v, y.v) ? -1 : less(y.v, x.v) ? 1 : x.i - y.i))
    .map((x) => x.v);
}

function keyOf(root: { nodes: JPNode[] }, obj: unknown): { found: boolean; value: unknown } {
  const groups = new JsonPathEvaluator(true).findResults(root, obj);
  if (groups.length === 0 || groups[0]!.length === 0) return { found: false, value: undefined };
  return { found: true, value: groups[0]![0] };
}

function sortByKeys<T>(items: T[], objects: unknown[], field: string, requireOnce: boolean): T[] {
  const root = parseJsonPath(field);
  const keys = objects.map((o) => keyOf(root, o));
  if (requireOnce && items.length > 0 && !keys.some((k) => k.found)) {
    throw new Error(`couldn't find any field with path "${field}" in the list of objects`);
  }
  const indexed = items.map((item, i) => ({ item, key: keys[i]! }));
  const sorted = goSort(indexed, (x, y) => {
    if (!x.key.found) return true;
    if (!y.key.found) return false;
    return isLess(x.key.value, y.key.value, field);
  });
  return sorted.map((x) => x.item);
}

/** Sorts list items; throws kubectl's error when no item has the field. */
export function sortObjects(items: unknown[], sortBy: string): unknown[] {
  if (items.length === 0) return items;
  return sortByKeys(items, items, relaxedJsonPath(sortBy), true);
}

/** Sorts table rows by their `object` (the server must have been asked for includeObject). */
export function sortTable(table: Table, sortBy: string): Table {
  const rows = table.rows ?? [];
  if (rows.length <= 1) return table;
  let field: string;
  try {
    field = relaxedJsonPath(sortBy);
  } catch {
    field = sortBy;
  }
  return {
    ...table,
    rows: sortByKeys(
      rows,
      rows.map((r) => r.object),
      field,
      true,
    ),
  };
}
