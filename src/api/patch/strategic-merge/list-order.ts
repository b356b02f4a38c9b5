/**
 * List helpers of strategic merge patch: element kinds, merge-key lookups, scalar sorting and the
 * ordering rules (strategicpatch's normalizeElementOrder / mergeSortedSlice): items named by the
 * patch (or its $setElementOrder list) keep the patch's relative order, items only on the server
 * keep theirs, and the two are interleaved following the server's order where both are known.
 */
import { goValue } from '../go-value-format.js';
import { isObject, type JsonObject, jsonKind } from '../json-value.js';
import { goSliceStable } from './go-stable-sort.js';
import {
  DELETE_DIRECTIVE,
  DIRECTIVE_MARKER,
  ERR_NO_LIST_OF_LISTS,
  errBadArgType,
  errNoMergeKey,
  smpError,
} from './smp-errors.js';

/** 'map' for lists of objects; otherwise the scalar kind. */
export type ElementKind = 'map' | 'string' | 'number' | 'boolean' | 'null';

/**
 * The common kind of the elements of all lists (sliceElementType). Throws for lists of lists,
 * mixed kinds, and when there is no element at all.
 */
export function sliceElementKind(...lists: ReadonlyArray<readonly unknown[] | undefined>): ElementKind {
  let kind: ElementKind | undefined;
  for (const list of lists) {
    for (const v of list ?? []) {
      const k = jsonKind(v);
      // Like kube, only the first element decides "list of lists"; later ones are just mismatches.
      if (kind === undefined && k === 'array') throw smpError(ERR_NO_LIST_OF_LISTS);
      const current = k === 'object' ? 'map' : k;
      if (kind === undefined) kind = current as ElementKind;
      else if (kind !== current) {
        // fmt.Sprint of the lists; a missing (nil) list prints as [].
        throw smpError(`list element types are not identical: ${goValue(lists.map((l) => l ?? []))}`);
      }
    }
  }
  if (kind === undefined) throw smpError('no elements in any of the given slices');
  return kind;
}

/** Go's `%v` string of a scalar, the order kube sorts scalars (and merge-key values) by. */
const sortString = (v: unknown): string => goValue(v);

/** Sorts scalars by their `%v` text (sortScalars); returns a new list. */
export function sortScalars<T>(list: readonly T[]): T[] {
  return [...list].sort((a, b) => compareStrings(sortString(a), sortString(b)));
}

export const compareStrings = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Removes duplicate scalars the way kube's deduplicateScalars does: a later duplicate is
 * overwritten by the current last element, so the order of what remains is kube's too.
 */
export function deduplicateScalars(input: readonly unknown[]): unknown[] {
  const s = [...input];
  let length = s.length - 1;
  for (let i = 0; i < length; i++) {
    for (let j = i + 1; j <= length; j++) {
      if (s[i] === s[j]) {
        s[j] = s[length];
        s.length = length;
        length--;
        j--;
      }
    }
  }
  return s;
}

/** The merge-key value of an item, null when absent (Go's nil). */
const keyValue = (item: unknown, mergeKey: string): unknown => (isObject(item) ? (item[mergeKey] ?? null) : null);

/** Position of `value` in `list`, by merge key for maps, by value for scalars; -1 if absent. */
function indexOfItem(list: readonly unknown[], value: unknown, mergeKey: string, kind: ElementKind): number {
  if (kind !== 'map') return list.indexOf(value);
  const wanted = keyValue(value, mergeKey);
  return list.findIndex((v) => keyValue(v, mergeKey) === wanted);
}

/** Every item of every list must be an object holding `mergeKey` (validateMergeKeyInLists). */
function validateMergeKeyInLists(mergeKey: string, ...lists: ReadonlyArray<readonly unknown[]>): void {
  for (const list of lists) {
    for (const item of list) {
      if (!isObject(item)) throw errBadArgType('map', item);
      if (!Object.hasOwn(item, mergeKey)) throw errNoMergeKey(item, mergeKey);
    }
  }
}

/** Splits a list of objects into items kept and `$patch: delete` items. */
function extractToDeleteItems(list: readonly unknown[]): { keep: unknown[]; toDelete: unknown[] } {
  const keep: unknown[] = [];
  const toDelete: unknown[] = [];
  for (const v of list) {
    if (!isObject(v)) throw errBadArgType('map', v);
    if (Object.hasOwn(v, DIRECTIVE_MARKER) && v[DIRECTIVE_MARKER] === DELETE_DIRECTIVE) toDelete.push(v);
    else keep.push(v);
  }
  return { keep, toDelete };
}

/**
 * Sorts `toSort` by the position of its items in `order` (Go's stable sort with kube's
 * comparator); for maps, `$patch: delete` items go last.
 */
export function normalizeSliceOrder(
  toSort: readonly unknown[],
  order: readonly unknown[],
  mergeKey: string,
  kind: ElementKind,
): unknown[] {
  let items = [...toSort];
  let toDelete: unknown[] = [];
  if (kind === 'map') {
    validateMergeKeyInLists(mergeKey, items, order);
    ({ keep: items, toDelete } = extractToDeleteItems(items));
  }
  // kube's comparator calls an item missing from `order` less than anything; Go's stable sort
  // then moves such items in its own way, which kube's results show.
  goSliceStable(items, (i, j) => {
    const ii = indexOfItem(order, items[i], mergeKey, kind);
    if (ii >= 0) {
      const ij = indexOfItem(order, items[j], mergeKey, kind);
      if (ij >= 0) return ii < ij;
    }
    return true;
  });
  return [...items, ...toDelete];
}

/**
 * Interleaves server-only items (`left`) into patch items (`right`), both already sorted: a
 * server item goes first only when both are on the server and it comes earlier there.
 */
function mergeSortedSlice(
  left: readonly unknown[],
  right: readonly unknown[],
  serverOrder: readonly unknown[],
  mergeKey: string,
  kind: ElementKind,
): unknown[] {
  const out: unknown[] = [];
  let i = 0;
  let j = 0;
  while (i < left.length || j < right.length) {
    if (i >= left.length) out.push(right[j++]);
    else if (j >= right.length) out.push(left[i++]);
    else {
      const li = indexOfItem(serverOrder, left[i], mergeKey, kind);
      const ri = indexOfItem(serverOrder, right[j], mergeKey, kind);
      if (li >= 0 && ri >= 0 && li < ri) out.push(left[i++]);
      else out.push(right[j++]);
    }
  }
  return out;
}

/** normalizeElementOrder: patch items in `patchOrder`, server-only in `serverOrder`, interleaved. */
export function normalizeElementOrder(
  patch: readonly unknown[],
  serverOnly: readonly unknown[],
  patchOrder: readonly unknown[],
  serverOrder: readonly unknown[],
  mergeKey: string,
  kind: ElementKind,
): unknown[] {
  const sortedPatch = normalizeSliceOrder(patch, patchOrder, mergeKey, kind);
  const sortedServer = normalizeSliceOrder(serverOnly, serverOrder, mergeKey, kind);
  return mergeSortedSlice(sortedServer, sortedPatch, serverOrder, mergeKey, kind);
}

/** findMapInSliceBasedOnKeyValue: the first object whose `key` equals `value`. */
function findByMergeKey(
  list: readonly unknown[],
  key: string,
  value: unknown,
): { item: JsonObject; index: number } | undefined {
  for (let i = 0; i < list.length; i++) {
    const v = list[i];
    if (!isObject(v)) throw smpError(`value for key ${i} is not a map.`);
    if (Object.hasOwn(v, key) && v[key] === value) return { item: v, index: i };
  }
  return undefined;
}

/** Splits items into those present in `partitionBy` and the rest (scalars by value, maps by merge key). */
export function partitionByPresence(
  items: readonly unknown[],
  partitionBy: readonly unknown[],
  mergeKey: string,
): { present: unknown[]; absent: unknown[] } {
  const present: unknown[] = [];
  const absent: unknown[] = [];
  if (!mergeKey) {
    const inPatch = new Set(partitionBy);
    for (const v of items) (inPatch.has(v) ? present : absent).push(v);
    return { present, absent };
  }
  for (const v of items) {
    if (!isObject(v)) throw errBadArgType('map', v);
    if (!Object.hasOwn(v, mergeKey)) throw errNoMergeKey(v, mergeKey);
    (findByMergeKey(partitionBy, mergeKey, v[mergeKey]) ? present : absent).push(v);
  }
  return { present, absent };
}

/** Whether two items have the same merge-key value (or are equal scalars when there is no key). */
export function mergeKeyValueEqual(left: unknown, right: unknown, mergeKey: string): boolean {
  if (!mergeKey) return left === right;
  if (!isObject(left)) throw errBadArgType('map', left);
  if (!isObject(right)) throw errBadArgType('map', right);
  if (!Object.hasOwn(left, mergeKey)) throw errNoMergeKey(left, mergeKey);
  if (!Object.hasOwn(right, mergeKey)) throw errNoMergeKey(right, mergeKey);
  return left[mergeKey] === right[mergeKey];
}

/**
 * The items of a patch list (deletions aside) must appear in its $setElementOrder list, in the
 * same relative order (validatePatchWithSetOrderList).
 */
export function validatePatchOrder(
  patchList: readonly unknown[],
  setOrder: readonly unknown[],
  mergeKey: string,
): void {
  if (setOrder.length === 0 || patchList.length === 0) return;
  const items = mergeKey ? extractToDeleteItems(patchList).keep : patchList;
  let pi = 0;
  let si = 0;
  while (pi < items.length && si < setOrder.length) {
    const item = items[pi];
    if (isObject(item) && Object.hasOwn(item, DIRECTIVE_MARKER)) {
      pi++;
      continue;
    }
    if (mergeKeyValueEqual(item, setOrder[si], mergeKey)) pi++;
    si++;
  }
  if (pi < items.length && si >= setOrder.length) {
    throw smpError(
      `The order in patch list:\n${goValue(patchList)}\n doesn't match $setElementOrder list:\n${goValue(setOrder)}\n`,
    );
  }
}
