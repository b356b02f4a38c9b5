/**
 * A keyed work queue for controllers: an item queued twice before it runs runs once; items run
 * one at a time; a handler returning a number asks to be run again after that many ms (kube's
 * AddAfter / rate-limited requeue). `idle()` resolves when nothing is queued, running or
 * scheduled (tests and shutdown wait on it).
 */
export type Handler<T> = (item: T) => Promise<number | undefined>;

export class WorkQueue<T> {
  private readonly queued = new Map<string, T>();
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private running = false;
  private stopped = false;
  private waiters: Array<() => void> = [];

  constructor(
    private readonly handler: Handler<T>,
    private readonly onError: (e: unknown, item: T) => number | undefined = () => 500,
  ) {}

  add(key: string, item: T, delayMs = 0): void {
    if (this.stopped) return;
    if (delayMs > 0) {
      if (this.timers.has(key) || this.queued.has(key)) return;
      const t = setTimeout(() => {
        this.timers.delete(key);
        this.add(key, item);
        this.settle();
      }, delayMs);
      t.unref?.();
      this.timers.set(key, t);
      return;
    }
    const t = this.timers.get(key);
    if (t) {
      clearTimeout(t);
      this.timers.delete(key);
    }
    this.queued.set(key, item);
    void this.pump();
  }

  private async pump(): Promise<void> {
    if (this.running) return;
    this.running = true;
    try {
      while (!this.stopped && this.queued.size > 0) {
        const [key, item] = this.queued.entries().next().value as [string, T];
        this.queued.delete(key);
        let retry: number | undefined;
        try {
          retry = (await this.handler(item)) ?? undefined;
        } catch (e) {
          retry = this.onError(e, item);
        }
        if (typeof retry === 'number' && !this.stopped) this.add(key, item, Math.max(1, retry));
      }
    } finally {
      this.running = false;
      this.settle();
    }
  }

  private settle(): void {
    if (this.running || this.queued.size > 0) return;
    const w = this.waiters;
    this.waiters = [];
    for (const r of w) r();
  }

  /** Resolves once nothing is queued or running. Scheduled retries do not count (they may never end). */
  idle(): Promise<void> {
    if (!this.running && this.queued.size === 0) return Promise.resolve();
    return new Promise((r) => this.waiters.push(r));
  }

  /** Work queued or running (delayed retries not counted). */
  get busy(): boolean {
    return this.running || this.queued.size > 0;
  }

  /** Whether a delayed retry is scheduled (tests poll this to wait for backoffs). */
  get scheduled(): number {
    return this.timers.size;
  }

  stop(): void {
    this.stopped = true;
    for (const t of this.timers.values()) clearTimeout(t);
    this.timers.clear();
    this.queued.clear();
    this.settle();
  }
}
