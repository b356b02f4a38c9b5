/**
 * HTTP-layer fixtures: a three-kind catalog and an in-memory ResourceStore with just enough
 * behaviour (names, resourceVersions, conflicts, label selection, watch fan-out) to exercise
 * routing, negotiation and streaming without the real registry.
 */
import { alreadyExists, conflict, notFound, StatusError } from '../../../../src/api/status.js';
import { Catalog } from '../../../../src/server/apis/catalog.js';
import type { KindDefinition, KubeObject } from '../../../../src/server/apis/types.js';
import type {
  KubeList,
  Registry,
  RegistryWatchEvent,
  RequestContext,
  ResourceStore,
  WatchQuery,
} from '../../../../src/server/registry/types.js';
import type { OpenRegistryOptions, RegistryRuntime } from '../../../../src/server/serve-registry.js';

const str = { type: 'string' as const };
export const configMaps: KindDefinition = {
  group: '',
  version: 'v1',
  kind: 'ConfigMap',
  resource: 'configmaps',
  singular: 'configmap',
  namespaced: true,
  shortNames: ['cm'],
  definition: 'io.k8s.api.core.v1.ConfigMap',
  strategy: {},
  table: {
    columns: [
      { name: 'Name', type: 'string', format: 'name', description: 'name', priority: 0 },
      { name: 'Data', type: 'integer', format: '', description: 'data', priority: 0 },
    ],
    cells: (o) => [o.metadata?.name, Object.keys((o.data as object) ?? {}).length],
  },
};
export const namespaces: KindDefinition = {
  group: '',
  version: 'v1',
  kind: 'Namespace',
  resource: 'namespaces',
  singular: 'namespace',
  namespaced: false,
  shortNames: ['ns'],
  definition: 'io.k8s.api.core.v1.Namespace',
  verbs: ['create', 'delete', 'get', 'list', 'patch', 'update', 'watch'],
  subresources: { status: true },
  strategy: {},
};
export const deployments: KindDefinition = {
  group: 'apps',
  version: 'v1',
  kind: 'Deployment',
  resource: 'deployments',
  singular: 'deployment',
  namespaced: true,
  shortNames: ['deploy'],
  categories: ['all'],
  definition: 'io.k8s.api.apps.v1.Deployment',
  subresources: { status: true, scale: { specReplicasPath: '.spec.replicas', statusReplicasPath: '.status.replicas' } },
  strategy: {},
};

export function testCatalog(): Catalog {
  const meta = 'io.k8s.apimachinery.pkg.apis.meta.v1.';
  return new Catalog([
    {
      kinds: [configMaps, namespaces],
      definitions: {
        'io.k8s.api.core.v1.ConfigMap': {
          type: 'object',
          properties: {
            apiVersion: str,
            kind: str,
            metadata: { $ref: `#/definitions/${meta}ObjectMeta`, description: 'Standard object metadata.' },
            data: { type: 'object', additionalProperties: str },
          },
        },
        'io.k8s.api.core.v1.ConfigMapList': {
          type: 'object',
          properties: { items: { type: 'array', items: { $ref: '#/definitions/io.k8s.api.core.v1.ConfigMap' } } },
        },
        'io.k8s.api.core.v1.Namespace': {
          type: 'object',
          properties: { metadata: { $ref: `#/definitions/${meta}ObjectMeta` } },
        },
        [`${meta}ObjectMeta`]: {
          type: 'object',
          properties: { name: str, namespace: str, labels: { type: 'object', additionalProperties: str } },
        },
      },
    },
    {
      kinds: [deployments],
      definitions: {
        'io.k8s.api.apps.v1.Deployment': {
          type: 'object',
          properties: {
            metadata: { $ref: `#/definitions/${meta}ObjectMeta` },
            spec: { type: 'object', properties: { replicas: { type: 'integer' } } },
          },
        },
      },
    },
  ]);
}

/** A tiny store: objects by namespace/name, a global revision, and live watchers. */
class MemoryStore implements ResourceStore {
  private objects = new Map<string, KubeObject>();
  private watchers = new Set<(ev: RegistryWatchEvent) => void>();
  constructor(
    readonly kind: KindDefinition,
    private rev: { n: number },
  ) {}
  private key = (ns: string, name: string) => `${ns}/${name}`;
  private gr() {
    return { group: this.kind.group, resource: this.kind.resource };
  }
  private emit(type: RegistryWatchEvent['type'], object: KubeObject) {
    for (const w of this.watchers) w({ type, object });
  }
  async get(ctx: RequestContext, name: string) {
    const o = this.objects.get(this.key(ctx.namespace, name));
    if (!o) throw notFound(this.gr(), name);
    return o;
  }
  async list(ctx: RequestContext, q: { labelSelector?: string; limit?: number }): Promise<KubeList> {
    let items = [...this.objects.values()].filter((o) => !ctx.namespace || o.metadata?.namespace === ctx.namespace);
    if (q.labelSelector) {
      const [k, v] = q.labelSelector.split('=');
      items = items.filter((o) => o.metadata?.labels?.[k ?? ''] === v);
    }
    if (q.labelSelector === '!!bad')
      throw new StatusError({ code: 400, reason: 'BadRequest', message: 'bad selector' });
    return {
      apiVersion: 'v1',
      kind: `${this.kind.kind}List`,
      metadata: { resourceVersion: String(this.rev.n) },
      items,
    };
  }
  watch(ctx: RequestContext, q: WatchQuery): AsyncIterable<RegistryWatchEvent> {
    const self = this;
    return {
      async *[Symbol.asyncIterator]() {
        if (q.labelSelector === '!!bad')
          throw new StatusError({ code: 400, reason: 'BadRequest', message: 'bad selector' });
        if (q.resourceVersion === '1')
          throw new StatusError({ code: 410, reason: 'Expired', message: 'too old resource version: 1 (5)' });
        const queue: RegistryWatchEvent[] = [];
        let wake: (() => void) | undefined;
        const push = (ev: RegistryWatchEvent) => {
          if (ctx.namespace && ev.object.metadata?.namespace !== ctx.namespace) return;
          queue.push(ev);
          wake?.();
        };
        self.watchers.add(push);
        const onAbort = () => wake?.();
        q.signal.addEventListener('abort', onAbort);
        try {
          if (q.sendInitialEvents || q.resourceVersion === undefined || q.resourceVersion === '') {
            for (const o of self.objects.values()) push({ type: 'ADDED', object: o });
          }
          while (!q.signal.aborted) {
            const ev = queue.shift();
            if (ev) yield ev;
            else await new Promise<void>((r) => (wake = r));
          }
        } finally {
          self.watchers.delete(push);
          q.signal.removeEventListener('abort', onAbort);
        }
      },
    };
  }
  async create(ctx: RequestContext, body: unknown, opts: { dryRun: boolean }) {
    const obj = structuredClone(body) as KubeObject;
    const name = obj.metadata?.name ?? '';
    const ns = this.kind.namespaced ? ctx.namespace : '';
    if (this.objects.has(this.key(ns, name))) throw alreadyExists(this.gr(), name);
    obj.metadata = {
      ...obj.metadata,
      namespace: ns || undefined,
      uid: `uid-${name}`,
      resourceVersion: String(++this.rev.n),
    };
    if (!opts.dryRun) {
      this.objects.set(this.key(ns, name), obj);
      this.emit('ADDED', obj);
    }
    if (obj.metadata.labels?.warn) ctx.warnings.push(`warned "${obj.metadata.labels.warn}"`);
    return obj;
  }
  async update(ctx: RequestContext, name: string, body: unknown) {
    const obj = structuredClone(body) as KubeObject;
    const old = await this.get(ctx, name);
    if (obj.metadata?.resourceVersion && obj.metadata.resourceVersion !== old.metadata?.resourceVersion)
      throw conflict(this.gr(), name);
    obj.metadata = { ...obj.metadata, resourceVersion: String(++this.rev.n) };
    this.objects.set(this.key(ctx.namespace, name), obj);
    this.emit('MODIFIED', obj);
    return { object: obj, created: false };
  }
  async patch(ctx: RequestContext, name: string, type: string, patch: unknown) {
    const old = await this.get(ctx, name);
    if (type === 'apply')
      throw new StatusError({ code: 415, reason: 'UnsupportedMediaType', message: 'apply not yet' });
    const obj = { ...old, ...(patch as object), metadata: { ...old.metadata, resourceVersion: String(++this.rev.n) } };
    this.objects.set(this.key(ctx.namespace, name), obj);
    this.emit('MODIFIED', obj);
    return obj;
  }
  async delete(ctx: RequestContext, name: string) {
    const o = await this.get(ctx, name);
    this.objects.delete(this.key(ctx.namespace, name));
    this.emit('DELETED', o);
    return { object: o, pending: false };
  }
  async deleteCollection(ctx: RequestContext) {
    const list = await this.list(ctx, {});
    for (const o of list.items) await this.delete(ctx, o.metadata?.name ?? '');
    return list;
  }
}

/** A registry runtime over MemoryStores for every kind of the catalog. */
export function memoryRegistry(o: OpenRegistryOptions): Promise<RegistryRuntime> {
  const rev = { n: 10 };
  const stores = new Map<string, MemoryStore>();
  for (const k of o.catalog.kinds) stores.set(`${k.group}/${k.version}/${k.resource}`, new MemoryStore(k, rev));
  const registry: Registry = { store: (g, v, r) => stores.get(`${g}/${v}/${r}`) };
  return Promise.resolve({ registry, start: async () => {}, checkStorage: async () => {}, close: async () => {} });
}
