/**
 * Applying a strategic merge patch (strategicpatch's mergeMap and friends). The same code merges
 * two patches when kubectl builds a three-way patch; `mergeParallelList` tells the two apart:
 * true when applying to an object (directives are carried out), false when combining patches
 * (directives are carried over into the result).
 *
 * Functions here mutate the `original` they are given; callers pass deep copies.
 */
import { goValue } from '../go-value-format.js';
import { deepClone, deepEqual, isObject, type JsonObject, jsonKind, setField } from '../json-value.js';
import { badRequestPatch } from '../patch-error.js';
import { fieldStrategy, itemsMeta } from './field-strategy.js';
import { normalizeElementOrder, partitionByPresence, sliceElementKind, validatePatchOrder } from './list-order.js';
import { type ListMergeResult, mergeList } from './merge-list.js';
import type { PatchMeta } from './patch-meta.js';
import {
  DELETE_DIRECTIVE,
  DELETE_FROM_PRIMITIVE_LIST_PREFIX,
  DIRECTIVE_MARKER,
  ERR_BAD_PATCH_FORMAT_FOR_PRIMITIVE_LIST,
  ERR_BAD_PATCH_FORMAT_FOR_RETAIN_KEYS,
  ERR_BAD_PATCH_FORMAT_FOR_SET_ELEMENT_ORDER_LIST,
  errBadArgType,
  errBadPatchType,
  MERGE_DIRECTIVE,
  REPLACE_DIRECTIVE,
  RETAIN_KEYS_DIRECTIVE,
  SET_ELEMENT_ORDER_PREFIX,
  smpError,
} from './smp-errors.js';

export interface MergeOptions {
  /** Carry out $deleteFromPrimitiveList/$setElementOrder/$retainKeys (apply) or keep them (combine patches). */
  readonly mergeParallelList: boolean;
  /** Drop a null for a key the original lacks (apply), or keep it in the result (combine patches). */
  readonly ignoreUnmatchedNulls: boolean;
}

export const APPLY_OPTIONS: MergeOptions = { mergeParallelList: true, ignoreUnmatchedNulls: true };

/** `prefix/key` -> `key`; a directive key without the slash is malformed. */
function extractKey(s: string, prefix: string): string {
  const slash = s.indexOf('/');
  if (slash < 0 || s.slice(0, slash) !== prefix) {
    if (prefix === DELETE_FROM_PRIMITIVE_LIST_PREFIX) throw smpError(ERR_BAD_PATCH_FORMAT_FOR_PRIMITIVE_LIST);
    throw smpError(ERR_BAD_PATCH_FORMAT_FOR_SET_ELEMENT_ORDER_LIST);
  }
  return s.slice(slash + 1);
}

function handleDirectiveInMergeMap(directive: unknown, patch: JsonObject): JsonObject {
  if (directive === REPLACE_DIRECTIVE) {
    delete patch[DIRECTIVE_MARKER];
    return patch;
  }
  if (directive === DELETE_DIRECTIVE) return {};
  throw errBadPatchType(directive, patch);
}

/** $retainKeys: clears fields of `original` not listed; every patched field must be listed. */
function applyRetainKeysDirective(original: JsonObject, patch: JsonObject, options: MergeOptions): void {
  if (!Object.hasOwn(patch, RETAIN_KEYS_DIRECTIVE)) return;
  const retain = patch[RETAIN_KEYS_DIRECTIVE];
  delete patch[RETAIN_KEYS_DIRECTIVE];
  if (!options.mergeParallelList) {
    // Combining two patches: both must agree on the list (they are computed from the same object).
    if (Object.hasOwn(original, RETAIN_KEYS_DIRECTIVE)) {
      if (!deepEqual(original[RETAIN_KEYS_DIRECTIVE], retain)) {
        throw smpError(
          `${goValue(original[RETAIN_KEYS_DIRECTIVE])} and ${goValue(retain)} are not deep equal: this may happen when calculating the 3-way diff patch`,
        );
      }
    } else {
      setField(original, RETAIN_KEYS_DIRECTIVE, retain);
    }
    return;
  }
  if (!Array.isArray(retain)) throw smpError(ERR_BAD_PATCH_FORMAT_FOR_RETAIN_KEYS);
  const keep = new Set(retain);
  for (const [k, v] of Object.entries(patch)) {
    if (v === null || k.startsWith(DELETE_FROM_PRIMITIVE_LIST_PREFIX) || k.startsWith(SET_ELEMENT_ORDER_PREFIX))
      continue;
    if (!keep.has(k)) throw smpError(ERR_BAD_PATCH_FORMAT_FOR_RETAIN_KEYS);
  }
  for (const k of Object.keys(original)) if (!keep.has(k)) delete original[k];
}

/**
 * $setElementOrder/<list>: merges <list> now and orders the result — items named by the
 * directive in its order, server-only items interleaved by the server's order.
 */
function mergePatchIntoOriginal(original: JsonObject, patch: JsonObject, meta: PatchMeta, options: MergeOptions): void {
  for (const key of Object.keys(patch)) {
    if (!key.startsWith(SET_ELEMENT_ORDER_PREFIX)) continue;
    const setOrder = patch[key];
    if (!options.mergeParallelList) {
      if (Object.hasOwn(original, key)) {
        if (!deepEqual(original[key], setOrder)) throw smpError(ERR_BAD_PATCH_FORMAT_FOR_SET_ELEMENT_ORDER_LIST);
      } else {
        setField(original, key, setOrder);
      }
    }
    delete patch[key];
    if (!Array.isArray(setOrder)) throw errBadArgType('slice', setOrder);
    const listKey = extractKey(key, SET_ELEMENT_ORDER_PREFIX);
    const foundOriginal = Object.hasOwn(original, listKey);
    const foundPatch = Object.hasOwn(patch, listKey);
    const originalList = original[listKey];
    const patchList = patch[listKey];
    if (foundOriginal && !Array.isArray(originalList)) throw errBadArgType('slice', originalList);
    if (foundPatch && !Array.isArray(patchList)) throw errBadArgType('slice', patchList);
    const originalItems = (foundOriginal ? originalList : []) as unknown[];
    const patchItems = (foundPatch ? patchList : []) as unknown[];
    const field = fieldStrategy(meta, listKey);
    validatePatchOrder(patchItems, setOrder, field.mergeKey);
    let merged: unknown[];
    let serverOrder = originalItems;
    if (foundOriginal && foundPatch) {
      const result = mergeSliceHandler(
        originalItems,
        patchItems,
        field.sub,
        field.strategy,
        field.mergeKey,
        false,
        options,
      );
      merged = result.merged;
      serverOrder = result.originalAfter;
    } else if (foundOriginal) {
      merged = originalItems;
    } else if (foundPatch) {
      merged = removeDirectives(patchItems).value as unknown[];
    } else {
      continue;
    }
    const { present, absent } = partitionByPresence(merged, setOrder, field.mergeKey);
    const kind = sliceElementKind(serverOrder, patchItems);
    setField(original, listKey, normalizeElementOrder(present, absent, setOrder, serverOrder, field.mergeKey, kind));
    delete patch[listKey];
  }
}

/** Drops null members of objects, at any depth (kube's discardNullValuesFromPatch); mutates. */
function discardNulls(v: unknown): void {
  if (Array.isArray(v)) {
    for (const x of v) discardNulls(x);
  } else if (isObject(v)) {
    for (const [k, x] of Object.entries(v)) {
      if (x === null) delete v[k];
      else discardNulls(x);
    }
  }
}

/**
 * kube's removeDirectives: a value taken from the patch as is loses every object that carries a
 * `$patch` directive (keys holding one are dropped, list items too); `keep` is false when the
 * value itself is such an object. Mutates.
 */
function removeDirectives(v: unknown): { value: unknown; keep: boolean } {
  if (isObject(v)) {
    if (Object.hasOwn(v, DIRECTIVE_MARKER)) return { value: undefined, keep: false };
    for (const [k, x] of Object.entries(v)) {
      const r = removeDirectives(x);
      if (r.keep) setField(v, k, r.value);
      else delete v[k];
    }
    return { value: v, keep: true };
  }
  if (Array.isArray(v)) {
    const out: unknown[] = [];
    for (const x of v) {
      const r = removeDirectives(x);
      if (r.keep) out.push(r.value);
    }
    return { value: out, keep: true };
  }
  return { value: v, keep: true };
}

/** Sets `target[k]` to a patch value taken as is: nulls dropped when applying, directives removed. */
function takePatchValue(target: JsonObject, k: string, patchV: unknown, options: MergeOptions): void {
  if (options.ignoreUnmatchedNulls) discardNulls(patchV);
  const { value, keep } = removeDirectives(patchV);
  if (keep) setField(target, k, value);
  else delete target[k];
}

/** Merges `patch` into `original` (mutated and returned; a new object for `$patch` directives). */
export function mergeMap(
  original: JsonObject | undefined,
  patch: JsonObject,
  meta: PatchMeta,
  options: MergeOptions,
): JsonObject {
  if (Object.hasOwn(patch, DIRECTIVE_MARKER)) return handleDirectiveInMergeMap(patch[DIRECTIVE_MARKER], patch);
  const target = original ?? {};
  applyRetainKeysDirective(target, patch, options);
  mergePatchIntoOriginal(target, patch, meta, options);

  for (let [k, patchV] of Object.entries(patch)) {
    let isDeleteList = false;
    if (k.startsWith(DELETE_FROM_PRIMITIVE_LIST_PREFIX)) {
      if (!options.mergeParallelList) {
        setField(target, k, patchV);
        continue;
      }
      k = extractKey(k, DELETE_FROM_PRIMITIVE_LIST_PREFIX);
      isDeleteList = true;
    }
    if (patchV === null) {
      delete target[k];
      if (options.ignoreUnmatchedNulls) continue;
    }
    if (!Object.hasOwn(target, k)) {
      if (!isDeleteList) takePatchValue(target, k, patchV, options);
      continue;
    }
    const originalV = target[k];
    const kind = jsonKind(originalV);
    if (kind !== jsonKind(patchV)) {
      if (!isDeleteList) takePatchValue(target, k, patchV, options);
      continue;
    }
    if (kind === 'object') {
      const field = fieldStrategy(meta, k);
      const merged =
        field.strategy === REPLACE_DIRECTIVE
          ? patchV
          : mergeMap(originalV as JsonObject, patchV as JsonObject, field.sub, options);
      setField(target, k, merged);
    } else if (kind === 'array') {
      const field = fieldStrategy(meta, k);
      const list = originalV as unknown[];
      setField(
        target,
        k,
        mergeSliceHandler(list, patchV as unknown[], field.sub, field.strategy, field.mergeKey, isDeleteList, options)
          .merged,
      );
    } else {
      setField(target, k, patchV);
    }
  }
  return target;
}

/** The merged list (and, for `$setElementOrder`, how the original list looks afterwards). */
function mergeSliceHandler(
  original: unknown[],
  patch: unknown[],
  listMeta: PatchMeta,
  strategy: string,
  mergeKey: string,
  isDeleteList: boolean,
  options: MergeOptions,
): ListMergeResult {
  // Deletion lists act the same whatever the field's strategy.
  if (strategy !== MERGE_DIRECTIVE && !isDeleteList) return { merged: patch, originalAfter: original };
  const itemMeta = itemsMeta(listMeta);
  return mergeList(original, patch, itemMeta, mergeKey, options.mergeParallelList && isDeleteList, (o, p) =>
    mergeMap(o, p, itemMeta, options),
  );
}

/**
 * Applies a strategic merge patch to a deep copy of `original` and returns it; neither argument
 * is changed. `null` as patch changes nothing (as kube decodes `null` into an empty map); a
 * patch that is not an object is a 400, as the apiserver's decoding error. Errors are
 * PatchError with kube's texts and status codes (see smp-errors.ts).
 */
export function applyStrategicMergePatch(original: unknown, patch: unknown, meta: PatchMeta): JsonObject {
  if (!isObject(original)) throw smpError('invalid JSON document');
  if (patch === null || patch === undefined) return deepClone(original);
  if (!isObject(patch)) {
    throw badRequestPatch(
      `json: cannot unmarshal ${jsonKindWord(patch)} into Go value of type map[string]interface {}`,
    );
  }
  return mergeMap(deepClone(original), deepClone(patch), meta, APPLY_OPTIONS);
}

const jsonKindWord = (v: unknown): string => {
  const k = jsonKind(v);
  return k === 'boolean' ? 'bool' : k;
};
