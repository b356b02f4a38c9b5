import { StatusError, type StatusReason } from '../../api/status.js';
import { connectionRefused, VerbatimError } from '../errors.js';

/** The resource a request addressed, used to word errors for non-Status bodies. */
export interface RequestTarget {
  group?: string;
  resource?: string;
  name?: string;
}

const MAX_TEXT = 2048;

/** Whether client-go would treat the body as text (no Content-Type, or text/*). */
export function isTextResponse(contentType: string | undefined): boolean {
  if (!contentType) return true;
  return contentType.split(';')[0].trim().toLowerCase().startsWith('text/');
}

/** Retry-After as whole seconds (client-go accepts only integers). */
export function retryAfterSeconds(value: string | string[] | undefined): number | undefined {
  const v = Array.isArray(value) ? value[0] : value;
  if (v === undefined || !/^\s*\d+\s*$/.test(v)) return undefined;
  return Number(v.trim());
}

/** Decodes a body as a meta/v1 Status, or returns undefined. */
export function decodeStatus(body: Buffer): Record<string, unknown> | undefined {
  if (body.length === 0) return undefined;
  try {
    const obj = JSON.parse(body.toString('utf8')) as Record<string, unknown>;
    if (obj && typeof obj === 'object' && obj.kind === 'Status') return obj;
  } catch {
    // not JSON: the caller builds a generic error
  }
  return undefined;
}

/**
 * Turns an error response into a StatusError as client-go does: a Status body is used as is;
 * any other body becomes apimachinery's NewGenericServerResponse text for the code, suffixed
 * with `(verb resource name)`, keeping text bodies (first 2048 bytes) as the cause.
 */
export function responseError(
  code: number,
  method: string,
  contentType: string | undefined,
  body: Buffer,
  target: RequestTarget = {},
  retryAfter?: number,
): StatusError {
  const st = decodeStatus(body);
  if (st && st.status !== 'Success') return StatusError.fromStatus(st, code);
  const text = isTextResponse(contentType) ? body.subarray(0, MAX_TEXT).toString('utf8').trim() : 'unknown';
  return genericServerResponse(code, method, target, text, retryAfter ?? 0);
}

/** apimachinery's NewGenericServerResponse with isUnexpectedResponse = true. */
export function genericServerResponse(
  code: number,
  method: string,
  target: RequestTarget,
  serverMessage: string,
  retryAfter: number,
): StatusError {
  let reason: StatusReason = '';
  let message = `the server responded with the status code ${code} but did not return more information`;
  switch (code) {
    case 409:
      reason = method === 'POST' ? 'AlreadyExists' : 'Conflict';
      message = 'the server reported a conflict';
      break;
    case 404:
      reason = 'NotFound';
      message = 'the server could not find the requested resource';
      break;
    case 400:
      reason = 'BadRequest';
      message = 'the server rejected our request for an unknown reason';
      break;
    case 401:
      reason = 'Unauthorized';
      message = 'the server has asked for the client to provide credentials';
      break;
    case 403:
      reason = 'Forbidden';
      message = serverMessage;
      break;
    case 406:
      reason = 'NotAcceptable';
      message =
        !serverMessage || serverMessage === 'unknown'
          ? 'the server was unable to respond with a content type that the client supports'
          : serverMessage;
      break;
    case 415:
      reason = 'UnsupportedMediaType';
      message = serverMessage;
      break;
    case 405:
      reason = 'MethodNotAllowed';
      message = 'the server does not allow this method on the requested resource';
      break;
    case 422:
      reason = 'Invalid';
      message = 'the server rejected our request due to an error in our request';
      break;
    case 503:
      reason = 'ServiceUnavailable';
      message = 'the server is currently unable to handle the request';
      break;
    case 504:
      reason = 'Timeout';
      message =
        'the server was unable to return a response in the time allotted, but may still be processing the request';
      break;
    case 429:
      reason = 'TooManyRequests';
      message = 'the server has received too many requests and has asked us to try again later';
      break;
    default:
      if (code >= 500) {
        reason = 'InternalError';
        message = `an error on the server (${JSON.stringify(serverMessage)}) has prevented the request from succeeding`;
      }
  }
  const qualified = target.resource ? (target.group ? `${target.resource}.${target.group}` : target.resource) : '';
  if (qualified && target.name) message = `${message} (${method.toLowerCase()} ${qualified} ${target.name})`;
  else if (qualified) message = `${message} (${method.toLowerCase()} ${qualified})`;
  return new StatusError({
    code,
    reason,
    message,
    details: {
      ...(target.name ? { name: target.name } : {}),
      ...(target.group ? { group: target.group } : {}),
      ...(target.resource ? { kind: target.resource } : {}),
      causes: [{ reason: 'UnexpectedServerResponse', message: serverMessage }],
      ...(retryAfter > 0 ? { retryAfterSeconds: retryAfter } : {}),
    },
  });
}

const TLS_CODES: Record<string, string> = {
  DEPTH_ZERO_SELF_SIGNED_CERT: 'tls: failed to verify certificate: x509: certificate signed by unknown authority',
  SELF_SIGNED_CERT_IN_CHAIN: 'tls: failed to verify certificate: x509: certificate signed by unknown authority',
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: 'tls: failed to verify certificate: x509: certificate signed by unknown authority',
  UNABLE_TO_GET_ISSUER_CERT_LOCALLY: 'tls: failed to verify certificate: x509: certificate signed by unknown authority',
  CERT_HAS_EXPIRED: 'tls: failed to verify certificate: x509: certificate has expired or is not yet valid',
  CERT_NOT_YET_VALID: 'tls: failed to verify certificate: x509: certificate has expired or is not yet valid',
};

/**
 * Maps a transport failure to kubectl's wording: connection refused becomes `The connection to
 * the server HOST was refused - did you specify the right host or port?`; other failures are
 * `Unable to connect to the server: ...` (both printed without `error: `).
 */
export function transportError(err: unknown, host: string, url: string, method: string): Error {
  const e = err as NodeJS.ErrnoException & { code?: string; reason?: string };
  const code = e.code ?? '';
  if (code === 'ECONNREFUSED') return connectionRefused(host);
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') {
    const name = host.replace(/:\d+$/, '');
    return new VerbatimError(`Unable to connect to the server: dial tcp: lookup ${name}: no such host`);
  }
  if (TLS_CODES[code]) return new VerbatimError(`Unable to connect to the server: ${TLS_CODES[code]}`);
  if (code === 'ERR_TLS_CERT_ALTNAME_INVALID') {
    // Node: "Host: NAME. is not in the cert's altnames: IP Address:1.2.3.4, DNS:a"; Go lists DNS names.
    const reason = e.reason ?? e.message ?? '';
    const name =
      /Host: (.*?)\.? is not/.exec(reason)?.[1] ?? /IP: (\S+) is not/.exec(reason)?.[1] ?? host.replace(/:\d+$/, '');
    const dns = [...reason.matchAll(/DNS:([^,\s]+)/g)].map((m) => m[1]);
    const ips = [...reason.matchAll(/IP Address:([^,\s]+)/g)].map((m) => m[1]);
    const valid = (dns.length > 0 ? dns : ips).join(', ') || 'other names';
    return new VerbatimError(
      `Unable to connect to the server: tls: failed to verify certificate: x509: certificate is valid for ${valid}, not ${name}`,
    );
  }
  if (code === 'ETIMEDOUT' || e.name === 'TimeoutError') {
    return new VerbatimError(
      `Unable to connect to the server: net/http: request canceled (Client.Timeout exceeded while awaiting headers)`,
    );
  }
  if (code === 'ECONNRESET') {
    return new VerbatimError(`Unable to connect to the server: read: connection reset by peer`);
  }
  const text = e.message || String(err);
  return new VerbatimError(`Unable to connect to the server: ${text} (${method} ${url})`);
}
