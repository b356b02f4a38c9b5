/**
 * Leases (etcd's lessor, simplified): a lease has a TTL and an absolute expiry; keys put with it
 * are deleted when it expires or is revoked. Expiry is persisted, so a lease that ran out while the
 * process was down is revoked right after reopen. Methods that write run inside the store's write
 * transaction.
 */
import type { SqliteLog } from './sqlite-log.js';

interface Lease {
  ttl: number;
  expiresMs: number;
  keys: Set<string>;
}

export class LeaseTable {
  private leases = new Map<number, Lease>();
  private lastId = 0;

  constructor(private readonly log: SqliteLog) {}

  /** Reloads leases and the keys attached to them (from the live-key index). */
  load(index: ReadonlyMap<string, { lease: number }>): void {
    this.leases.clear();
    for (const [id, ttl, expiresMs] of this.log.leaseAll.all() as Array<[number, number, number]>) {
      this.leases.set(id, { ttl, expiresMs, keys: new Set() });
      this.lastId = Math.max(this.lastId, id);
    }
    for (const [key, e] of index) if (e.lease) this.leases.get(e.lease)?.keys.add(key);
  }

  has(id: number): boolean {
    return this.leases.has(id);
  }

  ttl(id: number): number | undefined {
    return this.leases.get(id)?.ttl;
  }

  /** Expiry time in ms since epoch. */
  expiresAt(id: number): number | undefined {
    return this.leases.get(id)?.expiresMs;
  }

  grant(ttlSeconds: number): number {
    if (!Number.isFinite(ttlSeconds) || ttlSeconds <= 0) throw new Error(`invalid lease TTL: ${ttlSeconds}`);
    const id = ++this.lastId;
    const expiresMs = Date.now() + ttlSeconds * 1000;
    this.log.leaseInsert.run(id, ttlSeconds, expiresMs);
    this.leases.set(id, { ttl: ttlSeconds, expiresMs, keys: new Set() });
    return id;
  }

  keysOf(id: number): ReadonlySet<string> | undefined {
    return this.leases.get(id)?.keys;
  }

  /** Moves `key` from lease `from` to lease `to` (0 = none). */
  retarget(key: string, from: number, to: number): void {
    if (from === to) return;
    if (from) this.leases.get(from)?.keys.delete(key);
    if (to) this.leases.get(to)?.keys.add(key);
  }

  remove(id: number): void {
    this.log.leaseDelete.run(id);
    this.leases.delete(id);
  }

  expired(nowMs: number): number[] {
    const out: number[] = [];
    for (const [id, l] of this.leases) if (l.expiresMs <= nowMs) out.push(id);
    return out;
  }

  /** Leases whose expiry lies within [minMs, maxMs] and with this TTL (kube reuses such leases). */
  findReusable(ttlSeconds: number, minMs: number, maxMs: number): number | undefined {
    for (const [id, l] of this.leases)
      if (l.ttl === ttlSeconds && l.expiresMs >= minMs && l.expiresMs <= maxMs) return id;
    return undefined;
  }
}
