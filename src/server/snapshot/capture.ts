/**
 * Taking a snapshot of a live MVCC store: one read at the head, so the snapshot is the state at
 * exactly one revision even while writes keep coming.
 */

import type { MvccStore } from '../storage/mvcc/kv.js';
import { MAX_KEY, prefixEnd } from '../storage/mvcc/types.js';
import { SNAPSHOT_FORMAT, type StoreSnapshot } from './format.js';

export interface CaptureOptions {
  /** Only keys under this prefix (e.g. '/registry/'); default: the whole keyspace. */
  prefix?: string;
  source?: string;
}

/** Every live key (values included) at the store's current revision. Leases are not kept. */
export function captureSnapshot(kv: MvccStore, opts: CaptureOptions = {}): StoreSnapshot {
  const prefix = opts.prefix ?? '';
  const res = kv.range(prefix, { end: prefix ? prefixEnd(prefix) : MAX_KEY, skipCount: true });
  return {
    format: SNAPSHOT_FORMAT,
    revision: res.revision,
    createdAt: new Date().toISOString(),
    ...(opts.source ? { source: opts.source } : {}),
    entries: res.kvs.map((k) => ({
      key: k.key,
      value: k.value,
      createRevision: k.createRevision,
      modRevision: k.modRevision,
      version: k.version,
    })),
  };
}
