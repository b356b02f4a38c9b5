import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { markShared, sharedDerived, stringifyShared } from '../../../src/server/storage/shared-json.js';

const deepFreeze = <T>(v: T): T => {
  if (typeof v === 'object' && v !== null) {
    Object.freeze(v);
    for (const x of Object.values(v)) deepFreeze(x);
  }
  return v;
};

/** A frozen copy must not freeze the caller's value (fast-check reuses generated values). */
function structuredCloneOr(v: unknown): unknown {
  try {
    return structuredClone(v);
  } catch {
    return null;
  }
}

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

  it('matches JSON.stringify on transient values of every shape around registered parts', () => {
    const odd = fc.anything({
      maxDepth: 3,
      withDate: true,
      withNullPrototype: true,
      withSparseArray: true,
      withBoxedValues: true,
      withMap: true,
      withSet: true,
      withObjectString: true,
    });
    fc.assert(
      fc.property(fc.array(odd, { maxLength: 5 }), fc.array(fc.boolean()), (values, marks) => {
        const parts = values.map((v, i) => {
          const o = deepFreeze({ v: structuredCloneOr(v), i });
          if (marks[i]) markShared(o);
          return o;
        });
        // Transient wrappers (not frozen) holding the registered parts and the odd values themselves.
        const value = {
          items: parts,
          extra: values,
          rows: parts.map((p, i) => ({ cells: [i, undefined], object: p })),
        };
        expect(stringifyShared(value, '\n').toString('utf8')).toBe(`${JSON.stringify(value)}\n`);
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

  it('builds a derived value once per registered source and key, and splices it', () => {
    const meta = deepFreeze({ name: 'd' });
    const build = () => ({ kind: 'PartialObjectMetadata', metadata: meta });
    expect(sharedDerived(meta, 'pom', build)).not.toBe(sharedDerived(meta, 'pom', build)); // not registered yet
    markShared(meta);
    const a = sharedDerived(meta, 'pom', build);
    expect(sharedDerived(meta, 'pom', build)).toBe(a);
    expect(sharedDerived(meta, 'other', build)).not.toBe(a);
    expect(Object.isFrozen(a)).toBe(true);
    const value = { rows: [{ cells: ['d'], object: a }] };
    expect(stringifyShared(value).toString('utf8')).toBe(JSON.stringify(value));
  });
});
