import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { goSliceStable } from '../../../src/api/patch/strategic-merge/go-stable-sort.js';

describe('goSliceStable', () => {
  it('is a stable sort for a consistent order, across the block merges of long lists', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 9 }), { maxLength: 150, size: 'max' }), (keys) => {
        const items = keys.map((k, i) => ({ k, i }));
        const data = [...items];
        goSliceStable(data, (a, b) => (data[a] as { k: number }).k < (data[b] as { k: number }).k);
        expect(data).toEqual([...items].sort((x, y) => x.k - y.k || x.i - y.i));
      }),
      { numRuns: 100 },
    );
  });

  it('moves items the way Go does when the comparator calls everything less (kube relies on it)', () => {
    const data = ['a', 'b', 'c'];
    goSliceStable(data, () => true);
    expect(data).toEqual(['c', 'b', 'a']);
    const none = ['a', 'b', 'c'];
    goSliceStable(none, () => false);
    expect(none).toEqual(['a', 'b', 'c']);
  });
});
