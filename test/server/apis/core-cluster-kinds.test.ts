import { describe, expect, it } from 'vitest';
import { ago, cells, create, headers, kindOf, update } from './strategy-harness.js';

const meta = (name: string) => ({ name, namespace: 'default', creationTimestamp: ago(600) });
const template = { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'web', image: 'nginx:1.27' }] } };

describe('core/v1 persistent volumes and claims', () => {
  it('defaults a PV (Retain, Filesystem, phase Pending) and prints its row', () => {
    const k = kindOf('', 'v1', 'persistentvolumes');
    const { obj, errors } = create(k, {
      metadata: { name: 'pv-1', creationTimestamp: ago(600) },
      spec: {
        capacity: { storage: '10Gi' },
        accessModes: ['ReadWriteMany', 'ReadWriteOnce'],
        hostPath: { path: '/data' },
        storageClassName: 'manual',
        claimRef: { namespace: 'default', name: 'data' },
      },
    });
    expect(errors).toEqual([]);
    expect(obj.spec).toMatchObject({ persistentVolumeReclaimPolicy: 'Retain', volumeMode: 'Filesystem' });
    expect((obj.status as any).phase).toBe('Pending');
    expect(headers(k, true)).toBe(
      'NAME CAPACITY ACCESS MODES RECLAIM POLICY STATUS CLAIM STORAGECLASS VOLUMEATTRIBUTESCLASS REASON AGE VOLUMEMODE',
    );
    expect(cells(k, obj)).toEqual([
      'pv-1',
      '10Gi',
      'RWO,RWX',
      'Retain',
      'Pending',
      'default/data',
      'manual',
      '<unset>',
      '',
      '10m',
      'Filesystem',
    ]);
  });

  it('rejects a PV without capacity or source', () => {
    const k = kindOf('', 'v1', 'persistentvolumes');
    expect(create(k, { metadata: { name: 'p' }, spec: { accessModes: ['ReadWriteOnce'] } }).errors).toEqual([
      'spec.capacity: Required value',
      'spec: Required value: must specify a volume type',
    ]);
  });

  it('claims: required storage request, bound-claim table', () => {
    const k = kindOf('', 'v1', 'persistentvolumeclaims');
    expect(create(k, { metadata: meta('data'), spec: { accessModes: ['ReadWriteOnce'] } }).errors).toEqual([
      'spec.resources[storage]: Required value',
    ]);
    const { obj, errors } = create(k, {
      metadata: meta('data'),
      spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } }, storageClassName: 'fast' },
    });
    expect(errors).toEqual([]);
    expect(cells(k, obj)).toEqual(['data', 'Pending', '', '', '', 'fast', '<unset>', '10m', 'Filesystem']);
    const bound = {
      ...obj,
      spec: { ...(obj.spec as object), volumeName: 'pv-1' },
      status: { phase: 'Bound', accessModes: ['ReadWriteOnce'], capacity: { storage: '1Gi' } },
    };
    expect(cells(k, bound).slice(0, 5)).toEqual(['data', 'Bound', 'pv-1', '1Gi', 'RWO']);
  });
});

describe('core/v1 quotas, limit ranges, replication controllers, pod templates', () => {
  it('quota table splits requests and limits', () => {
    const k = kindOf('', 'v1', 'resourcequotas');
    expect(headers(k)).toBe('NAME REQUEST LIMIT AGE');
    const q = {
      metadata: meta('compute'),
      spec: { hard: { pods: '10', 'requests.cpu': '4', 'limits.memory': '8Gi' } },
      status: {
        hard: { pods: '10', 'requests.cpu': '4', 'limits.memory': '8Gi' },
        used: { pods: '2', 'requests.cpu': '500m' },
      },
    };
    expect(cells(k, q)).toEqual(['compute', 'pods: 2/10, requests.cpu: 500m/4', 'limits.memory: 0/8Gi', '10m']);
    expect(create(k, { metadata: meta('q'), spec: { hard: { pods: '-1' } } }).errors).toEqual([
      'spec.hard[pods]: Invalid value: "-1": must be greater than or equal to 0',
    ]);
  });

  it('limit ranges use the default table and check min <= max', () => {
    const k = kindOf('', 'v1', 'limitranges');
    expect(headers(k)).toBe('NAME CREATED AT');
    expect(
      create(k, {
        metadata: meta('l'),
        spec: { limits: [{ type: 'Container', min: { cpu: '2' }, max: { cpu: '1' } }] },
      }).errors,
    ).toEqual(['spec.limits[0].min[cpu]: Invalid value: "2": min value 2 is greater than max value 1']);
  });

  it('replication controllers take selector and labels from the template', () => {
    const k = kindOf('', 'v1', 'replicationcontrollers');
    const { obj, errors } = create(k, { metadata: meta('web'), spec: { template } });
    expect(errors).toEqual([]);
    expect(obj.spec).toMatchObject({ replicas: 1, selector: { app: 'web' } });
    expect(obj.metadata?.labels).toEqual({ app: 'web' });
    expect(obj.status).toEqual({ replicas: 0 });
    expect(headers(k, true)).toBe('NAME DESIRED CURRENT READY AGE CONTAINERS IMAGES SELECTOR');
    expect(cells(k, obj)).toEqual(['web', 1, 0, 0, '10m', 'web', 'nginx:1.27', 'app=web']);
    expect(create(k, { metadata: meta('x'), spec: { selector: { app: 'other' }, template } }).errors).toEqual([
      'spec.template.metadata.labels: Invalid value: map[string]string{"app":"web"}: `selector` does not match template `labels`',
    ]);
    expect(k.subresources?.scale?.specReplicasPath).toBe('.spec.replicas');
  });

  it('pod templates, component statuses and bindings', () => {
    const pt = kindOf('', 'v1', 'podtemplates');
    expect(cells(pt, { metadata: meta('t'), template })).toEqual(['t', 'web', 'nginx:1.27', 'app=web']);
    expect(create(pt, { metadata: meta('t') }).errors).toEqual(['template: Required value']);
    const cs = kindOf('', 'v1', 'componentstatuses');
    expect(cs.verbs).toEqual(['get', 'list']);
    expect(
      cells(cs, { metadata: { name: 'etcd-0' }, conditions: [{ type: 'Healthy', status: 'True', message: 'ok' }] }),
    ).toEqual(['etcd-0', 'Healthy', 'ok', '']);
    const b = kindOf('', 'v1', 'bindings');
    expect(b.verbs).toEqual(['create']);
    expect(create(b, { metadata: meta('p'), target: { kind: 'Pod', name: '' } }).errors).toEqual([
      'target.kind: Unsupported value: "Pod": supported values: "Node", "<empty>"',
      'target.name: Required value',
    ]);
  });
});

describe('apps/v1 controllerrevisions', () => {
  it('requires data, freezes it, and names the controller', () => {
    const k = kindOf('apps', 'v1', 'controllerrevisions');
    expect(create(k, { metadata: meta('web-1'), revision: 1 }).errors).toEqual([
      'data: Required value: data is mandatory',
    ]);
    const cr = {
      metadata: {
        ...meta('web-7d9f'),
        ownerReferences: [{ apiVersion: 'apps/v1', kind: 'StatefulSet', name: 'web', uid: 'u', controller: true }],
      },
      data: { spec: {} },
      revision: 2,
    };
    expect(cells(k, cr)).toEqual(['web-7d9f', 'statefulset.apps/web', 2, '10m']);
    expect(update(k, { ...cr, data: { spec: { x: 1 } } }, cr)).toEqual([
      'data: Invalid value: {"spec":{"x":1}}: field is immutable',
    ]);
  });
});
