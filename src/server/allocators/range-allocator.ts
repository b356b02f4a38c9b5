/**
 * A set of taken offsets in [0, size) with kube's allocation order: dynamic allocations pick a
 * random free offset, preferring the upper part of the range, so the lower "static" band stays
 * free for users who choose values themselves (kube's ServiceIPStaticSubrange /
 * ServiceNodePortStaticSubrange).
 */
export class RangeAllocator {
  private readonly taken = new Set<number>();

  /**
   * @param size number of offsets
   * @param staticBand offsets [0, staticBand) are handed out only when the rest is full
   * @param random returns an integer in [0, n) (injectable for tests)
   */
  private readonly staticBand: number;

  constructor(
    readonly size: number,
    staticBand: number,
    private readonly random: (n: number) => number = (n) => Math.floor(Math.random() * n),
  ) {
    this.staticBand = Math.max(0, Math.min(staticBand, size));
  }

  has(offset: number): boolean {
    return this.taken.has(offset);
  }

  /** false when taken or out of range. */
  allocate(offset: number): boolean {
    if (offset < 0 || offset >= this.size || this.taken.has(offset)) return false;
    this.taken.add(offset);
    return true;
  }

  release(offset: number): void {
    this.taken.delete(offset);
  }

  get used(): number {
    return this.taken.size;
  }

  /** A free offset (not allocated), or undefined when full. */
  next(): number | undefined {
    return this.pick(this.staticBand, this.size) ?? this.pick(0, this.staticBand);
  }

  /** Random start, then a linear scan with wrap-around within [from, to). */
  private pick(from: number, to: number): number | undefined {
    const n = to - from;
    if (n <= 0) return undefined;
    const start = this.random(n);
    for (let i = 0; i < n; i++) {
      const o = from + ((start + i) % n);
      if (!this.taken.has(o)) return o;
    }
    return undefined;
  }
}

/** kube's static band size: min(max(min, size/16), max). */
export const staticBandSize = (size: number, min: number, max: number): number =>
  Math.min(Math.max(min, Math.floor(size / 16)), max);
