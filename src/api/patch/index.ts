/**
 * Patches shared by the server (PATCH requests) and the client (kubectl patch, edit, apply):
 * JSON patch (RFC 6902), JSON merge patch (RFC 7386) and strategic merge patch. All functions
 * work on parsed JSON, never change their arguments, and throw PatchError (kube's texts and the
 * status kube-apiserver answers with; see patch-error.ts).
 */
export { applyJsonPatch, decodeJsonPatch, type JsonPatchOperation, MAX_JSON_PATCH_OPERATIONS } from './json-patch.js';
export {
  applyMergePatch,
  createMergePatch,
  createThreeWayMergePatch as createThreeWayJsonMergePatch,
  mergePatchesConflict,
} from './merge-patch.js';
export {
  GENERIC_INVALID_MESSAGE,
  PatchConflictError,
  PatchError,
  type PatchErrorCode,
} from './patch-error.js';
export {
  checkPreconditions,
  type PatchPrecondition,
  PatchPreconditionError,
  requireKeyUnchanged,
  requireMetadataKeyUnchanged,
} from './preconditions.js';
export {
  applyStrategicMergePatch,
  createThreeWayMergePatch,
  createTwoWayMergePatch,
  type FieldLookup,
  type FieldPatchMeta,
  mergingMapsHaveConflicts,
  NO_PATCH_META,
  type PatchMeta,
  patchMetaFromSchema,
} from './strategic-merge/index.js';
