/**
 * etcd's watch hub. Synced watchers get live events pushed into a bounded queue right after each
 * commit; a watcher whose queue is full (slow consumer) or that starts in the past is "unsynced"
 * and replays the revision log from SQLite in batches until it reaches the head, then becomes
 * synced again. Everything runs on the one JS thread between commits, so the switch from replay
 * to live delivery has no gap and no duplicate. Writers never wait for a watcher.
 */
import { type LogRow, revOf, SUB } from './sqlite-log.js';
import { CompactedError, type KeyValue, type KvEvent, type KvWatchOptions, type WatchResponse } from './types.js';

/** What the hub needs from the store. */
export interface HubSource {
  currentRevision(): number;
  compactRevision(): number;
  /** Log rows with id >= fromId in the watched range, ordered by id. */
  history(fromId: number, key: string, end: string | undefined, limit: number): LogRow[];
  /** The value row with this id (for prevKv), undefined if compacted away. */
  rowById(id: number): LogRow | undefined;
}

/** A committed change, with what is needed to build the KvEvent lazily. */
export interface Change {
  id: number;
  event: KvEvent;
  /** Row id of the previous version (0 none); prevKv is loaded on demand. */
  prevId: number;
}

const REPLAY_BATCH = 512;

export const rowToKv = (r: LogRow): KeyValue => ({
  key: r[1],
  value: r[7] ?? '',
  createRevision: r[2],
  modRevision: revOf(r[0]),
  version: r[3],
  lease: r[5],
});

export function rowToChange(r: LogRow): Change {
  const deleted = r[4] === 1;
  const kv: KeyValue = deleted
    ? { key: r[1], value: '', createRevision: 0, modRevision: revOf(r[0]), version: 0, lease: 0 }
    : rowToKv(r);
  return { id: r[0], prevId: r[6], event: { type: deleted ? 'DELETE' : 'PUT', kv } };
}

export class KvWatcher implements AsyncIterable<WatchResponse> {
  private queue: WatchResponse[] = [];
  private wake: (() => void) | undefined;
  private error: Error | undefined;
  private closed = false;
  synced = false;
  /** Next log row id this watcher has not seen. */
  nextId: number;
  readonly maxQueued: number;

  constructor(
    private readonly hub: WatchHub,
    readonly key: string,
    readonly end: string | undefined,
    startRevision: number,
    readonly prevKv: boolean,
  ) {
    this.nextId = startRevision * SUB;
    this.maxQueued = 1024;
  }

  matches(key: string): boolean {
    return this.end === undefined ? key === this.key : key >= this.key && key < this.end;
  }

  /** Live delivery; returns false when the queue is full (the watcher then replays from disk). */
  offer(resp: WatchResponse): boolean {
    if (this.closed) return true;
    if (this.queue.length >= this.maxQueued) return false;
    this.queue.push(resp);
    this.notify();
    return true;
  }

  fail(e: Error): void {
    this.error = e;
    this.notify();
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.onClose?.();
    this.hub.remove(this);
    this.notify();
  }

  /** Cleanup hook (drops the abort listener). */
  onClose: (() => void) | undefined;

  get isClosed(): boolean {
    return this.closed;
  }

  /** Queues a progress notification (etcd only sends it to synced watchers). */
  progress(revision: number): void {
    if (!this.synced || this.closed) return;
    // Queued after every pending event, so it is a true "all changes up to revision" mark.
    const last = this.queue[this.queue.length - 1];
    if (last?.progressNotify) last.revision = revision;
    else this.queue.push({ events: [], revision, progressNotify: true });
    this.notify();
  }

  private notify(): void {
    const w = this.wake;
    this.wake = undefined;
    w?.();
  }

  async *[Symbol.asyncIterator](): AsyncIterator<WatchResponse> {
    try {
      for (;;) {
        const next = this.queue.shift();
        if (next) {
          yield next;
          continue;
        }
        if (this.closed) return;
        if (this.error) throw this.error;
        if (!this.synced) {
          this.hub.catchUp(this);
          continue;
        }
        await new Promise<void>((r) => {
          this.wake = r;
        });
      }
    } finally {
      this.close();
      this.hub.remove(this);
    }
  }
}

export class WatchHub {
  private readonly watchers = new Set<KvWatcher>();

  constructor(private readonly src: HubSource) {}

  get size(): number {
    return this.watchers.size;
  }

  watch(key: string, opts: KvWatchOptions): KvWatcher {
    const current = this.src.currentRevision();
    const start = opts.startRevision && opts.startRevision > 0 ? opts.startRevision : current + 1;
    const w = new KvWatcher(this, key, opts.end || undefined, start, opts.prevKv ?? false);
    if (opts.maxQueued) (w as { maxQueued: number }).maxQueued = opts.maxQueued;
    const compact = this.src.compactRevision();
    if (start < compact) w.fail(new CompactedError(start, compact));
    // A watcher starting after the head has nothing to replay.
    if (start > current) {
      w.synced = true;
    }
    this.watchers.add(w);
    if (opts.signal) {
      const signal = opts.signal;
      if (signal.aborted) w.close();
      else {
        const onAbort = () => w.close();
        signal.addEventListener('abort', onAbort, { once: true });
        w.onClose = () => signal.removeEventListener('abort', onAbort);
      }
    }
    return w;
  }

  remove(w: KvWatcher): void {
    this.watchers.delete(w);
  }

  /** Called after each commit with the committed changes in id order. */
  publish(changes: readonly Change[], revision: number): void {
    if (changes.length === 0 || this.watchers.size === 0) return;
    for (const w of this.watchers) {
      if (!w.synced || w.isClosed) continue;
      let events: KvEvent[] | undefined;
      let firstId = 0;
      for (const c of changes) {
        if (c.id < w.nextId || !w.matches(c.event.kv.key)) continue;
        if (!events) {
          events = [];
          firstId = c.id;
        }
        events.push(w.prevKv ? this.withPrev(c) : c.event);
      }
      if (!events) {
        w.nextId = Math.max(w.nextId, (revision + 1) * SUB);
        continue;
      }
      if (w.offer({ events, revision })) w.nextId = (revision + 1) * SUB;
      else {
        w.synced = false;
        w.nextId = firstId;
      }
    }
  }

  /** Sends a progress notification to every synced, idle watcher. */
  progress(): void {
    const rev = this.src.currentRevision();
    for (const w of this.watchers) w.progress(rev);
  }

  /** Replays one batch of history into an unsynced watcher. */
  catchUp(w: KvWatcher): void {
    const compact = this.src.compactRevision();
    if (w.nextId < compact * SUB) {
      w.fail(new CompactedError(revOf(w.nextId), compact));
      return;
    }
    const rows = this.src.history(w.nextId, w.key, w.end, REPLAY_BATCH);
    const current = this.src.currentRevision();
    if (rows.length > 0) {
      const events = rows.map((r) => {
        const c = rowToChange(r);
        return w.prevKv ? this.withPrev(c) : c.event;
      });
      const lastId = (rows[rows.length - 1] as LogRow)[0];
      w.nextId = lastId + 1;
      // A full batch may end inside a revision: only claim completeness up to the one before.
      w.offer({ events, revision: rows.length < REPLAY_BATCH ? current : revOf(lastId) - 1 });
    }
    if (rows.length < REPLAY_BATCH) {
      // Reached the head inside this synchronous step: no commit can have slipped in between.
      w.synced = true;
      w.nextId = Math.max(w.nextId, (current + 1) * SUB);
    }
  }

  private withPrev(c: Change): KvEvent {
    if (c.event.prevKv || c.prevId === 0) return c.event;
    const row = this.src.rowById(c.prevId);
    if (!row || row[4] === 1) return c.event;
    c.event.prevKv = rowToKv(row);
    return c.event;
  }

  closeAll(): void {
    for (const w of this.watchers) w.close();
    this.watchers.clear();
  }
}
