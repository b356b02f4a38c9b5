/**
 * /openapi/v2 and /openapi/v3[/<gv path>] (kube-openapi's handlers): documents are built once
 * per catalog state and served with an ETag; v2 as JSON or gnostic protobuf (v2-protobuf*.ts),
 * v3 addressed by `?hash=` as kube does (a matching hash is immutable and cacheable, a stale
 * one redirects to the current URL).
 */
import { notAcceptable } from '../../api/status.js';
import type { Catalog } from '../apis/catalog.js';
import type { HttpContext } from '../http/context.js';
import { parseAccept } from '../http/negotiation.js';
import { writeBody } from '../http/response.js';
import { buildOpenApiV2, buildOpenApiV3, documentHash, subresourceGroupVersions } from './documents.js';
import { encodeOpenApiV2 } from './v2-protobuf.js';
import { serveOpenApiV2, type V2Body } from './v2-protobuf-http.js';

export interface OpenApiDeps {
  catalog: Catalog;
  kubeVersion: string;
}

interface Doc {
  json: string;
  hash: string;
}

interface Cache {
  kindCount: number;
  v2?: V2Body;
  v3: Map<string, Doc | undefined>;
}

/**
 * The v2 document in both of kube's encodings: JSON now, gnostic protobuf on first request
 * (encoded from the same object, so the two always agree), sharing the JSON's ETag.
 */
function v2Body(document: Record<string, unknown>): V2Body {
  const json = JSON.stringify(document);
  let source: Record<string, unknown> | undefined = document;
  let protobuf: Uint8Array | Error | undefined;
  return {
    json,
    etag: `"${documentHash(json)}"`,
    modified: new Date(),
    protobuf: () => {
      if (!protobuf) {
        try {
          protobuf = encodeOpenApiV2(source ?? JSON.parse(json));
        } catch (e) {
          protobuf = e instanceof Error ? e : new Error(String(e));
        }
        source = undefined; // the bytes (or the failure) are kept; the object tree is not
      }
      return protobuf;
    },
  };
}

const gvPath = (group: string, version: string): string => (group ? `apis/${group}/${version}` : `api/${version}`);

/** Builds the handler; documents are cached until the catalog's kind count changes. */
export function openApiHandler(deps: OpenApiDeps): (ctx: HttpContext) => boolean {
  let cache: Cache = { kindCount: -1, v3: new Map() };
  const fresh = (): Cache => {
    if (cache.kindCount !== deps.catalog.kinds.length) cache = { kindCount: deps.catalog.kinds.length, v3: new Map() };
    return cache;
  };
  const doc = (json: string): Doc => ({ json, hash: documentHash(json) });
  const v3Doc = (path: string): Doc | undefined => {
    const c = fresh();
    if (!c.v3.has(path)) {
      const m = /^(?:api\/([^/]+)|apis\/([^/]+)\/([^/]+))$/.exec(path);
      const built = m
        ? m[1]
          ? buildOpenApiV3(deps.catalog, '', m[1])
          : buildOpenApiV3(deps.catalog, m[2] ?? '', m[3] ?? '')
        : undefined;
      c.v3.set(path, built ? doc(JSON.stringify(built)) : undefined);
    }
    return c.v3.get(path);
  };

  const wantsJson = (ctx: HttpContext): boolean => {
    const ranges = parseAccept(ctx.req.headers.accept);
    return (
      ranges.length === 0 ||
      ranges.some((r) => (r.type === '*' || r.type === 'application') && (r.subtype === '*' || r.subtype === 'json'))
    );
  };

  const send = (ctx: HttpContext, d: Doc, immutable: boolean): void => {
    const quoted = `"${d.hash}"`;
    if (ctx.req.headers['if-none-match'] === quoted) {
      ctx.res.setHeader('ETag', quoted);
      ctx.res.writeHead(304);
      ctx.res.end();
      return;
    }
    const headers: Record<string, string> = { ETag: quoted, Vary: 'Accept' };
    if (immutable) {
      headers['Cache-Control'] = 'public, immutable';
      headers.Expires = new Date(Date.now() + 365 * 24 * 3600_000).toUTCString();
    }
    writeBody(ctx, 200, 'application/json', d.json, headers);
  };

  return (ctx) => {
    if (ctx.method !== 'GET' && ctx.method !== 'HEAD') return false;
    const path = ctx.url.pathname;
    if (path === '/openapi/v2') {
      const c = fresh();
      c.v2 ??= v2Body(buildOpenApiV2(deps.catalog, deps.kubeVersion));
      serveOpenApiV2(ctx, c.v2);
      return true;
    }
    if (path === '/openapi/v3' || path === '/openapi/v3/') {
      const paths: Record<string, { serverRelativeURL: string }> = {};
      const gvs = deps.catalog
        .groupVersions()
        .flatMap((g) => g.versions.map((version) => ({ group: g.group, version })));
      gvs.push(...subresourceGroupVersions(deps.catalog));
      for (const { group, version } of gvs) {
        const p = gvPath(group, version);
        const d = v3Doc(p);
        if (d) paths[p] = { serverRelativeURL: `/openapi/v3/${p}?hash=${d.hash}` };
      }
      writeBody(ctx, 200, 'application/json', `${JSON.stringify({ paths })}\n`);
      return true;
    }
    const m = /^\/openapi\/v3\/(.+?)\/?$/.exec(path);
    if (!m?.[1]) return false;
    const d = v3Doc(m[1]);
    if (!d) return false;
    if (!wantsJson(ctx)) throw notAcceptable(['application/json']);
    const hash = ctx.query.get('hash');
    if (hash && hash !== d.hash) {
      ctx.res.setHeader('Location', `/openapi/v3/${m[1]}?hash=${d.hash}`);
      writeBody(ctx, 301, 'text/plain; charset=utf-8', '');
      return true;
    }
    send(ctx, d, hash === d.hash);
    return true;
  };
}
