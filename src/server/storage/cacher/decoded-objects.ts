/**
 * Parsed, frozen copies of recently listed cache entries. The watch cache keeps objects as JSON
 * text (150k objects cost their bytes, not object graphs); a list used to parse every item on
 * every request, which dominated LIST time. Entries are keyed by storage key and valid for one
 * revision; the total is bounded by the JSON bytes they came from (a parsed graph costs a few
 * times that), evicting by CLOCK (second chance): a hit only sets a flag, so a 1,000-item list
 * does not reorder a map 1,000 times, and entries unused since the last sweep go first.
 *
 * Objects handed out are deep-frozen and shared between requests: callers must copy before they
 * change anything (a write to a frozen object throws in module code, so a mistake fails loudly).
 */
import { decodeObject } from '../codec.js';
import type { StoredObject } from '../interface.js';
import { markShared } from '../shared-json.js';
import type { CachedValue } from './watch-cache.js';

interface Entry {
  rev: number;
  obj: StoredObject;
  bytes: number;
  used: boolean;
}

function deepFreeze<T>(v: T): T {
  if (typeof v === 'object' && v !== null && !Object.isFrozen(v)) {
    Object.freeze(v);
    for (const x of Object.values(v)) deepFreeze(x);
  }
  return v;
}

export class DecodedObjects {
  private readonly entries = new Map<string, Entry>();
  private bytes = 0;

  /** `maxBytes`: budget in source JSON bytes (default 32 MiB). */
  constructor(private readonly maxBytes = 32 * 1024 * 1024) {}

  /** The object of `key` at `v.rev` (resourceVersion set), parsed at most once per revision. */
  get(key: string, v: CachedValue): StoredObject {
    const hit = this.entries.get(key);
    if (hit) {
      if (hit.rev === v.rev) {
        hit.used = true;
        return hit.obj;
      }
      this.entries.delete(key);
      this.bytes -= hit.bytes;
    }
    const obj = deepFreeze(decodeObject(v.value, v.rev));
    // Lists splice the item's JSON; Tables splice its metadata (their rows' PartialObjectMetadata).
    markShared(obj);
    if (obj.metadata) markShared(obj.metadata);
    const bytes = v.value.length;
    if (bytes * 4 <= this.maxBytes) {
      this.entries.set(key, { rev: v.rev, obj, bytes, used: false });
      this.bytes += bytes;
      // Oldest first; a used entry gets a second chance at the back (revisited unused if need be).
      for (const [k, e] of this.entries) {
        if (this.bytes <= this.maxBytes) break;
        this.entries.delete(k);
        if (e.used) {
          e.used = false;
          this.entries.set(k, e);
        } else this.bytes -= e.bytes;
      }
    }
    return obj;
  }

  /** Drops `key` (deleted from the cache). */
  forget(key: string): void {
    const hit = this.entries.get(key);
    if (!hit) return;
    this.entries.delete(key);
    this.bytes -= hit.bytes;
  }

  clear(): void {
    this.entries.clear();
    this.bytes = 0;
  }
}
