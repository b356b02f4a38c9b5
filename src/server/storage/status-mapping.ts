/**
 * The one place storage errors become kube Status errors (k8s.io/apiserver/pkg/storage/errors:
 * InterpretGetError, InterpretCreateError, InterpretUpdateError, InterpretDeleteError, ...).
 */
import {
  alreadyExists,
  badRequest,
  conflict,
  expired,
  type GroupResource,
  internalError,
  notFound,
  StatusError,
  serverTimeout,
} from '../../api/status.js';
import { StorageError } from './errors.js';

export type StorageVerb = 'get' | 'list' | 'create' | 'update' | 'delete' | 'watch';

/** Maps a StorageError to the Status error kube returns for `verb`; other errors pass through. */
export function storageErrorToStatus(err: unknown, gr: GroupResource, name: string, verb: StorageVerb): unknown {
  if (!(err instanceof StorageError)) return err;
  switch (err.code) {
    case 'KeyNotFound':
      return notFound(gr, name);
    case 'KeyExists':
      return verb === 'create' ? alreadyExists(gr, name) : conflict(gr, name, err.message);
    case 'ResourceVersionConflicts':
    case 'InvalidObj':
      return conflict(gr, name, err.message);
    case 'Unreachable':
      return serverTimeout(gr, verb, 2);
    case 'Expired': {
      const e = expired(err.message);
      if (err.continueToken) e.status.metadata.continue = err.continueToken;
      return e;
    }
    case 'TooLargeResourceVersion':
      return new StatusError({
        code: 504,
        reason: 'Timeout',
        message: `Timeout: ${err.message}`,
        details: {
          causes: [{ reason: 'ResourceVersionTooLarge', message: 'Too large resource version' }],
          retryAfterSeconds: err.retryAfterSeconds ?? 1,
        },
      });
    case 'InvalidContinue':
    case 'BadRequest':
      return badRequest(err.message);
    default:
      return internalError(err);
  }
}
