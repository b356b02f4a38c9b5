/**
 * NodePort allocation from a port range (default 30000-32767), with kube's portallocator texts.
 */
import { RangeAllocator, staticBandSize } from './range-allocator.js';

export const DEFAULT_NODE_PORT_RANGE = '30000-32767';

export class PortAllocationError extends Error {}

export class PortAllocator {
  readonly base: number;
  private readonly range: RangeAllocator;

  constructor(
    readonly portRange: string = DEFAULT_NODE_PORT_RANGE,
    random?: (n: number) => number,
  ) {
    const m = /^(\d+)-(\d+)$/.exec(portRange);
    const lo = Number(m?.[1]);
    const hi = Number(m?.[2]);
    if (!m || lo < 1 || hi > 65535 || lo > hi) throw new Error(`invalid node port range ${portRange}`);
    this.base = lo;
    const size = hi - lo + 1;
    this.range = new RangeAllocator(size, staticBandSize(size, 16, 128), random);
  }

  allocate(port: number, dryRun = false): void {
    const o = port - this.base;
    if (!Number.isInteger(port) || o < 0 || o >= this.range.size) {
      throw new PortAllocationError(
        `provided port is not in the valid range. The range of valid ports is ${this.portRange}`,
      );
    }
    if (this.range.has(o)) throw new PortAllocationError('provided port is already allocated');
    if (!dryRun) this.range.allocate(o);
  }

  allocateNext(dryRun = false): number {
    const o = this.range.next();
    if (o === undefined) throw new PortAllocationError('range is full');
    if (!dryRun) this.range.allocate(o);
    return this.base + o;
  }

  release(port: number): void {
    const o = port - this.base;
    if (o >= 0 && o < this.range.size) this.range.release(o);
  }

  isAllocated(port: number): boolean {
    const o = port - this.base;
    return o >= 0 && o < this.range.size && this.range.has(o);
  }
}
