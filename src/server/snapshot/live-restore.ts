/**
 * Bringing a live store back to a snapshot's state, the way a real cluster would see it: one new
 * revision that deletes the keys the snapshot lacks and writes the ones that differ. Watchers get
 * the matching DELETED / ADDED / MODIFIED events (watch caches, informers and controllers stay
 * consistent), resourceVersions keep moving forward, and untouched keys keep their revisions.
 *
 * Fast path: deciding "unchanged" needs no value reads. Within one store a (key, modRevision)
 * pair names exactly one value, so a key whose modRevision equals the snapshot's (or a revision
 * this restorer itself wrote that same snapshot value at) is left alone. Only keys the caller
 * touched since are read or written, which makes a reset of a mostly unchanged store cost a
 * walk of the in-memory key index.
 */
import type { MvccStore } from '../storage/mvcc/kv.js';
import { MAX_KEY, prefixEnd, type TxnOp } from '../storage/mvcc/types.js';
import { SNAPSHOT_FORMAT, type SnapshotEntry, type StoreSnapshot } from './format.js';

export interface RestoreHooks {
  /**
   * Called synchronously just before the write with the keys it deletes and puts (nothing is
   * called when there is nothing to write); the store still holds the old values then.
   */
  beforeWrite?: (deleted: readonly string[], written: readonly string[]) => void;
}

export interface RestoreResult {
  /** The revision of the restoring write; the current revision when nothing had to change. */
  revision: number;
  deleted: number;
  written: number;
}

export class LiveRestorer {
  /** `${key}\0${rev written by us}` -> the canonical (snapshot-side) modRevision of that value. */
  private readonly aliases = new Map<string, number>();
  /** Snapshots known to come from this store's history (their revisions can be trusted). */
  private readonly own = new WeakSet<StoreSnapshot>();
  /** The value of each key at the modRevision last seen, so a snapshot reads only changed keys. */
  private readonly values = new Map<string, { mod: number; value: string }>();

  constructor(private readonly kv: MvccStore) {}

  /** Marks a snapshot as taken from this store, enabling the revision fast path for it. */
  adopt(s: StoreSnapshot): StoreSnapshot {
    this.own.add(s);
    return s;
  }

  /**
   * A snapshot of the whole store now, adopted. Keys whose modRevision this restorer already saw
   * reuse the value it read or wrote then; only the others are read from the store. Synchronous,
   * so the result is the state at exactly one revision.
   */
  capture(source?: string): StoreSnapshot {
    const head = this.kv.range('', { end: MAX_KEY, keysOnly: true, skipCount: true });
    const entries: SnapshotEntry[] = head.kvs.map((k) => {
      let known = this.values.get(k.key);
      if (!known || known.mod !== k.modRevision) {
        known = { mod: k.modRevision, value: this.kv.range(k.key).kvs[0]?.value ?? '' };
        this.values.set(k.key, known);
      }
      return {
        key: k.key,
        value: known.value,
        createRevision: k.createRevision,
        modRevision: k.modRevision,
        version: k.version,
      };
    });
    if (this.values.size > entries.length * 2) {
      const live = new Set(entries.map((e) => e.key));
      for (const k of this.values.keys()) if (!live.has(k)) this.values.delete(k);
    }
    return this.adopt({
      format: SNAPSHOT_FORMAT,
      revision: head.revision,
      createdAt: new Date().toISOString(),
      ...(source ? { source } : {}),
      entries,
    });
  }

  private canonical(key: string, modRevision: number): number {
    return this.aliases.get(`${key}\0${modRevision}`) ?? modRevision;
  }

  /**
   * Restores `snapshot` (entire keyspace, or only under `prefix`: keys outside it are left alone).
   * Snapshots from elsewhere are compared by value. Resolves once the write is committed and
   * published to watchers. Rejects only if the store is closed or fails to write.
   */
  async restore(snapshot: StoreSnapshot, prefix = '', hooks: RestoreHooks = {}): Promise<RestoreResult> {
    const trusted = this.own.has(snapshot);
    const end = prefix ? prefixEnd(prefix) : MAX_KEY;
    const current = this.kv.range(prefix, { end, keysOnly: trusted, skipCount: true });
    const want = new Map<string, SnapshotEntry>();
    for (const e of snapshot.entries) if (e.key >= prefix && e.key < end) want.set(e.key, e);
    const ops: TxnOp[] = [];
    const written: SnapshotEntry[] = [];
    const seen = new Set<string>();
    for (const kv of current.kvs) {
      const e = want.get(kv.key);
      if (!e) {
        ops.push({ type: 'delete', key: kv.key });
        continue;
      }
      seen.add(kv.key);
      const same = trusted
        ? this.canonical(kv.key, kv.modRevision) === this.canonical(e.key, e.modRevision)
        : kv.value === e.value;
      if (!same) {
        ops.push({ type: 'put', key: e.key, value: e.value });
        written.push(e);
      }
    }
    for (const e of want.values()) {
      if (seen.has(e.key)) continue;
      ops.push({ type: 'put', key: e.key, value: e.value });
      written.push(e);
    }
    if (ops.length === 0) return { revision: this.kv.currentRevision(), deleted: 0, written: 0 };
    hooks.beforeWrite?.(
      ops.filter((o) => o.type === 'delete').map((o) => o.key),
      written.map((e) => e.key),
    );
    const res = await this.kv.txn({ success: ops });
    for (const e of written) {
      this.values.set(e.key, { mod: res.revision, value: e.value });
      if (trusted) this.aliases.set(`${e.key}\0${res.revision}`, this.canonical(e.key, e.modRevision));
    }
    return { revision: res.revision, deleted: ops.length - written.length, written: written.length };
  }
}
