import { existsSync, mkdtempSync, readFileSync, utimesSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DiscoveryClient } from '../../../src/client/discovery/client.js';
import { DISCOVERY_TTL_MS, DiscoveryDiskCache, discoveryCacheDir } from '../../../src/client/discovery/disk-cache.js';
import { RestClient } from '../../../src/client/rest/client.js';
import { testConfig } from '../support/config.js';
import { type FakeApiServer, startFakeApiServer } from '../support/fake-apiserver.js';

let server: FakeApiServer | undefined;
const clients: RestClient[] = [];
afterEach(async () => {
  for (const c of clients.splice(0)) c.close();
  await server?.close();
  server = undefined;
});

async function discovery(aggregated: boolean, cacheDir?: string, now?: () => number) {
  server ??= await startFakeApiServer({ aggregated });
  const rest = new RestClient(testConfig(server.url));
  clients.push(rest);
  const cache = cacheDir
    ? new DiscoveryDiskCache(discoveryCacheDir(cacheDir, server.url), DISCOVERY_TTL_MS, now)
    : null;
  return new DiscoveryClient(rest, { cache });
}

const summary = (s: Awaited<ReturnType<DiscoveryClient['snapshot']>>) => ({
  groups: s.groups.map((g) => `${g.name || 'core'}:${g.versions.map((v) => v.version).join(',')}`),
  lists: s.resources.map((l) => `${l.groupVersion}=${l.resources.map((r) => r.name).join(',')}`),
});

describe('discovery', () => {
  it('uses aggregated discovery: two requests with the apidiscovery Accept', async () => {
    const d = await discovery(true);
    const s = await d.snapshot();
    expect(server!.requests.map((r) => r.url)).toEqual(['/api?timeout=32s', '/apis?timeout=32s']);
    expect(server!.requests[0].headers.accept).toBe(
      'application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList,application/json;g=apidiscovery.k8s.io;v=v2beta1;as=APIGroupDiscoveryList,application/json',
    );
    expect(summary(s).groups).toEqual(['core:v1', 'apps:v1', 'batch:v1', 'events.k8s.io:v1', 'autoscaling:v2,v1']);
    expect(summary(s).lists[0]).toBe('v1=pods,pods/log,pods/status,services,configmaps,namespaces,events');
    const pods = s.resources[0].resources[0];
    expect(pods).toEqual({
      name: 'pods',
      singularName: 'pod',
      namespaced: true,
      kind: 'Pod',
      verbs: ['create', 'delete', 'get', 'list', 'patch', 'update', 'watch'],
      shortNames: ['po'],
      categories: ['all'],
    });
  });

  it('falls back to legacy discovery with the same result', async () => {
    const agg = summary(await (await discovery(true)).snapshot());
    await server!.close();
    server = undefined;
    const legacy = await discovery(false);
    const s = await legacy.snapshot();
    expect(summary(s)).toEqual(agg);
    expect(server!.requests.map((r) => r.url).sort()).toEqual(
      [
        '/api?timeout=32s',
        '/apis?timeout=32s',
        '/api/v1?timeout=32s',
        '/apis/apps/v1?timeout=32s',
        '/apis/batch/v1?timeout=32s',
        '/apis/events.k8s.io/v1?timeout=32s',
        '/apis/autoscaling/v2?timeout=32s',
        '/apis/autoscaling/v1?timeout=32s',
      ].sort(),
    );
  });

  it("caches on disk in kubectl's layout and honours the TTL", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kctl-cache-'));
    let now = Date.now();
    const first = await discovery(true, dir, () => now);
    await first.snapshot();
    expect(first.fromCache).toBe(false);
    const base = join(dir, 'discovery', `127.0.0.1_${server!.port}`);
    expect(existsSync(join(base, 'servergroups.json'))).toBe(true);
    expect(JSON.parse(readFileSync(join(base, 'v1', 'serverresources.json'), 'utf8')).groupVersion).toBe('v1');
    expect(existsSync(join(base, 'apps', 'v1', 'serverresources.json'))).toBe(true);
    const before = server!.requests.length;

    const second = await discovery(true, dir, () => now);
    expect(summary(await second.snapshot())).toEqual(summary(await first.snapshot()));
    expect(second.fromCache).toBe(true);
    expect(server!.requests.length).toBe(before);

    now += DISCOVERY_TTL_MS + 1000;
    const third = await discovery(true, dir, () => now);
    await third.snapshot();
    expect(third.fromCache).toBe(false);
    expect(server!.requests.length).toBe(before + 2);
  });

  it('invalidates the disk cache', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kctl-cache-'));
    const d = await discovery(true, dir);
    await d.snapshot();
    d.invalidate();
    expect(existsSync(join(dir, 'discovery', `127.0.0.1_${server!.port}`, 'servergroups.json'))).toBe(false);
    await d.snapshot();
    expect(server!.discoveryRequests()).toBe(4);
  });

  it('names the cache directory like kubectl', () => {
    expect(discoveryCacheDir('/c', 'https://127.0.0.1:6443')).toBe('/c/discovery/127.0.0.1_6443');
    expect(discoveryCacheDir('/c', 'https://my-host.example:443/prefix')).toBe(
      '/c/discovery/my_host.example_443/prefix',
    );
  });

  it('treats an unreadable cache entry as missing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kctl-cache-'));
    const d = await discovery(true, dir);
    await d.snapshot();
    const base = join(dir, 'discovery', `127.0.0.1_${server!.port}`);
    const old = new Date(Date.now() - DISCOVERY_TTL_MS - 60_000);
    utimesSync(join(base, 'apps', 'v1', 'serverresources.json'), old, old);
    expect(new DiscoveryDiskCache(base).read()).toBeUndefined();
  });
});
