import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { IPAllocator } from '../../../src/server/allocators/ip-allocator.js';
import { PortAllocator } from '../../../src/server/allocators/port-allocator.js';
import { RangeAllocator } from '../../../src/server/allocators/range-allocator.js';

describe('RangeAllocator', () => {
  it('hands out every offset exactly once, dynamic band first', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 60 }),
        fc.integer({ min: 0, max: 20 }),
        fc.integer(),
        (size, band, seed) => {
          let s = seed;
          const r = new RangeAllocator(
            size,
            Math.min(band, size),
            (n) => Math.abs((s = (s * 1103515245 + 12345) | 0)) % n,
          );
          const got: number[] = [];
          for (let o = r.next(); o !== undefined; o = r.next()) {
            expect(r.allocate(o)).toBe(true);
            got.push(o);
          }
          expect(new Set(got).size).toBe(size);
          const firstStatic = got.findIndex((o) => o < Math.min(band, size));
          if (firstStatic >= 0) expect(got.slice(firstStatic).every((o) => o < Math.min(band, size))).toBe(true);
        },
      ),
    );
  });
});

describe('IPAllocator', () => {
  it('allocates inside 10.96.0.0/12, never the network or broadcast address', () => {
    const a = new IPAllocator('10.96.0.0/28');
    const ips = new Set<string>();
    for (let i = 0; i < 14; i++) ips.add(a.allocateNext());
    expect(ips.size).toBe(14);
    expect(ips.has('10.96.0.0')).toBe(false);
    expect(ips.has('10.96.0.15')).toBe(false);
    expect(() => a.allocateNext()).toThrow('range is full');
  });

  it('refuses taken and out-of-range IPs with kube texts, and reuses released ones', () => {
    const a = new IPAllocator();
    expect(a.firstAddress()).toBe('10.96.0.1');
    a.allocate('10.96.0.5');
    expect(() => a.allocate('10.96.0.5')).toThrow('provided IP is already allocated');
    expect(() => a.allocate('10.0.0.1')).toThrow(
      'the provided IP (10.0.0.1) is not in the valid range. The range of valid IPs is 10.96.0.0/12',
    );
    a.release('10.96.0.5');
    a.allocate('10.96.0.5');
    expect(a.used).toBe(1);
  });

  it('dry runs do not take addresses', () => {
    const a = new IPAllocator();
    a.allocate('10.96.0.9', true);
    a.allocateNext(true);
    expect(a.used).toBe(0);
  });
});

describe('PortAllocator', () => {
  it('allocates node ports in range and rejects duplicates and strays', () => {
    const p = new PortAllocator();
    const port = p.allocateNext();
    expect(port).toBeGreaterThanOrEqual(30000);
    expect(port).toBeLessThanOrEqual(32767);
    expect(() => p.allocate(port)).toThrow('provided port is already allocated');
    expect(() => p.allocate(80)).toThrow(
      'provided port is not in the valid range. The range of valid ports is 30000-32767',
    );
    p.release(port);
    p.allocate(port);
  });
});
