/**
 * Preconditions on a computed patch (apimachinery's mergepatch.PreconditionFunc). kubectl apply
 * refuses a patch that would change apiVersion, kind or metadata.name: it passes
 * `requireKeyUnchanged('apiVersion')`, `requireKeyUnchanged('kind')` and
 * `requireMetadataKeyUnchanged('name')`, and turns the resulting PatchPreconditionError into
 * "At least one of apiVersion, kind and name was changed".
 */
import { goValue } from './go-value-format.js';
import { isObject, type JsonObject } from './json-value.js';
import { PatchError } from './patch-error.js';

/** True when the patch is acceptable. */
export type PatchPrecondition = (patch: JsonObject) => boolean;

/** The patch must not mention top-level `key` (its presence means the value changes). */
export const requireKeyUnchanged =
  (key: string): PatchPrecondition =>
  (patch) =>
    !Object.hasOwn(patch, key);

/** The patch must not mention `metadata.<key>`. */
export const requireMetadataKeyUnchanged =
  (key: string): PatchPrecondition =>
  (patch) => {
    const metadata = Object.hasOwn(patch, 'metadata') ? patch.metadata : undefined;
    return !isObject(metadata) || !Object.hasOwn(metadata, key);
  };

/** mergepatch.ErrPreconditionFailed: `precondition failed for: <patch as Go prints it>`. */
export class PatchPreconditionError extends PatchError {
  constructor(patch: JsonObject) {
    super(`precondition failed for: ${goValue(patch)}`);
    this.name = 'PatchPreconditionError';
  }
}

/** Throws PatchPreconditionError when any precondition rejects the patch. */
export function checkPreconditions(patch: JsonObject, preconditions: readonly PatchPrecondition[]): void {
  for (const ok of preconditions) if (!ok(patch)) throw new PatchPreconditionError(patch);
}
