/**
 * Serving /openapi/v2 as kube-openapi's handler does: the first Accept clause (by q) that names
 * JSON or gnostic protobuf wins (`*` wildcards match, JSON first); both encodings share the JSON
 * document's ETag (the reply varies on Accept); conditional GETs follow Go's http.ServeContent
 * (If-None-Match, else If-Modified-Since) and a miss is a bodiless 406.
 */
import type { HttpContext } from '../http/context.js';
import { parseAccept } from '../http/negotiation.js';
import { commonHeaders, writeBody } from '../http/response.js';
import { OPENAPI_V2_PROTOBUF } from './v2-protobuf.js';

export type V2Format = 'json' | 'protobuf';

/** kube-openapi's accepted subtypes of `application`, in its matching order. */
const ACCEPTED: Array<{ subtype: string; format: V2Format }> = [
  { subtype: 'json', format: 'json' },
  { subtype: 'com.github.proto-openapi.spec.v2@v1.0+protobuf', format: 'protobuf' },
  { subtype: 'com.github.proto-openapi.spec.v2.v1.0+protobuf', format: 'protobuf' },
];

/** The encoding an Accept header asks for; no header means `*\/*` (JSON); undefined = 406. */
export function chooseV2Format(accept: string | string[] | undefined): V2Format | undefined {
  const header = Array.isArray(accept) ? accept.join(',') : accept;
  const ranges = header?.trim() ? parseAccept(header) : parseAccept('*/*');
  for (const r of ranges) {
    if (r.type !== 'application' && r.type !== '*') continue;
    const hit = ACCEPTED.find((a) => r.subtype === '*' || r.subtype === a.subtype);
    if (hit) return hit.format;
  }
  return undefined;
}

/**
 * Go's If-None-Match test: `*` matches anything; otherwise any listed entity tag equal to
 * `etag` under weak comparison (a `W/` prefix is ignored). A malformed list stops matching.
 */
export function etagMatches(header: string, etag: string): boolean {
  let rest = header.trim();
  while (rest) {
    if (rest.startsWith(',')) {
      rest = rest.slice(1).trimStart();
      continue;
    }
    if (rest.startsWith('*')) return true;
    const m = /^(W\/)?("[^"]*")/.exec(rest);
    if (!m) return false;
    if (m[2] === etag) return true;
    rest = rest.slice(m[0].length).trimStart();
  }
  return false;
}

/** Last-Modified has one-second resolution; a client's date at or after it means unchanged. */
function unmodifiedSince(header: string, modified: Date): boolean {
  const since = Date.parse(header);
  return !Number.isNaN(since) && Math.floor(modified.getTime() / 1000) * 1000 <= since;
}

export interface V2Body {
  /** The JSON document's quoted ETag, shared by both encodings. */
  etag: string;
  modified: Date;
  json: string;
  /** The protobuf bytes, built on first use; an Error when the document cannot be encoded. */
  protobuf: () => Uint8Array | Error;
}

function header(ctx: HttpContext, name: string): string | undefined {
  const v = ctx.req.headers[name];
  return Array.isArray(v) ? v.join(', ') : v;
}

/** Answers one GET/HEAD of /openapi/v2. */
export function serveOpenApiV2(ctx: HttpContext, body: V2Body): void {
  const res = ctx.res;
  res.setHeader('Vary', 'Accept');
  const format = chooseV2Format(ctx.req.headers.accept);
  if (!format) {
    bodiless(ctx, 406);
    return;
  }
  let data: string | Buffer = body.json;
  if (format === 'protobuf') {
    const pb = body.protobuf();
    // kube answers 503 when gnostic cannot parse its own document.
    if (pb instanceof Error) {
      bodiless(ctx, 503);
      return;
    }
    data = Buffer.from(pb.buffer, pb.byteOffset, pb.length);
  }
  const inm = header(ctx, 'if-none-match');
  const ims = header(ctx, 'if-modified-since');
  if (inm !== undefined ? etagMatches(inm, body.etag) : ims !== undefined && unmodifiedSince(ims, body.modified)) {
    commonHeaders(ctx);
    res.setHeader('ETag', body.etag);
    res.writeHead(304);
    res.end();
    return;
  }
  writeBody(ctx, 200, format === 'json' ? 'application/json' : OPENAPI_V2_PROTOBUF, data, {
    ETag: body.etag,
    'Last-Modified': body.modified.toUTCString(),
    'Accept-Ranges': 'bytes',
  });
}

function bodiless(ctx: HttpContext, code: number): void {
  commonHeaders(ctx);
  ctx.res.setHeader('Content-Length', '0');
  ctx.res.writeHead(code);
  ctx.res.end();
}
