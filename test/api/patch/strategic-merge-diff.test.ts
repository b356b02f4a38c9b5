import { describe, expect, it } from 'vitest';
import { PatchConflictError, PatchError } from '../../../src/api/patch/patch-error.js';
import { createTwoWayMergePatch } from '../../../src/api/patch/strategic-merge/diff.js';
import { applyStrategicMergePatch, mergeMap } from '../../../src/api/patch/strategic-merge/merge.js';
import { NO_PATCH_META, patchMetaFromSchema } from '../../../src/api/patch/strategic-merge/patch-meta.js';
import {
  createThreeWayMergePatch,
  mergingMapsHaveConflicts,
} from '../../../src/api/patch/strategic-merge/three-way.js';
import { DEPLOYMENT, kubeDefinitions, POD } from './kube-schema-fixture.js';

const podMeta = patchMetaFromSchema(kubeDefinitions, POD);
const deployMeta = patchMetaFromSchema(kubeDefinitions, DEPLOYMENT);
const twoWay = (o: unknown, m: unknown) => createTwoWayMergePatch(o, m, podMeta);
const containers = (...list: unknown[]) => ({ spec: { containers: list } });

describe('createTwoWayMergePatch', () => {
  it('sets changed and added fields, nulls removed ones, sorts keys', () => {
    const patch = twoWay(
      { metadata: { name: 'p', labels: { a: '1', b: '2' } }, kind: 'Pod' },
      { metadata: { name: 'p', labels: { a: '1', c: '3' } }, kind: 'Pod', apiVersion: 'v1' },
    );
    expect(patch).toEqual({ apiVersion: 'v1', metadata: { labels: { b: null, c: '3' } } });
    expect(JSON.stringify(patch)).toBe('{"apiVersion":"v1","metadata":{"labels":{"b":null,"c":"3"}}}');
  });

  it('is empty for equal documents and treats undefined as {}', () => {
    expect(twoWay(containers({ name: 'a' }), containers({ name: 'a' }))).toEqual({});
    expect(twoWay(undefined, { a: 1 })).toEqual({ a: 1 });
    expect(twoWay({ a: 1 }, undefined)).toEqual({ a: null });
  });

  it('replaces values whose type changed, and lists without merge strategy', () => {
    expect(twoWay({ a: [1], b: { c: 1 } }, { a: 'x', b: [1] })).toEqual({ a: 'x', b: [1] });
    expect(
      twoWay({ spec: { tolerations: [{ key: 'a' }] } }, { spec: { tolerations: [{ key: 'a' }, { key: 'b' }] } }),
    ).toEqual({
      spec: { tolerations: [{ key: 'a' }, { key: 'b' }] },
    });
    expect(createTwoWayMergePatch(containers({ name: 'a' }), containers({ name: 'b' }), NO_PATCH_META)).toEqual(
      containers({ name: 'b' }),
    );
  });

  it('sends only changed list items with their merge key, deletions and the order', () => {
    const patch = twoWay(
      containers({ name: 'a', image: 'x' }, { name: 'b', image: 'y' }, { name: 'c', image: 'z' }),
      containers({ name: 'c', image: 'z' }, { name: 'b', image: 'y2' }, { name: 'd', image: 'w' }),
    );
    expect(patch).toEqual({
      spec: {
        '$setElementOrder/containers': [{ name: 'c' }, { name: 'b' }, { name: 'd' }],
        containers: [
          { image: 'y2', name: 'b' },
          { image: 'w', name: 'd' },
          { $patch: 'delete', name: 'a' },
        ],
      },
    });
  });

  it('sends only the order when items were reordered', () => {
    expect(twoWay(containers({ name: 'a' }, { name: 'b' }), containers({ name: 'b' }, { name: 'a' }))).toEqual({
      spec: { '$setElementOrder/containers': [{ name: 'b' }, { name: 'a' }] },
    });
  });

  it('sends a new list whole, and deletes every item of an emptied one', () => {
    expect(twoWay({ spec: { containers: [] } }, containers({ name: 'a' }))).toEqual(containers({ name: 'a' }));
    expect(twoWay(containers({ name: 'a' }), { spec: { containers: [] } })).toEqual(
      containers({ $patch: 'delete', name: 'a' }),
    );
  });

  it('diffs nested merging lists inside an item (env by name, ports by containerPort)', () => {
    const patch = twoWay(
      containers({
        name: 'a',
        env: [{ name: 'A', value: '1' }],
        ports: [{ containerPort: 80 }, { containerPort: 81 }],
      }),
      containers({ name: 'a', env: [{ name: 'A', value: '2' }], ports: [{ containerPort: 80 }] }),
    );
    expect(patch).toEqual({
      spec: {
        '$setElementOrder/containers': [{ name: 'a' }],
        containers: [
          {
            '$setElementOrder/env': [{ name: 'A' }],
            '$setElementOrder/ports': [{ containerPort: 80 }],
            env: [{ name: 'A', value: '2' }],
            name: 'a',
            ports: [{ $patch: 'delete', containerPort: 81 }],
          },
        ],
      },
    });
  });

  it('uses $deleteFromPrimitiveList and $setElementOrder for merging scalar lists', () => {
    const fin = (...f: string[]) => ({ metadata: { finalizers: f } });
    expect(twoWay(fin('a', 'b', 'c'), fin('c', 'd', 'a'))).toEqual({
      metadata: {
        '$deleteFromPrimitiveList/finalizers': ['b'],
        '$setElementOrder/finalizers': ['c', 'd', 'a'],
        finalizers: ['d'],
      },
    });
    expect(twoWay(fin('a', 'b'), fin('b', 'a'))).toEqual({ metadata: { '$setElementOrder/finalizers': ['b', 'a'] } });
    expect(twoWay(fin('a', 'b'), fin('a', 'b'))).toEqual({});
    // kube quirk: the original is sorted in place before the order check, so an unsorted list
    // always carries its order, and a list reordered into sorted order carries none.
    expect(twoWay(fin('b', 'a'), fin('b', 'a'))).toEqual({ metadata: { '$setElementOrder/finalizers': ['b', 'a'] } });
    expect(twoWay(fin('b', 'a'), fin('a', 'b'))).toEqual({});
  });

  it('builds $retainKeys for retainKeys fields (deployment strategy, volumes)', () => {
    expect(
      createTwoWayMergePatch(
        { spec: { strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: '1' } } } },
        { spec: { strategy: { type: 'Recreate' } } },
        deployMeta,
      ),
    ).toEqual({ spec: { strategy: { $retainKeys: ['type'], rollingUpdate: null, type: 'Recreate' } } });
    expect(
      twoWay(
        { spec: { volumes: [{ name: 'v', hostPath: { path: '/a' } }] } },
        { spec: { volumes: [{ name: 'v', emptyDir: {} }] } },
      ),
    ).toEqual({
      spec: {
        '$setElementOrder/volumes': [{ name: 'v' }],
        volumes: [{ $retainKeys: ['emptyDir', 'name'], emptyDir: {}, hostPath: null, name: 'v' }],
      },
    });
  });

  it('sends a map with the replace strategy whole', () => {
    expect(twoWay({ spec: { replacedMap: { a: '1', b: '2' } } }, { spec: { replacedMap: { a: '1' } } })).toEqual({
      spec: { replacedMap: { a: '1' } },
    });
  });

  it('diffs $patch markers present on both sides', () => {
    expect(twoWay({ x: { $patch: 'replace' } }, { x: { $patch: 'delete' } })).toEqual({ x: { $patch: 'delete' } });
    expect(() => twoWay({ x: { $patch: 1 } }, { x: { $patch: 'delete' } })).toThrow(
      'invalid value for special key: $patch',
    );
  });

  it('fails on list items without merge key and on malformed documents', () => {
    expect(() => twoWay(containers({ name: 'a' }), containers({ image: 'x' }))).toThrow(
      'map: map[image:x] does not contain declared merge key: name',
    );
    expect(() => twoWay(containers({ name: 'a' }), containers('x'))).toThrow('list element types are not identical');
    // scalars in a list declared with a merge key are diffed as scalars, as kube does
    expect(twoWay(containers('a'), containers('x'))).toEqual({
      spec: { '$deleteFromPrimitiveList/containers': ['a'], '$setElementOrder/containers': ['x'], containers: ['x'] },
    });
    expect(() => twoWay([1], {})).toThrow(PatchError);
  });

  it('yields a patch that turns original into modified', () => {
    const original = containers({ name: 'a', image: 'x', env: [{ name: 'A', value: '1' }] }, { name: 'b' });
    const modified = containers({ name: 'b', image: 'n' }, { name: 'c' }, { name: 'a', image: 'x' });
    expect(applyStrategicMergePatch(original, twoWay(original, modified), podMeta)).toEqual(modified);
  });
});

describe('createThreeWayMergePatch', () => {
  const threeWay = (o: unknown, m: unknown, c: unknown, overwrite = true) =>
    createThreeWayMergePatch(o, m, c, podMeta, overwrite);

  it('adds what modified adds, keeps what only current has', () => {
    const patch = threeWay({ name: 1 }, { name: 1, value: 1 }, { name: 1, other: 'a' });
    expect(patch).toEqual({ value: 1 });
    expect(applyStrategicMergePatch({ name: 1, other: 'a' }, patch, podMeta)).toEqual({
      name: 1,
      other: 'a',
      value: 1,
    });
  });

  it('deletes what modified dropped from original; overwrites live changes of configured fields', () => {
    expect(threeWay({ name: 1 }, { value: 1 }, { name: 'a', other: 'a' })).toEqual({ name: null, value: 1 });
    expect(threeWay({ name: 1 }, { name: 1, value: 1 }, { name: 'a' })).toEqual({ name: 1, value: 1 });
  });

  it('is empty when nothing changed', () => {
    expect(threeWay({ a: 1 }, { a: 1 }, { a: 1, b: 2 })).toEqual({});
    expect(threeWay(undefined, undefined, undefined)).toEqual({});
  });

  it('merges list changes: sidecars added on the server survive, removed containers are deleted', () => {
    const original = containers({ name: 'a', image: 'x' }, { name: 'b', image: 'y' });
    const modified = containers({ name: 'a', image: 'x2' });
    const current = containers({ name: 'a', image: 'x' }, { name: 'b', image: 'y' }, { name: 'sidecar', image: 's' });
    const patch = threeWay(original, modified, current);
    expect(patch).toEqual({
      spec: {
        '$setElementOrder/containers': [{ name: 'a' }],
        containers: [
          { image: 'x2', name: 'a' },
          { $patch: 'delete', name: 'b' },
        ],
      },
    });
    expect(applyStrategicMergePatch(current, patch, podMeta)).toEqual(
      containers({ name: 'a', image: 'x2' }, { name: 'sidecar', image: 's' }),
    );
  });

  it('keeps deletions of scalar list items and merges retainKeys directives', () => {
    const original = {
      metadata: { finalizers: ['a', 'b'] },
      spec: { volumes: [{ name: 'v', hostPath: { path: '/' } }] },
    };
    const modified = { metadata: { finalizers: ['a'] }, spec: { volumes: [{ name: 'v', emptyDir: {} }] } };
    const current = {
      metadata: { finalizers: ['a', 'b', 'live'] },
      spec: { volumes: [{ name: 'v', hostPath: { path: '/' } }] },
    };
    const patch = threeWay(original, modified, current);
    expect(patch).toEqual({
      metadata: { '$deleteFromPrimitiveList/finalizers': ['b'], '$setElementOrder/finalizers': ['a'] },
      spec: {
        '$setElementOrder/volumes': [{ name: 'v' }],
        volumes: [{ $retainKeys: ['emptyDir', 'name'], emptyDir: {}, hostPath: null, name: 'v' }],
      },
    });
    expect(applyStrategicMergePatch(current, patch, podMeta)).toEqual({
      metadata: { finalizers: ['a', 'live'] },
      spec: { volumes: [{ name: 'v', emptyDir: {} }] },
    });
  });

  it('reports conflicts when overwrite is false, in kube words', () => {
    const run = () => threeWay({ name: 1 }, { name: 1, value: 1 }, { name: 'a' }, false);
    expect(run).toThrow(PatchConflictError);
    try {
      run();
    } catch (e) {
      expect((e as Error).message).toBe(
        'patch:\nname: 1\nvalue: 1\n\nconflicts with changes made from original to current:\nname: a\n\n',
      );
    }
    // no conflict when the live change is elsewhere
    expect(threeWay({ name: 1 }, { name: 1, value: 1 }, { name: 1, other: 2 }, false)).toEqual({ value: 1 });
  });
});

describe('mergingMapsHaveConflicts', () => {
  const conflict = (l: Record<string, unknown>, r: Record<string, unknown>) => mergingMapsHaveConflicts(l, r, podMeta);

  it('compares scalars, maps and directive markers', () => {
    expect(conflict({ a: 1 }, { a: 1 })).toBe(false);
    expect(conflict({ a: 1 }, { a: 2 })).toBe(true);
    expect(conflict({ a: 1 }, { b: 2 })).toBe(false);
    expect(conflict({ m: { x: 1 } }, { m: { y: 1 } })).toBe(false);
    expect(conflict({ m: { x: 1 } }, { m: 'z' })).toBe(true);
    expect(conflict({ m: { $patch: 'delete' } }, { m: { x: 1 } })).toBe(true);
    expect(conflict({ m: { $patch: 'delete' } }, { m: { $patch: 'replace' } })).toBe(true);
    expect(conflict({ m: { $patch: 'delete' } }, { m: { $patch: 'delete' } })).toBe(false);
    expect(conflict({ $retainKeys: ['a'] }, { $retainKeys: ['b'] })).toBe(false);
    expect(conflict({ spec: { replacedMap: { a: '1' } } }, { spec: { replacedMap: { a: '2' } } })).toBe(false);
  });

  it('compares merging lists by merge key, scalar merging lists never, other lists in order', () => {
    expect(conflict(containers({ name: 'a', image: 'x' }), containers({ name: 'a', image: 'y' }))).toBe(true);
    expect(conflict(containers({ name: 'a', image: 'x' }), containers({ name: 'b', image: 'y' }))).toBe(false);
    expect(conflict({ metadata: { finalizers: ['a'] } }, { metadata: { finalizers: ['b'] } })).toBe(false);
    expect(conflict({ spec: { tolerations: [{ key: 'a' }] } }, { spec: { tolerations: [{ key: 'b' }] } })).toBe(true);
    expect(conflict({ spec: { tolerations: [{ key: 'a' }] } }, { spec: { tolerations: [] } })).toBe(true);
    expect(conflict({ l: ['b', 'a', 'a'] }, { l: ['a', 'b', 'b'] })).toBe(false);
    expect(conflict({ l: [1] }, { l: { x: 1 } })).toBe(true);
  });

  it('fails on merging-list items without merge key', () => {
    expect(() => conflict(containers({ image: 'x' }), containers({ name: 'a' }))).toThrow(
      'cannot find merge key `name` in merging list element:map[image:x]',
    );
    expect(() => conflict(containers({ name: 'a' }), containers('x'))).toThrow('list element types are not identical');
  });
});

describe('mergeMap combining two patches (three-way internals)', () => {
  const combine = (a: Record<string, unknown>, b: Record<string, unknown>) =>
    mergeMap(structuredClone(a), structuredClone(b), podMeta, {
      mergeParallelList: false,
      ignoreUnmatchedNulls: false,
    });

  it('carries directives and nulls over instead of carrying them out', () => {
    expect(
      combine(
        { metadata: { '$deleteFromPrimitiveList/finalizers': ['a'], labels: { x: null } } },
        { metadata: { '$deleteFromPrimitiveList/finalizers': ['b'], labels: { y: null }, $retainKeys: ['labels'] } },
      ),
    ).toEqual({
      metadata: { '$deleteFromPrimitiveList/finalizers': ['b'], labels: { x: null, y: null }, $retainKeys: ['labels'] },
    });
  });

  it('requires both patches to agree on $retainKeys and $setElementOrder', () => {
    expect(() => combine({ $retainKeys: ['a'] }, { $retainKeys: ['b'] })).toThrow(
      '[a] and [b] are not deep equal: this may happen when calculating the 3-way diff patch',
    );
    expect(combine({ $retainKeys: ['a'] }, { $retainKeys: ['a'], a: 1 })).toEqual({ $retainKeys: ['a'], a: 1 });
    const err = (() => {
      try {
        combine({ '$setElementOrder/l': ['a'] }, { '$setElementOrder/l': ['b'] });
      } catch (e) {
        return e as PatchError;
      }
    })();
    expect(err?.message).toBe('invalid patch format of setElementOrder list');
    expect(err?.code).toBe(400);
  });
});
