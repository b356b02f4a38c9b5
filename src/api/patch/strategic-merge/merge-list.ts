/**
 * Merging a list with the merge strategy (strategicpatch's mergeSlice): scalars are unioned,
 * objects merged by merge key, `$patch` items carried out, and the result ordered.
 *
 * kube deletes from and appends to the original list in place, on a Go slice whose backing array
 * other code still holds: the caller ordering a `$setElementOrder` list reads the server order
 * from that same array afterwards and sees those writes. The order of kube's results depends on
 * it, so the writes are replayed here on an explicit backing array. Lists decoded from JSON or
 * protobuf grow by appending, so their capacity is the next power of two of their length.
 */
import { isObject, type JsonObject } from '../json-value.js';
import { type ElementKind, normalizeElementOrder, partitionByPresence, sliceElementKind } from './list-order.js';
import type { PatchMeta } from './patch-meta.js';
import {
  DELETE_DIRECTIVE,
  DIRECTIVE_MARKER,
  errBadPatchType,
  errNoMergeKey,
  MERGE_DIRECTIVE,
  REPLACE_DIRECTIVE,
  smpError,
} from './smp-errors.js';

export interface ListMergeResult {
  /** The merged, ordered list. */
  merged: unknown[];
  /** What a holder of the original list sees afterwards (same length, kube's in-place writes applied). */
  originalAfter: unknown[];
}

/** Merges two objects of a list (mergeMap, passed in to keep the modules acyclic). */
export type MergeItem = (original: JsonObject, patch: JsonObject) => JsonObject;

/** Capacity of a Go slice built by appending `n` elements one by one. */
export const decodedCapacity = (n: number): number => (n <= 1 ? n : 2 ** Math.ceil(Math.log2(n)));

/** kube's deduplicateScalars, in place on `s` (later duplicates overwritten by the last element); returns the new length. */
function deduplicateInPlace(s: unknown[], length: number): number {
  let last = length - 1;
  for (let i = 0; i < last; i++) {
    for (let j = i + 1; j <= last; j++) {
      if (s[i] === s[j]) {
        s[j] = s[last];
        last--;
        j--;
      }
    }
  }
  return last + 1;
}

/** Scalars: a deletion list removes values; otherwise the union, ordered. */
function mergeScalars(original: unknown[], patch: unknown[], deleteOnly: boolean, kind: ElementKind): ListMergeResult {
  if (deleteOnly) {
    const toDelete = new Set(patch);
    return { merged: original.filter((v) => !toDelete.has(v)), originalAfter: original };
  }
  // append(original, patch...) reuses the original's array when it fits; deduplication then
  // rewrites that array in place.
  const both = [...original, ...patch];
  const length = deduplicateInPlace(both, both.length);
  const shared = original.length + patch.length <= decodedCapacity(original.length);
  const originalAfter = shared ? both.slice(0, original.length) : original;
  const merged = both.slice(0, length);
  const { present, absent } = partitionByPresence(merged, patch, '');
  return { merged: normalizeElementOrder(present, absent, patch, originalAfter, '', kind), originalAfter };
}

/** First index below `length` whose object has `key` equal to `value`; -1 if none. */
function indexByMergeKey(list: unknown[], length: number, key: string, value: unknown): number {
  for (let i = 0; i < length; i++) {
    const v = list[i];
    if (!isObject(v)) throw smpError(`value for key ${i} is not a map.`);
    if (Object.hasOwn(v, key) && v[key] === value) return i;
  }
  return -1;
}

/** Merges `patch` into `original` for a list with the merge strategy; neither array is changed. */
export function mergeList(
  original: unknown[],
  patch: unknown[],
  itemMeta: PatchMeta,
  mergeKey: string,
  deleteList: boolean,
  mergeItem: MergeItem,
): ListMergeResult {
  if (original.length === 0 && patch.length === 0) return { merged: original, originalAfter: original };
  const kind = sliceElementKind(original, patch);
  if (kind !== 'map') return mergeScalars(original, patch, deleteList, kind);
  if (!mergeKey) throw smpError(`cannot merge lists without merge key for ${itemMeta.name}`);

  // The original's backing array: deletions shift it left in place; appends write past the
  // current length while the capacity lasts, after which Go moves the list to a new array.
  const backing = [...original];
  const capacity = decodedCapacity(original.length);
  let length = original.length;

  const plain: unknown[] = [];
  let replace = false;
  for (const v of patch) {
    const item = v as JsonObject;
    if (!Object.hasOwn(item, DIRECTIVE_MARKER)) {
      plain.push(v);
      continue;
    }
    const directive = item[DIRECTIVE_MARKER];
    if (directive === DELETE_DIRECTIVE) {
      if (!Object.hasOwn(item, mergeKey)) throw errNoMergeKey(item, mergeKey);
      const value = item[mergeKey];
      for (let i = indexByMergeKey(backing, length, mergeKey, value); i >= 0; ) {
        backing.copyWithin(i, i + 1, length);
        length--;
        i = indexByMergeKey(backing, length, mergeKey, value);
      }
    } else if (directive === REPLACE_DIRECTIVE) {
      replace = true; // keep going: later directive items are still carried out or rejected
    } else if (directive === MERGE_DIRECTIVE) {
      throw smpError('merging lists cannot yet be specified in the patch');
    } else {
      throw errBadPatchType(directive, item);
    }
  }
  const originalAfterDeletes = backing.slice(0, length);
  // $patch: replace: the list becomes the patch's other items, ordered as the patch has them.
  const base = replace ? plain : originalAfterDeletes;
  const items = replace ? [] : plain;

  // Writes go to `target[0, targetLength)`: the backing array until an append outgrows it.
  let target: unknown[] = replace ? [...plain] : backing;
  let targetLength = replace ? plain.length : length;
  for (const v of items) {
    const item = v as JsonObject;
    if (!Object.hasOwn(item, mergeKey)) throw errNoMergeKey(item, mergeKey);
    const index = indexByMergeKey(target, targetLength, mergeKey, item[mergeKey]);
    if (index >= 0) {
      target[index] = mergeItem(target[index] as JsonObject, item);
    } else if (target === backing && targetLength < capacity) {
      backing[targetLength++] = item;
    } else {
      if (target === backing) target = backing.slice(0, targetLength);
      target.push(item);
      targetLength = target.length;
    }
  }
  const current = target.slice(0, targetLength);
  const { present, absent } = partitionByPresence(current, items, mergeKey);
  return {
    merged: normalizeElementOrder(present, absent, items, base, mergeKey, kind),
    originalAfter: backing.slice(0, original.length),
  };
}
