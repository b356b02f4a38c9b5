/**
 * The watch cache of one resource prefix (kube's watchCache): the latest value of every key, kept
 * serialized (JSON text, as stored) so 150k objects cost their bytes rather than JS object graphs,
 * plus a bounded ring of recent events for watches that resume from a resourceVersion.
 */
import { SortedKeys } from '../mvcc/sorted-keys.js';

export type CacheEventType = 'ADDED' | 'MODIFIED' | 'DELETED';

export interface CacheEvent {
  type: CacheEventType;
  key: string;
  rev: number;
  /** New value ('' for DELETED). */
  value: string;
  /** Value before the change (undefined for ADDED). */
  prevValue?: string;
}

export interface CachedValue {
  value: string;
  rev: number;
}

export class WatchCache {
  private readonly items = new Map<string, CachedValue>();
  private keys = new SortedKeys();
  private ring: (CacheEvent | undefined)[];
  private head = 0;
  private size = 0;
  /** Every change with revision >= ringStart is in the ring. */
  private ringStart = 1;
  /** The cache reflects every change up to this revision. */
  rev = 0;

  constructor(readonly capacity: number) {
    this.ring = new Array(capacity);
  }

  /** Replaces the content with a list taken at `rev`; the ring restarts empty. */
  reset(entries: Iterable<[string, CachedValue]>, rev: number): void {
    this.items.clear();
    const keys: string[] = [];
    for (const [k, v] of entries) {
      this.items.set(k, v);
      keys.push(k);
    }
    keys.sort();
    this.keys = SortedKeys.fromSorted(keys);
    this.ring = new Array(this.capacity);
    this.head = 0;
    this.size = 0;
    this.rev = rev;
    this.ringStart = rev + 1;
  }

  /** Applies a PUT or DELETE at `rev`; returns the event (undefined for a delete of an unknown key). */
  apply(key: string, rev: number, value: string | undefined): CacheEvent | undefined {
    const prev = this.items.get(key);
    let ev: CacheEvent;
    if (value === undefined) {
      if (!prev) return undefined;
      this.items.delete(key);
      this.keys.delete(key);
      ev = { type: 'DELETED', key, rev, value: '', prevValue: prev.value };
    } else {
      this.items.set(key, { value, rev });
      if (!prev) this.keys.add(key);
      ev = prev ? { type: 'MODIFIED', key, rev, value, prevValue: prev.value } : { type: 'ADDED', key, rev, value };
    }
    this.push(ev);
    if (rev > this.rev) this.rev = rev;
    return ev;
  }

  private push(ev: CacheEvent): void {
    if (this.size === this.capacity) {
      const evicted = this.ring[this.head] as CacheEvent;
      this.ringStart = evicted.rev + 1;
      this.ring[this.head] = ev;
      this.head = (this.head + 1) % this.capacity;
    } else {
      this.ring[(this.head + this.size) % this.capacity] = ev;
      this.size++;
    }
  }

  /** The oldest revision a watch may resume after (kube's `oldest - 1`). */
  get oldestResumable(): number {
    return this.ringStart - 1;
  }

  /** Events with rev > after, in order; undefined when the ring no longer covers them. */
  eventsSince(after: number): CacheEvent[] | undefined {
    if (after < this.ringStart - 1) return undefined;
    const out: CacheEvent[] = [];
    for (let i = 0; i < this.size; i++) {
      const ev = this.ring[(this.head + i) % this.capacity] as CacheEvent;
      if (ev.rev > after) out.push(ev);
    }
    return out;
  }

  get(key: string): CachedValue | undefined {
    return this.items.get(key);
  }

  get count(): number {
    return this.items.size;
  }

  countRange(start: string, end: string): number {
    return this.keys.countRange(start, end);
  }

  /** Entries with start <= key < end, in key order. */
  *range(start: string, end: string): Generator<[string, CachedValue]> {
    for (const k of this.keys.iterate(start, end)) yield [k, this.items.get(k) as CachedValue];
  }
}
