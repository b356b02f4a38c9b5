import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SortedKeys } from '../../../../src/server/storage/mvcc/sorted-keys.js';

describe('SortedKeys', () => {
  it('agrees with a sorted array under random adds/deletes, ranks and ranges', () => {
    const key = fc.stringMatching(/^[a-d]{0,4}$/);
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.boolean(), key), { maxLength: 3000 }), key, key, (ops, a, b) => {
        const s = new SortedKeys();
        const ref = new Set<string>();
        for (const [add, k] of ops) {
          expect(add ? s.add(k) : s.delete(k)).toBe(add ? !ref.has(k) : ref.has(k));
          if (add) ref.add(k);
          else ref.delete(k);
        }
        const sorted = [...ref].sort();
        expect(s.size).toBe(sorted.length);
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        const want = sorted.filter((k) => k >= lo && k < hi);
        expect([...s.iterate(lo, hi)]).toEqual(want);
        expect(s.countRange(lo, hi)).toBe(want.length);
        expect(s.rank(lo)).toBe(sorted.filter((k) => k < lo).length);
      }),
      { numRuns: 60 },
    );
  });

  it('splits blocks and stays ordered with many keys', () => {
    const s = new SortedKeys();
    const keys = Array.from({ length: 5000 }, (_, i) => `k${((i * 7919) % 5000).toString().padStart(5, '0')}`);
    for (const k of keys) s.add(k);
    expect([...s.iterate('', '\uffff')]).toEqual([...keys].sort());
    expect(SortedKeys.fromSorted([...keys].sort()).countRange('k01000', 'k02000')).toBe(1000);
  });
});
