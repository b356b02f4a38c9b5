/**
 * kubectl apply's three-way strategic merge patch (kube's CreateThreeWayMergePatch) and its
 * conflict check (MergingMapsHaveConflicts).
 */
import { goValue } from '../go-value-format.js';
import { deepClone, deepEqual, isObject, type JsonObject, sortKeysDeep } from '../json-value.js';
import { toKubeYaml } from '../merge-patch.js';
import { PatchConflictError } from '../patch-error.js';
import { checkPreconditions, type PatchPrecondition } from '../preconditions.js';
import { diffMaps } from './diff.js';
import { fieldStrategy, itemsMeta } from './field-strategy.js';
import { deduplicateScalars, sliceElementKind, sortScalars } from './list-order.js';
import { mergeMap } from './merge.js';
import { NO_PATCH_META, type PatchMeta } from './patch-meta.js';
import { DIRECTIVE_MARKER, MERGE_DIRECTIVE, REPLACE_DIRECTIVE, RETAIN_KEYS_DIRECTIVE, smpError } from './smp-errors.js';

/**
 * The patch kubectl apply sends: changes and additions from `current` (the live object) to
 * `modified` (the new configuration), plus deletions from `original` (the last-applied
 * configuration) to `modified`. Fields set by others on the live object and never in the
 * configuration survive; fields removed from the configuration are deleted.
 *
 * With `overwrite` false, a patch that changes a field differently from how it changed between
 * `original` and `current` fails with PatchConflictError, whose message is kube's
 * `patch:\n<yaml>\nconflicts with changes made from original to current:\n<yaml>\n`.
 * A patch failing one of `preconditions` throws PatchPreconditionError (before the conflict
 * check, as kube orders them). Undefined documents count as `{}`. Keys are sorted as kube's
 * JSON output.
 */
export function createThreeWayMergePatch(
  original: unknown,
  modified: unknown,
  current: unknown,
  meta: PatchMeta,
  overwrite = true,
  preconditions: readonly PatchPrecondition[] = [],
): JsonObject {
  const o = original ?? {};
  const m = modified ?? {};
  const c = current ?? {};
  if (!isObject(o) || !isObject(m) || !isObject(c)) throw smpError('invalid JSON document');
  const delta = deepClone(diffMaps(c, m, meta, { ignoreDeletions: true, setElementOrder: true }));
  const deletions = deepClone(diffMaps(o, m, meta, { setElementOrder: true, ignoreChangesAndAdditions: true }));
  const patch = mergeMap(deletions, delta, meta, { mergeParallelList: false, ignoreUnmatchedNulls: false });
  checkPreconditions(patch, preconditions);
  if (!overwrite) {
    const changed = diffMaps(o, c, meta, {});
    if (mapsConflict(patch, changed, meta)) {
      throw new PatchConflictError(
        `patch:\n${toKubeYaml(patch)}\nconflicts with changes made from original to current:\n${toKubeYaml(changed)}\n`,
      );
    }
  }
  return sortKeysDeep(patch);
}

/**
 * Whether two patches of the same object collide: some key is set in both to different values,
 * or a map is deleted/replaced in one and edited in the other. Merging lists of scalars never
 * collide; merging lists of objects are compared item by item by merge key.
 */
export function mergingMapsHaveConflicts(left: JsonObject, right: JsonObject, meta: PatchMeta): boolean {
  return fieldsConflict(left, right, meta, '', '');
}

function fieldsConflict(left: unknown, right: unknown, meta: PatchMeta, strategy: string, mergeKey: string): boolean {
  if (isObject(left)) {
    if (!isObject(right)) return true;
    const lm = Object.hasOwn(left, DIRECTIVE_MARKER);
    const rm = Object.hasOwn(right, DIRECTIVE_MARKER);
    // A directive acts on the whole map: conflicting unless both say the same.
    if ((lm || rm) && (lm !== rm || left[DIRECTIVE_MARKER] !== right[DIRECTIVE_MARKER])) return true;
    if (strategy === REPLACE_DIRECTIVE) return false;
    return mapsConflict(left, right, meta);
  }
  if (Array.isArray(left)) {
    if (!Array.isArray(right)) return true;
    return slicesConflict(left, right, meta, strategy, mergeKey);
  }
  return !deepEqual(left, right);
}

function mapsConflict(left: JsonObject, right: JsonObject, meta: PatchMeta): boolean {
  for (const [key, lv] of Object.entries(left)) {
    if (key === DIRECTIVE_MARKER || key === RETAIN_KEYS_DIRECTIVE || !Object.hasOwn(right, key)) continue;
    const field = Array.isArray(lv) || isObject(lv) ? fieldStrategy(meta, key) : undefined;
    if (fieldsConflict(lv, right[key], field?.sub ?? NO_PATCH_META, field?.strategy ?? '', field?.mergeKey ?? '')) {
      return true;
    }
  }
  return false;
}

function slicesConflict(left: unknown[], right: unknown[], listMeta: PatchMeta, strategy: string, mergeKey: string) {
  const kind = sliceElementKind(left, right);
  const items = itemsMeta(listMeta);
  if (strategy === MERGE_DIRECTIVE) {
    if (kind !== 'map') return false;
    const l = byMergeKey(left, mergeKey);
    const r = byMergeKey(right, mergeKey);
    for (const [k, lv] of l) {
      const rv = r.get(k);
      if (rv !== undefined && fieldsConflict(lv, rv, items, '', '')) return true;
    }
    return false;
  }
  if (left.length !== right.length) return true;
  const a = kind === 'map' ? left : sortScalars(deduplicateScalars(left));
  const b = kind === 'map' ? right : sortScalars(deduplicateScalars(right));
  return a.some((v, i) => fieldsConflict(v, b[i], items, '', ''));
}

function byMergeKey(list: unknown[], mergeKey: string): Map<string, JsonObject> {
  const out = new Map<string, JsonObject>();
  for (const v of list) {
    if (!isObject(v)) throw smpError(`invalid element type in merging list:${goValue(list)}`);
    if (!Object.hasOwn(v, mergeKey)) {
      throw smpError(`cannot find merge key \`${mergeKey}\` in merging list element:${goValue(v)}`);
    }
    out.set(goValue(v[mergeKey]), v);
  }
  return out;
}
