import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { markShared, stringifyShared } from '../../../src/server/storage/shared-json.js';

const deepFreeze = <T>(v: T): T => {
  if (typeof v === 'object' && v !== null) {
    Object.freeze(v);
    for (const x of Object.values(v)) deepFreeze(x);
  }
  return v;
};

describe('stringifyShared', () => {
  it('is byte-identical to JSON.stringify, with and without registered parts', () => {
    fc.assert(
      fc.property(fc.array(fc.jsonValue({ maxDepth: 4 }), { maxLength: 6 }), fc.array(fc.boolean()), (items, marks) => {
        const wrapped = items.map((v, i) => {
          const o = deepFreeze({ item: v, meta: { i, note: '\u0000 not a placeholder' } });
          if (marks[i]) markShared(o);
          if (marks[i + 1]) markShared(o.meta);
          return o;
        });
        const value = { kind: 'List', items: wrapped, rows: wrapped.map((w) => ({ object: w.meta })) };
        expect(stringifyShared(value).toString('utf8')).toBe(JSON.stringify(value));
        // Twice: the second run reuses the cached texts.
        expect(stringifyShared(value).toString('utf8')).toBe(JSON.stringify(value));
      }),
    );
  });

  it('caches each registered object once', () => {
    const meta = deepFreeze({ name: 'a', labels: { x: '1' } });
    markShared(meta);
    const a = stringifyShared({ rows: [{ object: meta }, { object: meta }] }, '\n').toString('utf8');
    expect(a).toBe(
      '{"rows":[{"object":{"name":"a","labels":{"x":"1"}}},{"object":{"name":"a","labels":{"x":"1"}}}]}\n',
    );
    expect(stringifyShared(meta).toString('utf8')).toBe('{"name":"a","labels":{"x":"1"}}');
  });
});
