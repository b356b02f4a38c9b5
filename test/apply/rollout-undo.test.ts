import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { typedOrder } from '../../src/apply/go-typed-order.js';
import type { HistoryEntry } from '../../src/apply/rollout-history.js';
import {
  deploymentRevision,
  findRevision,
  rollbackAnnotations,
  templatePatchText,
  templateWithoutHash,
} from '../../src/apply/rollout-undo.js';

const rec = (revision: number, name = `r${revision}`): HistoryEntry => ({ revision, record: { metadata: { name } } });
const nameOf = (o: unknown) => (o as { metadata: { name: string } }).metadata.name;

describe('deploymentRevision', () => {
  it('picks the second-highest revision for 0 and the first exact match otherwise', () => {
    const records = [rec(2), rec(5), rec(1), rec(4)];
    expect(nameOf(deploymentRevision(records, 0, 'web'))).toBe('r4');
    expect(nameOf(deploymentRevision(records, 1, 'web'))).toBe('r1');
    expect(nameOf(deploymentRevision([rec(3, 'first'), rec(3, 'second')], 3, 'web'))).toBe('first');
  });

  it('errors as kubectl', () => {
    expect(() => deploymentRevision([rec(1)], 0, 'web')).toThrow('no rollout history found for deployment "web"');
    expect(() => deploymentRevision([rec(1)], 7, 'web')).toThrow('unable to find specified revision 7 in history');
  });

  it('for 0 always returns a record whose revision is below the maximum (property)', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer({ min: 1, max: 50 }), { minLength: 2 }), (revs) => {
        const got = deploymentRevision(
          revs.map((r) => rec(r)),
          0,
          'w',
        );
        const sorted = [...revs].sort((a, b) => b - a);
        expect(nameOf(got)).toBe(`r${sorted[1]}`);
      }),
    );
  });
});

describe('findRevision', () => {
  it('sorts by revision for 0 and needs two records', () => {
    expect(nameOf(findRevision([rec(3), rec(1), rec(2)], 0))).toBe('r2');
    expect(findRevision([rec(3)], 0)).toBeUndefined();
    expect(findRevision([rec(3)], 4)).toBeUndefined();
    expect(nameOf(findRevision([rec(3)], 3))).toBe('r3');
  });
});

describe('deployment rollback pieces', () => {
  it('drops the hash label, and the labels map when it empties', () => {
    expect(templateWithoutHash({ metadata: { labels: { app: 'a', 'pod-template-hash': 'h' } } })).toEqual({
      metadata: { labels: { app: 'a' } },
    });
    expect(templateWithoutHash({ metadata: { labels: { 'pod-template-hash': 'h' } } })).toEqual({ metadata: {} });
  });

  it('keeps skip-listed annotations from the deployment and copies the rest from the ReplicaSet', () => {
    const deployment = {
      metadata: {
        annotations: {
          'deployment.kubernetes.io/revision': '4',
          mine: 'dropped',
          'kubectl.kubernetes.io/last-applied-configuration': 'd',
        },
      },
    };
    const rs = {
      metadata: {
        annotations: {
          'deployment.kubernetes.io/revision': '1',
          'kubernetes.io/change-cause': 'c',
          extra: 'x',
          'kubectl.kubernetes.io/last-applied-configuration': 'r',
        },
      },
    };
    expect(rollbackAnnotations(deployment, rs)).toEqual({
      'deployment.kubernetes.io/revision': '4',
      'kubectl.kubernetes.io/last-applied-configuration': 'd',
      'kubernetes.io/change-cause': 'c',
      extra: 'x',
    });
  });
});

describe('templatePatchText', () => {
  it('encodes the template patch as Go encodes a map', () => {
    const ds = {
      spec: {
        template: { spec: { containers: [{ name: 'c', image: 'a<b' }] }, metadata: { labels: { z: '1', a: '2' } } },
      },
    };
    expect(templatePatchText(ds)).toBe(
      '{"spec":{"template":{"$patch":"replace","metadata":{"labels":{"a":"2","z":"1"}},"spec":{"containers":[{"image":"a\\u003cb","name":"c"}]}}}}',
    );
  });
});

describe('typedOrder', () => {
  it('puts TypeMeta and struct fields in Go order and fills always-present status fields', () => {
    const out = typedOrder({
      apiVersion: 'apps/v1',
      kind: 'ReplicaSet',
      spec: { template: { spec: { containers: [{ image: 'i', name: 'c', zzz: 1 }] } }, replicas: 1 },
      metadata: { uid: 'u', name: 'n', annotations: { b: '1', a: '2' } },
    });
    expect(JSON.stringify(out)).toBe(
      '{"kind":"ReplicaSet","apiVersion":"apps/v1","metadata":{"name":"n","uid":"u","annotations":{"a":"2","b":"1"}},"spec":{"replicas":1,"template":{"spec":{"containers":[{"name":"c","image":"i","zzz":1}]}}},"status":{"replicas":0}}',
    );
  });

  it('keeps every field but empty strings, whose order alone changes (property)', () => {
    const key = fc.string({ maxLength: 4 }).map((k) => `x${k}`);
    fc.assert(
      fc.property(fc.dictionary(key, fc.jsonValue({ maxDepth: 2 })), (spec) => {
        const out = typedOrder({ kind: 'DaemonSet', apiVersion: 'apps/v1', spec });
        const kept = Object.fromEntries(Object.entries(spec).filter(([, v]) => v !== ''));
        // structuredClone: fast-check may build null-prototype objects, which toEqual tells apart.
        expect(structuredClone(out.spec)).toEqual(structuredClone(kept));
        expect(Object.keys(out)).toEqual(['kind', 'apiVersion', 'spec', 'status']);
      }),
    );
  });

  it('drops empty strings of struct fields but keeps them in maps', () => {
    const out = typedOrder({
      kind: 'Deployment',
      metadata: { name: 'd', labels: { empty: '' } },
      spec: { template: { spec: { priorityClassName: '', containers: [{ name: 'c', image: '' }] } } },
    }) as { metadata: { labels: object }; spec: { template: { spec: object } } };
    expect(out.metadata.labels).toEqual({ empty: '' });
    expect(out.spec.template.spec).toEqual({ containers: [{ name: 'c' }] });
  });
});
