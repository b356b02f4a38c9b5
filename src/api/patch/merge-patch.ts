/**
 * JSON merge patch (RFC 7386, `application/merge-patch+json`) as kube uses it: applying follows
 * evanphx/json-patch's MergePatch (kube-apiserver), creating follows its CreateMergePatch, and the
 * three-way form is apimachinery's jsonmergepatch.CreateThreeWayJSONMergePatch, which kubectl
 * apply uses for kinds without strategic merge metadata (custom resources).
 */
import { dump } from 'js-yaml';
import {
  deepClone,
  deepEqual,
  isObject,
  type JsonObject,
  jsonKind,
  ownField,
  setField,
  sortKeysDeep,
} from './json-value.js';
import { badRequestPatch, internalPatch, PatchConflictError } from './patch-error.js';
import { checkPreconditions, type PatchPrecondition } from './preconditions.js';

/** Drops null members of objects, recursively, also inside objects held in arrays (evanphx's pruneNulls). */
function pruneNulls(v: unknown): unknown {
  if (Array.isArray(v)) return v.map((x) => (isObject(x) ? pruneNulls(x) : x));
  if (!isObject(v)) return v;
  const out: JsonObject = {};
  for (const [k, x] of Object.entries(v)) if (x !== null) setField(out, k, pruneNulls(x));
  return out;
}

function mergeInto(doc: JsonObject, patch: JsonObject): void {
  for (const [k, pv] of Object.entries(patch)) {
    if (pv === null) {
      delete doc[k];
      continue;
    }
    const cur = ownField(doc, k);
    if (cur === undefined || cur === null || !isObject(cur)) {
      // A new or non-object value is replaced by the patch value, minus its nulls.
      setField(doc, k, pruneNulls(deepClone(pv)));
    } else if (isObject(pv)) {
      mergeInto(cur, pv);
    } else {
      setField(doc, k, deepClone(pv));
    }
  }
}

/**
 * Applies a JSON merge patch to a deep copy of `doc`: null deletes a key, objects merge
 * recursively, anything else (arrays included) replaces. Edge cases, as kube-apiserver: a patch
 * that is an array replaces the whole document (minus nulls inside its objects); a patch that is
 * null or a scalar is a 400 `Invalid JSON Patch`; a document that is not an object becomes the
 * patch itself (minus nulls).
 */
export function applyMergePatch(doc: unknown, patch: unknown): unknown {
  if (Array.isArray(patch)) return pruneNulls(deepClone(patch));
  if (!isObject(patch)) throw badRequestPatch('Invalid JSON Patch');
  if (!isObject(doc)) return pruneNulls(deepClone(patch));
  const out = deepClone(doc);
  mergeInto(out, patch);
  return out;
}

function diffObjects(original: JsonObject, modified: JsonObject): JsonObject {
  const patch: JsonObject = {};
  for (const [k, mv] of Object.entries(modified)) {
    if (!Object.hasOwn(original, k)) {
      setField(patch, k, deepClone(mv));
      continue;
    }
    const ov = original[k];
    if (isObject(ov) && isObject(mv)) {
      const sub = diffObjects(ov, mv);
      if (Object.keys(sub).length > 0) setField(patch, k, sub);
    } else if (!deepEqual(ov, mv)) {
      setField(patch, k, deepClone(mv));
    }
  }
  for (const k of Object.keys(original)) if (!Object.hasOwn(modified, k)) setField(patch, k, null);
  return patch;
}

/**
 * The merge patch that turns `original` into `modified` (two-way): changed and added keys with
 * their new values, removed keys as null, arrays whole. Keys are sorted as kube's JSON output.
 * Both documents must be objects (undefined counts as `{}`); otherwise it throws PatchError.
 */
export function createMergePatch(original: unknown, modified: unknown): JsonObject {
  const o = original ?? {};
  const m = modified ?? {};
  if (!isObject(o) || !isObject(m)) throw internalPatch('Invalid JSON Document');
  return sortKeysDeep(diffObjects(o, m));
}

/** Keeps only the deletions (null leaves) of a merge patch, or only everything else. */
function keepOrDropNulls(patch: JsonObject, keepNulls: boolean): JsonObject {
  const out: JsonObject = {};
  for (const [k, v] of Object.entries(patch)) {
    if (v === null) {
      if (keepNulls) setField(out, k, null);
    } else if (isObject(v)) {
      const sub = keepOrDropNulls(v, keepNulls);
      // An object of only deletions is dropped from the additions, and vice versa.
      if (Object.keys(sub).length > 0 || (!keepNulls && Object.keys(v).length === 0)) setField(out, k, sub);
    } else if (!keepNulls) {
      setField(out, k, v);
    }
  }
  return out;
}

/** mergepatch.HasConflicts: the same key changed in two patches to different values. */
export function mergePatchesConflict(left: unknown, right: unknown): boolean {
  if (isObject(left)) {
    if (!isObject(right)) return true;
    for (const [k, lv] of Object.entries(left)) {
      if (Object.hasOwn(right, k) && mergePatchesConflict(lv, right[k])) return true;
    }
    return false;
  }
  if (Array.isArray(left)) {
    if (!Array.isArray(right) || left.length !== right.length) return true;
    return left.some((lv, i) => mergePatchesConflict(lv, right[i]));
  }
  return jsonKind(left) !== jsonKind(right) || !deepEqual(left, right);
}

/** YAML as kube's mergepatch.ToYAMLOrError prints it (sorted keys, unindented sequences). */
export function toKubeYaml(v: unknown): string {
  return dump(v, { sortKeys: true, noArrayIndent: true, lineWidth: -1 });
}

/**
 * kubectl apply's three-way JSON merge patch: additions and changes from `current` to `modified`,
 * plus deletions from `original` (the last-applied configuration) to `modified`. Fields someone
 * else added to the live object are kept, fields the user removed from the configuration are
 * deleted. Undefined documents count as `{}`. Throws PatchConflictError when the two halves
 * disagree on a key (cannot happen for well-formed inputs; kept for parity with kube), and
 * PatchPreconditionError when the patch fails one of `preconditions`.
 */
export function createThreeWayMergePatch(
  original: unknown,
  modified: unknown,
  current: unknown,
  preconditions: readonly PatchPrecondition[] = [],
): JsonObject {
  const additions = keepOrDropNulls(createMergePatch(current, modified), false);
  const deletions = keepOrDropNulls(createMergePatch(original, modified), true);
  if (mergePatchesConflict(additions, deletions)) {
    throw new PatchConflictError(
      `patch:\n${toKubeYaml(additions)}\nconflicts with changes made from original to current:\n${toKubeYaml(deletions)}\n`,
    );
  }
  const merged = deepClone(deletions);
  for (const [k, v] of Object.entries(additions)) mergeAdditions(merged, k, v);
  const patch = sortKeysDeep(merged);
  checkPreconditions(patch, preconditions);
  return patch;
}

// MergePatch(deletions, additions) where additions hold no nulls: objects merge, the rest replaces.
function mergeAdditions(target: JsonObject, k: string, v: unknown): void {
  const cur = ownField(target, k);
  if (isObject(cur) && isObject(v)) {
    for (const [sk, sv] of Object.entries(v)) mergeAdditions(cur, sk, sv);
  } else {
    setField(target, k, deepClone(v));
  }
}
