/**
 * The cacher (k8s.io/apiserver/pkg/storage/cacher): a Storage decorator for one resource prefix.
 * Writes go to the underlying storage; lists with resourceVersion "0" (and consistent or
 * not-older-than lists without paging), gets with "0" or N, counts and all watches are served
 * from an in-memory watch cache fed by one KV watch on the prefix.
 *
 * Freshness: the cache knows it has every change up to `rev`. A consistent read asks the KV
 * watcher for a progress notification (etcd's RequestProgress) and waits until `rev` reaches the
 * store's revision, like kube's consistent-list-from-cache.
 */
import { decodeObject, parseResourceVersion } from '../codec.js';
import { encodeContinue } from '../continue-token.js';
import { StorageError, tooLargeResourceVersion, tooOldResourceVersion } from '../errors.js';
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
} from '../interface.js';
import type { MvccStore } from '../mvcc/kv.js';
import { prefixEnd } from '../mvcc/types.js';
import type { KvWatcher } from '../mvcc/watch-hub.js';
import { bookmarkEvent, errorEvent } from '../store-watch.js';
import { CacheWatcher, ParsedEvent } from './cache-watcher.js';
import { DecodedObjects } from './decoded-objects.js';
import { type CachedValue, WatchCache } from './watch-cache.js';

export interface CacherOptions {
  /** Events kept for resuming watches (kube grows its ring up to ~100k; default 10k). */
  eventCapacity?: number;
  /** Per-watcher buffer; a watcher that falls this far behind is closed (default 1000). */
  watcherBuffer?: number;
  /** How often watchers that allow bookmarks get one (kube: about every minute). */
  bookmarkIntervalMs?: number;
  /** How long a read waits for the cache to reach a requested revision (kube: 3 s). */
  freshnessTimeoutMs?: number;
  /** Base object for bookmarks (e.g. `{apiVersion, kind}`); the storage itself knows no kinds. */
  bookmarkTemplate?: () => StoredObject;
}

export class Cacher implements Storage {
  readonly prefix: string;
  private readonly end: string;
  private readonly cache: WatchCache;
  private readonly decoded = new DecodedObjects();
  private readonly watchers = new Set<CacheWatcher>();
  private kvWatch: KvWatcher | undefined;
  private readonly abort = new AbortController();
  private waiters: Array<{ rev: number; resolve: () => void }> = [];
  private readonly timer: NodeJS.Timeout;
  readonly ready: Promise<void>;
  private stopped = false;

  constructor(
    private readonly storage: Storage,
    private readonly kv: MvccStore,
    prefix: string,
    private readonly opts: CacherOptions = {},
  ) {
    this.prefix = prefix.endsWith('/') ? prefix : `${prefix}/`;
    this.end = prefixEnd(this.prefix);
    this.cache = new WatchCache(opts.eventCapacity ?? 10_000);
    // Synchronous so that watches and reads right after creation already see the cache.
    this.start();
    this.ready = Promise.resolve();
    this.timer = setInterval(() => this.bookmarkTick(), opts.bookmarkIntervalMs ?? 60_000).unref();
  }

  /** List at the head, then watch from the next revision; restarts the same way after a failure. */
  private start(): void {
    const r = this.kv.range(this.prefix, { end: this.end });
    this.decoded.clear();
    this.cache.reset(
      r.kvs.map((kv): [string, CachedValue] => [kv.key, { value: kv.value, rev: kv.modRevision }]),
      r.revision,
    );
    const w = this.kv.watch(this.prefix, { end: this.end, startRevision: r.revision + 1, signal: this.abort.signal });
    this.kvWatch = w;
    void this.consume(w);
  }

  private async consume(w: KvWatcher): Promise<void> {
    try {
      for await (const resp of w) {
        for (const e of resp.events) {
          const ev = this.cache.apply(e.kv.key, e.kv.modRevision, e.type === 'PUT' ? e.kv.value : undefined);
          if (e.type !== 'PUT') this.decoded.forget(e.kv.key);
          if (ev) this.dispatch(new ParsedEvent(ev));
        }
        if (resp.revision > this.cache.rev) this.cache.rev = resp.revision;
        this.wakeWaiters();
      }
    } catch {
      // Compacted past us (or the store failed): re-list like kube's reflector; watchers must re-list too.
      if (this.stopped) return;
      for (const cw of [...this.watchers]) cw.close();
      this.start();
    }
  }

  private dispatch(p: ParsedEvent): void {
    for (const w of this.watchers) {
      if (w.closed) continue;
      const out = w.convert(p);
      if (out) w.push(out, p.ev.rev);
    }
  }

  private wakeWaiters(): void {
    if (this.waiters.length === 0) return;
    const rev = this.cache.rev;
    const still: typeof this.waiters = [];
    for (const wt of this.waiters) (wt.rev <= rev ? wt.resolve : () => still.push(wt))();
    this.waiters = still;
  }

  /** Resolves once the cache has every change up to `rev`; throws TooLargeResourceVersion on timeout. */
  private async waitFresh(key: string, rev: number): Promise<void> {
    await this.ready;
    if (this.cache.rev >= rev) return;
    const current = this.kv.currentRevision();
    if (rev <= current) this.kvWatch?.progress(current);
    const ms = this.opts.freshnessTimeoutMs ?? 3000;
    let timer: NodeJS.Timeout | undefined;
    const ok = await new Promise<boolean>((resolve) => {
      this.waiters.push({ rev, resolve: () => resolve(true) });
      timer = setTimeout(() => resolve(false), ms);
    });
    clearTimeout(timer);
    if (!ok) {
      this.waiters = this.waiters.filter((w) => w.rev !== rev);
      throw tooLargeResourceVersion(key, rev, this.cache.rev);
    }
  }

  private parseRv(key: string, rv: string | undefined): number {
    const n = parseResourceVersion(rv);
    if (typeof n === 'number') return n;
    throw new StorageError('BadRequest', key, undefined, `invalid resource version: ${n.error}`);
  }

  private owns(key: string): boolean {
    return key.startsWith(this.prefix) || `${key}/` === this.prefix;
  }

  // ---- writes go straight to storage ----

  create(key: string, obj: StoredObject, opts?: CreateOptions): Promise<StoredObject> {
    return this.storage.create(key, obj, opts);
  }
  guaranteedUpdate(key: string, tryUpdate: TryUpdate, opts?: UpdateOptions): Promise<StoredObject> {
    return this.storage.guaranteedUpdate(key, tryUpdate, opts);
  }
  delete(key: string, opts?: DeleteOptions): Promise<StoredObject> {
    return this.storage.delete(key, opts);
  }
  currentResourceVersion(): Promise<string> {
    return this.storage.currentResourceVersion();
  }
  compact(): Promise<void> {
    return this.storage.compact ? this.storage.compact() : Promise.resolve();
  }

  // ---- reads ----

  async get(key: string, opts: GetOptions = {}): Promise<StoredObject | undefined> {
    if (!this.owns(key)) return this.storage.get(key, opts);
    if (!opts.resourceVersion) {
      // A consistent read is the store's (kube reads etcd); a shared one reuses the parse of that
      // exact revision.
      const kv = opts.shared ? this.kv.range(key).kvs[0] : undefined;
      return kv ? this.decoded.get(key, { value: kv.value, rev: kv.modRevision }) : this.storage.get(key, opts);
    }
    const rv = this.parseRv(key, opts.resourceVersion);
    await this.waitFresh(key, rv);
    const v = this.cache.get(key);
    if (!v) {
      if (opts.ignoreNotFound) return undefined;
      throw new StorageError('KeyNotFound', key, String(this.cache.rev));
    }
    return opts.shared ? this.decoded.get(key, v) : decodeObject(v.value, v.rev);
  }

  /**
   * Lists from the cache when kube's cacher would: resourceVersion "0" (limit ignored, as kube
   * does), not-older-than reads without paging, and consistent reads (resourceVersion unset) with
   * or without a limit; a first page gets a continue token at the cache's revision that the store
   * continues from (kube's list-from-cache snapshots). Exact and continued reads go to storage.
   * Items are shared frozen objects (see DecodedObjects).
   */
  async getList(key: string, opts: ListOptions): Promise<ListResult> {
    const match = opts.resourceVersionMatch ?? '';
    const paged = !!opts.continue || (opts.limit ?? 0) > 0;
    const rvSet = opts.resourceVersion !== undefined && opts.resourceVersion !== '';
    const fromCache =
      this.owns(key) && match !== 'Exact' && !opts.continue && (opts.resourceVersion === '0' || !paged || !rvSet);
    if (!fromCache) return this.storage.getList(key, opts);
    let minRev = rvSet ? this.parseRv(key, opts.resourceVersion) : 0;
    // Unset resourceVersion = consistent: the cache must catch up with the store's head.
    if (!rvSet) minRev = this.kv.currentRevision();
    await this.waitFresh(key, minRev);
    const { start, end } = this.rangeOf(key, opts.recursive);
    const items: StoredObject[] = [];
    const rev = this.cache.rev;
    const pred = opts.predicate;
    if (end === undefined) {
      const v = this.cache.get(start);
      if (v) {
        const o = this.decoded.get(start, v);
        if (!pred || pred(o)) items.push(o);
      }
      return { items, resourceVersion: String(rev) };
    }
    const limit = !rvSet && opts.recursive ? (opts.limit ?? 0) : 0;
    let lastKey = '';
    let examined = 0;
    for (const [k, v] of this.cache.range(start, end)) {
      if (limit > 0 && items.length >= limit) {
        const out: ListResult = { items, resourceVersion: String(rev) };
        out.continue = encodeContinue(`${lastKey}\x00`, start, rev);
        if (!pred) out.remainingItemCount = this.cache.countRange(start, end) - examined;
        return out;
      }
      lastKey = k;
      examined++;
      const o = this.decoded.get(k, v);
      if (!pred || pred(o)) items.push(o);
    }
    return { items, resourceVersion: String(rev) };
  }

  async count(key: string): Promise<number> {
    if (!this.owns(key)) return this.storage.count(key);
    await this.ready;
    const p = key.endsWith('/') ? key : `${key}/`;
    return this.cache.countRange(p, prefixEnd(p));
  }

  private rangeOf(key: string, recursive: boolean): { start: string; end: string | undefined } {
    if (!recursive) return { start: key, end: undefined };
    const p = key.endsWith('/') ? key : `${key}/`;
    return { start: p, end: prefixEnd(p) };
  }

  // ---- watch ----

  /**
   * Registers the watcher right away (not on the first `next()`), so events written after this
   * call returns are never missed; when the cache must first catch up, registration follows as
   * soon as it has.
   */
  watch(key: string, opts: WatchOptions): AsyncIterable<WatchEvent> {
    if (!this.owns(key)) return this.storage.watch(key, opts);
    const started = this.startWatch(key, opts);
    return {
      [Symbol.asyncIterator]: () => iterateStarted(started),
    };
  }

  private startWatch(
    key: string,
    opts: WatchOptions,
  ): CacheWatcher | StorageError | Promise<CacheWatcher | StorageError> {
    let rv: number;
    try {
      rv = this.parseRv(key, opts.resourceVersion);
    } catch (e) {
      return e as StorageError;
    }
    // Unset RV (also with sendInitialEvents) = a consistent snapshot first.
    const need = opts.resourceVersion ? rv : this.kv.currentRevision();
    if (this.cache.rev >= need) return this.register(key, opts, rv);
    return this.waitFresh(key, need).then(
      () => this.register(key, opts, rv),
      (e: unknown) => {
        if (e instanceof StorageError) return e;
        throw e;
      },
    );
  }

  private register(key: string, opts: WatchOptions, rv: number): CacheWatcher | StorageError {
    const { start, end } = this.rangeOf(key, opts.recursive);
    const w = new CacheWatcher(
      {
        start,
        end,
        predicate: opts.predicate,
        allowBookmarks: !!opts.allowWatchBookmarks,
        capacity: this.opts.watcherBuffer ?? 1000,
        signal: opts.signal,
      },
      (cw) => this.watchers.delete(cw),
    );
    const snapshotRev = this.cache.rev;
    const initial: WatchEvent[] = [];
    const wantsState = opts.sendInitialEvents ?? rv === 0;
    if (wantsState) {
      const entries = end === undefined ? ([[start, this.cache.get(start)]] as const) : this.cache.range(start, end);
      for (const [, v] of entries) {
        if (!v) continue;
        const o = decodeObject(v.value, v.rev);
        if (!opts.predicate || opts.predicate(o)) initial.push({ type: 'ADDED', object: o });
      }
      if (opts.sendInitialEvents && opts.allowWatchBookmarks) {
        initial.push(bookmarkEvent(snapshotRev, true, this.opts.bookmarkTemplate));
      }
    } else {
      // RV unset/"0" without initial events: start at the snapshot, replay nothing.
      const events = this.cache.eventsSince(rv === 0 ? snapshotRev : rv);
      if (!events) return tooOldResourceVersion(key, rv, this.cache.oldestResumable);
      for (const ev of events) {
        const out = w.convert(new ParsedEvent(ev));
        if (out) initial.push(out);
      }
    }
    // Registered in the same synchronous step as the snapshot: no event is missed or repeated.
    w.pushAll(initial, snapshotRev);
    if (!w.closed) this.watchers.add(w);
    return w;
  }

  /** Sends due bookmarks: asks the KV for progress so the revision is current, then notifies. */
  private bookmarkTick(): void {
    if (this.watchers.size === 0) return;
    const target = this.kv.currentRevision();
    this.waitFresh(this.prefix, target)
      .then(() => {
        const rev = this.cache.rev;
        for (const w of this.watchers) {
          if (w.opts.allowBookmarks && !w.closed && rev > 0)
            w.push(bookmarkEvent(rev, false, this.opts.bookmarkTemplate), rev);
        }
      })
      .catch(() => {});
  }

  /** Number of open watchers (for tests and metrics). */
  get watcherCount(): number {
    return this.watchers.size;
  }

  /** Stops the KV watch and closes every client watch. */
  stop(): void {
    this.stopped = true;
    clearInterval(this.timer);
    this.abort.abort();
    for (const w of [...this.watchers]) w.close();
  }
}

/** kube's per-resource cacher: `createCacher(storage, kv, '/registry/pods/')`. */
export function createCacher(storage: Storage, kv: MvccStore, prefix: string, opts?: CacherOptions): Cacher {
  return new Cacher(storage, kv, prefix, opts);
}

async function* iterateStarted(
  started: CacheWatcher | StorageError | Promise<CacheWatcher | StorageError>,
): AsyncGenerator<WatchEvent> {
  const w = await started;
  if (w instanceof StorageError) {
    yield errorEvent(w);
    return;
  }
  yield* w.events();
}
