import { describe, expect, it } from 'vitest';
import { applyJsonPatch, MAX_JSON_PATCH_OPERATIONS } from '../../../src/api/patch/json-patch.js';
import { GENERIC_INVALID_MESSAGE, PatchError } from '../../../src/api/patch/patch-error.js';

/** Runs the patch expecting a PatchError; returns it. */
function failure(doc: unknown, ops: unknown): PatchError {
  try {
    applyJsonPatch(doc, ops);
  } catch (e) {
    expect(e).toBeInstanceOf(PatchError);
    return e as PatchError;
  }
  throw new Error('expected the patch to fail');
}

const pod = () => ({
  metadata: { name: 'web', labels: { app: 'web' } },
  spec: {
    containers: [
      { name: 'a', image: 'nginx' },
      { name: 'b', image: 'redis' },
    ],
  },
});

describe('applyJsonPatch', () => {
  it('applies add, replace, remove, move, copy and test in order on a copy', () => {
    const doc = pod();
    const out = applyJsonPatch(doc, [
      { op: 'test', path: '/metadata/name', value: 'web' },
      { op: 'add', path: '/metadata/labels/tier', value: 'front' },
      { op: 'replace', path: '/spec/containers/0/image', value: 'nginx:1.27' },
      { op: 'remove', path: '/metadata/labels/app' },
      { op: 'copy', from: '/spec/containers/1', path: '/spec/containers/-' },
      { op: 'move', from: '/metadata/labels/tier', path: '/metadata/labels/role' },
    ]);
    expect(out).toEqual({
      metadata: { name: 'web', labels: { role: 'front' } },
      spec: {
        containers: [
          { name: 'a', image: 'nginx:1.27' },
          { name: 'b', image: 'redis' },
          { name: 'b', image: 'redis' },
        ],
      },
    });
    expect(doc).toEqual(pod());
  });

  it('inserts at an index and appends with -', () => {
    const out = applyJsonPatch({ l: [1, 2] }, [
      { op: 'add', path: '/l/0', value: 0 },
      { op: 'add', path: '/l/3', value: 3 },
      { op: 'add', path: '/l/-', value: 4 },
    ]);
    expect(out).toEqual({ l: [0, 1, 2, 3, 4] });
  });

  it('counts negative indices from the end, as kube (evanphx) does', () => {
    expect(applyJsonPatch({ l: [1, 2, 3] }, [{ op: 'remove', path: '/l/-1' }])).toEqual({ l: [1, 2] });
    expect(applyJsonPatch({ l: [1, 2, 3] }, [{ op: 'replace', path: '/l/-3', value: 9 }])).toEqual({ l: [9, 2, 3] });
    expect(applyJsonPatch({ l: [1, 2] }, [{ op: 'add', path: '/l/-1', value: 9 }])).toEqual({ l: [1, 2, 9] });
    expect(applyJsonPatch({ l: [1, 2] }, [{ op: 'test', path: '/l/-1', value: 2 }])).toEqual({ l: [1, 2] });
  });

  it('lets replace create a missing key of an object (kube quirk)', () => {
    expect(applyJsonPatch({ a: 1 }, [{ op: 'replace', path: '/b', value: 2 }])).toEqual({ a: 1, b: 2 });
  });

  it('ignores the first token of a path without a leading slash, as evanphx does', () => {
    expect(applyJsonPatch({ a: { b: 1 } }, [{ op: 'replace', path: 'x/a', value: 2 }])).toEqual({ a: 2 });
  });

  it('sets null when add has no value', () => {
    expect(applyJsonPatch({}, [{ op: 'add', path: '/a' }])).toEqual({ a: null });
  });

  it('replaces the whole document with an empty path', () => {
    expect(applyJsonPatch({ a: 1 }, [{ op: 'replace', path: '', value: { b: 2 } }])).toEqual({ b: 2 });
    expect(failure({ a: 1 }, [{ op: 'replace', path: '', value: 3 }]).message).toBe(
      'replace operation value must be object or array',
    );
  });

  it('passes test of a missing key against null, compares whole documents with an empty path', () => {
    expect(applyJsonPatch({ a: 1 }, [{ op: 'test', path: '/b', value: null }])).toEqual({ a: 1 });
    expect(applyJsonPatch({ a: 1 }, [{ op: 'test', path: '', value: { a: 1 } }])).toEqual({ a: 1 });
    expect(failure({ a: 1 }, [{ op: 'test', path: '', value: {} }]).message).toBe('testing value  failed: test failed');
    expect(failure({ a: 1 }, [{ op: 'test', path: '/b', value: 1 }]).message).toBe(
      'testing value /b failed: test failed',
    );
  });

  it('decodes escaped pointer tokens', () => {
    const out = applyJsonPatch({ metadata: { annotations: { 'a/b': 'x', 'c~d': 'y' } } }, [
      { op: 'remove', path: '/metadata/annotations/a~1b' },
      { op: 'replace', path: '/metadata/annotations/c~0d', value: 'z' },
    ]);
    expect(out).toEqual({ metadata: { annotations: { 'c~d': 'z' } } });
  });

  it('treats a null patch as empty', () => {
    expect(applyJsonPatch({ a: 1 }, null)).toEqual({ a: 1 });
  });

  it('answers a failed test with 422 and the generic kube message', () => {
    const err = failure(pod(), [{ op: 'test', path: '/metadata/name', value: 'api' }]);
    expect(err.message).toBe('testing value /metadata/name failed: test failed');
    expect(err.code).toBe(422);
    expect(err.reason).toBe('Invalid');
    expect(err.statusMessage).toBe(GENERIC_INVALID_MESSAGE);
    const status = err.toStatusError();
    expect(status.status).toMatchObject({
      code: 422,
      reason: 'Invalid',
      message: GENERIC_INVALID_MESSAGE,
      details: {},
    });
  });

  it.each([
    [
      [{ op: 'remove', path: '/nope/x' }],
      'remove operation does not apply: doc is missing path: "/nope/x": missing value',
    ],
    [
      [{ op: 'remove', path: '/a' }],
      "error in remove for path: '/a': Unable to remove nonexistent key: a: missing value",
    ],
    [
      [{ op: 'add', path: '/x/y', value: 1 }],
      'add operation does not apply: doc is missing path: "/x/y": missing value',
    ],
    [
      [{ op: 'add', path: '/l/5', value: 1 }],
      "error in add for path: '/l/5': Unable to access invalid index: 5: invalid index referenced",
    ],
    [
      [{ op: 'add', path: '/l/x', value: 1 }],
      "error in add for path: '/l/x': value was not a proper array index: 'x': strconv.Atoi: parsing \"x\": invalid syntax",
    ],
    [
      [{ op: 'remove', path: '/l/7' }],
      "error in remove for path: '/l/7': Unable to access invalid index: 7: invalid index referenced",
    ],
    [
      [{ op: 'replace', path: '/l/7', value: 1 }],
      'replace operation does not apply: doc is missing key: /l/7: missing value',
    ],
    [
      [{ op: 'replace', path: '/q/r', value: 1 }],
      'replace operation does not apply: doc is missing path: /q/r: missing value',
    ],
    [[{ op: 'test', path: '/q/r', value: 1 }], 'test operation does not apply: is missing path: /q/r: missing value'],
    [
      [{ op: 'test', path: '/l/9', value: 1 }],
      "error in test for path: '/l/9': Unable to access invalid index: 9: invalid index referenced",
    ],
    [
      [{ op: 'move', from: '/q/r', path: '/a' }],
      'move operation does not apply: doc is missing from path: /q/r: missing value',
    ],
    [
      [{ op: 'move', from: '/nope', path: '/a' }],
      "error in move for path: 'nope': Unable to remove nonexistent key: nope: missing value",
    ],
    [
      [{ op: 'copy', from: '/l/9', path: '/a' }],
      "error in copy for from: '/l/9': Unable to access invalid index: 9: invalid index referenced",
    ],
    [
      [{ op: 'copy', from: '/l/0', path: '/q/r' }],
      'copy operation does not apply: doc is missing destination path: /q/r: missing value',
    ],
    [[{ op: 'copy', path: '/a' }], 'copy operation failed to decode from: operation missing from field: missing value'],
    [[{ op: 'jump', path: '/a' }], 'Unexpected kind: jump'],
    [[{ path: '/a' }], 'Unexpected kind: unknown'],
    [[null], 'Unexpected kind: unknown'],
    [[{ op: 'add', value: 1 }], 'add operation failed to decode path: missing value'],
    [[{ op: 'test', value: 1 }], 'test operation failed to decode path: operation missing path field: missing value'],
    [[{ op: 'remove', path: '/l/x' }], 'error in remove for path: \'/l/x\': strconv.Atoi: parsing "x": invalid syntax'],
    [
      [{ op: 'remove', path: '/l/-5' }],
      "error in remove for path: '/l/-5': Unable to access invalid index: -5: invalid index referenced",
    ],
    [[{ op: 'remove', path: '' }], 'remove operation does not apply: doc is missing path: "": missing value'],
  ])('fails %j with 422 and evanphx text', (ops, message) => {
    const err = failure({ l: [1], m: 'x' }, ops);
    expect(err.message).toBe(message);
    expect(err.code).toBe(422);
  });

  it('stops at the first failing operation and leaves the input alone', () => {
    const doc = { a: 1 };
    failure(doc, [
      { op: 'add', path: '/b', value: 2 },
      { op: 'test', path: '/a', value: 2 },
    ]);
    expect(doc).toEqual({ a: 1 });
  });

  it('refuses prototype pollution through fast-json-patch', () => {
    const err = failure({}, [{ op: 'add', path: '/__proto__/polluted', value: 1 }]);
    expect(err.code).toBe(422);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('refuses writes below an own __proto__ key (fast-json-patch guard) with 422', () => {
    const err = failure(JSON.parse('{"__proto__": {}}'), [{ op: 'add', path: '/__proto__/polluted', value: 1 }]);
    expect(err.code).toBe(422);
    expect(err.message).toMatch(/banned for security reasons/);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it.each([
    [{ op: 'add' }, 'json: cannot unmarshal object into Go value of type jsonpatch.Patch'],
    ['x', 'json: cannot unmarshal string into Go value of type jsonpatch.Patch'],
    [['add'], 'json: cannot unmarshal string into Go value of type jsonpatch.Operation'],
    [[1], 'json: cannot unmarshal number into Go value of type jsonpatch.Operation'],
    [[[]], 'json: cannot unmarshal array into Go value of type jsonpatch.Operation'],
    [[true], 'json: cannot unmarshal bool into Go value of type jsonpatch.Operation'],
  ])('rejects malformed patch document %j with 400', (ops, message) => {
    const err = failure({}, ops);
    expect(err.message).toBe(message);
    expect(err.code).toBe(400);
    expect(err.toStatusError().status).toMatchObject({ code: 400, reason: 'BadRequest', message });
  });

  it('rejects more than 10000 operations with 413', () => {
    const ops = Array.from({ length: MAX_JSON_PATCH_OPERATIONS + 1 }, () => ({ op: 'test', path: '/a', value: 1 }));
    const err = failure({ a: 1 }, ops);
    expect(err.code).toBe(413);
    expect(err.statusMessage).toBe(
      'Request entity too large: The allowed maximum operations in a JSON patch is 10000, got 10001',
    );
    expect(applyJsonPatch({ a: 1 }, ops.slice(1))).toEqual({ a: 1 });
  });
});
