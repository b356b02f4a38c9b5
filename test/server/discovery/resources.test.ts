import { describe, expect, it } from 'vitest';
import { aggregatedVersionWanted } from '../../../src/server/discovery/handlers.js';
import { aggregatedResources, legacyResources, storageVersionHash } from '../../../src/server/discovery/resources.js';
import { configMaps, deployments } from '../http/support/fixtures.js';

describe('discovery entries', () => {
  it('computes kube storage version hashes', () => {
    // Values as a v1.35 kube-apiserver publishes them.
    expect(storageVersionHash('', 'v1', 'ConfigMap')).toBe('qFsyl6wFWjQ=');
    expect(storageVersionHash('apps', 'v1', 'Deployment')).toBe('8aSe+NMegvE=');
  });
  it('lists subresources after their resource, naming a foreign group version', () => {
    const list = legacyResources([deployments]);
    expect(list.map((r) => r.name)).toEqual(['deployments', 'deployments/scale', 'deployments/status']);
    expect(list[1]).toEqual({
      name: 'deployments/scale',
      singularName: '',
      namespaced: true,
      group: 'autoscaling',
      version: 'v1',
      kind: 'Scale',
      verbs: ['get', 'patch', 'update'],
    });
    expect(Object.keys(list[1] ?? {})).toEqual([
      'name',
      'singularName',
      'namespaced',
      'group',
      'version',
      'kind',
      'verbs',
    ]);
    expect(list[2]).toEqual({
      name: 'deployments/status',
      singularName: '',
      namespaced: true,
      kind: 'Deployment',
      verbs: ['get', 'patch', 'update'],
    });
    expect(list[0]?.categories).toEqual(['all']);
  });
  it('builds aggregated entries sorted by resource', () => {
    const agg = aggregatedResources([deployments, configMaps]);
    expect(agg.map((r) => r.resource)).toEqual(['configmaps', 'deployments']);
    expect(agg[1]).toMatchObject({
      responseKind: { group: 'apps', version: 'v1', kind: 'Deployment' },
      scope: 'Namespaced',
      singularResource: 'deployment',
      subresources: [
        {
          subresource: 'scale',
          responseKind: { group: 'autoscaling', version: 'v1', kind: 'Scale' },
          verbs: ['get', 'patch', 'update'],
        },
        {
          subresource: 'status',
          responseKind: { group: 'apps', version: 'v1', kind: 'Deployment' },
          verbs: ['get', 'patch', 'update'],
        },
      ],
    });
    expect(agg[0]).not.toHaveProperty('subresources');
  });
  it('picks aggregated discovery from Accept', () => {
    const kubectl =
      'application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList,application/json;g=apidiscovery.k8s.io;v=v2beta1;as=APIGroupDiscoveryList,application/json';
    expect(aggregatedVersionWanted(kubectl)).toBe('v2');
    expect(aggregatedVersionWanted('application/json;g=apidiscovery.k8s.io;v=v2beta1;as=APIGroupDiscoveryList')).toBe(
      'v2beta1',
    );
    expect(
      aggregatedVersionWanted('application/json;g=apidiscovery.k8s.io;v=v3;as=APIGroupDiscoveryList,application/json'),
    ).toBeUndefined();
    expect(aggregatedVersionWanted('application/json')).toBeUndefined();
    expect(aggregatedVersionWanted(undefined)).toBeUndefined();
  });
});
