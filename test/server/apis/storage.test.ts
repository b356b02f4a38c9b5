import { describe, expect, it } from 'vitest';
import { ago, cells, create, headers, kindOf, update } from './strategy-harness.js';

const ST = 'storage.k8s.io';
const meta = (name: string) => ({ name, creationTimestamp: ago(86400 * 3) });

describe('storage.k8s.io/v1', () => {
  it('storageclasses: defaults, immutable parameters, (default) marker', () => {
    const k = kindOf(ST, 'v1', 'storageclasses');
    const { obj, errors } = create(k, {
      metadata: { ...meta('fast'), annotations: { 'storageclass.kubernetes.io/is-default-class': 'true' } },
      provisioner: 'ebs.csi.aws.com',
      parameters: { type: 'gp3' },
    });
    expect(errors).toEqual([]);
    expect(obj.reclaimPolicy).toBe('Delete');
    expect(obj.volumeBindingMode).toBe('Immediate');
    expect(headers(k)).toBe('NAME PROVISIONER RECLAIMPOLICY VOLUMEBINDINGMODE ALLOWVOLUMEEXPANSION AGE');
    expect(cells(k, obj)).toEqual(['fast (default)', 'ebs.csi.aws.com', 'Delete', 'Immediate', false, '3d']);
    expect(update(k, { ...obj, parameters: { type: 'io2' } }, obj)).toEqual([
      'parameters: Forbidden: updates to parameters are forbidden.',
    ]);
    expect(create(k, { metadata: meta('x') }).errors).toEqual(['provisioner: Required value']);
  });

  it('csidrivers: kube defaults and table', () => {
    const k = kindOf(ST, 'v1', 'csidrivers');
    const { obj } = create(k, { metadata: meta('ebs.csi.aws.com'), spec: { tokenRequests: [{ audience: 'sts' }] } });
    expect(obj.spec).toMatchObject({
      attachRequired: true,
      podInfoOnMount: false,
      storageCapacity: false,
      fsGroupPolicy: 'ReadWriteOnceWithFSType',
      volumeLifecycleModes: ['Persistent'],
      requiresRepublish: false,
    });
    expect(cells(k, obj)).toEqual(['ebs.csi.aws.com', true, false, false, 'sts', false, 'Persistent', '3d']);
    expect(create(k, { metadata: meta('d'), spec: { fsGroupPolicy: 'Sometimes' } }).errors).toEqual([
      'spec.fsGroupPolicy: Unsupported value: "Sometimes": supported values: "File", "None", "ReadWriteOnceWithFSType"',
    ]);
  });

  it('csinodes, csistoragecapacities, volumeattachments, volumeattributesclasses', () => {
    const nodes = kindOf(ST, 'v1', 'csinodes');
    expect(create(nodes, { metadata: meta('n1'), spec: { drivers: [{ name: 'd' }] } }).errors).toEqual([
      'spec.drivers[0].nodeID: Required value',
    ]);
    expect(cells(nodes, { metadata: meta('n1'), spec: { drivers: [{ name: 'a', nodeID: 'i-1' }] } })).toEqual([
      'n1',
      1,
      '3d',
    ]);

    const cap = kindOf(ST, 'v1', 'csistoragecapacities');
    expect(create(cap, { metadata: { ...meta('c'), namespace: 'default' } }).errors).toEqual([
      'storageClassName: Required value',
    ]);
    expect(cells(cap, { metadata: meta('c'), storageClassName: 'fast', capacity: '100Gi' })).toEqual([
      'c',
      'fast',
      '100Gi',
    ]);
    expect(cells(cap, { metadata: meta('c'), storageClassName: 'fast' })[2]).toBe('<unset>');

    const va = kindOf(ST, 'v1', 'volumeattachments');
    const att = create(va, {
      metadata: meta('csi-1'),
      spec: { attacher: 'ebs.csi.aws.com', nodeName: 'n1', source: { persistentVolumeName: 'pv-1' } },
    });
    expect(att.errors).toEqual([]);
    expect(att.obj.status).toEqual({ attached: false });
    expect(cells(va, att.obj)).toEqual(['csi-1', 'ebs.csi.aws.com', 'pv-1', 'n1', false, '3d']);
    expect(create(va, { metadata: meta('x'), spec: { attacher: 'a', nodeName: 'n', source: {} } }).errors).toEqual([
      'spec.source: Required value: must specify exactly one of inlineVolumeSpec and persistentVolumeName',
    ]);

    const vac = kindOf(ST, 'v1', 'volumeattributesclasses');
    expect(create(vac, { metadata: meta('gold') }).errors).toEqual(['driverName: Required value']);
    expect(cells(vac, { metadata: meta('gold'), driverName: 'ebs.csi.aws.com' })).toEqual([
      'gold',
      'ebs.csi.aws.com',
      '3d',
    ]);
  });
});
