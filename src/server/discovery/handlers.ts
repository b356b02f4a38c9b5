/**
 * Discovery endpoints: /api, /api/v1, /apis, /apis/<g>, /apis/<g>/<v> in the legacy shapes,
 * and /api and /apis as aggregated discovery (apidiscovery.k8s.io v2 or v2beta1) when the
 * Accept header asks for `as=APIGroupDiscoveryList` first. Aggregated answers carry kube's
 * ETag (hex SHA-512 of the JSON), `Vary: Accept` and honour If-None-Match with 304.
 */
import { createHash } from 'node:crypto';
import type { Catalog } from '../apis/catalog.js';
import type { KindDefinition } from '../apis/types.js';
import type { HttpContext } from '../http/context.js';
import { parseAccept } from '../http/negotiation.js';
import { encode, wantsPretty, writeBody, writeObject } from '../http/response.js';
import { aggregatedResources, legacyResources } from './resources.js';

export interface DiscoveryDeps {
  catalog: Catalog;
}

type AggVersion = 'v2' | 'v2beta1';

/** The aggregated discovery version the Accept header prefers, or undefined for legacy. */
export function aggregatedVersionWanted(accept: string | undefined): AggVersion | undefined {
  for (const r of parseAccept(accept)) {
    if (r.type !== 'application' && r.type !== '*') continue;
    if (r.params.as === 'APIGroupDiscoveryList') {
      if (r.params.g === 'apidiscovery.k8s.io' && (r.params.v === 'v2' || r.params.v === 'v2beta1')) return r.params.v;
      continue; // an unknown aggregated version: try the next clause
    }
    if (r.params.as === undefined) return undefined;
  }
  return undefined;
}

function kindsOf(catalog: Catalog, group: string, version: string): KindDefinition[] {
  // Subresource-only kinds (e.g. autoscaling/v1 Scale) are not served as resources of their own.
  return catalog.kinds.filter((k) => k.group === group && k.version === version);
}

const gv = (group: string, version: string): string => (group ? `${group}/${version}` : version);

function serverAddress(ctx: HttpContext): string {
  const s = ctx.req.socket as { localAddress?: string; localPort?: number };
  const host = (s.localAddress ?? '127.0.0.1').replace(/^::ffff:/, '');
  return `${host.includes(':') ? `[${host}]` : host}:${s.localPort ?? 0}`;
}

function groupDoc(group: string, versions: string[]) {
  const list = versions.map((v) => ({ groupVersion: gv(group, v), version: v }));
  return { name: group, versions: list, preferredVersion: list[0] };
}

function aggregatedDoc(catalog: Catalog, core: boolean, version: AggVersion) {
  const items = catalog
    .groupVersions()
    .filter((g) => (g.group === '') === core)
    .map((g) => ({
      metadata: core ? { creationTimestamp: null } : { name: g.group, creationTimestamp: null },
      versions: g.versions
        .map((v) => ({
          version: v,
          resources: aggregatedResources(kindsOf(catalog, g.group, v)),
          freshness: 'Current',
        }))
        .filter((v) => v.resources.length > 0),
    }))
    .filter((g) => g.versions.length > 0);
  return { kind: 'APIGroupDiscoveryList', apiVersion: `apidiscovery.k8s.io/${version}`, metadata: {}, items };
}

function serveAggregated(ctx: HttpContext, doc: ReturnType<typeof aggregatedDoc>, version: AggVersion): void {
  // kube hashes the list items without the TypeMeta, so v2 and v2beta1 share one ETag.
  const etag = createHash('sha512')
    .update(JSON.stringify({ metadata: {}, items: doc.items }))
    .digest('hex')
    .toUpperCase();
  const quoted = `"${etag}"`;
  const headers = { ETag: quoted, Vary: 'Accept' };
  ctx.res.setHeader('Cache-Control', 'public');
  if (ctx.req.headers['if-none-match'] === quoted) {
    for (const [k, v] of Object.entries(headers)) ctx.res.setHeader(k, v);
    ctx.res.writeHead(304);
    ctx.res.end();
    return;
  }
  writeBody(
    ctx,
    200,
    `application/json;g=apidiscovery.k8s.io;v=${version};as=APIGroupDiscoveryList`,
    encode(doc, 'json', wantsPretty(ctx)),
    { ...headers, 'Cache-Control': 'public' },
  );
}

/** Serves a discovery path; returns false when the path is not one (the caller answers 404). */
export function serveDiscovery(ctx: HttpContext, deps: DiscoveryDeps): boolean {
  if (ctx.method !== 'GET' && ctx.method !== 'HEAD') return false;
  const path = ctx.url.pathname.replace(/\/+$/, '') || '/';
  const { catalog } = deps;
  const accept = ctx.req.headers.accept;
  if (path === '/api' || path === '/apis') {
    const agg = aggregatedVersionWanted(accept);
    const core = path === '/api';
    if (agg) {
      serveAggregated(ctx, aggregatedDoc(catalog, core, agg), agg);
      return true;
    }
    if (core) {
      const versions = catalog.groupVersions().find((g) => g.group === '')?.versions ?? [];
      writeObject(ctx, 200, {
        kind: 'APIVersions',
        versions,
        serverAddressByClientCIDRs: [{ clientCIDR: '0.0.0.0/0', serverAddress: serverAddress(ctx) }],
      });
      return true;
    }
    const groups = catalog
      .groupVersions()
      .filter((g) => g.group !== '')
      .map((g) => groupDoc(g.group, g.versions));
    writeObject(ctx, 200, { kind: 'APIGroupList', apiVersion: 'v1', groups });
    return true;
  }
  const coreV = /^\/api\/([^/]+)$/.exec(path);
  if (coreV?.[1]) {
    const kinds = kindsOf(catalog, '', coreV[1]);
    if (!kinds.length) return false;
    writeObject(ctx, 200, { kind: 'APIResourceList', groupVersion: coreV[1], resources: legacyResources(kinds) });
    return true;
  }
  const grp = /^\/apis\/([^/]+)(?:\/([^/]+))?$/.exec(path);
  if (grp?.[1]) {
    const g = catalog.groupVersions().find((x) => x.group === grp[1]);
    if (!g) return false;
    if (grp[2] === undefined) {
      writeObject(ctx, 200, { kind: 'APIGroup', apiVersion: 'v1', ...groupDoc(g.group, g.versions) });
      return true;
    }
    if (!g.versions.includes(grp[2])) return false;
    writeObject(ctx, 200, {
      kind: 'APIResourceList',
      apiVersion: 'v1',
      groupVersion: gv(g.group, grp[2]),
      resources: legacyResources(kindsOf(catalog, g.group, grp[2])),
    });
    return true;
  }
  return false;
}
