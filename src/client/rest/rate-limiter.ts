/**
 * A token bucket like client-go's flowcontrol.NewTokenBucketRateLimiter: `burst` requests may
 * go at once, then `qps` per second. qps <= 0 disables limiting. Waiters are served in order.
 */
export class TokenBucket {
  private tokens: number;
  private last: number;
  private queue: Promise<void> = Promise.resolve();

  constructor(
    private readonly qps: number,
    private readonly burst: number,
    private readonly now: () => number = () => performance.now(),
    private readonly sleep: (ms: number) => Promise<void> = (ms) => new Promise((r) => setTimeout(r, ms)),
  ) {
    this.tokens = Math.max(1, burst);
    this.last = now();
  }

  /** Resolves when the caller may send one request; returns how long it waited (ms). */
  wait(): Promise<number> {
    if (this.qps <= 0) return Promise.resolve(0);
    const turn = this.queue.then(() => this.take());
    this.queue = turn.then(
      () => undefined,
      () => undefined,
    );
    return turn;
  }

  private async take(): Promise<number> {
    this.refill();
    if (this.tokens >= 1) {
      this.tokens -= 1;
      return 0;
    }
    const ms = ((1 - this.tokens) / this.qps) * 1000;
    await this.sleep(ms);
    this.refill();
    this.tokens = Math.max(0, this.tokens - 1);
    return ms;
  }

  private refill(): void {
    const t = this.now();
    this.tokens = Math.min(Math.max(1, this.burst), this.tokens + ((t - this.last) / 1000) * this.qps);
    this.last = t;
  }
}
