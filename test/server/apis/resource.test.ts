import { describe, expect, it } from 'vitest';
import { fieldErrorString } from '../../../src/api/status.js';
import { builtinCatalog } from '../../../src/server/apis/catalog.js';
import type { KindDefinition, KubeObject, StrategyContext } from '../../../src/server/apis/types.js';

const catalog = builtinCatalog();
const ctx: StrategyContext = {
  namespace: 'default',
  dryRun: false,
  user: { name: 'kubernetes-admin', groups: ['system:masters', 'system:authenticated'] },
};
const now = new Date('2026-03-01T12:00:00Z');
const ago = (seconds: number) => new Date(now.getTime() - seconds * 1000).toISOString().replace(/\.\d+Z$/, 'Z');

function kindOf(group: string, version: string, resource: string): KindDefinition {
  const k = catalog.byResource(group, version, resource);
  if (!k) throw new Error(`${group}/${version}/${resource} is not in the catalog`);
  return k;
}

/** Defaults, prepareForCreate and validation, as the registry runs them on create. */
function create(k: KindDefinition, input: KubeObject): { obj: KubeObject; errors: string[] } {
  const obj = structuredClone(input);
  k.strategy.defaults?.(obj);
  k.strategy.prepareForCreate?.(obj, ctx);
  return { obj, errors: (k.strategy.validate?.(obj, ctx) ?? []).map(fieldErrorString) };
}

/** The update path: defaults, prepareForUpdate, validate and validateUpdate. */
function update(k: KindDefinition, input: KubeObject, old: KubeObject): string[] {
  const obj = structuredClone(input);
  k.strategy.defaults?.(obj);
  k.strategy.prepareForUpdate?.(obj, old, ctx);
  return [...(k.strategy.validate?.(obj, ctx) ?? []), ...(k.strategy.validateUpdate?.(obj, old, ctx) ?? [])].map(
    fieldErrorString,
  );
}

/** Column headers as kubectl prints them (`wide` includes priority-1 columns). */
function headers(k: KindDefinition, wide = false): string {
  const cols = k.table?.columns ?? [
    { name: 'Name', priority: 0 },
    { name: 'Created At', priority: 0 },
  ];
  return cols
    .filter((c) => wide || c.priority === 0)
    .map((c) => c.name.toUpperCase())
    .join(' ');
}

/** The table cells of an object (after create defaults), every column. */
function cells(k: KindDefinition, obj: KubeObject): unknown[] {
  if (!k.table) throw new Error(`${k.resource} has the default table`);
  const row = k.table.cells(obj, now);
  expect(row.length).toBe(k.table.columns.length);
  return row;
}

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
