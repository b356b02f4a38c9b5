import { describe, expect, it } from 'vitest';
import { ago, cells, create, headers, kindOf, update } from './strategy-harness.js';

const RES = 'resource.k8s.io';
const meta = (name: string) => ({ name, namespace: 'default', creationTimestamp: ago(45) });

describe('resource.k8s.io/v1', () => {
  it('defaults device requests and shows claim state', () => {
    const k = kindOf(RES, 'v1', 'resourceclaims');
    const { obj, errors } = create(k, {
      metadata: meta('gpu'),
      spec: { devices: { requests: [{ name: 'gpu', exactly: { deviceClassName: 'gpu.example.com' } }] } },
    });
    expect(errors).toEqual([]);
    expect((obj.spec as any).devices.requests[0].exactly).toEqual({
      deviceClassName: 'gpu.example.com',
      allocationMode: 'ExactCount',
      count: 1,
    });
    expect(headers(k)).toBe('NAME STATE AGE');
    expect(cells(k, obj)).toEqual(['gpu', 'pending', '45s']);
    expect(
      cells(k, { ...obj, status: { allocation: {}, reservedFor: [{ resource: 'pods', name: 'p', uid: 'u' }] } })[1],
    ).toBe('allocated,reserved');
    expect(update(k, { ...obj, spec: { devices: { requests: [] } } }, obj)).toEqual([
      'spec: Invalid value: {"devices":{"requests":[]}}: field is immutable',
    ]);
  });

  it('rejects a request with neither exactly nor firstAvailable', () => {
    expect(
      create(kindOf(RES, 'v1', 'resourceclaimtemplates'), {
        metadata: meta('t'),
        spec: { spec: { devices: { requests: [{ name: 'gpu' }] } } },
      }).errors,
    ).toEqual([
      'spec.spec.devices.requests[0]: Required value: exactly one of `exactly` or `firstAvailable` is required',
    ]);
  });

  it('resource slices and device classes', () => {
    const s = kindOf(RES, 'v1', 'resourceslices');
    const slice = {
      metadata: meta('node-1-gpu'),
      spec: {
        driver: 'gpu.example.com',
        nodeName: 'node-1',
        pool: { name: 'node-1', generation: 1, resourceSliceCount: 1 },
        devices: [{ name: 'gpu-0' }],
      },
    };
    expect(create(s, slice).errors).toEqual([]);
    expect(cells(s, slice)).toEqual(['node-1-gpu', 'node-1', 'gpu.example.com', 'node-1', '45s']);
    expect(create(s, { ...slice, spec: { ...slice.spec, allNodes: true } }).errors).toEqual([
      'spec: Required value: exactly one of `nodeName`, `nodeSelector`, `allNodes`, `perDeviceNodeSelection` is required',
    ]);
    const dc = kindOf(RES, 'v1', 'deviceclasses');
    expect(create(dc, { metadata: meta('gpu'), spec: { selectors: [{ cel: {} }] } }).errors).toEqual([
      'spec.selectors[0].cel.expression: Required value',
    ]);
  });
});
