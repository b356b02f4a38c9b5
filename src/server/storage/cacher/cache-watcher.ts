/**
 * One client watch served by the cacher (kube's cacheWatcher): a key range, a predicate, and a
 * bounded queue. Dispatch never waits: when the queue is full the watcher is closed (the client
 * re-lists and re-watches, as with kube), so a slow reader cannot hold up writers or others.
 */
import { decodeObject, withResourceVersion } from '../codec.js';
import type { StoredObject, WatchEvent } from '../interface.js';
import type { CacheEvent } from './watch-cache.js';

/** Parsed forms of one cache event, shared by every watcher it is dispatched to (read-only). */
export class ParsedEvent {
  private cur?: StoredObject;
  private prev?: StoredObject;
  constructor(readonly ev: CacheEvent) {}
  get object(): StoredObject {
    this.cur ??= decodeObject(this.ev.value, this.ev.rev);
    return this.cur;
  }
  /** The previous object, carrying the event's revision (kube sends deletions that way). */
  get prevObject(): StoredObject | undefined {
    if (this.ev.prevValue === undefined) return undefined;
    this.prev ??= withResourceVersion(JSON.parse(this.ev.prevValue) as StoredObject, this.ev.rev);
    return this.prev;
  }
}

export interface CacheWatcherOptions {
  start: string;
  /** Exclusive end; undefined = only the key `start`. */
  end: string | undefined;
  predicate?: (o: StoredObject) => boolean;
  allowBookmarks: boolean;
  capacity: number;
  signal: AbortSignal;
}

export class CacheWatcher {
  private queue: WatchEvent[] = [];
  private wake: (() => void) | undefined;
  private closedFlag = false;
  /** Set when closed because it fell behind (for tests and metrics). */
  overflowed = false;
  /** Highest revision delivered or queued. */
  lastRev = 0;

  constructor(
    readonly opts: CacheWatcherOptions,
    private readonly onClose: (w: CacheWatcher) => void,
  ) {
    if (opts.signal.aborted) this.closedFlag = true;
    else opts.signal.addEventListener('abort', this.onAbort, { once: true });
  }

  private readonly onAbort = (): void => this.close();

  get closed(): boolean {
    return this.closedFlag;
  }

  matchesKey(key: string): boolean {
    const { start, end } = this.opts;
    return end === undefined ? key === start : key >= start && key < end;
  }

  /** Turns a cache event into this watcher's event (kube's convertToWatchEvent), or undefined. */
  convert(p: ParsedEvent): WatchEvent | undefined {
    if (!this.matchesKey(p.ev.key)) return undefined;
    const pred = this.opts.predicate;
    const type = p.ev.type;
    if (!pred) {
      if (type === 'DELETED') return { type, object: p.prevObject as StoredObject };
      return { type, object: p.object };
    }
    const curPasses = type !== 'DELETED' && pred(p.object);
    const prev = type === 'ADDED' ? undefined : p.prevObject;
    const oldPasses = prev !== undefined && pred(prev);
    if (curPasses && oldPasses) return { type: 'MODIFIED', object: p.object };
    if (curPasses) return { type: 'ADDED', object: p.object };
    if (oldPasses) return { type: 'DELETED', object: prev as StoredObject };
    return undefined;
  }

  /** Queues an event; closes the watcher when its buffer is full. */
  push(e: WatchEvent, rev: number): void {
    if (this.closedFlag) return;
    if (this.queue.length >= this.opts.capacity) {
      this.overflowed = true;
      this.close();
      return;
    }
    this.queue.push(e);
    if (rev > this.lastRev) this.lastRev = rev;
    this.notify();
  }

  /** Queues events without the capacity check (initial state and ring replay). */
  pushAll(events: readonly WatchEvent[], rev: number): void {
    for (const e of events) this.queue.push(e);
    if (rev > this.lastRev) this.lastRev = rev;
    this.notify();
  }

  close(): void {
    if (this.closedFlag) return;
    this.closedFlag = true;
    this.opts.signal.removeEventListener('abort', this.onAbort);
    this.notify();
    this.onClose(this);
  }

  private notify(): void {
    const w = this.wake;
    this.wake = undefined;
    w?.();
  }

  async *events(): AsyncGenerator<WatchEvent> {
    try {
      for (;;) {
        if (this.queue.length > 0) {
          // Hand out what is queued, even after close, except when closed by the client.
          if (this.opts.signal.aborted) return;
          yield this.queue.shift() as WatchEvent;
          continue;
        }
        if (this.closedFlag) return;
        await new Promise<void>((r) => {
          this.wake = r;
        });
      }
    } finally {
      this.close();
    }
  }
}
