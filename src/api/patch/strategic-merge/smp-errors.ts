/**
 * Directive names and error texts of strategic merge patch (apimachinery's strategicpatch and
 * mergepatch packages). The sentinel errors kube-apiserver classifies get their status here; any
 * other failure is a 500 with the text, as the apiserver answers an unclassified error.
 */
import { goTypeName, goValue } from '../go-value-format.js';
import type { JsonObject } from '../json-value.js';
import { badRequestPatch, internalPatch, invalidPatch, type PatchError } from '../patch-error.js';

export const DIRECTIVE_MARKER = '$patch';
export const DELETE_DIRECTIVE = 'delete';
export const REPLACE_DIRECTIVE = 'replace';
export const MERGE_DIRECTIVE = 'merge';
export const RETAIN_KEYS_STRATEGY = 'retainKeys';
export const RETAIN_KEYS_DIRECTIVE = '$retainKeys';
export const DELETE_FROM_PRIMITIVE_LIST_PREFIX = '$deleteFromPrimitiveList';
export const SET_ELEMENT_ORDER_PREFIX = '$setElementOrder';

// mergepatch's sentinel errors, with the status kube-apiserver's interpretStrategicMergePatchError gives them.
export const ERR_BAD_JSON_DOC = 'invalid JSON document';
export const ERR_NO_LIST_OF_LISTS = 'lists of lists are not supported';
export const ERR_BAD_PATCH_FORMAT_FOR_PRIMITIVE_LIST = 'invalid patch format of primitive list';
export const ERR_BAD_PATCH_FORMAT_FOR_RETAIN_KEYS = 'invalid patch format of retainKeys';
export const ERR_BAD_PATCH_FORMAT_FOR_SET_ELEMENT_ORDER_LIST = 'invalid patch format of setElementOrder list';
export const ERR_PATCH_CONTENT_NOT_MATCH_RETAIN_KEYS = "patch content doesn't match retainKeys list";
export const ERR_UNSUPPORTED_STRATEGIC_MERGE_PATCH_FORMAT = 'strategic merge patch format is not supported';

const BAD_REQUEST = new Set([
  ERR_BAD_JSON_DOC,
  ERR_BAD_PATCH_FORMAT_FOR_PRIMITIVE_LIST,
  ERR_BAD_PATCH_FORMAT_FOR_RETAIN_KEYS,
  ERR_BAD_PATCH_FORMAT_FOR_SET_ELEMENT_ORDER_LIST,
  ERR_UNSUPPORTED_STRATEGIC_MERGE_PATCH_FORMAT,
]);
const UNPROCESSABLE = new Set([ERR_NO_LIST_OF_LISTS, ERR_PATCH_CONTENT_NOT_MATCH_RETAIN_KEYS]);

/** A strategic merge patch failure with the status kube-apiserver answers it with. */
export function smpError(text: string): PatchError {
  if (BAD_REQUEST.has(text)) return badRequestPatch(text);
  if (UNPROCESSABLE.has(text)) return invalidPatch(text);
  return internalPatch(text);
}

export const errNoMergeKey = (m: JsonObject, key: string): PatchError =>
  smpError(`map: ${goValue(m)} does not contain declared merge key: ${key}`);

/** mergepatch.ErrBadArgType(expected, actual) with the Go type names of both values. */
export const errBadArgType = (expected: 'map' | 'slice', actual: unknown): PatchError =>
  smpError(
    `expected a ${expected === 'map' ? 'map[string]interface {}' : '[]interface {}'}, but received a ${goTypeName(actual)}`,
  );

export const errBadPatchType = (directive: unknown, m: JsonObject): PatchError =>
  smpError(`unknown patch type: ${goValue(directive)} in map: ${goValue(m)}`);
