/**
 * Storage errors (k8s.io/apiserver/pkg/storage/errors.go). The message of the kube-shaped codes is
 * Go's `StorageError.Error()` text, because the registry embeds it in Conflict messages that
 * clients print (e.g. `... AdditionalErrorMsg: Precondition failed: UID in precondition: ...`).
 */

export type StorageErrorCode =
  | 'KeyNotFound'
  | 'KeyExists'
  | 'ResourceVersionConflicts'
  | 'InvalidObj'
  | 'Expired'
  | 'TooLargeResourceVersion'
  | 'InvalidContinue'
  | 'BadRequest'
  | 'Unreachable'
  | 'Internal';

// kube's numeric codes, printed in Error() text.
const KUBE_CODES: Partial<Record<StorageErrorCode, [number, string]>> = {
  KeyNotFound: [1, 'key not found'],
  KeyExists: [2, 'key exists'],
  ResourceVersionConflicts: [3, 'resource version conflicts'],
  InvalidObj: [4, 'invalid object'],
  Unreachable: [5, 'server unreachable'],
};

/** kube's `expired` text for an Exact list at a compacted revision. */
export const LIST_TOO_OLD_MESSAGE = 'The resourceVersion for the provided list is too old.';
/** kube's `inconsistentContinue` text for a continue token whose revision was compacted. */
export const INCONSISTENT_CONTINUE_MESSAGE =
  'The provided continue parameter is too old to display a consistent list result. You can start a new list without the continue parameter, or use the continue token in this response to retrieve the remainder of the results. Continuing with the provided token results in an inconsistent list - objects that were created, modified, or deleted between the time the first chunk was returned and now may show up in the list.';

export interface StorageErrorExtra {
  /** Expired list continuation: a fresh token (rv -1) the client may use to go on inconsistently. */
  continueToken?: string;
  /** TooLargeResourceVersion: the current revision, and the seconds a client should wait. */
  currentRevision?: number;
  retryAfterSeconds?: number;
  cause?: unknown;
}

export class StorageError extends Error {
  readonly code: StorageErrorCode;
  readonly key: string;
  readonly resourceVersion?: string;
  readonly continueToken?: string;
  readonly currentRevision?: number;
  readonly retryAfterSeconds?: number;

  /**
   * For kube-shaped codes (KeyNotFound..Unreachable) `detail` is the AdditionalErrorMsg and the
   * message is Go's Error() text; for the others `detail` is the whole message.
   */
  constructor(
    code: StorageErrorCode,
    key: string,
    resourceVersion?: string,
    detail?: string,
    extra?: StorageErrorExtra,
  ) {
    const kube = KUBE_CODES[code];
    const message = kube
      ? `StorageError: ${kube[1]}, Code: ${kube[0]}, Key: ${key}, ResourceVersion: ${resourceVersion ?? 0}, AdditionalErrorMsg: ${detail ?? '<nil>'}`
      : (detail ?? code);
    super(message, extra?.cause !== undefined ? { cause: extra.cause } : undefined);
    this.name = 'StorageError';
    this.code = code;
    this.key = key;
    if (resourceVersion !== undefined) this.resourceVersion = resourceVersion;
    if (extra?.continueToken !== undefined) this.continueToken = extra.continueToken;
    if (extra?.currentRevision !== undefined) this.currentRevision = extra.currentRevision;
    if (extra?.retryAfterSeconds !== undefined) this.retryAfterSeconds = extra.retryAfterSeconds;
  }

  /** The Status body kube would send for this error on a watch stream (ERROR event object). */
  toStatusObject(): Record<string, unknown> {
    const [code, reason] = statusCodeReason(this.code);
    return {
      kind: 'Status',
      apiVersion: 'v1',
      metadata: {},
      status: 'Failure',
      message: this.code === 'TooLargeResourceVersion' ? `Timeout: ${this.message}` : this.message,
      reason,
      code,
    };
  }
}

function statusCodeReason(code: StorageErrorCode): [number, string] {
  switch (code) {
    case 'Expired':
      return [410, 'Expired'];
    case 'TooLargeResourceVersion':
      return [504, 'Timeout'];
    case 'InvalidContinue':
    case 'BadRequest':
      return [400, 'BadRequest'];
    case 'KeyNotFound':
      return [404, 'NotFound'];
    case 'KeyExists':
      return [409, 'AlreadyExists'];
    case 'ResourceVersionConflicts':
    case 'InvalidObj':
      return [409, 'Conflict'];
    case 'Unreachable':
      return [500, 'ServerTimeout'];
    default:
      return [500, 'InternalError'];
  }
}

export const isStorageError = (e: unknown, code?: StorageErrorCode): e is StorageError =>
  e instanceof StorageError && (code === undefined || e.code === code);

export const keyNotFound = (key: string, rv = 0): StorageError => new StorageError('KeyNotFound', key, String(rv));
export const keyExists = (key: string, rv = 0): StorageError => new StorageError('KeyExists', key, String(rv));
export const invalidObj = (key: string, detail: string): StorageError =>
  new StorageError('InvalidObj', key, undefined, detail);

/** 410 for a watch/get below the compacted revision (cacher and store use the same text). */
export const tooOldResourceVersion = (key: string, requested: number, oldest: number): StorageError =>
  new StorageError('Expired', key, String(requested), `too old resource version: ${requested} (${oldest})`);

/** kube's NewTooLargeResourceVersionError (a 504 Timeout with cause ResourceVersionTooLarge). */
export const tooLargeResourceVersion = (key: string, minimum: number, current: number, retry = 1): StorageError =>
  new StorageError(
    'TooLargeResourceVersion',
    key,
    String(minimum),
    `Too large resource version: ${minimum}, current: ${current}`,
    {
      currentRevision: current,
      retryAfterSeconds: retry,
    },
  );

export const invalidContinue = (key: string, message: string): StorageError =>
  new StorageError('InvalidContinue', key, undefined, message);

export const internal = (key: string, message: string, cause?: unknown): StorageError =>
  new StorageError('Internal', key, undefined, message, { cause });
