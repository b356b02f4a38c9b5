/**
 * Watch straight on the KV (kube's etcd3 watcher): optional initial state as ADDED events, then
 * KV events turned into ADDED/MODIFIED/DELETED with the predicate applied to both the new and the
 * previous object (an object leaving the selector is DELETED, entering it is ADDED).
 * The cacher is the usual way to watch; this path serves it and callers without a cache.
 */
import { decodeObject, parseResourceVersion, withResourceVersion } from './codec.js';
import { StorageError, tooOldResourceVersion } from './errors.js';
import type { StoredObject, WatchEvent, WatchOptions } from './interface.js';
import type { MvccStore } from './mvcc/kv.js';
import { CompactedError, type KvEvent, prefixEnd } from './mvcc/types.js';
import type { KvWatcher } from './mvcc/watch-hub.js';

export const INITIAL_EVENTS_END_ANNOTATION = 'k8s.io/initial-events-end';

export const errorEvent = (e: StorageError): WatchEvent => ({ type: 'ERROR', object: e.toStatusObject() });

/** A bookmark: only metadata.resourceVersion (and the initial-events-end annotation when asked). */
export function bookmarkEvent(rev: number, initialEnd = false, template?: () => StoredObject): WatchEvent {
  const base = template ? template() : {};
  const metadata: Record<string, unknown> = { resourceVersion: String(rev) };
  if (initialEnd) metadata.annotations = { [INITIAL_EVENTS_END_ANNOTATION]: 'true' };
  return { type: 'BOOKMARK', object: { ...base, metadata } };
}

/** Applies kube's watch transition rules to one KV event; undefined when it is filtered out. */
export function transformEvent(ev: KvEvent, pred: ((o: StoredObject) => boolean) | undefined): WatchEvent | undefined {
  const rev = ev.kv.modRevision;
  if (ev.type === 'DELETE') {
    if (!ev.prevKv) return undefined;
    const old = decodeObject(ev.prevKv.value, rev);
    return !pred || pred(old) ? { type: 'DELETED', object: old } : undefined;
  }
  const cur = decodeObject(ev.kv.value, rev);
  const created = ev.kv.createRevision === ev.kv.modRevision;
  if (!pred) return { type: created ? 'ADDED' : 'MODIFIED', object: cur };
  const curPasses = pred(cur);
  if (created || !ev.prevKv) return curPasses ? { type: 'ADDED', object: cur } : undefined;
  const old = decodeObject(ev.prevKv.value, rev);
  const oldPasses = pred(old);
  if (curPasses && oldPasses) return { type: 'MODIFIED', object: cur };
  if (curPasses) return { type: 'ADDED', object: cur };
  if (oldPasses) return { type: 'DELETED', object: withResourceVersion(old, rev) };
  return undefined;
}

/**
 * Watches the KV. The initial state is read and the KV watcher registered when this is called,
 * not on the first `next()`, so nothing written after the call is missed.
 */
export function watchKv(kv: MvccStore, key: string, opts: WatchOptions): AsyncIterable<WatchEvent> {
  const prefix = opts.recursive && !key.endsWith('/') ? `${key}/` : key;
  const end = opts.recursive ? prefixEnd(prefix) : undefined;
  const rv = parseResourceVersion(opts.resourceVersion);
  if (typeof rv !== 'number') {
    const err = errorEvent(new StorageError('BadRequest', key, undefined, `invalid resource version: ${rv.error}`));
    return (async function* () {
      yield err;
    })();
  }
  const initial: WatchEvent[] = [];
  let start = rv + 1;
  if (rv === 0 || opts.sendInitialEvents) {
    // State at the head, then changes after it (kube: "Get State and Start at Most Recent").
    const r = kv.range(prefix, { end });
    for (const item of r.kvs) {
      const obj = decodeObject(item.value, item.modRevision);
      if (!opts.predicate || opts.predicate(obj)) initial.push({ type: 'ADDED', object: obj });
    }
    if (opts.sendInitialEvents && opts.allowWatchBookmarks) initial.push(bookmarkEvent(r.revision, true));
    start = r.revision + 1;
  }
  const w = kv.watch(prefix, { end, startRevision: start, prevKv: true, signal: opts.signal });
  return streamKv(w, initial, key, rv, opts);
}

async function* streamKv(
  w: KvWatcher,
  initial: WatchEvent[],
  key: string,
  rv: number,
  opts: WatchOptions,
): AsyncGenerator<WatchEvent> {
  try {
    for (const e of initial) {
      if (opts.signal.aborted) return;
      yield e;
    }
    for await (const resp of w) {
      if (resp.progressNotify) {
        if (opts.allowWatchBookmarks) yield bookmarkEvent(resp.revision);
        continue;
      }
      for (const ev of resp.events) {
        const out = transformEvent(ev, opts.predicate);
        if (out) yield out;
      }
    }
  } catch (e) {
    if (e instanceof CompactedError) {
      yield errorEvent(tooOldResourceVersion(key, rv, e.compactRevision - 1));
      return;
    }
    throw e;
  } finally {
    w.close();
  }
}
