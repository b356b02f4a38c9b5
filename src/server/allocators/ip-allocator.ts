/**
 * ClusterIP allocation from an IPv4 service CIDR (default 10.96.0.0/12). The network and
 * broadcast addresses are never handed out; the first usable address (10.96.0.1) is reserved
 * for the `kubernetes` Service by the caller. Error texts are kube's ipallocator errors.
 */
import { RangeAllocator, staticBandSize } from './range-allocator.js';

export const DEFAULT_SERVICE_CIDR = '10.96.0.0/12';

export class IPAllocationError extends Error {}

export function parseIPv4(ip: string): number | undefined {
  const parts = ip.split('.');
  if (parts.length !== 4) return undefined;
  let n = 0;
  for (const p of parts) {
    if (!/^\d{1,3}$/.test(p)) return undefined;
    const v = Number(p);
    if (v > 255) return undefined;
    n = n * 256 + v;
  }
  return n;
}

export const formatIPv4 = (n: number): string =>
  [(n >>> 24) & 255, (n >>> 16) & 255, (n >>> 8) & 255, n & 255].join('.');

export class IPAllocator {
  private readonly base: number;
  private readonly range: RangeAllocator;

  constructor(
    readonly cidr: string = DEFAULT_SERVICE_CIDR,
    random?: (n: number) => number,
  ) {
    const [ip, bitsText] = cidr.split('/');
    const addr = parseIPv4(ip ?? '');
    const bits = Number(bitsText);
    if (addr === undefined || !Number.isInteger(bits) || bits < 8 || bits > 30) {
      throw new Error(`invalid service CIDR ${cidr}`);
    }
    const total = 2 ** (32 - bits);
    this.base = addr - (addr % total) + 1; // first usable address
    const size = total - 2; // minus network and broadcast
    this.range = new RangeAllocator(size, staticBandSize(size, 16, 256), random);
  }

  private offsetOf(ip: string): number | undefined {
    const n = parseIPv4(ip);
    if (n === undefined) return undefined;
    const o = n - this.base;
    return o >= 0 && o < this.range.size ? o : undefined;
  }

  /** The first usable address (10.96.0.1 for 10.96.0.0/12): the `kubernetes` Service's. */
  firstAddress(): string {
    return formatIPv4(this.base);
  }

  /** Whether `ip` is inside the usable range. */
  contains(ip: string): boolean {
    return this.offsetOf(ip) !== undefined;
  }

  isAllocated(ip: string): boolean {
    const o = this.offsetOf(ip);
    return o !== undefined && this.range.has(o);
  }

  /** Takes a specific IP; throws with kube's texts when it is outside the range or taken. */
  allocate(ip: string, dryRun = false): void {
    const o = this.offsetOf(ip);
    if (o === undefined) {
      throw new IPAllocationError(
        `the provided IP (${ip}) is not in the valid range. The range of valid IPs is ${this.cidr}`,
      );
    }
    if (this.range.has(o)) throw new IPAllocationError('provided IP is already allocated');
    if (!dryRun) this.range.allocate(o);
  }

  /** The next free IP (taken unless dryRun). */
  allocateNext(dryRun = false): string {
    const o = this.range.next();
    if (o === undefined) throw new IPAllocationError('range is full');
    if (!dryRun) this.range.allocate(o);
    return formatIPv4(this.base + o);
  }

  release(ip: string): void {
    const o = this.offsetOf(ip);
    if (o !== undefined) this.range.release(o);
  }

  get used(): number {
    return this.range.used;
  }
}
