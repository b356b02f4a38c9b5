/**
 * The embedded etcd-semantics store: revisions, ranges at past revisions, txns, watches, leases,
 * compaction, on one SQLite revision log (see sqlite-log.ts).
 *
 * In memory: the revision counter, the index of live keys (key -> latest row id, createRevision,
 * version, lease) with an ordered key set for ranges and counts at the head, and the leases.
 * Values stay on disk. Writes issued in the same event-loop turn are grouped into one SQLite
 * transaction (one fsync) but each put/delete/txn still gets its own revision; promises resolve
 * only after COMMIT returned, so an acknowledged write survives kill -9.
 */

import { LeaseTable } from './leases.js';
import { SortedKeys } from './sorted-keys.js';
import { type LogRow, revOf, SqliteLog, SUB } from './sqlite-log.js';
import {
  CompactedError,
  type Compare,
  FutureRevisionError,
  type KeyValue,
  type KvWatchOptions,
  LeaseNotFoundError,
  type RangeOptions,
  type RangeResult,
  type TxnOp,
  type TxnOpResult,
  type TxnRequest,
  type TxnResult,
} from './types.js';
import { type Change, type KvWatcher, rowToKv, WatchHub } from './watch-hub.js';

/** Log rows examined per compaction transaction. */
const COMPACT_CHUNK = 5000;

interface IndexEntry {
  id: number;
  createRev: number;
  version: number;
  lease: number;
}

export interface MvccOptions {
  /** SQLite file path; undefined or ':memory:' = in memory. */
  path?: string;
  /** Automatic compaction period (kube-apiserver: 5 min); each run compacts to the revision seen at the previous run. 0 = off. */
  compactionIntervalMs?: number;
  /** How often lease expiry is checked (default 500 ms). */
  leaseCheckIntervalMs?: number;
}

interface Pending {
  run: () => unknown;
  resolve: (v: unknown) => void;
  reject: (e: unknown) => void;
}

export class MvccStore {
  private readonly log: SqliteLog;
  private index = new Map<string, IndexEntry>();
  private keys = new SortedKeys();
  private rev = 0;
  private compactRev = 0;
  private readonly hub: WatchHub;
  readonly leases: LeaseTable;
  private pending: Pending[] = [];
  private flushScheduled = false;
  /** Changes of the revision being built (inside flush). */
  private changes: Change[] = [];
  private sub = 0;
  private timers: NodeJS.Timeout[] = [];
  private closed = false;

  constructor(opts: MvccOptions = {}) {
    this.log = new SqliteLog(opts.path === ':memory:' ? undefined : opts.path);
    this.leases = new LeaseTable(this.log);
    this.load();
    this.hub = new WatchHub({
      currentRevision: () => this.rev,
      compactRevision: () => this.compactRev,
      history: (fromId, key, end, limit) =>
        (end === undefined
          ? this.log.historyKey.all(key, fromId, limit)
          : this.log.historyRange.all(fromId, key, end, limit)) as LogRow[],
      rowById: (id) => this.log.rowById.get(id) as LogRow | undefined,
    });
    if (this.log.meta('compact_done') < this.compactRev * SUB) this.purge().catch(() => {});
    const leaseMs = opts.leaseCheckIntervalMs ?? 500;
    this.timers.push(setInterval(() => this.expireLeases(), leaseMs).unref());
    const compactMs = opts.compactionIntervalMs ?? 5 * 60_000;
    if (compactMs > 0) {
      let seen = this.rev;
      this.timers.push(
        setInterval(() => {
          const target = seen;
          seen = this.rev;
          if (target > this.compactRev) this.compact(target).catch(() => {});
        }, compactMs).unref(),
      );
    }
  }

  /** Rebuilds the in-memory state from the log (reopen). */
  private load(): void {
    this.compactRev = this.log.meta('compact_rev');
    this.rev = Math.max(revOf((this.log.maxId.get() as number | null) ?? 0), this.compactRev);
    const index = new Map<string, IndexEntry>();
    const live: string[] = [];
    for (const r of this.log.latestAll.iterate() as Iterable<[string, number, number, number, number, number]>) {
      if (r[2] === 1) continue;
      index.set(r[0], { id: r[1], createRev: r[3], version: r[4], lease: r[5] });
      live.push(r[0]);
    }
    let sorted = true;
    for (let i = 1; i < live.length && sorted; i++) sorted = (live[i - 1] as string) < (live[i] as string);
    if (!sorted) live.sort();
    this.index = index;
    this.keys = SortedKeys.fromSorted(live);
    this.leases.load(index);
  }

  currentRevision(): number {
    return this.rev;
  }

  compactRevision(): number {
    return this.compactRev;
  }

  // ---- reads ----

  /** Reads keys in [key, end) (or the single key) at the head or at a past revision. */
  range(key: string, opts: RangeOptions = {}): RangeResult {
    const at = opts.revision && opts.revision > 0 ? opts.revision : 0;
    if (at > this.rev) throw new FutureRevisionError(at, this.rev);
    if (at > 0 && at < this.compactRev) throw new CompactedError(at, this.compactRev);
    const limit = opts.limit && opts.limit > 0 ? opts.limit : Number.POSITIVE_INFINITY;
    if (at === 0 || at === this.rev) return this.rangeHead(key, opts, limit);
    return this.rangePast(key, opts, limit, at);
  }

  private rangeHead(key: string, opts: RangeOptions, limit: number): RangeResult {
    const kvs: KeyValue[] = [];
    if (!opts.end) {
      const e = this.index.get(key);
      if (e && !opts.countOnly) kvs.push(this.entryKv(key, e, opts.keysOnly));
      return { kvs, more: false, count: e ? 1 : 0, revision: this.rev };
    }
    const count = opts.skipCount && !opts.countOnly ? -1 : this.keys.countRange(key, opts.end);
    if (opts.countOnly) return { kvs, more: false, count, revision: this.rev };
    let more = false;
    if (opts.keysOnly) {
      for (const k of this.keys.iterate(key, opts.end)) {
        if (kvs.length >= limit) {
          more = true;
          break;
        }
        kvs.push(this.entryKv(k, this.index.get(k) as IndexEntry, true));
      }
    } else {
      const max = Number.isFinite(limit) ? limit + 1 : -1;
      for (const r of this.log.rangeLatest.iterate(key, opts.end, max) as Iterable<LogRow>) {
        if (kvs.length >= limit) {
          more = true;
          break;
        }
        kvs.push(rowToKv(r));
      }
    }
    return { kvs, more, count: count < 0 ? kvs.length + (more ? 1 : 0) : count, revision: this.rev };
  }

  private entryKv(key: string, e: IndexEntry, keysOnly?: boolean): KeyValue {
    const value = keysOnly ? '' : ((this.log.valueById.get(e.id) as string | null) ?? '');
    return { key, value, createRevision: e.createRev, modRevision: revOf(e.id), version: e.version, lease: e.lease };
  }

  private rangePast(key: string, opts: RangeOptions, limit: number, at: number): RangeResult {
    const bound = (at + 1) * SUB;
    const kvs: KeyValue[] = [];
    if (!opts.end) {
      const r = this.log.keyAt.get(key, bound) as LogRow | undefined;
      const live = r !== undefined && r[4] === 0;
      if (live && !opts.countOnly) {
        const value = opts.keysOnly ? '' : ((this.log.valueById.get(r[0]) as string | null) ?? '');
        kvs.push(rowToKv([r[0], r[1], r[2], r[3], r[4], r[5], r[6], value]));
      }
      return { kvs, more: false, count: live ? 1 : 0, revision: this.rev };
    }
    const count = opts.skipCount && !opts.countOnly ? -1 : (this.log.countAt.get(key, opts.end, bound) as number);
    if (opts.countOnly) return { kvs, more: false, count, revision: this.rev };
    let more = false;
    const ids: number[] = [];
    for (const r of this.log.rangeAt.iterate(key, opts.end, bound) as Iterable<LogRow>) {
      if (r[4] === 1) continue;
      if (kvs.length >= limit) {
        more = true;
        break;
      }
      ids.push(r[0]);
      kvs.push({ key: r[1], value: '', createRevision: r[2], modRevision: revOf(r[0]), version: r[3], lease: r[5] });
    }
    // Values are read after the aggregate cursor is closed (the connection is busy while iterating).
    if (!opts.keysOnly)
      kvs.forEach((kv, i) => {
        kv.value = (this.log.valueById.get(ids[i]) as string | null) ?? '';
      });
    return { kvs, more, count: count < 0 ? kvs.length + (more ? 1 : 0) : count, revision: this.rev };
  }

  // ---- writes ----

  put(
    key: string,
    value: string,
    opts: { lease?: number; prevKv?: boolean } = {},
  ): Promise<{ revision: number; prevKv?: KeyValue }> {
    return this.txn({ success: [{ type: 'put', key, value, lease: opts.lease, prevKv: opts.prevKv }] }).then((r) => {
      const p = r.responses[0] as { prevKv?: KeyValue };
      return p.prevKv ? { revision: r.revision, prevKv: p.prevKv } : { revision: r.revision };
    });
  }

  deleteRange(
    key: string,
    opts: { end?: string; prevKv?: boolean } = {},
  ): Promise<{ revision: number; deleted: number; prevKvs?: KeyValue[] }> {
    return this.txn({ success: [{ type: 'delete', key, end: opts.end, prevKv: opts.prevKv }] }).then((r) => {
      const d = r.responses[0] as { deleted: number; prevKvs?: KeyValue[] };
      return { revision: r.revision, ...d };
    });
  }

  /** Compares against the head, then runs success or failure ops atomically as one revision. */
  txn(req: TxnRequest): Promise<TxnResult> {
    for (const op of [...(req.success ?? []), ...(req.failure ?? [])]) {
      if (op.type === 'put' && op.lease && !this.leases.has(op.lease))
        return Promise.reject(new LeaseNotFoundError(op.lease));
    }
    return this.schedule(() => {
      const ok = (req.compare ?? []).every((c) => this.evalCompare(c));
      const ops = (ok ? req.success : req.failure) ?? [];
      const before = this.rev;
      const next = this.rev + 1;
      this.sub = 0;
      const responses = ops.map((op) => this.applyOp(op, next));
      if (this.sub > 0) this.rev = next;
      return { succeeded: ok, revision: Math.max(this.rev, before), responses };
    });
  }

  private evalCompare(c: Compare): boolean {
    const e = this.index.get(c.key);
    let actual: number | string;
    switch (c.target) {
      case 'mod':
        actual = e ? revOf(e.id) : 0;
        break;
      case 'create':
        actual = e ? e.createRev : 0;
        break;
      case 'version':
        actual = e ? e.version : 0;
        break;
      case 'lease':
        actual = e ? e.lease : 0;
        break;
      default:
        actual = e ? ((this.log.valueById.get(e.id) as string | null) ?? '') : '';
    }
    switch (c.op) {
      case '=':
        return actual === c.value;
      case '!=':
        return actual !== c.value;
      case '<':
        return actual < c.value;
      default:
        return actual > c.value;
    }
  }

  private applyOp(op: TxnOp, rev: number): TxnOpResult {
    if (op.type === 'range')
      return {
        type: 'range',
        result: this.rangeHead(op.key, op.options ?? {}, op.options?.limit || Number.POSITIVE_INFINITY),
      };
    if (op.type === 'put') {
      const prev = this.index.get(op.key);
      const prevKv = op.prevKv && prev ? this.entryKv(op.key, prev) : undefined;
      const id = this.nextId(rev);
      const lease = op.lease ?? 0;
      const entry: IndexEntry = {
        id,
        createRev: prev ? prev.createRev : rev,
        version: prev ? prev.version + 1 : 1,
        lease,
      };
      this.log.insert.run(id, op.key, entry.createRev, entry.version, 0, lease, prev ? prev.id : 0, op.value);
      this.index.set(op.key, entry);
      if (!prev) this.keys.add(op.key);
      this.leases.retarget(op.key, prev?.lease ?? 0, lease);
      this.changes.push({
        id,
        prevId: prev ? prev.id : 0,
        event: {
          type: 'PUT',
          kv: {
            key: op.key,
            value: op.value,
            createRevision: entry.createRev,
            modRevision: rev,
            version: entry.version,
            lease,
          },
        },
      });
      return prevKv ? { type: 'put', prevKv } : { type: 'put' };
    }
    const targets = op.end ? [...this.keys.iterate(op.key, op.end)] : this.index.has(op.key) ? [op.key] : [];
    const prevKvs: KeyValue[] = [];
    for (const k of targets) {
      const prev = this.index.get(k) as IndexEntry;
      if (op.prevKv) prevKvs.push(this.entryKv(k, prev));
      const id = this.nextId(rev);
      this.log.insert.run(id, k, 0, 0, 1, 0, prev.id, null);
      this.index.delete(k);
      this.keys.delete(k);
      this.leases.retarget(k, prev.lease, 0);
      this.changes.push({
        id,
        prevId: prev.id,
        event: { type: 'DELETE', kv: { key: k, value: '', createRevision: 0, modRevision: rev, version: 0, lease: 0 } },
      });
    }
    return op.prevKv
      ? { type: 'delete', deleted: targets.length, prevKvs }
      : { type: 'delete', deleted: targets.length };
  }

  private nextId(rev: number): number {
    if (this.sub >= SUB) throw new Error(`a single revision may change at most ${SUB} keys`);
    return rev * SUB + this.sub++;
  }

  // ---- group commit ----

  private schedule<T>(run: () => T): Promise<T> {
    if (this.closed) return Promise.reject(new Error('mvcc store is closed'));
    return new Promise<T>((resolve, reject) => {
      this.pending.push({ run, resolve: resolve as (v: unknown) => void, reject });
      if (!this.flushScheduled) {
        this.flushScheduled = true;
        setImmediate(() => this.flush());
      }
    });
  }

  private flush(): void {
    this.flushScheduled = false;
    const batch = this.pending;
    this.pending = [];
    if (batch.length === 0) return;
    const outcomes: Array<{ ok: boolean; v: unknown }> = [];
    let changes: Change[] = [];
    try {
      this.log.transaction(() => {
        for (const p of batch) {
          try {
            outcomes.push({ ok: true, v: p.run() });
          } catch (e) {
            // An op that throws before writing (bad input) fails alone; SQLite errors fail the batch.
            if (e instanceof Error && e.name === 'SqliteError') throw e;
            outcomes.push({ ok: false, v: e });
          }
        }
      });
      changes = this.changes;
    } catch (e) {
      // Nothing of this batch is durable: rebuild memory from disk and fail every op.
      this.changes = [];
      this.load();
      for (const p of batch) p.reject(e);
      return;
    }
    this.changes = [];
    this.hub.publish(changes, this.rev);
    batch.forEach((p, i) => {
      const o = outcomes[i] as { ok: boolean; v: unknown };
      if (o.ok) p.resolve(o.v);
      else p.reject(o.v);
    });
  }

  // ---- compaction ----

  /**
   * Drops history below `revision`: reads and watches below it fail with CompactedError at once;
   * the state at `revision` and every later event stay readable. Superseded rows are then deleted
   * in chunks (one short write transaction each), so a big compaction never stalls writers; the
   * progress is persisted and an interrupted compaction resumes on reopen.
   */
  compact(revision: number): Promise<void> {
    if (revision > this.rev) return Promise.reject(new FutureRevisionError(revision, this.rev));
    if (revision <= this.compactRev) return Promise.reject(new CompactedError(revision, this.compactRev));
    return this.schedule(() => {
      if (revision <= this.compactRev) return;
      this.log.setMeta.run('compact_rev', revision);
      this.compactRev = revision;
    }).then(() => this.purge());
  }

  private purging: Promise<void> | undefined;

  /** Physically deletes what compaction made unreachable, up to the compacted revision. */
  private purge(): Promise<void> {
    this.purging ??= (async () => {
      try {
        for (;;) {
          if (this.closed) return;
          const done = this.log.meta('compact_done');
          const bound = this.compactRev * SUB;
          if (done >= bound) return;
          await this.schedule(() => {
            const cut = (this.log.nthIdFrom.get(done, bound, COMPACT_CHUNK) as number | undefined) ?? bound;
            this.log.compactPrev.run(done, cut);
            this.log.compactTombstones.run(done, cut);
            this.log.setMeta.run('compact_done', cut);
          });
        }
      } finally {
        this.purging = undefined;
      }
    })();
    return this.purging;
  }

  // ---- leases ----

  /** Grants a lease of `ttlSeconds`; persisted. */
  grantLease(ttlSeconds: number): Promise<number> {
    return this.schedule(() => this.leases.grant(ttlSeconds));
  }

  /** Revokes a lease: its keys are deleted in one revision (DELETE events). */
  revokeLease(id: number): Promise<void> {
    return this.schedule(() => {
      const keys = this.leases.keysOf(id);
      if (keys === undefined) throw new LeaseNotFoundError(id);
      const rev = this.rev + 1;
      this.sub = 0;
      for (const k of [...keys].sort()) this.applyOp({ type: 'delete', key: k }, rev);
      if (this.sub > 0) this.rev = rev;
      this.leases.remove(id);
    });
  }

  private expireLeases(): void {
    for (const id of this.leases.expired(Date.now())) this.revokeLease(id).catch(() => {});
  }

  // ---- watch ----

  /** Watches [key, end) (or the single key) from `startRevision`; see WatchHub. */
  watch(key: string, opts: KvWatchOptions = {}): KvWatcher {
    return this.hub.watch(key, opts);
  }

  /** Asks every synced idle watcher for a progress notification (used for bookmarks). */
  requestProgress(): void {
    this.hub.progress();
  }

  get watcherCount(): number {
    return this.hub.size;
  }

  /** Waits for pending writes, stops timers and watchers, closes the database. */
  async close(): Promise<void> {
    if (this.closed) return;
    while (this.pending.length > 0 || this.flushScheduled) await new Promise((r) => setImmediate(r));
    this.closed = true;
    for (const t of this.timers) clearInterval(t);
    this.hub.closeAll();
    this.log.close();
  }
}
