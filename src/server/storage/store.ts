/**
 * kube's etcd3 store (k8s.io/apiserver/pkg/storage/etcd3/store.go) over the embedded MVCC KV:
 * Create / Get / GetList / GuaranteedUpdate / Delete / Watch / Count with kube's semantics for
 * resourceVersion, preconditions, paging and continue tokens. Objects are JSON text in the KV.
 */

import { decodeObject, encodeObject, parseResourceVersion, withResourceVersion } from './codec.js';
import { decodeContinue, encodeContinue } from './continue-token.js';
import {
  INCONSISTENT_CONTINUE_MESSAGE,
  internal,
  invalidContinue,
  invalidObj,
  keyExists,
  keyNotFound,
  LIST_TOO_OLD_MESSAGE,
  StorageError,
  tooLargeResourceVersion,
  tooOldResourceVersion,
} from './errors.js';
import type {
  CreateOptions,
  DeleteOptions,
  GetOptions,
  ListOptions,
  ListResult,
  Preconditions,
  Storage,
  StoredObject,
  TryUpdate,
  UpdateOptions,
  WatchEvent,
  WatchOptions,
} from './interface.js';
import type { MvccStore } from './mvcc/kv.js';
import { CompactedError, FutureRevisionError, type KeyValue, LeaseNotFoundError, prefixEnd } from './mvcc/types.js';
import { watchKv } from './store-watch.js';

/** kube's maxLimit for the page-growing loop of a filtered list. */
const MAX_PAGE = 10_000;
/** kube's leaseManager: reuse a lease whose expiry is within min(5% of TTL, 60 s) of the wanted one. */
const LEASE_REUSE_MAX_S = 60;

export const RV_SET_ON_CREATE = 'resourceVersion should not be set on objects to be created';

export const badRequest = (key: string, message: string): StorageError =>
  new StorageError('BadRequest', key, undefined, message);

function parseRv(key: string, rv: string | undefined): number {
  const n = parseResourceVersion(rv);
  if (typeof n === 'number') return n;
  throw badRequest(key, `invalid resource version: ${n.error}`);
}

/** Preconditions.Check (k8s.io/apiserver/pkg/storage/interfaces.go). */
export function checkPreconditions(key: string, p: Preconditions | undefined, obj: StoredObject): void {
  if (!p) return;
  const md = obj.metadata ?? {};
  if (p.uid !== undefined && p.uid !== (md.uid ?? '')) {
    throw invalidObj(key, `Precondition failed: UID in precondition: ${p.uid}, UID in object meta: ${md.uid ?? ''}`);
  }
  if (p.resourceVersion !== undefined && p.resourceVersion !== (md.resourceVersion ?? '')) {
    throw invalidObj(
      key,
      `Precondition failed: ResourceVersion in precondition: ${p.resourceVersion}, ResourceVersion in object meta: ${md.resourceVersion ?? ''}`,
    );
  }
}

export class KubeStore implements Storage {
  private prevLease = { id: 0, expiresMs: 0 };

  constructor(readonly kv: MvccStore) {}

  async create(key: string, obj: StoredObject, opts: CreateOptions = {}): Promise<StoredObject> {
    if (obj.metadata?.resourceVersion) throw internal(key, RV_SET_ON_CREATE);
    const data = encodeObject(obj);
    if (opts.dryRun) {
      if (this.kv.range(key).kvs.length > 0) throw keyExists(key);
      return JSON.parse(data) as StoredObject;
    }
    for (let attempt = 0; ; attempt++) {
      const lease = opts.ttlSeconds && opts.ttlSeconds > 0 ? await this.leaseFor(opts.ttlSeconds) : 0;
      try {
        const r = await this.kv.txn({
          compare: [{ key, target: 'mod', op: '=', value: 0 }],
          success: [{ type: 'put', key, value: data, lease }],
        });
        if (!r.succeeded) throw keyExists(key);
        return decodeObject(data, r.revision);
      } catch (e) {
        // The reused lease expired between choosing and writing: take a fresh one.
        if (e instanceof LeaseNotFoundError && attempt < 3) continue;
        throw e;
      }
    }
  }

  /** kube's leaseManager.GetLease: one lease shared by writes with similar TTLs. */
  private async leaseFor(ttl: number): Promise<number> {
    const now = Date.now();
    const reuse = Math.min(Math.floor(ttl * 0.05), LEASE_REUSE_MAX_S);
    const p = this.prevLease;
    if (
      p.id &&
      this.kv.leases.has(p.id) &&
      p.expiresMs > now + ttl * 1000 &&
      p.expiresMs <= now + (ttl + reuse) * 1000
    ) {
      return p.id;
    }
    const id = await this.kv.grantLease(ttl + reuse);
    this.prevLease = { id, expiresMs: this.kv.leases.expiresAt(id) ?? 0 };
    return id;
  }

  async get(key: string, opts: GetOptions = {}): Promise<StoredObject | undefined> {
    const minRv = parseRv(key, opts.resourceVersion);
    const r = this.kv.range(key);
    if (minRv > r.revision) throw tooLargeResourceVersion(key, minRv, r.revision);
    const kv = r.kvs[0];
    if (!kv) {
      if (opts.ignoreNotFound) return undefined;
      throw keyNotFound(key);
    }
    return decodeObject(kv.value, kv.modRevision);
  }

  async getList(key: string, opts: ListOptions): Promise<ListResult> {
    const keyPrefix = opts.recursive && !key.endsWith('/') ? `${key}/` : key;
    const fromRv = opts.resourceVersion ? parseRv(key, opts.resourceVersion) : undefined;
    const paging = opts.recursive && (opts.limit ?? 0) > 0;
    const pageLimit = paging ? (opts.limit as number) : 0;
    let start = keyPrefix;
    let withRev = 0;
    const hasContinue = opts.recursive && !!opts.continue;
    if (hasContinue) {
      const c = decodeContinue(opts.continue as string, keyPrefix);
      if (!c.ok) throw invalidContinue(key, `invalid continue token: ${c.message}`);
      if (opts.resourceVersion && opts.resourceVersion !== '0') {
        throw invalidContinue(key, 'specifying resource version is not allowed when using continue');
      }
      start = c.key;
      if (c.rv > 0) withRev = c.rv;
    } else if (fromRv !== undefined) {
      const match = opts.resourceVersionMatch ?? '';
      if (match === 'Exact') withRev = fromRv;
      else if (match === '' && paging && fromRv > 0) withRev = fromRv;
      else if (match !== 'NotOlderThan' && match !== '') {
        throw badRequest(key, `unknown ResourceVersionMatch value: ${String(match)}`);
      }
    }
    const end = opts.recursive ? prefixEnd(keyPrefix) : undefined;
    const pred = opts.predicate;
    const items: StoredObject[] = [];
    let limit = pageLimit;
    let lastKey = '';
    let hasMore = false;
    let lastCount = 0;
    for (;;) {
      let resp: ReturnType<MvccStore['range']>;
      try {
        resp = this.kv.range(start, { end, revision: withRev, limit, skipCount: !!pred || !paging });
      } catch (e) {
        if (e instanceof CompactedError) {
          if (hasContinue) {
            throw new StorageError('Expired', key, undefined, INCONSISTENT_CONTINUE_MESSAGE, {
              continueToken: encodeContinue(start, keyPrefix, -1),
            });
          }
          throw new StorageError('Expired', key, String(withRev), LIST_TOO_OLD_MESSAGE);
        }
        if (e instanceof FutureRevisionError)
          throw tooLargeResourceVersion(key, e.requestedRevision, e.currentRevision);
        throw e;
      }
      if (fromRv !== undefined && fromRv > resp.revision) throw tooLargeResourceVersion(key, fromRv, resp.revision);
      hasMore = resp.more;
      lastCount = resp.count;
      for (const kv of resp.kvs) {
        if (paging && items.length >= pageLimit) {
          hasMore = true;
          break;
        }
        lastKey = kv.key;
        const obj = this.decodeListItem(kv);
        if (!pred || pred(obj)) items.push(obj);
      }
      if (withRev === 0) withRev = resp.revision;
      if (!hasMore || !paging || items.length >= pageLimit) break;
      // Filtered out too much: fetch bigger chunks, as kube does.
      if (limit < MAX_PAGE) limit = Math.min(limit * 2, MAX_PAGE);
      start = `${lastKey}\x00`;
    }
    const out: ListResult = { items, resourceVersion: String(withRev) };
    if (hasMore) {
      out.continue = encodeContinue(`${lastKey}\x00`, keyPrefix, withRev);
      if (!pred) out.remainingItemCount = Math.max(0, lastCount - pageLimit);
    }
    return out;
  }

  private decodeListItem(kv: KeyValue): StoredObject {
    try {
      return decodeObject(kv.value, kv.modRevision);
    } catch (e) {
      throw internal(kv.key, `unable to decode stored object at ${kv.key}: ${(e as Error).message}`, e);
    }
  }

  async guaranteedUpdate(key: string, tryUpdate: TryUpdate, opts: UpdateOptions = {}): Promise<StoredObject> {
    for (;;) {
      const cur = this.kv.range(key).kvs[0];
      if (!cur && !opts.ignoreNotFound) throw keyNotFound(key);
      const curObj = cur ? decodeObject(cur.value, cur.modRevision) : {};
      checkPreconditions(key, opts.preconditions, curObj);
      const next = await tryUpdate(curObj);
      if (opts.dryRun) return next;
      const data = encodeObject(next);
      if (cur && data === cur.value) {
        // A no-op update keeps the revision, unless the key changed meanwhile.
        const now = this.kv.range(key).kvs[0];
        if (now && now.modRevision === cur.modRevision) return decodeObject(cur.value, cur.modRevision);
        continue;
      }
      const lease = cur && this.kv.leases.has(cur.lease) ? cur.lease : 0;
      const r = await this.kv.txn({
        compare: [{ key, target: 'mod', op: '=', value: cur ? cur.modRevision : 0 }],
        success: [{ type: 'put', key, value: data, lease }],
      });
      if (r.succeeded) return decodeObject(data, r.revision);
    }
  }

  async delete(key: string, opts: DeleteOptions = {}): Promise<StoredObject> {
    for (;;) {
      const cur = this.kv.range(key).kvs[0];
      if (!cur) throw keyNotFound(key);
      const curObj = decodeObject(cur.value, cur.modRevision);
      checkPreconditions(key, opts.preconditions, curObj);
      if (opts.validateDeletion) await opts.validateDeletion(curObj);
      if (opts.dryRun) return curObj;
      const r = await this.kv.txn({
        compare: [{ key, target: 'mod', op: '=', value: cur.modRevision }],
        success: [{ type: 'delete', key }],
      });
      if (r.succeeded) return withResourceVersion(JSON.parse(cur.value) as StoredObject, r.revision);
    }
  }

  watch(key: string, opts: WatchOptions): AsyncIterable<WatchEvent> {
    return watchKv(this.kv, key, opts);
  }

  async count(key: string): Promise<number> {
    const prefix = key.endsWith('/') ? key : `${key}/`;
    return this.kv.range(prefix, { end: prefixEnd(prefix), countOnly: true }).count;
  }

  async currentResourceVersion(): Promise<string> {
    return String(this.kv.currentRevision());
  }

  async compact(): Promise<void> {
    const rev = this.kv.currentRevision();
    if (rev > this.kv.compactRevision()) await this.kv.compact(rev);
  }
}

export { tooOldResourceVersion };
