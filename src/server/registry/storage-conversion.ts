/**
 * Kinds served in a version other than the one they are stored in (kube's storage codec: an
 * object is converted to the storage version on the way into etcd and back to the request's
 * version on the way out). The catalog owns the conversion functions; this file owns the
 * table of which served version converts how, and the Storage decorator that applies it, so
 * GenericStore only ever sees objects in its own served version.
 */
import { convertHPA } from '../apis/autoscaling/module.js';
import { eventFromCore, eventToCore } from '../apis/events/module.js';
import type { KindDefinition, KubeObject } from '../apis/types.js';
import type {
  CreateOptions,
  DeleteOptions,
  GetOptions,
  ListOptions,
  ListResult,
  Storage,
  StoredObject,
  TryUpdate,
  UpdateOptions,
  WatchEvent,
  WatchOptions,
} from '../storage/interface.js';

/** How one served group/version/resource maps to its storage version. */
export interface StorageConversion {
  /** The storage version's apiVersion (for documentation and tests). */
  storageVersion: string;
  toStorage(obj: KubeObject): KubeObject;
  fromStorage(obj: KubeObject): KubeObject;
}

const gvr = (group: string, version: string, resource: string): string => `${group}/${version}/${resource}`;

/**
 * kube v1.35's storage versions for kinds served in several versions or groups:
 * horizontalpodautoscalers are stored as autoscaling/v2 (v1 converts), events.k8s.io/v1
 * events are stored as core/v1 events (same `/registry/events/` keys).
 */
const CONVERSIONS = new Map<string, StorageConversion>([
  [
    gvr('autoscaling', 'v1', 'horizontalpodautoscalers'),
    {
      storageVersion: 'autoscaling/v2',
      toStorage: (o) => convertHPA({ ...o, apiVersion: 'autoscaling/v1' }, 'v2'),
      fromStorage: (o) => convertHPA({ ...o, apiVersion: 'autoscaling/v2' }, 'v1'),
    },
  ],
  [gvr('events.k8s.io', 'v1', 'events'), { storageVersion: 'v1', toStorage: eventToCore, fromStorage: eventFromCore }],
]);

/** The conversion of a served kind, or undefined when it is stored as served. */
export function storageConversion(kind: Pick<KindDefinition, 'group' | 'version' | 'resource'>) {
  return CONVERSIONS.get(gvr(kind.group, kind.version, kind.resource));
}

/** True for objects that carry no kind payload (bookmarks, watch errors): passed through. */
const passThrough = (ev: WatchEvent): boolean => ev.type === 'BOOKMARK' || ev.type === 'ERROR';

/**
 * `inner` seen in the served version. resourceVersions are untouched (the conversions copy
 * metadata), so preconditions, continue tokens and watches behave exactly as on `inner`.
 */
export function convertingStorage(inner: Storage, conv: StorageConversion): Storage {
  const to = (o: StoredObject): StoredObject => conv.toStorage(o as KubeObject) as StoredObject;
  const from = (o: StoredObject): StoredObject => conv.fromStorage(o as KubeObject) as StoredObject;
  const fromMaybe = (o: StoredObject | undefined) => (o ? from(o) : o);
  const pred = (p?: (o: StoredObject) => boolean) => (p ? (o: StoredObject) => p(from(o)) : undefined);
  return {
    create: async (key: string, obj: StoredObject, opts?: CreateOptions) =>
      from(await inner.create(key, to(obj), opts)),
    get: async (key: string, opts?: GetOptions) => fromMaybe(await inner.get(key, opts)),
    async getList(key: string, opts: ListOptions): Promise<ListResult> {
      const { predicate, ...rest } = opts;
      const p = pred(predicate);
      const res = await inner.getList(key, { ...rest, ...(p ? { predicate: p } : {}) });
      return { ...res, items: res.items.map(from) };
    },
    async guaranteedUpdate(key: string, tryUpdate: TryUpdate, opts?: UpdateOptions) {
      return from(await inner.guaranteedUpdate(key, async (cur) => to(await tryUpdate(from(cur))), opts));
    },
    async delete(key: string, opts?: DeleteOptions) {
      const validate = opts?.validateDeletion;
      const wrapped = validate ? { ...opts, validateDeletion: (cur: StoredObject) => validate(from(cur)) } : opts;
      return from(await inner.delete(key, wrapped));
    },
    async *watch(key: string, opts: WatchOptions): AsyncIterable<WatchEvent> {
      const { predicate, ...rest } = opts;
      const p = pred(predicate);
      for await (const ev of inner.watch(key, { ...rest, ...(p ? { predicate: p } : {}) })) {
        yield passThrough(ev) ? ev : { type: ev.type, object: from(ev.object) };
      }
    },
    count: (key: string) => inner.count(key),
    currentResourceVersion: () => inner.currentResourceVersion(),
    ...(inner.compact ? { compact: () => (inner.compact as () => Promise<void>)() } : {}),
  };
}
