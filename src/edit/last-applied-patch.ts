/**
 * kubectl's GetApplyPatch (used by `apply set-last-applied` and `apply edit-last-applied`): the
 * object's JSON becomes its own last-applied-configuration annotation, sent as a JSON merge patch
 * that touches nothing else.
 */
import { LAST_APPLIED } from '../apply/last-applied.js';
import { goJson } from '../printers/json/go-json.js';

/**
 * The annotation value for `obj` as kubectl's unstructured JSON encoder writes it: sorted keys,
 * Go's escapes, a trailing newline. Whatever annotations `obj` carries are kept in it.
 */
export function applyConfiguration(obj: unknown): string {
  return `${goJson(obj)}\n`;
}

/** The merge patch text setting the annotation to `applyConfiguration(obj)`. */
export function lastAppliedPatch(obj: unknown): string {
  return goJson({ metadata: { annotations: { [LAST_APPLIED]: applyConfiguration(obj) } } });
}
