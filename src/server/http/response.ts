/**
 * Response writers. Every answer carries kube's common headers (Audit-Id, Cache-Control);
 * bodies above kube's 128 KiB threshold are gzipped when the client accepts it; errors are
 * meta/v1 Status objects with the HTTP code of the Status.
 */
import { randomUUID } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import yaml from 'js-yaml';
import { internalError, type Status, StatusError } from '../../api/status.js';
import { stringifyShared } from '../storage/shared-json.js';
import type { HttpContext } from './context.js';
import type { WireFormat } from './negotiation.js';

/** kube's defaultGzipThresholdBytes: smaller bodies are not worth compressing. */
export const GZIP_THRESHOLD = 128 * 1024;

export const CONTENT_TYPE: Record<WireFormat, string> = {
  json: 'application/json',
  yaml: 'application/yaml',
};

/** Serializes like kube: JSON with a trailing newline; YAML with sorted keys (Go's yaml via JSON). */
export function encode(obj: unknown, format: WireFormat, pretty = false): string {
  if (format === 'yaml') return yaml.dump(obj, { sortKeys: true, lineWidth: -1, noRefs: true });
  return `${pretty ? JSON.stringify(obj, null, 2) : JSON.stringify(obj)}\n`;
}

/**
 * kube indents JSON for `?pretty=true` and for curl and wget user agents (so a terminal shows
 * readable output); every other client gets compact JSON.
 */
export function wantsPretty(ctx: HttpContext): boolean {
  const p = ctx.query.get('pretty');
  if (p !== null) return ['1', 't', 'T', 'true', 'TRUE', 'True'].includes(p);
  const ua = String(ctx.req.headers['user-agent'] ?? '');
  return ua.startsWith('curl') || ua.startsWith('Wget');
}

/** `Warning: 299 - "text"`, the text escaped as an HTTP quoted-string (RFC 7234 warn-text). */
export function warningHeader(text: string): string {
  const clean = text.replace(/[\u0000-\u001f\u007f]/g, ' ');
  return `299 - "${clean.replace(/(["\\])/g, '\\$1')}"`;
}

function acceptsGzip(ctx: HttpContext): boolean {
  const h = ctx.req.headers['accept-encoding'];
  const v = Array.isArray(h) ? h.join(',') : (h ?? '');
  return v
    .split(',')
    .map((s) => s.trim().split(';')[0]?.trim().toLowerCase())
    .some((e) => e === 'gzip' || e === '*');
}

/** Headers every response carries; call before writing anything. */
export function commonHeaders(ctx: HttpContext): void {
  const res = ctx.res;
  if (res.headersSent) return;
  res.setHeader('Audit-Id', auditId(ctx));
  res.setHeader('Cache-Control', 'no-cache, private');
  if (ctx.warnings.length) res.setHeader('Warning', ctx.warnings.map(warningHeader));
}

const AUDIT = Symbol('auditId');
/** The request's audit id: the client's `Audit-ID` header when given, else a new UUID. */
export function auditId(ctx: HttpContext): string {
  const c = ctx as HttpContext & { [AUDIT]?: string };
  if (!c[AUDIT]) {
    const given = ctx.req.headers['audit-id'];
    c[AUDIT] = (Array.isArray(given) ? given[0] : given) || randomUUID();
  }
  return c[AUDIT];
}

/** Writes a complete body with a content type; gzips large bodies when accepted. */
export function writeBody(
  ctx: HttpContext,
  code: number,
  contentType: string,
  body: string | Buffer,
  extraHeaders: Record<string, string> = {},
): void {
  const res = ctx.res;
  if (res.headersSent || res.writableEnded) return;
  commonHeaders(ctx);
  for (const [k, v] of Object.entries(extraHeaders)) res.setHeader(k, v);
  res.setHeader('Content-Type', contentType);
  let data: string | Buffer = body;
  let length = typeof body === 'string' ? Buffer.byteLength(body) : body.length;
  if (length > GZIP_THRESHOLD && acceptsGzip(ctx)) {
    data = gzipSync(body);
    length = data.length;
    res.setHeader('Content-Encoding', 'gzip');
    const vary = res.getHeader('Vary');
    res.setHeader('Vary', vary ? `${String(vary)}, Accept-Encoding` : 'Accept-Encoding');
  }
  res.setHeader('Content-Length', String(length));
  res.writeHead(code);
  if (ctx.method === 'HEAD') res.end();
  else res.end(data);
}

/**
 * Writes an API object in the negotiated format. `shared`: the value may hold the watch cache's
 * shared objects (lists), whose compact JSON is cached (storage/shared-json.ts).
 */
export function writeObject(
  ctx: HttpContext,
  code: number,
  obj: unknown,
  format: WireFormat = 'json',
  shared = false,
): void {
  const pretty = wantsPretty(ctx);
  const body = shared && format === 'json' && !pretty ? stringifyShared(obj, '\n') : encode(obj, format, pretty);
  writeBody(ctx, code, CONTENT_TYPE[format], body);
}

/** Turns anything thrown into the Status kube would send (unknown errors -> 500 InternalError). */
export function toStatus(err: unknown): Status {
  const s = err instanceof StatusError ? err.status : internalError(err).status;
  // kube's field order (metav1.Status): clients do not care, byte-for-byte comparisons do.
  const ordered: Status = {
    kind: 'Status',
    apiVersion: 'v1',
    metadata: s.metadata ?? {},
    status: s.status,
    code: s.code,
  };
  const out: Record<string, unknown> = {
    kind: ordered.kind,
    apiVersion: ordered.apiVersion,
    metadata: ordered.metadata,
    status: ordered.status,
  };
  if (s.message) out.message = s.message;
  if (s.reason) out.reason = s.reason;
  if (s.details) out.details = s.details;
  out.code = s.code;
  return out as unknown as Status;
}

/** Writes an error as a Status (JSON unless the client negotiated YAML). */
export function writeError(ctx: HttpContext, err: unknown, format: WireFormat = 'json'): void {
  const status = toStatus(err);
  const headers: Record<string, string> = {};
  const retry = status.details?.retryAfterSeconds;
  if (retry && retry > 0 && (status.code === 429 || status.code >= 500)) headers['Retry-After'] = String(retry);
  if (ctx.res.headersSent) {
    // Too late for a status line: end the stream so the client sees a truncated response.
    if (!ctx.res.writableEnded) ctx.res.end();
    return;
  }
  writeBody(ctx, status.code || 500, CONTENT_TYPE[format], encode(status, format, wantsPretty(ctx)), headers);
}

/** Plain text (health checks, 429s), as kube's http.Error writes it. */
export function writeText(
  ctx: HttpContext,
  code: number,
  text: string,
  extraHeaders: Record<string, string> = {},
): void {
  writeBody(ctx, code, 'text/plain; charset=utf-8', text, { 'X-Content-Type-Options': 'nosniff', ...extraHeaders });
}
