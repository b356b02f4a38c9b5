import type http from 'node:http';
import { sendJson, startServer, type TestServer } from './http-server.js';

/** A compact catalogue of resource types for discovery. */
export interface FakeType {
  group: string;
  versions: string[];
  resource: string;
  singular: string;
  kind: string;
  namespaced: boolean;
  shortNames?: string[];
  categories?: string[];
  subresources?: string[];
}

export const CATALOG: FakeType[] = [
  {
    group: '',
    versions: ['v1'],
    resource: 'pods',
    singular: 'pod',
    kind: 'Pod',
    namespaced: true,
    shortNames: ['po'],
    categories: ['all'],
    subresources: ['log', 'status'],
  },
  {
    group: '',
    versions: ['v1'],
    resource: 'services',
    singular: 'service',
    kind: 'Service',
    namespaced: true,
    shortNames: ['svc'],
    categories: ['all'],
  },
  {
    group: '',
    versions: ['v1'],
    resource: 'configmaps',
    singular: 'configmap',
    kind: 'ConfigMap',
    namespaced: true,
    shortNames: ['cm'],
  },
  {
    group: '',
    versions: ['v1'],
    resource: 'namespaces',
    singular: 'namespace',
    kind: 'Namespace',
    namespaced: false,
    shortNames: ['ns'],
  },
  {
    group: '',
    versions: ['v1'],
    resource: 'events',
    singular: 'event',
    kind: 'Event',
    namespaced: true,
    shortNames: ['ev'],
  },
  {
    group: 'apps',
    versions: ['v1'],
    resource: 'deployments',
    singular: 'deployment',
    kind: 'Deployment',
    namespaced: true,
    shortNames: ['deploy'],
    categories: ['all'],
    subresources: ['scale', 'status'],
  },
  {
    group: 'batch',
    versions: ['v1'],
    resource: 'jobs',
    singular: 'job',
    kind: 'Job',
    namespaced: true,
    categories: ['all'],
  },
  {
    group: 'events.k8s.io',
    versions: ['v1'],
    resource: 'events',
    singular: 'event',
    kind: 'Event',
    namespaced: true,
    shortNames: ['ev'],
  },
  {
    group: 'autoscaling',
    versions: ['v2', 'v1'],
    resource: 'horizontalpodautoscalers',
    singular: 'horizontalpodautoscaler',
    kind: 'HorizontalPodAutoscaler',
    namespaced: true,
    shortNames: ['hpa'],
    categories: ['all'],
  },
];

const VERBS = ['create', 'delete', 'get', 'list', 'patch', 'update', 'watch'];

function groupsOf(catalog: FakeType[]): { name: string; versions: string[] }[] {
  const out: { name: string; versions: string[] }[] = [];
  for (const t of catalog) {
    let g = out.find((x) => x.name === t.group);
    if (!g) out.push((g = { name: t.group, versions: [] }));
    for (const v of t.versions) if (!g.versions.includes(v)) g.versions.push(v);
  }
  return out;
}

export function aggregatedDoc(catalog: FakeType[], core: boolean) {
  return {
    kind: 'APIGroupDiscoveryList',
    apiVersion: 'apidiscovery.k8s.io/v2',
    metadata: {},
    items: groupsOf(catalog)
      .filter((g) => (g.name === '') === core)
      .map((g) => ({
        metadata: { name: g.name, creationTimestamp: null },
        versions: g.versions.map((v) => ({
          version: v,
          freshness: 'Current',
          resources: catalog
            .filter((t) => t.group === g.name && t.versions.includes(v))
            .map((t) => ({
              resource: t.resource,
              responseKind: { group: t.group, version: v, kind: t.kind },
              scope: t.namespaced ? 'Namespaced' : 'Cluster',
              singularResource: t.singular,
              verbs: VERBS,
              ...(t.shortNames ? { shortNames: t.shortNames } : {}),
              ...(t.categories ? { categories: t.categories } : {}),
              ...(t.subresources
                ? {
                    subresources: t.subresources.map((s) => ({
                      subresource: s,
                      responseKind: { group: t.group, version: v, kind: t.kind },
                      verbs: ['get'],
                    })),
                  }
                : {}),
            })),
        })),
      })),
  };
}

export function legacyResourceList(catalog: FakeType[], group: string, version: string) {
  const resources = [];
  for (const t of catalog.filter((x) => x.group === group && x.versions.includes(version))) {
    resources.push({
      name: t.resource,
      singularName: t.singular,
      namespaced: t.namespaced,
      kind: t.kind,
      verbs: VERBS,
      ...(t.shortNames ? { shortNames: t.shortNames } : {}),
      ...(t.categories ? { categories: t.categories } : {}),
    });
    for (const s of t.subresources ?? [])
      resources.push({
        name: `${t.resource}/${s}`,
        singularName: '',
        namespaced: t.namespaced,
        kind: t.kind,
        verbs: ['get'],
      });
  }
  return {
    kind: 'APIResourceList',
    apiVersion: 'v1',
    groupVersion: group ? `${group}/${version}` : version,
    resources,
  };
}

export interface FakeApiServer extends TestServer {
  /** Objects by collection path without namespace: key `group/version/resource`. */
  objects: Record<string, unknown>[];
  catalog: FakeType[];
  discoveryRequests(): number;
}

export interface FakeOptions {
  aggregated?: boolean;
  catalog?: FakeType[];
  objects?: Record<string, unknown>[];
  /** Extra routes tried first; return true when handled. */
  route?: (req: http.IncomingMessage, res: http.ServerResponse, url: URL) => boolean | Promise<boolean>;
}

const plural = (kind: string, catalog: FakeType[], group: string) =>
  catalog.find((t) => t.kind === kind && t.group === group)?.resource;

/**
 * A small API server: discovery (aggregated when asked for and enabled, else legacy), and
 * GET/LIST of the given objects with namespace, labelSelector (k=v only), limit/continue.
 */
export async function startFakeApiServer(o: FakeOptions = {}): Promise<FakeApiServer> {
  const catalog = o.catalog ?? CATALOG;
  const objects = o.objects ?? [];
  const aggregated = o.aggregated ?? true;
  let discovery = 0;
  const server = await startServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    if (o.route && (await o.route(req, res, url))) return;
    const p = url.pathname;
    const accept = req.headers.accept ?? '';
    const wantsAgg = aggregated && accept.includes('as=APIGroupDiscoveryList');
    const aggCt = 'application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList';
    if (p === '/api' || p === '/apis') discovery++;
    if (p === '/api') {
      if (wantsAgg) return sendJson(res, 200, aggregatedDoc(catalog, true), { 'content-type': aggCt });
      return sendJson(res, 200, { kind: 'APIVersions', versions: ['v1'], serverAddressByClientCIDRs: [] });
    }
    if (p === '/apis') {
      if (wantsAgg) return sendJson(res, 200, aggregatedDoc(catalog, false), { 'content-type': aggCt });
      const groups = groupsOf(catalog)
        .filter((g) => g.name)
        .map((g) => {
          const versions = g.versions.map((v) => ({ groupVersion: `${g.name}/${v}`, version: v }));
          return { name: g.name, versions, preferredVersion: versions[0] };
        });
      return sendJson(res, 200, { kind: 'APIGroupList', apiVersion: 'v1', groups });
    }
    const m = /^\/(?:api\/(v1)|apis\/([^/]+)\/([^/]+))(?:\/namespaces\/([^/]+))?(?:\/([^/]+))?(?:\/([^/]+))?$/.exec(p);
    if (!m)
      return sendJson(res, 404, {
        kind: 'Status',
        apiVersion: 'v1',
        status: 'Failure',
        message: 'the server could not find the requested resource',
        reason: 'NotFound',
        code: 404,
      });
    const group = m[2] ?? '';
    const version = m[1] ?? m[3];
    const ns = m[4];
    const resource = m[5];
    const name = m[6];
    if (!resource) return sendJson(res, 200, legacyResourceList(catalog, group, version));
    const type = catalog.find((t) => t.group === group && t.resource === resource && t.versions.includes(version));
    if (!type)
      return sendJson(res, 404, {
        kind: 'Status',
        apiVersion: 'v1',
        status: 'Failure',
        message: 'the server could not find the requested resource',
        reason: 'NotFound',
        code: 404,
      });
    const mine = objects.filter((x) => {
      const md = (x.metadata ?? {}) as { namespace?: string };
      const av = String(x.apiVersion ?? '');
      const g = av.includes('/') ? av.split('/')[0] : '';
      return plural(String(x.kind), catalog, g) === resource && g === group && (!ns || md.namespace === ns);
    });
    if (name) {
      const hit = mine.find((x) => (x.metadata as { name: string }).name === name);
      if (!hit) {
        return sendJson(res, 404, {
          kind: 'Status',
          apiVersion: 'v1',
          metadata: {},
          status: 'Failure',
          message: `${group ? `${resource}.${group}` : resource} "${name}" not found`,
          reason: 'NotFound',
          details: { name, ...(group ? { group } : {}), kind: resource },
          code: 404,
        });
      }
      return sendJson(res, 200, hit);
    }
    const sel = url.searchParams.get('labelSelector');
    let items = mine;
    if (sel) {
      const [k, v] = sel.split('=');
      items = items.filter((x) => (x.metadata as { labels?: Record<string, string> }).labels?.[k] === v);
    }
    const limit = Number(url.searchParams.get('limit') ?? 0);
    const start = Number(url.searchParams.get('continue') ?? 0);
    const page = limit > 0 ? items.slice(start, start + limit) : items;
    const next = limit > 0 && start + limit < items.length ? String(start + limit) : undefined;
    return sendJson(res, 200, {
      kind: `${type.kind}List`,
      apiVersion: group ? `${group}/${version}` : version,
      metadata: { resourceVersion: '100', ...(next ? { continue: next } : {}) },
      items: page.map((x) => {
        const { kind: _k, apiVersion: _a, ...rest } = x;
        return rest;
      }),
    });
  });
  return Object.assign(server, { objects, catalog, discoveryRequests: () => discovery });
}

export const pod = (namespace: string, name: string, labels: Record<string, string> = {}) => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name, namespace, labels, resourceVersion: '1' },
  spec: { containers: [{ name: 'c', image: 'nginx' }] },
});
