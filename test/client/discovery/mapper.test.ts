import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { splitAggregated } from '../../../src/client/discovery/aggregated.js';
import { DiscoveryClient } from '../../../src/client/discovery/client.js';
import { DiscoveryDiskCache, discoveryCacheDir } from '../../../src/client/discovery/disk-cache.js';
import { DeferredRestMapper, NoMatchError, RestMapper, resourcePath } from '../../../src/client/mapper.js';
import { RestClient } from '../../../src/client/rest/client.js';
import { testConfig } from '../support/config.js';
import { aggregatedDoc, CATALOG, startFakeApiServer } from '../support/fake-apiserver.js';

const snapshot = () => {
  const core = splitAggregated(aggregatedDoc(CATALOG, true) as never);
  const rest = splitAggregated(aggregatedDoc(CATALOG, false) as never);
  return { groups: [...core.groups, ...rest.groups], resources: [...core.resources, ...rest.resources], failed: [] };
};
const gvr = (m: { resource: { group: string; version: string; resource: string } }) =>
  `${m.resource.group || 'core'}/${m.resource.version}/${m.resource.resource}`;

describe('RestMapper', () => {
  const mapper = new RestMapper(snapshot());

  it.each([
    ['pods', 'core/v1/pods'],
    ['pod', 'core/v1/pods'],
    ['po', 'core/v1/pods'],
    ['Pod', 'core/v1/pods'],
    ['PODS', 'core/v1/pods'],
    ['deployments.apps', 'apps/v1/deployments'],
    ['deployments.v1.apps', 'apps/v1/deployments'],
    ['deploy.apps', 'apps/v1/deployments'],
    ['deploy', 'apps/v1/deployments'],
    ['Deployment.apps', 'apps/v1/deployments'],
    ['Deployment.v1.apps', 'apps/v1/deployments'],
    ['events', 'core/v1/events'],
    ['events.events.k8s.io', 'events.k8s.io/v1/events'],
    ['ev', 'core/v1/events'],
    ['hpa', 'autoscaling/v2/horizontalpodautoscalers'],
    ['horizontalpodautoscalers.v1.autoscaling', 'autoscaling/v1/horizontalpodautoscalers'],
    ['ns', 'core/v1/namespaces'],
  ])('resolves %s', (arg, want) => {
    expect(gvr(mapper.mappingFor(arg))).toBe(want);
  });

  it("fails with kubectl's text", () => {
    expect(() => mapper.mappingFor('foo')).toThrow('the server doesn\'t have a resource type "foo"');
    expect(() => mapper.mappingFor('foo.bar')).toThrow('the server doesn\'t have a resource type "foo"');
    expect(() => mapper.mappingFor('pods.apps')).toThrow(NoMatchError);
    expect(() => mapper.mappingFor('deployments.v9.apps')).toThrow(NoMatchError);
    expect(() => mapper.mappingFor('pods/log')).toThrow(NoMatchError);
  });

  it('expands categories in discovery order at preferred versions', () => {
    expect(mapper.expandCategory('all')?.map(gvr)).toEqual([
      'core/v1/pods',
      'core/v1/services',
      'apps/v1/deployments',
      'batch/v1/jobs',
      'autoscaling/v2/horizontalpodautoscalers',
    ]);
    expect(mapper.expandCategory('nothing')).toBeUndefined();
  });

  it('maps kinds and builds paths', () => {
    const d = mapper.mappingForKind('apps', 'v1', 'Deployment')!;
    expect(d.namespaced).toBe(true);
    expect(resourcePath(d, 'shop', 'web')).toBe('/apis/apps/v1/namespaces/shop/deployments/web');
    expect(resourcePath(d, '')).toBe('/apis/apps/v1/deployments');
    expect(resourcePath(mapper.mappingFor('ns'), 'ignored', 'kube-system')).toBe('/api/v1/namespaces/kube-system');
    expect(mapper.mappingForKind('apps', 'v2', 'Deployment')).toBeUndefined();
  });
});

describe('DeferredRestMapper', () => {
  let close: (() => Promise<void>) | undefined;
  afterEach(async () => close?.());

  it('re-discovers once when a type is unknown and discovery came from the disk cache', async () => {
    const catalog = CATALOG.filter((t) => t.resource !== 'jobs');
    const server = await startFakeApiServer({ catalog });
    const rest = new RestClient(testConfig(server.url));
    close = async () => {
      rest.close();
      await server.close();
    };
    const dir = mkdtempSync(join(tmpdir(), 'kctl-cache-'));
    const cache = () => new DiscoveryDiskCache(discoveryCacheDir(dir, server.url));
    await new DiscoveryClient(rest, { cache: cache() }).snapshot();
    expect(server.discoveryRequests()).toBe(2);

    // The "CRD" appears on the server after the cache was written.
    server.catalog.push(CATALOG.find((t) => t.resource === 'jobs')!);
    const mapper = new DeferredRestMapper(new DiscoveryClient(rest, { cache: cache() }));
    expect(gvr(await mapper.mappingFor('pods'))).toBe('core/v1/pods');
    expect(server.discoveryRequests()).toBe(2);
    expect(gvr(await mapper.mappingFor('jobs'))).toBe('batch/v1/jobs');
    expect(server.discoveryRequests()).toBe(4);
    await expect(mapper.mappingFor('foo')).rejects.toThrow('the server doesn\'t have a resource type "foo"');
    expect(server.discoveryRequests()).toBe(4);
  });
});
