/**
 * An ordered set of strings with rank queries, as a list of sorted blocks (like Python's
 * SortedList): insert/delete cost O(sqrt n) moves instead of O(n), and `countRange` needs one
 * pass over block sizes. Holds the live keys so ranges and counts at the current revision never
 * touch SQLite. Order is JavaScript's (UTF-16 code units), which equals byte order for the
 * ASCII keys kube writes.
 */
const BLOCK = 512;

export class SortedKeys {
  private blocks: string[][] = [];
  private total = 0;

  get size(): number {
    return this.total;
  }

  /** Builds from keys that are already sorted and unique (fast path for reopen). */
  static fromSorted(keys: readonly string[]): SortedKeys {
    const s = new SortedKeys();
    for (let i = 0; i < keys.length; i += BLOCK) s.blocks.push(keys.slice(i, i + BLOCK));
    s.total = keys.length;
    return s;
  }

  /** Index of the first block whose last key is >= key (blocks.length if none). */
  private blockFor(key: string): number {
    let lo = 0;
    let hi = this.blocks.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      const b = this.blocks[mid] as string[];
      if ((b[b.length - 1] as string) < key) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  has(key: string): boolean {
    const bi = this.blockFor(key);
    const b = this.blocks[bi];
    if (!b) return false;
    const i = lowerBound(b, key);
    return b[i] === key;
  }

  /** Returns false when already present. */
  add(key: string): boolean {
    if (this.blocks.length === 0) {
      this.blocks.push([key]);
      this.total = 1;
      return true;
    }
    let bi = this.blockFor(key);
    if (bi === this.blocks.length) bi--; // past every key: append to the last block
    const b = this.blocks[bi] as string[];
    const i = lowerBound(b, key);
    if (b[i] === key) return false;
    b.splice(i, 0, key);
    this.total++;
    if (b.length > 2 * BLOCK) this.blocks.splice(bi + 1, 0, b.splice(BLOCK));
    return true;
  }

  /** Returns false when absent. */
  delete(key: string): boolean {
    const bi = this.blockFor(key);
    const b = this.blocks[bi];
    if (!b) return false;
    const i = lowerBound(b, key);
    if (b[i] !== key) return false;
    b.splice(i, 1);
    this.total--;
    if (b.length === 0) this.blocks.splice(bi, 1);
    return true;
  }

  /** Number of keys < key. */
  rank(key: string): number {
    const bi = this.blockFor(key);
    let n = 0;
    for (let i = 0; i < bi; i++) n += (this.blocks[i] as string[]).length;
    const b = this.blocks[bi];
    return b ? n + lowerBound(b, key) : n;
  }

  /** Keys in [start, end). */
  countRange(start: string, end: string): number {
    if (end <= start) return 0;
    return this.rank(end) - this.rank(start);
  }

  /** Keys in [start, end) in order. */
  *iterate(start: string, end: string): Generator<string> {
    let bi = this.blockFor(start);
    let i = bi < this.blocks.length ? lowerBound(this.blocks[bi] as string[], start) : 0;
    for (; bi < this.blocks.length; bi++, i = 0) {
      const b = this.blocks[bi] as string[];
      for (; i < b.length; i++) {
        const k = b[i] as string;
        if (k >= end) return;
        yield k;
      }
    }
  }
}

function lowerBound(a: readonly string[], key: string): number {
  let lo = 0;
  let hi = a.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((a[mid] as string) < key) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
