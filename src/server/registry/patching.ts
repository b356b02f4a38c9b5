/**
 * Applies a PATCH body of one of kube's patch types to the current object, mapping the patch
 * library's errors to the Status kube-apiserver answers with (400 / 422 / 413 / 500).
 */
import type { Definitions } from '../../api/openapi-schema.js';
import { applyJsonPatch } from '../../api/patch/json-patch.js';
import { applyMergePatch } from '../../api/patch/merge-patch.js';
import { PatchError } from '../../api/patch/patch-error.js';
import { applyStrategicMergePatch } from '../../api/patch/strategic-merge/merge.js';
import { type PatchMeta, patchMetaFromSchema } from '../../api/patch/strategic-merge/patch-meta.js';
import { badRequest, StatusError } from '../../api/status.js';
import { checkAgainstSchema } from './schema-fields.js';
import type { FieldValidation, PatchType } from './types.js';

const metaCache = new WeakMap<Definitions, Map<string, PatchMeta>>();

function patchMeta(defs: Definitions, root: string): PatchMeta {
  let byRoot = metaCache.get(defs);
  if (!byRoot) metaCache.set(defs, (byRoot = new Map()));
  let meta = byRoot.get(root);
  if (!meta) byRoot.set(root, (meta = patchMetaFromSchema(defs, root)));
  return meta;
}

/** Returns the patched copy of `doc` (never changes `doc`). */
export function applyPatchTo(
  doc: unknown,
  type: Exclude<PatchType, 'apply'>,
  patch: unknown,
  defs: Definitions,
  root: string,
): unknown {
  try {
    switch (type) {
      case 'json':
        return applyJsonPatch(doc, patch);
      case 'merge':
        return applyMergePatch(doc, patch);
      case 'strategic':
        if (patch === null || typeof patch !== 'object' || Array.isArray(patch)) {
          throw badRequest(
            `json: cannot unmarshal ${Array.isArray(patch) ? 'array' : typeof patch} into Go value of type map[string]interface {}`,
          );
        }
        return applyStrategicMergePatch(doc, patch, patchMeta(defs, root));
    }
  } catch (e) {
    if (e instanceof PatchError) throw e.toStatusError();
    throw e;
  }
}

/**
 * Unknown fields a patch introduced, handled per fieldValidation like a body's: Strict -> 400
 * `strict decoding error: unknown field "spec.foo"`, Warn -> returned as warning texts,
 * Ignore -> nothing. A wrong JSON type is always a 400.
 */
export function checkPatchedFields(
  patched: unknown,
  fieldValidation: FieldValidation,
  defs: Definitions,
  root: string,
): string[] {
  if (fieldValidation === 'Ignore') return [];
  const check = checkAgainstSchema(patched, defs, root);
  if (check.typeError) throw new StatusError({ code: 400, reason: 'BadRequest', message: check.typeError });
  if (check.unknown.length === 0) return [];
  const texts = check.unknown.map((p) => `unknown field ${JSON.stringify(p)}`);
  if (fieldValidation === 'Strict') {
    throw new StatusError({ code: 400, reason: 'BadRequest', message: `strict decoding error: ${texts.join(', ')}` });
  }
  return texts;
}
