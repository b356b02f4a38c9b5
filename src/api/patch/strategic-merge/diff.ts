/**
 * Computing strategic merge patches (strategicpatch's diffMaps and friends): the patch that turns
 * one object into another, with `$setElementOrder` lists for merging lists, `$patch: delete`
 * items for removed list objects, `$deleteFromPrimitiveList` for removed scalars, null for removed
 * fields and `$retainKeys` for fields with the retainKeys strategy.
 */

import { goValue } from '../go-value-format.js';
import { deepClone, deepEqual, isObject, type JsonObject, jsonKind, setField, sortKeysDeep } from '../json-value.js';
import { checkPreconditions, type PatchPrecondition } from '../preconditions.js';
import { fieldStrategy, itemsMeta } from './field-strategy.js';
import {
  compareStrings,
  deduplicateScalars,
  type ElementKind,
  mergeKeyValueEqual,
  normalizeSliceOrder,
  sliceElementKind,
  sortScalars,
} from './list-order.js';
import type { PatchMeta } from './patch-meta.js';
import {
  DELETE_DIRECTIVE,
  DELETE_FROM_PRIMITIVE_LIST_PREFIX,
  DIRECTIVE_MARKER,
  errBadArgType,
  errNoMergeKey,
  MERGE_DIRECTIVE,
  REPLACE_DIRECTIVE,
  RETAIN_KEYS_DIRECTIVE,
  SET_ELEMENT_ORDER_PREFIX,
  smpError,
} from './smp-errors.js';

export interface DiffOptions {
  /** Emit `$setElementOrder/<list>` for merging lists. */
  readonly setElementOrder?: boolean;
  /** Leave additions and changes out (only deletions). */
  readonly ignoreChangesAndAdditions?: boolean;
  /** Leave deletions out (only additions and changes). */
  readonly ignoreDeletions?: boolean;
  /** Emit `$retainKeys` for this map (set from the field's retainKeys strategy). */
  readonly buildRetainKeysDirective?: boolean;
}

/** The recursive patch from `original` to `modified`; values are shared with `modified`. */
export function diffMaps(
  original: JsonObject,
  modified: JsonObject,
  meta: PatchMeta,
  options: DiffOptions,
): JsonObject {
  const patch: JsonObject = {};
  const retainKeys: string[] = [];
  for (const [key, modifiedV] of Object.entries(modified)) {
    if (options.buildRetainKeysDirective && modifiedV !== null) retainKeys.push(key);
    if (!Object.hasOwn(original, key)) {
      if (!options.ignoreChangesAndAdditions) setField(patch, key, modifiedV);
      continue;
    }
    const originalV = original[key];
    if (key === DIRECTIVE_MARKER) {
      if (typeof originalV !== 'string' || typeof modifiedV !== 'string') {
        throw smpError(`invalid value for special key: ${DIRECTIVE_MARKER}`);
      }
      if (originalV !== modifiedV) setField(patch, key, modifiedV);
      continue;
    }
    if (jsonKind(originalV) !== jsonKind(modifiedV)) {
      if (!options.ignoreChangesAndAdditions) setField(patch, key, modifiedV);
      continue;
    }
    if (isObject(originalV)) handleMapDiff(key, originalV, modifiedV as JsonObject, patch, meta, options);
    else if (Array.isArray(originalV)) handleSliceDiff(key, originalV, modifiedV as unknown[], patch, meta, options);
    else replaceIfNotEqual(key, originalV, modifiedV, patch, options);
  }
  if (!options.ignoreDeletions) {
    for (const key of Object.keys(original)) if (!Object.hasOwn(modified, key)) setField(patch, key, null);
  }
  // $retainKeys is sent when something changes, or when fields must be cleared.
  if (retainKeys.length > 0 && (Object.keys(patch).length > 0 || hasAdditionalNewField(original, modified))) {
    setField(patch, RETAIN_KEYS_DIRECTIVE, sortScalars(retainKeys));
  }
  return patch;
}

function hasAdditionalNewField(original: JsonObject, modified: JsonObject): boolean {
  return Object.entries(original).some(([k, v]) => v !== null && !Object.hasOwn(modified, k));
}

function replaceIfNotEqual(key: string, original: unknown, modified: unknown, patch: JsonObject, options: DiffOptions) {
  if (options.ignoreChangesAndAdditions || deepEqual(original, modified)) return;
  setField(patch, key, modified);
}

function handleMapDiff(
  key: string,
  original: JsonObject,
  modified: JsonObject,
  patch: JsonObject,
  meta: PatchMeta,
  options: DiffOptions,
): void {
  const field = fieldStrategy(meta, key);
  if (field.strategy === REPLACE_DIRECTIVE) {
    if (!options.ignoreChangesAndAdditions) setField(patch, key, modified);
    return;
  }
  const sub = diffMaps(original, modified, field.sub, { ...options, buildRetainKeysDirective: field.retainKeys });
  if (Object.keys(sub).length > 0) setField(patch, key, sub);
}

function handleSliceDiff(
  key: string,
  original: unknown[],
  modified: unknown[],
  patch: JsonObject,
  meta: PatchMeta,
  options: DiffOptions,
): void {
  const field = fieldStrategy(meta, key);
  if (field.strategy !== MERGE_DIRECTIVE) {
    replaceIfNotEqual(key, original, modified, patch, options);
    return;
  }
  const { add, remove, order } = diffLists(original, modified, itemsMeta(field.sub), field.mergeKey, {
    ...options,
    buildRetainKeysDirective: field.retainKeys,
  });
  if (add.length > 0) setField(patch, key, add);
  if (remove.length > 0) setField(patch, `${DELETE_FROM_PRIMITIVE_LIST_PREFIX}/${key}`, remove);
  if (order.length > 0) setField(patch, `${SET_ELEMENT_ORDER_PREFIX}/${key}`, order);
}

interface ListDiff {
  /** Patch items (additions, changes, and `$patch: delete` items for lists of objects). */
  add: unknown[];
  /** Scalars to delete (the parallel `$deleteFromPrimitiveList` list). */
  remove: unknown[];
  /** The `$setElementOrder` list. */
  order: unknown[];
}

function diffLists(
  original: unknown[],
  modified: unknown[],
  itemMeta: PatchMeta,
  mergeKey: string,
  options: DiffOptions,
): ListDiff {
  if (original.length === 0) {
    if (modified.length === 0 || options.ignoreChangesAndAdditions) return { add: [], remove: [], order: [] };
    return { add: modified, remove: [], order: [] };
  }
  const kind = sliceElementKind(original, modified);
  if (kind === 'map') {
    const { patch, deletions } = diffListsOfMaps(original, modified, itemMeta, mergeKey, options);
    const add = [...normalizeSliceOrder(patch, modified, mergeKey, kind), ...deletions];
    const orderSame = isOrderSame(original, modified, mergeKey);
    const wantOrder =
      options.setElementOrder &&
      ((!options.ignoreChangesAndAdditions && (add.length > 0 || !orderSame)) ||
        (!options.ignoreDeletions && add.length > 0));
    const order = wantOrder ? modified.map((v) => ({ [mergeKey]: (v as JsonObject)[mergeKey] })) : [];
    return { add, remove: [], order };
  }
  const { add, remove } = diffListsOfScalars(original, modified, options);
  const sorted = normalizeSliceOrder(add, modified, '', kind);
  const wantOrder =
    options.setElementOrder &&
    ((!options.ignoreDeletions && remove.length > 0) ||
      // kube compares after sorting `original` in place, so a reordered list counts as changed
      // even when it already had this order: an unsorted list always gets $setElementOrder.
      (!options.ignoreChangesAndAdditions && !deepEqual(sortScalars(original), modified)));
  return { add: sorted, remove, order: wantOrder ? modified : [] };
}

function isOrderSame(original: unknown[], modified: unknown[], mergeKey: string): boolean {
  if (original.length !== modified.length) return false;
  return modified.every((m, i) => mergeKeyValueEqual(original[i], m, mergeKey));
}

/** Walks both lists sorted by `%v` text: what only `modified` has is added, what only `original` has deleted. */
function diffListsOfScalars(original: unknown[], modified: unknown[], options: DiffOptions) {
  const o = sortScalars(original);
  const m = sortScalars(modified);
  const add: unknown[] = [];
  const remove: unknown[] = [];
  let i = 0;
  let j = 0;
  while (i < o.length || j < m.length) {
    const cmp = i >= o.length ? 1 : j >= m.length ? -1 : compareStrings(goValue(o[i]), goValue(m[j]));
    if (cmp === 0) {
      i++;
      j++;
    } else if (cmp < 0) {
      if (!options.ignoreDeletions) remove.push(o[i]);
      i++;
    } else {
      if (!options.ignoreChangesAndAdditions) add.push(m[j]);
      j++;
    }
  }
  return { add, remove: deduplicateScalars(remove) };
}

function sortByMergeKey(list: unknown[], mergeKey: string, kind: ElementKind): unknown[] {
  if (kind !== 'map') return sortScalars(deduplicateScalars(list));
  const key = (v: unknown): string => goValue(isObject(v) ? v[mergeKey] : undefined);
  return [...list].sort((a, b) => compareStrings(key(a), key(b)));
}

function mergeKeyOf(item: unknown, mergeKey: string): { item: JsonObject; value: unknown } {
  if (!isObject(item)) throw errBadArgType('map', item);
  if (!Object.hasOwn(item, mergeKey)) throw errNoMergeKey(item, mergeKey);
  return { item, value: item[mergeKey] };
}

function diffListsOfMaps(
  original: unknown[],
  modified: unknown[],
  itemMeta: PatchMeta,
  mergeKey: string,
  options: DiffOptions,
): { patch: unknown[]; deletions: unknown[] } {
  const patch: unknown[] = [];
  const deletions: unknown[] = [];
  const o = sortByMergeKey(original, mergeKey, sliceElementKind(original));
  const m = modified.length > 0 ? sortByMergeKey(modified, mergeKey, sliceElementKind(modified)) : [];
  let i = 0;
  let j = 0;
  while (i < o.length || j < m.length) {
    const oe = i < o.length ? mergeKeyOf(o[i], mergeKey) : undefined;
    const me = j < m.length ? mergeKeyOf(m[j], mergeKey) : undefined;
    const cmp = !oe ? 1 : !me ? -1 : compareStrings(goValue(oe.value), goValue(me.value));
    if (cmp === 0 && oe && me) {
      const sub = diffMaps(oe.item, me.item, itemMeta, options);
      if (Object.keys(sub).length > 0) {
        setField(sub, mergeKey, me.value);
        patch.push(sub);
      }
      i++;
      j++;
    } else if (cmp > 0 && me) {
      if (!options.ignoreChangesAndAdditions) patch.push(me.item);
      j++;
    } else if (oe) {
      if (!options.ignoreDeletions) deletions.push({ [mergeKey]: oe.value, [DIRECTIVE_MARKER]: DELETE_DIRECTIVE });
      i++;
    }
  }
  return { patch, deletions };
}

/**
 * The strategic merge patch that turns `original` into `modified` (kube's CreateTwoWayMergePatch):
 * changed fields, null for removed fields, `$setElementOrder` + changed items + `$patch: delete`
 * items for merging lists, `$deleteFromPrimitiveList` for removed scalars of merging lists,
 * `$retainKeys` under retainKeys fields. Keys are sorted as kube's JSON output. Undefined
 * documents count as `{}`; non-objects and malformed merging lists throw PatchError, a patch
 * failing one of `preconditions` PatchPreconditionError.
 */
export function createTwoWayMergePatch(
  original: unknown,
  modified: unknown,
  meta: PatchMeta,
  preconditions: readonly PatchPrecondition[] = [],
): JsonObject {
  const o = original ?? {};
  const m = modified ?? {};
  if (!isObject(o) || !isObject(m)) throw smpError('invalid JSON document');
  const patch = sortKeysDeep(deepClone(diffMaps(o, m, meta, { setElementOrder: true })));
  checkPreconditions(patch, preconditions);
  return patch;
}
