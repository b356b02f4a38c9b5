import { describe, expect, it } from 'vitest';
import { builtinCatalog } from '../../../src/server/apis/catalog.js';
import type { StrategyContext } from '../../../src/server/apis/types.js';
import { create, headers, kindOf } from './strategy-harness.js';

const catalog = builtinCatalog();
const _ctx: StrategyContext = {
  namespace: 'default',
  dryRun: false,
  user: { name: 'kubernetes-admin', groups: ['system:masters', 'system:authenticated'] },
};

const crd = (extra: Record<string, unknown> = {}) => ({
  metadata: { name: 'widgets.example.com' },
  spec: {
    group: 'example.com',
    scope: 'Namespaced',
    names: { plural: 'widgets', kind: 'Widget' },
    versions: [
      {
        name: 'v1',
        served: true,
        storage: true,
        schema: {
          openAPIV3Schema: {
            type: 'object',
            properties: {
              spec: {
                type: 'object',
                properties: {
                  size: { type: 'integer', minimum: 1 },
                  tags: { type: 'array', items: { type: 'string' } },
                },
                'x-kubernetes-validations': [{ rule: 'self.size < 10' }],
              },
            },
          },
        },
      },
    ],
    ...extra,
  },
});

describe('apiextensions.k8s.io/v1 customresourcedefinitions', () => {
  const k = kindOf('apiextensions.k8s.io', 'v1', 'customresourcedefinitions');

  it('has discovery data as kube', () => {
    expect(k.shortNames).toEqual(['crd', 'crds']);
    expect(k.categories).toEqual(['api-extensions']);
    expect(headers(k)).toBe('NAME CREATED AT');
  });

  it('defaults names and conversion and records the storage version', () => {
    const { obj, errors } = create(k, crd());
    expect(errors).toEqual([]);
    expect((obj.spec as any).names).toEqual({
      plural: 'widgets',
      kind: 'Widget',
      singular: 'widget',
      listKind: 'WidgetList',
    });
    expect((obj.spec as any).conversion).toEqual({ strategy: 'None' });
    expect(obj.status).toEqual({ acceptedNames: { kind: '', plural: '' }, storedVersions: ['v1'] });
  });

  it('describes the recursive schema language without dangling references', () => {
    const props = catalog.definitions['io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.v1.JSONSchemaProps'];
    const nested = props?.properties?.properties?.additionalProperties;
    expect(typeof nested === 'object' ? nested.$ref : undefined).toMatch(/JSONSchemaProps$/);
    expect(props?.properties?.['x-kubernetes-validations']?.['x-kubernetes-list-map-keys']).toEqual(['rule']);
  });

  it('rejects a mismatched name, a dotless group and a missing schema', () => {
    const bad = crd({ group: 'example' });
    (bad.spec.versions[0] as Record<string, unknown>).schema = undefined;
    expect(create(k, bad).errors).toEqual([
      'metadata.name: Invalid value: "widgets.example.com": must be spec.names.plural+"."+spec.group',
      'spec.group: Invalid value: "example": should be a domain with at least one dot',
      'spec.versions[0].schema.openAPIV3Schema: Required value: schemas are required',
    ]);
    const two = crd();
    two.spec.versions.push({ ...two.spec.versions[0]!, name: 'v2' });
    expect(create(k, two).errors).toEqual([
      'spec.versions: Invalid value: 2: must have exactly one version marked as storage version',
    ]);
  });
});
