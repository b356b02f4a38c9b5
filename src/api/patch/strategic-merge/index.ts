/** Strategic merge patch (apimachinery's strategicpatch semantics). */
export { createTwoWayMergePatch, type DiffOptions } from './diff.js';
export { applyStrategicMergePatch } from './merge.js';
export {
  type FieldLookup,
  type FieldPatchMeta,
  NO_PATCH_META,
  type PatchMeta,
  parseStrategies,
  patchMetaFromSchema,
} from './patch-meta.js';
export {
  DELETE_FROM_PRIMITIVE_LIST_PREFIX,
  DIRECTIVE_MARKER,
  ERR_UNSUPPORTED_STRATEGIC_MERGE_PATCH_FORMAT,
  RETAIN_KEYS_DIRECTIVE,
  SET_ELEMENT_ORDER_PREFIX,
} from './smp-errors.js';
export { createThreeWayMergePatch, mergingMapsHaveConflicts } from './three-way.js';
