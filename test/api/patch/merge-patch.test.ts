import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  applyMergePatch,
  createMergePatch,
  createThreeWayMergePatch,
  mergePatchesConflict,
  toKubeYaml,
} from '../../../src/api/patch/merge-patch.js';
import { PatchError } from '../../../src/api/patch/patch-error.js';

describe('applyMergePatch', () => {
  // The examples of RFC 7386 appendix A.
  it.each([
    [{ a: 'b' }, { a: 'c' }, { a: 'c' }],
    [{ a: 'b' }, { b: 'c' }, { a: 'b', b: 'c' }],
    [{ a: 'b' }, { a: null }, {}],
    [{ a: 'b', b: 'c' }, { a: null }, { b: 'c' }],
    [{ a: ['b'] }, { a: 'c' }, { a: 'c' }],
    [{ a: 'c' }, { a: ['b'] }, { a: ['b'] }],
    [{ a: { b: 'c' } }, { a: { b: 'd', c: null } }, { a: { b: 'd' } }],
    [{ a: [{ b: 'c' }] }, { a: [1] }, { a: [1] }],
    [{ e: null }, { a: 1 }, { e: null, a: 1 }],
    [{}, { a: { bb: { ccc: null } } }, { a: { bb: {} } }],
  ])('%j + %j = %j', (doc, patch, result) => {
    expect(applyMergePatch(doc, patch)).toEqual(result);
  });

  it('drops nulls inside new values, also inside objects in arrays (evanphx)', () => {
    expect(applyMergePatch({ a: 1 }, { b: { c: null, d: 1 }, l: [{ x: null, y: 1 }, null] })).toEqual({
      a: 1,
      b: { d: 1 },
      l: [{ y: 1 }, null],
    });
    expect(applyMergePatch({ a: 'scalar' }, { a: { c: null } })).toEqual({ a: {} });
  });

  it('prunes nulls at any depth of a replaced list, as kubectl patch --type merge shows', () => {
    const pod = { spec: { containers: [{ name: 'a', image: 'x', args: ['1', '2'] }] } };
    const patch = {
      spec: { containers: [{ name: 'a', image: 'x', args: null, env: [{ name: 'E', value: null }] }] },
      metadata: { finalizers: ['x', null] },
    };
    expect(applyMergePatch(pod, patch)).toEqual({
      spec: { containers: [{ name: 'a', image: 'x', env: [{ name: 'E' }] }] },
      metadata: { finalizers: ['x', null] },
    });
  });

  it('replaces the document with an array patch, and a non-object document with the patch', () => {
    expect(applyMergePatch({ a: 1 }, [{ b: null }, 2])).toEqual([{}, 2]);
    expect(applyMergePatch([1], { a: 1, b: null })).toEqual({ a: 1 });
  });

  it('rejects null and scalar patches with 400 Invalid JSON Patch', () => {
    for (const patch of [null, 1, 'x', true]) {
      let err: unknown;
      try {
        applyMergePatch({}, patch);
      } catch (e) {
        err = e;
      }
      expect(err).toBeInstanceOf(PatchError);
      expect((err as PatchError).code).toBe(400);
      expect((err as PatchError).message).toBe('Invalid JSON Patch');
    }
  });

  it('does not change its arguments', () => {
    const doc = { a: { b: 1 } };
    const patch = { a: { c: 2 } };
    applyMergePatch(doc, patch);
    expect(doc).toEqual({ a: { b: 1 } });
    expect(patch).toEqual({ a: { c: 2 } });
  });
});

describe('createMergePatch', () => {
  it('lists changes, additions and removals; arrays whole; keys sorted', () => {
    const patch = createMergePatch(
      { z: 1, a: { b: 1, c: 2 }, l: [1, 2], same: { x: 1 } },
      { z: 2, a: { b: 1 }, l: [1, 3], n: 'new', same: { x: 1 } },
    );
    expect(patch).toEqual({ a: { c: null }, l: [1, 3], n: 'new', z: 2 });
    expect(Object.keys(patch)).toEqual(['a', 'l', 'n', 'z']);
  });

  it('treats undefined as empty and rejects non-objects', () => {
    expect(createMergePatch(undefined, { a: 1 })).toEqual({ a: 1 });
    expect(() => createMergePatch([], {})).toThrow(PatchError);
  });

  // JSON without nulls: merge patch cannot express a null value.
  const json = fc.letrec((tie) => ({
    value: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      fc.oneof(fc.string(), fc.integer(), fc.boolean()),
      fc.array(tie('value'), { maxLength: 3 }),
      tie('object'),
    ),
    object: fc.dictionary(fc.string({ maxLength: 4 }), tie('value'), { maxKeys: 4 }),
  })).object as fc.Arbitrary<Record<string, unknown>>;

  it('round-trips: apply(original, create(original, modified)) = modified', () => {
    fc.assert(
      fc.property(json, json, (original, modified) => {
        expect(applyMergePatch(original, createMergePatch(original, modified))).toEqual(modified);
      }),
      { numRuns: 150 },
    );
  });
});

describe('createThreeWayMergePatch (kubectl apply for custom resources)', () => {
  const original = { spec: { replicas: 1, image: 'a', removed: 'x', nested: { keep: 1, drop: 2 } } };
  const modified = { spec: { replicas: 2, image: 'a', nested: { keep: 1 }, added: true } };
  const current = {
    metadata: { uid: 'u1' },
    spec: { replicas: 1, image: 'a', removed: 'x', nested: { keep: 1, drop: 2 }, liveOnly: 'y' },
    status: { ok: true },
  };

  it('keeps additions/changes against current and deletions from original', () => {
    const patch = createThreeWayMergePatch(original, modified, current);
    expect(patch).toEqual({ spec: { added: true, nested: { drop: null }, removed: null, replicas: 2 } });
    expect(applyMergePatch(current, patch)).toEqual({
      metadata: { uid: 'u1' },
      spec: { replicas: 2, image: 'a', nested: { keep: 1 }, liveOnly: 'y', added: true },
      status: { ok: true },
    });
  });

  it('is empty when live already matches, and keeps explicitly empty maps', () => {
    expect(createThreeWayMergePatch(modified, modified, { ...modified, other: 1 })).toEqual({});
    expect(createThreeWayMergePatch({}, { a: {} }, {})).toEqual({ a: {} });
  });

  it('re-sets a field someone changed on the live object', () => {
    const patch = createThreeWayMergePatch({ a: 1 }, { a: 1 }, { a: 5 });
    expect(patch).toEqual({ a: 1 });
  });

  it('detects conflicting halves as kube does', () => {
    expect(mergePatchesConflict({ a: { b: 1 } }, { a: { c: null } })).toBe(false);
    expect(mergePatchesConflict({ a: 1 }, { a: null })).toBe(true);
    expect(mergePatchesConflict({ a: [1, 2] }, { a: [1] })).toBe(true);
    expect(mergePatchesConflict({ a: [1, 2] }, { a: [1, 2] })).toBe(false);
    expect(mergePatchesConflict({ a: [1] }, { a: 1 })).toBe(true);
    expect(mergePatchesConflict({ a: { b: 1 } }, { a: 1 })).toBe(true);
  });

  it('prints YAML as kube does: sorted keys, unindented lists', () => {
    expect(toKubeYaml({ b: [1, 2], a: { z: null } })).toBe('a:\n  z: null\nb:\n- 1\n- 2\n');
  });
});
