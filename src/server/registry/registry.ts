/**
 * The registry: one GenericStore per kind of the catalog, the admission chain, service
 * allocations, write notifications and the in-process controllers (namespace lifecycle,
 * garbage collector, per-namespace defaults, seeding).
 */

import type { AdmissionChain } from '../admission/chain.js';
import { defaultAdmissionChain } from '../admission/index.js';
import type { AdmissionLookup } from '../admission/types.js';
import { IPAllocator } from '../allocators/ip-allocator.js';
import { PortAllocator } from '../allocators/port-allocator.js';
import { ServiceAllocations } from '../allocators/service-allocation.js';
import type { UserLookup } from '../apis/authentication/reviews.js';
import type { Catalog } from '../apis/catalog.js';
import type { KindDefinition, KubeObject } from '../apis/types.js';
import type { ServiceAccountTokens } from '../auth/service-account-tokens.js';
import { type ControllerOptions, startControllers } from '../controllers/index.js';
import { type Cacher, createCacher } from '../storage/index.js';
import type { Storage } from '../storage/interface.js';
import type { MvccStore } from '../storage/mvcc/kv.js';
import { GenericStore } from './generic-store.js';
import { resourcePrefix } from './keys.js';
import { RegistryEvents } from './registry-events.js';
import { convertingStorage, storageConversion } from './storage-conversion.js';
import type { StoreContext, StoreHooks } from './store-context.js';
import { SYSTEM_CONTEXT } from './system-context.js';
import type { Registry } from './types.js';

export interface CreateRegistryOptions {
  catalog: Catalog;
  storage: Storage;
  /**
   * The MVCC KV under `storage`. When given (and watchCache is not false), every kind reads,
   * lists and watches through its own watch cache (kube's cacher) over this KV.
   */
  kv?: MvccStore;
  watchCache?: boolean;
  clock?: () => Date;
  /** Defaults to NamespaceLifecycle + ServiceAccount. */
  admission?: AdmissionChain;
  /** Service CIDR (default 10.96.0.0/12) and NodePort range (default 30000-32767). */
  serviceCIDR?: string;
  nodePortRange?: string;
  /** Random source for allocators (tests); returns an integer in [0, n). */
  random?: (n: number) => number;
  /** false: no controllers and no seeding (unit tests of the bare store). Default: all on. */
  controllers?: false | ControllerOptions;
  /** Authenticates the tokens of TokenReviews (the server's token authenticator). */
  tokenLookup?: UserLookup;
  /** Signs service account tokens (`serviceaccounts/<name>/token`). */
  serviceAccountTokens?: ServiceAccountTokens;
}

export interface ServerRegistry extends Registry {
  readonly catalog: Catalog;
  readonly events: RegistryEvents;
  readonly allocations: ServiceAllocations;
  /** Reads without admission, for controllers and admission plugins. */
  readonly lookup: AdmissionLookup;
  store(group: string, version: string, resource: string): GenericStore | undefined;
  /** The store of the preferred version of group/resource. */
  storeFor(group: string, resource: string): GenericStore | undefined;
  /** Recovers allocations, seeds default objects and starts the controllers. */
  start(): Promise<void>;
  /** Stops the controllers (the storage is the caller's to close). */
  stop(): Promise<void>;
  /** Resolves when controllers have no queued work (tests). */
  idle(): Promise<void>;
}

export function createRegistry(opts: CreateRegistryOptions): ServerRegistry {
  const { catalog, storage } = opts;
  const clock = opts.clock ?? (() => new Date());
  const events = new RegistryEvents();
  const allocations = new ServiceAllocations(
    new IPAllocator(opts.serviceCIDR, opts.random),
    new PortAllocator(opts.nodePortRange, opts.random),
  );
  const byGVR = new Map<string, GenericStore>();
  const byGR = new Map<string, GenericStore>();

  const storeFor = (group: string, resource: string) => byGR.get(`${group}/${resource}`);
  const lookup: AdmissionLookup = {
    async get(group, resource, namespace, name): Promise<KubeObject | undefined> {
      const s = storeFor(group, resource);
      if (!s) return undefined;
      const obj = await s.deps.storage.get(s.key(namespace, name), { ignoreNotFound: true });
      return obj ? s.withTypeMeta(obj) : undefined;
    },
  };
  const hooks = new Map<string, StoreHooks>([['/services', allocations.hooks()]]);
  const deps: StoreContext = {
    storage,
    kinds: catalog,
    definitions: catalog.definitions,
    admission: opts.admission ?? defaultAdmissionChain(),
    lookup,
    events,
    clock,
    hooksFor: (k: KindDefinition) => hooks.get(`${k.group}/${k.resource}`),
    storeFor,
    ...(opts.tokenLookup ? { tokenLookup: opts.tokenLookup } : {}),
    ...(opts.serviceAccountTokens ? { serviceAccountTokens: opts.serviceAccountTokens } : {}),
  };
  const cachers: Cacher[] = [];
  for (const kind of catalog.kinds) {
    let cached: (() => Cacher) | undefined;
    const kv = opts.kv;
    if (kv && opts.watchCache !== false) {
      const apiVersion = kind.group ? `${kind.group}/${kind.version}` : kind.version;
      cached = () => {
        const c = createCacher(storage, kv, resourcePrefix(kind), {
          bookmarkTemplate: () => ({ apiVersion, kind: kind.kind, metadata: {} }),
        });
        cachers.push(c);
        return c;
      };
    }
    const conv = storageConversion(kind);
    const base = cached ?? (() => storage);
    const s = new GenericStore(kind, deps, conv ? () => convertingStorage(base(), conv) : cached);
    byGVR.set(`${kind.group}/${kind.version}/${kind.resource}`, s);
    // The first version registered for a group/resource is the preferred one.
    if (!byGR.has(`${kind.group}/${kind.resource}`)) byGR.set(`${kind.group}/${kind.resource}`, s);
  }

  let running: Awaited<ReturnType<typeof startControllers>> | undefined;

  const registry: ServerRegistry = {
    catalog,
    events,
    allocations,
    lookup,
    store: (group, version, resource) => byGVR.get(`${group}/${version}/${resource}`),
    storeFor,
    async start() {
      const services = storeFor('', 'services');
      if (services) {
        const list = await services.list(SYSTEM_CONTEXT(), {});
        allocations.recover(list.items);
      }
      if (opts.controllers !== false && !running) {
        running = await startControllers(registry, { ...(opts.controllers ?? {}) });
      }
    },
    async stop() {
      await running?.stop();
      running = undefined;
      for (const c of cachers.splice(0)) c.stop();
    },
    async idle() {
      await running?.idle();
    },
  };
  return registry;
}
