/**
 * Kubernetes `Status` errors, shared by the server (which sends them) and the client (which
 * turns a Status body back into the same class). Message texts are kube-apiserver's
 * (k8s.io/apimachinery/pkg/api/errors), because clients and scripts match on them.
 */

export type StatusReason =
  | ''
  | 'Unauthorized'
  | 'Forbidden'
  | 'NotFound'
  | 'AlreadyExists'
  | 'Conflict'
  | 'Gone'
  | 'Invalid'
  | 'ServerTimeout'
  | 'StoreReadError'
  | 'Timeout'
  | 'TooManyRequests'
  | 'BadRequest'
  | 'MethodNotAllowed'
  | 'NotAcceptable'
  | 'RequestEntityTooLarge'
  | 'UnsupportedMediaType'
  | 'InternalError'
  | 'Expired'
  | 'ServiceUnavailable';

export interface StatusCause {
  reason?: string;
  message?: string;
  field?: string;
}

export interface StatusDetails {
  name?: string;
  group?: string;
  kind?: string;
  uid?: string;
  causes?: StatusCause[];
  retryAfterSeconds?: number;
}

/** The wire form of meta/v1 Status. */
export interface Status {
  kind: 'Status';
  apiVersion: 'v1';
  metadata: { resourceVersion?: string; continue?: string };
  status: 'Success' | 'Failure';
  message?: string;
  reason?: StatusReason;
  details?: StatusDetails;
  code: number;
}

/** A group + plural resource, printed as kube does: `pods`, `deployments.apps`. */
export interface GroupResource {
  group: string;
  resource: string;
}
/** A group + kind, printed as kube does: `Pod`, `Deployment.apps`. */
export interface GroupKind {
  group: string;
  kind: string;
}

export const qualifiedResource = (gr: GroupResource): string => (gr.group ? `${gr.resource}.${gr.group}` : gr.resource);
export const qualifiedKind = (gk: GroupKind): string => (gk.group ? `${gk.kind}.${gk.group}` : gk.kind);

export class StatusError extends Error {
  readonly status: Status;

  constructor(status: Omit<Status, 'kind' | 'apiVersion' | 'metadata' | 'status'> & Partial<Status>) {
    super(status.message ?? '');
    this.name = 'StatusError';
    this.status = { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', ...status };
  }

  get code(): number {
    return this.status.code;
  }
  get reason(): StatusReason {
    return this.status.reason ?? '';
  }

  /** Rebuilds the error from a Status body a server sent (client side). */
  static fromStatus(body: unknown, httpCode?: number): StatusError {
    const s = (body ?? {}) as Partial<Status>;
    return new StatusError({
      ...s,
      code: typeof s.code === 'number' && s.code > 0 ? s.code : (httpCode ?? 500),
      message: s.message ?? '',
    });
  }
}

const err = (code: number, reason: StatusReason, message: string, details?: StatusDetails): StatusError =>
  new StatusError({ code, reason, message, ...(details ? { details } : {}) });

export const notFound = (gr: GroupResource, name: string): StatusError =>
  err(404, 'NotFound', `${qualifiedResource(gr)} "${name}" not found`, {
    name,
    ...(gr.group ? { group: gr.group } : {}),
    kind: gr.resource,
  });

export const alreadyExists = (gr: GroupResource, name: string): StatusError =>
  err(409, 'AlreadyExists', `${qualifiedResource(gr)} "${name}" already exists`, {
    name,
    ...(gr.group ? { group: gr.group } : {}),
    kind: gr.resource,
  });

/** The text kube uses for an optimistic-concurrency failure. */
export const OPTIMISTIC_LOCK_MESSAGE =
  'the object has been modified; please apply your changes to the latest version and try again';

export const conflict = (gr: GroupResource, name: string, detail: string = OPTIMISTIC_LOCK_MESSAGE): StatusError =>
  err(409, 'Conflict', `Operation cannot be fulfilled on ${qualifiedResource(gr)} "${name}": ${detail}`, {
    name,
    ...(gr.group ? { group: gr.group } : {}),
    kind: gr.resource,
  });

export const forbidden = (gr: GroupResource, name: string, detail: string): StatusError =>
  err(
    403,
    'Forbidden',
    name
      ? `${qualifiedResource(gr)} "${name}" is forbidden: ${detail}`
      : `${qualifiedResource(gr)} is forbidden: ${detail}`,
    { ...(name ? { name } : {}), ...(gr.group ? { group: gr.group } : {}), kind: gr.resource },
  );

export const unauthorized = (message = 'Unauthorized'): StatusError => err(401, 'Unauthorized', message);
export const badRequest = (message: string): StatusError => err(400, 'BadRequest', message);

export const methodNotSupported = (gr: GroupResource, action: string): StatusError =>
  err(405, 'MethodNotAllowed', `${action} is not supported on resources of kind "${qualifiedResource(gr)}"`, {
    ...(gr.group ? { group: gr.group } : {}),
    kind: gr.resource,
  });

export const gone = (message: string): StatusError => err(410, 'Gone', message);
export const expired = (message: string): StatusError => err(410, 'Expired', message);

export const tooManyRequests = (message: string, retryAfterSeconds: number): StatusError =>
  err(429, 'TooManyRequests', message, retryAfterSeconds > 0 ? { retryAfterSeconds } : undefined);

export const requestEntityTooLarge = (message: string): StatusError =>
  err(413, 'RequestEntityTooLarge', `Request entity too large: ${message}`);

export const notAcceptable = (accepted: readonly string[]): StatusError =>
  err(406, 'NotAcceptable', `only the following media types are accepted: ${accepted.join(', ')}`);

export const unsupportedMediaType = (contentType: string, accepted: readonly string[]): StatusError =>
  err(
    415,
    'UnsupportedMediaType',
    contentType
      ? `the body of the request was in an unknown format - accepted media types include: ${accepted.join(', ')}`
      : `the body of the request was in an unknown format - accepted media types include: ${accepted.join(', ')}`,
  );

export const timeout = (message: string, retryAfterSeconds = 0): StatusError =>
  err(504, 'Timeout', `Timeout: ${message}`, retryAfterSeconds > 0 ? { retryAfterSeconds } : undefined);

export const serverTimeout = (gr: GroupResource, operation: string, retryAfterSeconds: number): StatusError =>
  err(
    500,
    'ServerTimeout',
    `The ${operation} operation against ${qualifiedResource(gr)} could not be completed at this time, please try again.`,
    { ...(gr.group ? { group: gr.group } : {}), kind: gr.resource, retryAfterSeconds },
  );

export const internalError = (cause: unknown): StatusError => {
  const text = cause instanceof Error ? cause.message : String(cause);
  return err(500, 'InternalError', `Internal error occurred: ${text}`, { causes: [{ message: text }] });
};

export const serviceUnavailable = (message: string): StatusError => err(503, 'ServiceUnavailable', message);

// ---- field errors (k8s.io/apimachinery/pkg/util/validation/field) ----

export type FieldErrorType =
  | 'FieldValueNotFound'
  | 'FieldValueRequired'
  | 'FieldValueDuplicate'
  | 'FieldValueInvalid'
  | 'FieldValueNotSupported'
  | 'FieldValueForbidden'
  | 'FieldValueTooLong'
  | 'FieldValueTooMany'
  | 'InternalError'
  | 'FieldValueTypeInvalid';

const TYPE_TEXT: Record<FieldErrorType, string> = {
  FieldValueNotFound: 'Not found',
  FieldValueRequired: 'Required value',
  FieldValueDuplicate: 'Duplicate value',
  FieldValueInvalid: 'Invalid value',
  FieldValueNotSupported: 'Unsupported value',
  FieldValueForbidden: 'Forbidden',
  FieldValueTooLong: 'Too long',
  FieldValueTooMany: 'Too many',
  InternalError: 'Internal error',
  FieldValueTypeInvalid: 'Invalid value',
};

/** Marks a field error whose bad value is not printed. */
export const OMIT_VALUE = Symbol('omit');

export interface FieldError {
  type: FieldErrorType;
  field: string;
  value?: unknown;
  detail?: string;
}

function formatValue(v: unknown): string {
  if (v === null || v === undefined) return 'null';
  if (typeof v === 'string') return JSON.stringify(v);
  if (typeof v === 'number' || typeof v === 'boolean' || typeof v === 'bigint') return String(v);
  return JSON.stringify(v);
}

/** kube's field.Error.ErrorBody(): `Invalid value: "Bad": detail`. */
export function fieldErrorBody(e: FieldError): string {
  let s = TYPE_TEXT[e.type];
  const valueless =
    e.type === 'FieldValueRequired' ||
    e.type === 'FieldValueForbidden' ||
    e.type === 'FieldValueTooLong' ||
    e.type === 'InternalError' ||
    e.value === OMIT_VALUE;
  if (!valueless) s += `: ${formatValue(e.value)}`;
  if (e.detail) s += `: ${e.detail}`;
  return s;
}

/** kube's field.Error.Error(): `metadata.name: Invalid value: "Bad": detail`. */
export const fieldErrorString = (e: FieldError): string => `${e.field}: ${fieldErrorBody(e)}`;

export const fieldRequired = (field: string, detail = ''): FieldError => ({
  type: 'FieldValueRequired',
  field,
  detail,
});
export const fieldInvalid = (field: string, value: unknown, detail: string): FieldError => ({
  type: 'FieldValueInvalid',
  field,
  value,
  detail,
});
export const fieldForbidden = (field: string, detail: string): FieldError => ({
  type: 'FieldValueForbidden',
  field,
  detail,
});
export const fieldDuplicate = (field: string, value: unknown): FieldError => ({
  type: 'FieldValueDuplicate',
  field,
  value,
});
export const fieldNotFound = (field: string, value: unknown): FieldError => ({
  type: 'FieldValueNotFound',
  field,
  value,
});
export const fieldNotSupported = (field: string, value: unknown, supported: readonly string[]): FieldError => ({
  type: 'FieldValueNotSupported',
  field,
  value,
  detail: supported.length ? `supported values: ${supported.map((s) => JSON.stringify(s)).join(', ')}` : '',
});
export const fieldTooLong = (field: string, max: number): FieldError => ({
  type: 'FieldValueTooLong',
  field,
  detail: `may not be more than ${max} ${max === 1 ? 'byte' : 'bytes'}`,
});
export const fieldTooMany = (field: string, actual: number, max: number): FieldError => ({
  type: 'FieldValueTooMany',
  field,
  value: actual,
  detail: `must have at most ${max} ${max === 1 ? 'item' : 'items'}`,
});

/** `Kind "name" is invalid: <errors>`; several errors are listed as kube's aggregate `[a, b]`. */
export function invalid(gk: GroupKind, name: string, errors: readonly FieldError[]): StatusError {
  // kube's ToAggregate drops repeated messages; an empty list prints no colon at all.
  const texts = [...new Set(errors.map(fieldErrorString))];
  const agg = texts.length === 0 ? '' : texts.length === 1 ? `: ${texts[0]}` : `: [${texts.join(', ')}]`;
  return err(422, 'Invalid', `${qualifiedKind(gk)} "${name}" is invalid${agg}`, {
    name,
    ...(gk.group ? { group: gk.group } : {}),
    kind: gk.kind,
    causes: errors.map((e) => ({ reason: e.type, message: fieldErrorBody(e), field: e.field })),
  });
}

// ---- checks ----
const is =
  (reason: StatusReason) =>
  (e: unknown): boolean =>
    e instanceof StatusError && e.reason === reason;
export const isNotFound = is('NotFound');
export const isAlreadyExists = is('AlreadyExists');
export const isConflict = is('Conflict');
export const isInvalid = is('Invalid');
export const isForbidden = is('Forbidden');
export const isUnauthorized = is('Unauthorized');
export const isBadRequest = is('BadRequest');
export const isGone = (e: unknown): boolean =>
  e instanceof StatusError && (e.reason === 'Gone' || e.reason === 'Expired');
export const isTooManyRequests = is('TooManyRequests');
export const isTimeout = is('Timeout');
export const isInternalError = is('InternalError');
export const isStatusError = (e: unknown): e is StatusError => e instanceof StatusError;
