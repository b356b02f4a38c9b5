/**
 * The etcd-shaped KV contract (etcd's mvcc `KV` / kine's `Backend`): one global revision, per-key
 * createRevision/modRevision/version, ranges at past revisions, txns, watches, leases, compaction.
 * A failed compare-and-swap is a result, not an exception; `compacted` and `futureRevision` are
 * the only expected failures.
 */

export interface KeyValue {
  key: string;
  /** The stored bytes as text (kube stores JSON). */
  value: string;
  createRevision: number;
  modRevision: number;
  /** 1 on create, +1 per write; a delete ends the generation. */
  version: number;
  /** Lease id, 0 for none. */
  lease: number;
}

export interface RangeOptions {
  /** Exclusive end; '' or undefined = the single key `key`. Use `prefixEnd(key)` for a prefix. */
  end?: string;
  /** Read as of this revision (0/undefined = current). */
  revision?: number;
  /** Max kvs returned (0/undefined = no limit). */
  limit?: number;
  /** Only `count` is filled. */
  countOnly?: boolean;
  /** kvs carry value ''. */
  keysOnly?: boolean;
  /** Skip counting the whole range (`count` is then only a lower bound); faster for paging. */
  skipCount?: boolean;
}

export interface RangeResult {
  kvs: KeyValue[];
  /** More keys exist in the range beyond `limit`. */
  more: boolean;
  /** Keys in the whole range (not limited). */
  count: number;
  /** Header revision: the store's revision when the read was served. */
  revision: number;
}

export type CompareTarget = 'mod' | 'create' | 'version' | 'value' | 'lease';
export interface Compare {
  key: string;
  target: CompareTarget;
  op: '=' | '!=' | '<' | '>';
  /** number for revisions/version/lease, string for value. An absent key has 0 / ''. */
  value: number | string;
}

export type TxnOp =
  | { type: 'put'; key: string; value: string; lease?: number; prevKv?: boolean }
  | { type: 'delete'; key: string; end?: string; prevKv?: boolean }
  | { type: 'range'; key: string; options?: RangeOptions };

export type TxnOpResult =
  | { type: 'put'; prevKv?: KeyValue }
  | { type: 'delete'; deleted: number; prevKvs?: KeyValue[] }
  | { type: 'range'; result: RangeResult };

export interface TxnRequest {
  compare?: Compare[];
  success?: TxnOp[];
  failure?: TxnOp[];
}

export interface TxnResult {
  succeeded: boolean;
  /** Header revision after the txn (the new revision when it wrote). */
  revision: number;
  responses: TxnOpResult[];
}

export interface KvEvent {
  type: 'PUT' | 'DELETE';
  /** For DELETE: key, modRevision = deletion revision, value '', version 0, createRevision 0. */
  kv: KeyValue;
  prevKv?: KeyValue;
}

export interface WatchResponse {
  events: KvEvent[];
  /** Header revision; for a progress notification every change up to it was delivered. */
  revision: number;
  progressNotify?: boolean;
}

export interface KvWatchOptions {
  /** Exclusive end of the watched range; undefined = the single key. */
  end?: string;
  /** First revision to deliver; undefined/0 = changes after now. */
  startRevision?: number;
  prevKv?: boolean;
  signal?: AbortSignal;
  /** Queue bound (responses) before the watcher stops receiving live events and catches up from disk. */
  maxQueued?: number;
}

/** A read or watch below the compacted revision. */
export class CompactedError extends Error {
  constructor(
    readonly requestedRevision: number,
    readonly compactRevision: number,
  ) {
    super(`mvcc: required revision ${requestedRevision} has been compacted (compacted at ${compactRevision})`);
    this.name = 'CompactedError';
  }
}

/** A read at a revision that does not exist yet. */
export class FutureRevisionError extends Error {
  constructor(
    readonly requestedRevision: number,
    readonly currentRevision: number,
  ) {
    super(`mvcc: required revision ${requestedRevision} is a future revision (current ${currentRevision})`);
    this.name = 'FutureRevisionError';
  }
}

export class LeaseNotFoundError extends Error {
  constructor(readonly leaseId: number) {
    super(`lease ${leaseId} not found`);
    this.name = 'LeaseNotFoundError';
  }
}

/**
 * etcd's prefix range end: the key with its last character incremented (trailing U+FFFF dropped).
 * '' means "to the end of the keyspace" and is returned as '\u{10FFFF}'-like sentinel MAX_KEY.
 */
export const MAX_KEY = '\uffff\uffff';
export function prefixEnd(prefix: string): string {
  let p = prefix;
  while (p.length > 0) {
    const c = p.charCodeAt(p.length - 1);
    if (c < 0xffff) return p.slice(0, -1) + String.fromCharCode(c + 1);
    p = p.slice(0, -1);
  }
  return MAX_KEY;
}
