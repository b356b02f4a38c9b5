/**
 * The registry's one door from storage errors to kube Status errors. It defers to the storage's
 * own mapping (storage/status-mapping.ts) and only pins kube's exact text for an expired
 * continue token (etcd3 store's `inconsistentContinue`).
 */
import { expired, type GroupResource } from '../../api/status.js';
import { isStorageError, type StorageVerb, storageErrorToStatus } from '../storage/index.js';

export const INCONSISTENT_CONTINUE =
  'The provided continue parameter is too old to display a consistent list result. You can start a new list without the continue parameter, or use the continue token in this response to retrieve the remainder of the results. Continuing with the provided token results in an inconsistent list - objects that were created, modified, or deleted between the time the first chunk was returned and now may show up in the list.';

/** Returns the Status error for `err` (other errors are returned unchanged). */
export function toStatusError(err: unknown, gr: GroupResource, name: string, verb: StorageVerb): unknown {
  if (isStorageError(err, 'Expired') && err.continueToken !== undefined) {
    const e = expired(INCONSISTENT_CONTINUE);
    e.status.metadata.continue = err.continueToken;
    return e;
  }
  return storageErrorToStatus(err, gr, name, verb);
}

/** Runs `fn`, rethrowing storage errors as Status errors. */
export async function translating<T>(
  gr: GroupResource,
  name: string,
  verb: StorageVerb,
  fn: () => Promise<T>,
): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    throw toStatusError(e, gr, name, verb);
  }
}
