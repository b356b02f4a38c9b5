/**
 * Fault injection at the registry boundary: a Registry whose stores consult the injector before
 * every call and whose watch streams can be dropped, stalled or expired. Watch-stream faults live
 * here (the HTTP layer only sees bytes); request-level faults are applied here too unless the
 * `withFaults` HTTP filter is installed, which then owns them.
 */
import { expired } from '../../api/status.js';
import type { KubeObject } from '../apis/types.js';
import type { Registry, RegistryWatchEvent, RequestContext, ResourceStore, WatchQuery } from '../registry/types.js';
import type { Faults, WatchInterrupt } from './fault-injector.js';
import type { FaultTarget } from './rules.js';

const tooOld = (rv: string | undefined, current: string): RegistryWatchEvent => ({
  type: 'ERROR',
  object: expired(`too old resource version: ${rv || '0'} (${current})`).status as unknown as KubeObject,
});

/** The watch stream with fault handles; ends when the inner one does or on drop/expire. */
async function* faultyWatch(
  inner: AsyncIterable<RegistryWatchEvent>,
  faults: Faults,
  target: FaultTarget,
  query: WatchQuery,
): AsyncGenerator<RegistryWatchEvent> {
  const actions = faults.pick(target, ['expired', 'drop-watch', 'stall-watch']);
  let lastRv = query.resourceVersion ?? '';
  if (actions.some((a) => a.type === 'expired')) {
    yield tooOld(query.resourceVersion, lastRv);
    return;
  }
  let dropAfter = Number.POSITIVE_INFINITY;
  let stallAfter = Number.POSITIVE_INFINITY;
  for (const a of actions) {
    if (a.type === 'drop-watch') dropAfter = Math.min(dropAfter, a.afterEvents ?? 0);
    if (a.type === 'stall-watch') stallAfter = Math.min(stallAfter, a.afterEvents ?? 0);
  }
  // Interrupts re-arm: each one resolves the current promise and a fresh one replaces it.
  let wake: (k: WatchInterrupt | 'closed') => void = () => {};
  let interrupted!: Promise<WatchInterrupt | 'closed'>;
  const arm = (): void => {
    interrupted = new Promise((r) => {
      wake = (k) => {
        arm();
        r(k);
      };
    });
  };
  arm();
  const onAbort = (): void => wake('closed');
  query.signal.addEventListener('abort', onAbort, { once: true });
  const unregister = faults.openWatch({ target, interrupt: (k) => wake(k) });
  const it = inner[Symbol.asyncIterator]();
  // At most one inner next() is outstanding; an interrupt may leave it pending for the next turn.
  let outstanding: Promise<IteratorResult<RegistryWatchEvent>> | undefined;
  let delivered = 0;
  try {
    for (;;) {
      if (delivered >= dropAfter) return;
      if (delivered >= stallAfter) {
        // Stalled: the connection stays open and nothing is delivered until dropped, expired or closed.
        const k = await interrupted;
        if (k === 'stall') continue;
        if (k === 'expired') yield tooOld(lastRv, lastRv);
        return;
      }
      outstanding ??= it.next();
      const next = await Promise.race([outstanding, interrupted.then((k) => ({ interrupt: k }))]);
      if ('interrupt' in next) {
        if (next.interrupt === 'stall') {
          stallAfter = delivered;
          continue;
        }
        if (next.interrupt === 'expired') yield tooOld(lastRv, lastRv);
        return;
      }
      outstanding = undefined;
      if (next.done) return;
      const ev = next.value;
      const rv = (ev.object as { metadata?: { resourceVersion?: string } })?.metadata?.resourceVersion;
      if (rv) lastRv = rv;
      yield ev;
      delivered++;
    }
  } finally {
    unregister();
    query.signal.removeEventListener('abort', onAbort);
    // Not awaited: with a next() still pending the inner generator finishes only once the HTTP
    // layer aborts the watch's signal, which it does after this stream has ended.
    it.return?.().catch(() => undefined);
  }
}

function wrapStore(store: ResourceStore, faults: Faults): ResourceStore {
  const target = (ctx: RequestContext, verb: string, name = '', subresource = ''): FaultTarget => ({
    verb,
    group: store.kind.group,
    resource: store.kind.resource,
    subresource,
    namespace: ctx.namespace,
    name,
  });
  const before = async (t: FaultTarget): Promise<void> => {
    if (!faults.httpFilterInstalled) await faults.beforeRequest(t);
  };
  const wrapped: ResourceStore = Object.create(store);
  Object.assign(wrapped, {
    get: async (ctx: RequestContext, name: string, opts?: { resourceVersion?: string; subresource?: string }) => {
      await before(target(ctx, 'get', name, opts?.subresource));
      return store.get(ctx, name, opts);
    },
    list: async (ctx: RequestContext, q: Parameters<ResourceStore['list']>[1]) => {
      await before(target(ctx, 'list'));
      return store.list(ctx, q);
    },
    watch: (ctx: RequestContext, q: WatchQuery) => {
      const t = target(ctx, 'watch');
      return {
        async *[Symbol.asyncIterator]() {
          await before(t);
          yield* faultyWatch(store.watch(ctx, q), faults, t, q);
        },
      };
    },
    create: async (ctx: RequestContext, body: unknown, opts: Parameters<ResourceStore['create']>[2]) => {
      await before(target(ctx, 'create', '', opts.subresource));
      return store.create(ctx, body, opts);
    },
    createSubresource: async (
      ctx: RequestContext,
      name: string,
      subresource: string,
      body: unknown,
      opts: Parameters<ResourceStore['create']>[2],
    ) => {
      await before(target(ctx, 'create', name, subresource));
      if (!store.createSubresource) return store.create(ctx, body, opts);
      return store.createSubresource(ctx, name, subresource, body, opts);
    },
    update: async (ctx: RequestContext, name: string, body: unknown, opts: Parameters<ResourceStore['update']>[3]) => {
      await before(target(ctx, 'update', name, opts.subresource));
      return store.update(ctx, name, body, opts);
    },
    patch: async (
      ctx: RequestContext,
      name: string,
      type: Parameters<ResourceStore['patch']>[2],
      patch: unknown,
      opts: Parameters<ResourceStore['patch']>[4],
    ) => {
      await before(target(ctx, 'patch', name, opts.subresource));
      return store.patch(ctx, name, type, patch, opts);
    },
    delete: async (ctx: RequestContext, name: string, opts: Parameters<ResourceStore['delete']>[2]) => {
      await before(target(ctx, 'delete', name));
      return store.delete(ctx, name, opts);
    },
    deleteCollection: async (
      ctx: RequestContext,
      q: Parameters<ResourceStore['deleteCollection']>[1],
      opts: Parameters<ResourceStore['deleteCollection']>[2],
    ) => {
      await before(target(ctx, 'deletecollection'));
      return store.deleteCollection(ctx, q, opts);
    },
  });
  return wrapped;
}

/**
 * A registry whose stores inject the faults; everything else (extra members of a server
 * registry) passes through unchanged. Stores are wrapped once and reused.
 */
export function faultyRegistry<R extends Registry>(registry: R, faults: Faults): R {
  const cache = new Map<ResourceStore, ResourceStore>();
  const store = (group: string, version: string, resource: string): ResourceStore | undefined => {
    const s = registry.store(group, version, resource);
    if (!s) return undefined;
    let w = cache.get(s);
    if (!w) {
      w = wrapStore(s, faults);
      cache.set(s, w);
    }
    return w;
  };
  return new Proxy(registry, {
    get(target, prop, receiver) {
      if (prop === 'store') return store;
      const v = Reflect.get(target, prop, receiver);
      return typeof v === 'function' ? v.bind(target) : v;
    },
  });
}
