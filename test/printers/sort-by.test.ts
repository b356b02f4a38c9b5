import { describe, expect, it } from 'vitest';
import { parseQuantity, sortObjects } from '../../src/printers/sort-by.js';

const obj = (name: string, spec: Record<string, unknown>) => ({ metadata: { name }, spec });
const names = (xs: unknown[]) => xs.map((x) => (x as { metadata: { name: string } }).metadata.name);

describe('--sort-by (orders observed from kubectl 1.35)', () => {
  it('compares quantities when both parse, else bytes', () => {
    const items = [
      obj('a', { q: '2' }),
      obj('b', { q: '500m' }),
      obj('c', { q: '1Gi' }),
      obj('d', { q: '10' }),
      obj('e', { q: '9' }),
      obj('f', { q: 'B' }),
      obj('g', { q: 'a' }),
    ];
    expect(names(sortObjects(items, '.spec.q'))).toEqual(['b', 'a', 'e', 'd', 'c', 'f', 'g']);
  });

  it('puts null first and keeps equal keys in input order (short lists)', () => {
    const items = ['a', 'b', 'c', 'd', 'e', 'f', 'g'].map((n) => obj(n, { n: n === 'a' ? null : n.charCodeAt(0) % 3 }));
    expect(names(sortObjects(items, '{.spec.n}'))).toEqual(['a', 'c', 'f', 'd', 'g', 'b', 'e']);
  });

  it('objects without the field sort first; strings by bytes (web-10 before web-9)', () => {
    const items = [obj('web-9', { t: 'x' }), obj('web-10', { t: 'x' }), obj('none', {})];
    expect(names(sortObjects(items, 'metadata.name'))).toEqual(['none', 'web-10', 'web-9']);
    expect(names(sortObjects(items, '.spec.t'))[0]).toBe('none');
  });

  it("fails with kubectl's error when no object has the field", () => {
    expect(() => sortObjects([obj('a', {})], '.spec.nope')).toThrow(
      'couldn\'t find any field with path "{.spec.nope}" in the list of objects',
    );
  });

  it('parses resource quantities', () => {
    expect(parseQuantity('100m')).toBeCloseTo(0.1);
    expect(parseQuantity('1Ki')).toBe(1024);
    expect(parseQuantity('1e3')).toBe(1000);
    expect(parseQuantity('2E')).toBe(2e18);
    expect(parseQuantity('abc')).toBeUndefined();
    expect(parseQuantity('')).toBeUndefined();
  });
});
