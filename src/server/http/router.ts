/**
 * The innermost handler: non-resource paths (health, version, discovery, OpenAPI, the root
 * path list) and then resource requests; anything else is kube's 404 Status.
 */
import type { Catalog } from '../apis/catalog.js';
import { serveDiscovery } from '../discovery/handlers.js';
import { openApiHandler } from '../openapi/handlers.js';
import type { Registry } from '../registry/types.js';
import { type Handler, requestInfo } from './context.js';
import { methodNotAllowed, pathNotFound } from './generic-errors.js';
import { type HealthEndpoints, serveHealth } from './health.js';
import { negotiatePlainJson } from './negotiation.js';
import { handleResource } from './resource-handler.js';
import { writeBody } from './response.js';

export interface RouterDeps {
  catalog: Catalog;
  registry: Registry;
  health: HealthEndpoints;
  /** kube's version.Info for /version. */
  version: object;
  kubeVersion: string;
}

/** The paths `GET /` lists, as kube does (discovery roots, health and OpenAPI endpoints). */
function rootPaths(catalog: Catalog): string[] {
  const paths = new Set([
    '/api',
    '/api/v1',
    '/apis',
    '/apis/',
    '/healthz',
    '/livez',
    '/readyz',
    '/openapi/v2',
    '/openapi/v3',
    '/openapi/v3/',
    '/version',
  ]);
  for (const g of catalog.groupVersions()) {
    if (!g.group) continue;
    paths.add(`/apis/${g.group}`);
    for (const v of g.versions) paths.add(`/apis/${g.group}/${v}`);
  }
  return [...paths].sort();
}

export function createRouter(deps: RouterDeps): Handler {
  const openapi = openApiHandler({ catalog: deps.catalog, kubeVersion: deps.kubeVersion });
  return async (ctx) => {
    const path = ctx.url.pathname;
    if (await serveHealth(ctx, deps.health)) return;
    if (path === '/version' || path === '/version/') {
      if (ctx.method !== 'GET' && ctx.method !== 'HEAD') throw methodNotAllowed();
      // kube writes /version with indentation and no trailing newline (WriteRawJSON).
      writeBody(ctx, 200, 'application/json', JSON.stringify(deps.version, null, 2));
      return;
    }
    if (path === '/') {
      writeBody(ctx, 200, 'application/json', JSON.stringify({ paths: rootPaths(deps.catalog) }, null, 2));
      return;
    }
    const info = requestInfo(ctx);
    if (info.isResourceRequest) return handleResource(ctx, deps);
    if (path.startsWith('/api')) {
      const accept = ctx.req.headers.accept;
      if (!accept?.includes('apidiscovery')) negotiatePlainJson(accept);
      if (serveDiscovery(ctx, { catalog: deps.catalog })) return;
    }
    if (path.startsWith('/openapi/') && openapi(ctx)) return;
    throw pathNotFound();
  };
}
