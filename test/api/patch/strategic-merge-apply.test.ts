import { describe, expect, it } from 'vitest';
import { PatchError } from '../../../src/api/patch/patch-error.js';
import { applyStrategicMergePatch } from '../../../src/api/patch/strategic-merge/merge.js';
import { NO_PATCH_META, patchMetaFromSchema } from '../../../src/api/patch/strategic-merge/patch-meta.js';
import { DEPLOYMENT, kubeDefinitions, POD } from './kube-schema-fixture.js';

const podMeta = patchMetaFromSchema(kubeDefinitions, POD);
const deployMeta = patchMetaFromSchema(kubeDefinitions, DEPLOYMENT);
const apply = (original: unknown, patch: unknown) => applyStrategicMergePatch(original, patch, podMeta);

function failure(original: unknown, patch: unknown, meta = podMeta): PatchError {
  try {
    applyStrategicMergePatch(original, patch, meta);
  } catch (e) {
    expect(e).toBeInstanceOf(PatchError);
    return e as PatchError;
  }
  throw new Error('expected the patch to fail');
}

const containers = (...list: unknown[]) => ({ spec: { containers: list } });

describe('applyStrategicMergePatch: maps', () => {
  it('merges maps recursively, null deletes, absent keys stay', () => {
    expect(
      apply(
        { metadata: { name: 'p', labels: { a: '1', b: '2' } }, spec: {} },
        { metadata: { labels: { a: null, c: '3' } }, kind: 'Pod' },
      ),
    ).toEqual({ metadata: { name: 'p', labels: { b: '2', c: '3' } }, spec: {}, kind: 'Pod' });
  });

  it('ignores a null for a field the original lacks', () => {
    expect(apply({ a: 1 }, { b: null, c: { d: null, e: 1 } })).toEqual({ a: 1, c: { e: 1 } });
  });

  it('replaces a value of another type whole', () => {
    expect(apply({ a: [1], b: 'x', c: { d: 1 } }, { a: { x: 1 }, b: [1], c: 'y' })).toEqual({
      a: { x: 1 },
      b: [1],
      c: 'y',
    });
  });

  it('$patch: delete empties a map, $patch: replace replaces it', () => {
    expect(
      apply({ metadata: { labels: { a: '1' }, name: 'x' } }, { metadata: { labels: { $patch: 'delete' } } }),
    ).toEqual({
      metadata: { labels: {}, name: 'x' },
    });
    expect(
      apply({ metadata: { labels: { a: '1' }, name: 'x' } }, { metadata: { labels: { b: '2', $patch: 'replace' } } }),
    ).toEqual({ metadata: { labels: { b: '2' }, name: 'x' } });
    expect(apply({ a: 1, b: 2 }, { $patch: 'replace', c: 3 })).toEqual({ c: 3 });
    expect(apply({ a: 1 }, { $patch: 'delete' })).toEqual({});
  });

  it('replaces maps whose field has the replace strategy', () => {
    expect(apply({ spec: { replacedMap: { a: '1' } } }, { spec: { replacedMap: { b: '2' } } })).toEqual({
      spec: { replacedMap: { b: '2' } },
    });
  });

  it('rejects an unknown $patch directive in a map (500, kube text)', () => {
    const err = failure({ metadata: { labels: { a: '1' } } }, { metadata: { labels: { $patch: 'merge', b: '2' } } });
    expect(err.message).toBe('unknown patch type: merge in map: map[$patch:merge b:2]');
    expect(err.code).toBe(500);
    expect(err.toStatusError().status).toMatchObject({ code: 500, reason: '', message: err.message });
  });

  it('changes nothing for a null patch and rejects non-object patches with 400', () => {
    expect(apply({ a: 1 }, null)).toEqual({ a: 1 });
    const err = failure({ a: 1 }, [1]);
    expect(err.code).toBe(400);
    expect(err.message).toBe('json: cannot unmarshal array into Go value of type map[string]interface {}');
    expect(failure({ a: 1 }, true).message).toBe(
      'json: cannot unmarshal bool into Go value of type map[string]interface {}',
    );
    expect(failure([1], {}).message).toBe('invalid JSON document');
  });

  it('never changes its arguments', () => {
    const original = containers({ name: 'a', image: 'x' });
    const patch = {
      spec: {
        containers: [
          { name: 'a', image: 'y' },
          { name: 'b', $patch: 'delete' },
        ],
      },
    };
    const before = JSON.stringify([original, patch]);
    apply(original, patch);
    expect(JSON.stringify([original, patch])).toBe(before);
  });

  it('keeps a __proto__ key as data and pollutes nothing', () => {
    const out = apply({ a: 1 }, JSON.parse('{"__proto__": {"polluted": true}, "metadata": {"__proto__": null}}'));
    expect(Object.hasOwn(out, '__proto__')).toBe(true);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getPrototypeOf(out)).toBe(Object.prototype);
  });
});

describe('applyStrategicMergePatch: merging lists of objects', () => {
  it('merges containers by name; server items before a known patch item stay in front', () => {
    const out = apply(
      containers({ name: 'a', image: 'x', args: ['1'] }, { name: 'b', image: 'y' }),
      containers({ name: 'b', image: 'y2' }, { name: 'c', image: 'z' }),
    );
    expect(out).toEqual(
      containers({ name: 'a', image: 'x', args: ['1'] }, { name: 'b', image: 'y2' }, { name: 'c', image: 'z' }),
    );
    // a patch list that starts with a new item puts it first
    expect(apply(containers({ name: 'a' }), containers({ name: 'n' }))).toEqual(
      containers({ name: 'n' }, { name: 'a' }),
    );
  });

  it('keeps the server order for items both sides know', () => {
    const out = apply(
      containers({ name: 'a' }, { name: 'b' }, { name: 'c' }),
      containers({ name: 'c', image: 'z' }, { name: 'a', image: 'x' }),
    );
    // patch items keep the patch order; server-only b goes before c, which follows it on the server
    expect(out).toEqual(containers({ name: 'b' }, { name: 'c', image: 'z' }, { name: 'a', image: 'x' }));
  });

  it('merges nested lists: ports by containerPort, env by name', () => {
    const out = apply(
      containers({
        name: 'a',
        ports: [{ containerPort: 80, protocol: 'TCP' }],
        env: [
          { name: 'A', value: '1' },
          { name: 'B', value: '2' },
        ],
      }),
      containers({
        name: 'a',
        ports: [{ containerPort: 80, name: 'http' }, { containerPort: 443 }],
        env: [{ name: 'B', value: '3' }],
      }),
    );
    expect(out).toEqual(
      containers({
        name: 'a',
        ports: [{ containerPort: 80, protocol: 'TCP', name: 'http' }, { containerPort: 443 }],
        env: [
          { name: 'A', value: '1' },
          { name: 'B', value: '3' },
        ],
      }),
    );
  });

  it('$patch: delete removes every item with the merge key value', () => {
    const out = apply(
      containers({ name: 'a' }, { name: 'b', image: 'x' }, { name: 'a' }, { name: 'c' }),
      containers({ name: 'a', $patch: 'delete' }, { name: 'zz', $patch: 'delete' }),
    );
    expect(out).toEqual(containers({ name: 'b', image: 'x' }, { name: 'c' }));
  });

  it('$patch: replace replaces the list with the other items', () => {
    expect(apply(containers({ name: 'a' }, { name: 'b' }), containers({ $patch: 'replace' }))).toEqual(containers());
    expect(
      apply(containers({ name: 'a' }, { name: 'b' }), containers({ name: 'c', image: 'z' }, { $patch: 'replace' })),
    ).toEqual(containers({ name: 'c', image: 'z' }));
  });

  it('rejects $patch: merge and unknown directives in list items', () => {
    expect(failure(containers({ name: 'a' }), containers({ $patch: 'merge' })).message).toBe(
      'merging lists cannot yet be specified in the patch',
    );
    expect(failure(containers({ name: 'a' }), containers({ name: 'a', $patch: 'bogus' })).message).toBe(
      'unknown patch type: bogus in map: map[$patch:bogus name:a]',
    );
  });

  it('fails when an item lacks the declared merge key (500, kube text)', () => {
    const err = failure(containers({ name: 'a' }), containers({ image: 'x' }));
    expect(err.message).toBe('map: map[image:x] does not contain declared merge key: name');
    expect(err.code).toBe(500);
    expect(failure(containers({ name: 'a' }), containers({ $patch: 'delete' })).message).toBe(
      'map: map[$patch:delete] does not contain declared merge key: name',
    );
  });

  it('fails on mixed element types and lists of lists', () => {
    expect(failure(containers({ name: 'a' }), containers('x')).message).toBe(
      'list element types are not identical: [[map[name:a]] [x]]',
    );
    // only a list whose first element is a list counts as a list of lists
    expect(failure(containers({ name: 'a' }), containers(['x'])).message).toBe(
      'list element types are not identical: [[map[name:a]] [[x]]]',
    );
    const err = failure({ metadata: { finalizers: [['x']] } }, { metadata: { finalizers: [['y']] } });
    expect(err.message).toBe('lists of lists are not supported');
    expect(err.code).toBe(422);
    expect(err.toStatusError().status.message).toBe('the server rejected our request due to an error in our request');
  });

  it('merges ownerReferences by uid', () => {
    const out = apply(
      { metadata: { ownerReferences: [{ uid: '1', name: 'rs' }] } },
      { metadata: { ownerReferences: [{ uid: '1', kind: 'ReplicaSet' }] } },
    );
    expect(out).toEqual({ metadata: { ownerReferences: [{ uid: '1', name: 'rs', kind: 'ReplicaSet' }] } });
  });

  it('appends new list items exactly as the patch has them (nulls and directives included), as kube does', () => {
    const added = { name: 'b', image: null, env: [{ name: 'X', $patch: 'delete' }], resources: { $patch: 'delete' } };
    expect(apply(containers({ name: 'a' }), containers(added))).toEqual(containers(added, { name: 'a' }));
  });

  it('takes a value for a missing or retyped field without nulls and without directive objects', () => {
    expect(apply({ metadata: {} }, { metadata: { annotations: { $patch: 'merge', b: '2' } } })).toEqual({
      metadata: {},
    });
    expect(apply({ metadata: {} }, { metadata: { annotations: { $patch: 'replace' } } })).toEqual({ metadata: {} });
    expect(apply({ a: 'x' }, { a: { b: null, c: { $patch: 'delete' }, d: [1, { $patch: 'x' }, null] } })).toEqual({
      a: { d: [1, null] },
    });
    // a deletion list for a field that is not a list changes nothing
    expect(
      apply({ metadata: { labels: { a: '1' } } }, { metadata: { '$deleteFromPrimitiveList/labels': ['a'] } }),
    ).toEqual({
      metadata: { labels: { a: '1' } },
    });
  });

  it('applies a deletion list even where the field declares no merge strategy', () => {
    expect(
      apply(
        containers({ name: 'a', args: ['1', '2'] }),
        containers({ name: 'a', '$deleteFromPrimitiveList/args': ['1'] }),
      ),
    ).toEqual(containers({ name: 'a', args: ['2'] }));
  });

  it('carries out directives inside a field the original lacks', () => {
    expect(apply({}, { spec: { containers: [{ name: 'a' }, { name: 'b', $patch: 'delete' }] } })).toEqual(
      containers({ name: 'a' }),
    );
    expect(apply({}, { metadata: { labels: { a: '1', b: null } } })).toEqual({ metadata: { labels: { a: '1' } } });
  });
});

describe('applyStrategicMergePatch: lists without merge strategy', () => {
  it('replaces lists whose field declares no strategy, or any list without metadata', () => {
    expect(apply({ spec: { tolerations: [{ key: 'a' }] } }, { spec: { tolerations: [{ key: 'b' }] } })).toEqual({
      spec: { tolerations: [{ key: 'b' }] },
    });
    expect(applyStrategicMergePatch(containers({ name: 'a' }), containers({ name: 'b' }), NO_PATCH_META)).toEqual(
      containers({ name: 'b' }),
    );
    expect(apply(containers({ name: 'a', args: ['1', '2'] }), containers({ name: 'a', args: ['3'] }))).toEqual(
      containers({ name: 'a', args: ['3'] }),
    );
  });
});

describe('applyStrategicMergePatch: lists of scalars (finalizers)', () => {
  const fin = (...f: string[]) => ({ metadata: { finalizers: f } });

  it('unions scalars without duplicates; new ones first unless ordered', () => {
    expect(apply(fin('a', 'b'), fin('b', 'c'))).toEqual(fin('a', 'b', 'c'));
    expect(apply(fin('a', 'b'), fin('b', 'a', 'a'))).toEqual(fin('b', 'a'));
    expect(apply(fin('a', 'b'), fin('c'))).toEqual(fin('c', 'a', 'b'));
  });

  it('$deleteFromPrimitiveList removes values', () => {
    expect(apply(fin('a', 'b', 'c'), { metadata: { '$deleteFromPrimitiveList/finalizers': ['b', 'x'] } })).toEqual(
      fin('a', 'c'),
    );
    // nothing to delete from when the list is absent
    expect(apply({ metadata: {} }, { metadata: { '$deleteFromPrimitiveList/finalizers': ['b'] } })).toEqual({
      metadata: {},
    });
  });

  it('$setElementOrder orders the union, server-only items by the server order', () => {
    expect(
      apply(fin('a', 'b', 'x'), {
        metadata: { '$setElementOrder/finalizers': ['a', 'b', 'c'], finalizers: ['c'] },
      }),
    ).toEqual(fin('a', 'b', 'c', 'x'));
    expect(
      apply(fin('a', 'b', 'c'), {
        metadata: {
          '$setElementOrder/finalizers': ['c', 'a'],
          '$deleteFromPrimitiveList/finalizers': ['b'],
        },
      }),
    ).toEqual(fin('c', 'a'));
  });

  it('rejects a $deleteFromPrimitiveList key without a field (400)', () => {
    const err = failure(fin('a'), { metadata: { $deleteFromPrimitiveList: ['a'] } });
    expect(err.message).toBe('invalid patch format of primitive list');
    expect(err.code).toBe(400);
  });
});

describe('applyStrategicMergePatch: $setElementOrder on lists of objects', () => {
  it('orders merged items by the directive and interleaves server-only items', () => {
    const out = apply(containers({ name: 'a' }, { name: 'x' }, { name: 'b' }), {
      spec: {
        '$setElementOrder/containers': [{ name: 'b' }, { name: 'c' }, { name: 'a' }],
        containers: [{ name: 'c', image: 'new' }],
      },
    });
    // x preceded b on the server, so it stays in front of b
    expect(out).toEqual(containers({ name: 'x' }, { name: 'b' }, { name: 'c', image: 'new' }, { name: 'a' }));
  });

  it('reorders without content changes, and orders a list the original lacks', () => {
    expect(
      apply(containers({ name: 'a' }, { name: 'b' }), {
        spec: { '$setElementOrder/containers': [{ name: 'b' }, { name: 'a' }] },
      }),
    ).toEqual(containers({ name: 'b' }, { name: 'a' }));
    expect(
      apply(
        { spec: {} },
        {
          spec: {
            '$setElementOrder/containers': [{ name: 'b' }, { name: 'a' }],
            containers: [{ name: 'b' }, { name: 'a' }],
          },
        },
      ),
    ).toEqual(containers({ name: 'b' }, { name: 'a' }));
  });

  it('skips directive items when checking the order, then carries them out', () => {
    expect(
      apply(containers({ name: 'a' }, { name: 'b' }), {
        spec: { '$setElementOrder/containers': [{ name: 'c' }], containers: [{ $patch: 'replace' }, { name: 'c' }] },
      }),
    ).toEqual(containers({ name: 'c' }));
  });

  it('orders as kube does when its in-place list edits show through (Go slice aliasing)', () => {
    // kube deletes b in place and appends a into the freed slot of the same array, so when it
    // orders by $setElementOrder it reads the server order as [c, a] and keeps c first.
    expect(
      apply(containers({ name: 'c' }, { name: 'b' }), {
        spec: {
          '$setElementOrder/containers': [{ name: 'a' }],
          containers: [
            { name: 'a', image: 'n' },
            { name: 'b', $patch: 'delete' },
          ],
        },
      }),
    ).toEqual(containers({ name: 'c' }, { name: 'a', image: 'n' }));
    // Deduplicating [x x y z] in the original's array (capacity 4) rewrites it to [x z y].
    expect(
      apply(
        { metadata: { finalizers: ['x', 'x', 'y'] } },
        { metadata: { finalizers: ['z'], '$setElementOrder/finalizers': ['z'] } },
      ),
    ).toEqual({ metadata: { finalizers: ['x', 'z', 'y'] } });
  });

  it('fails, as kube does, to order a list that is empty on both sides', () => {
    const err = failure({ spec: { containers: [] } }, { spec: { '$setElementOrder/containers': [] } });
    expect(err.message).toBe('no elements in any of the given slices');
    expect(err.code).toBe(500);
    expect(
      failure({ metadata: {} }, { metadata: { finalizers: [], '$setElementOrder/finalizers': ['a'] } }).message,
    ).toBe('no elements in any of the given slices');
  });

  it('rejects patch items missing from the order list', () => {
    const err = failure(containers({ name: 'a' }), {
      spec: { '$setElementOrder/containers': [{ name: 'a' }], containers: [{ name: 'b' }] },
    });
    expect(err.message).toBe(
      "The order in patch list:\n[map[name:b]]\n doesn't match $setElementOrder list:\n[map[name:a]]\n",
    );
  });

  it('rejects malformed directive values', () => {
    expect(failure(containers({ name: 'a' }), { spec: { '$setElementOrder/containers': 'a' } }).message).toBe(
      'expected a []interface {}, but received a string',
    );
    expect(
      failure({ spec: { containers: 'x' } }, { spec: { '$setElementOrder/containers': [{ name: 'a' }] } }).message,
    ).toBe('expected a []interface {}, but received a string');
    expect(failure(containers({ name: 'a' }), { spec: { $setElementOrder: [] } }).code).toBe(400);
  });
});

describe('applyStrategicMergePatch: retainKeys', () => {
  it('clears volume source fields not listed (merge,retainKeys on volumes)', () => {
    const out = apply(
      {
        spec: {
          volumes: [
            { name: 'v', hostPath: { path: '/a' } },
            { name: 'w', emptyDir: {} },
          ],
        },
      },
      { spec: { volumes: [{ name: 'v', emptyDir: { medium: 'Memory' }, $retainKeys: ['emptyDir', 'name'] }] } },
    );
    expect(out).toEqual({
      spec: {
        volumes: [
          { name: 'v', emptyDir: { medium: 'Memory' } },
          { name: 'w', emptyDir: {} },
        ],
      },
    });
  });

  it('clears the deployment strategy fields not listed', () => {
    const out = applyStrategicMergePatch(
      { spec: { strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: '25%' } }, replicas: 1 } },
      { spec: { strategy: { type: 'Recreate', $retainKeys: ['type'] } } },
      deployMeta,
    );
    expect(out).toEqual({ spec: { strategy: { type: 'Recreate' }, replicas: 1 } });
  });

  it('rejects a patch with fields not in $retainKeys, or a non-list (400)', () => {
    const err = failure({ spec: { strategy: {} } }, { spec: { strategy: { type: 'x', $retainKeys: [] } } }, deployMeta);
    expect(err.message).toBe('invalid patch format of retainKeys');
    expect(err.code).toBe(400);
    expect(failure({ a: {} }, { a: { $retainKeys: 'type' } }).message).toBe('invalid patch format of retainKeys');
  });
});

describe('patch strategy metadata errors', () => {
  it('rejects more than one strategy besides retainKeys', () => {
    const meta = patchMetaFromSchema(
      {
        Root: {
          type: 'object',
          properties: {
            l: { type: 'array', items: { type: 'string' }, 'x-kubernetes-patch-strategy': 'merge,replace' },
          },
        },
      },
      'Root',
    );
    expect(failure({ l: ['a'] }, { l: ['b'] }, meta).message).toBe('unexpected patch strategy: [merge replace]');
  });

  it('rejects merging objects without a merge key', () => {
    const meta = patchMetaFromSchema(
      {
        Root: {
          type: 'object',
          properties: {
            l: { type: 'array', items: { $ref: '#/definitions/Item' }, 'x-kubernetes-patch-strategy': 'merge' },
          },
        },
        Item: { type: 'object' },
      },
      'Root',
    );
    expect(failure({ l: [{ a: 1 }] }, { l: [{ a: 2 }] }, meta).message).toBe(
      'cannot merge lists without merge key for Item',
    );
  });
});
