import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from '../../src/testing/index.js';
import { adminClient } from './admin-client.js';

const cm = (name: string, data: Record<string, string> = { a: '1' }) => ({
  apiVersion: 'v1',
  kind: 'ConfigMap',
  metadata: { name },
  data,
});

describe('startServer (kctl/testing)', () => {
  let server: TestServer;
  let http: ReturnType<typeof adminClient>;
  beforeAll(async () => {
    server = await startServer({
      seed: 'apiVersion: v1\nkind: Namespace\nmetadata: {name: shop}\n---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: base, namespace: shop}\ndata: {k: v}\n',
    });
    http = adminClient(server);
  });
  afterAll(() => server?.stop());

  it('serves requests with the admin kubeconfig and has the seed objects', async () => {
    expect(server.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
    expect(server.kubeconfig.clusters?.[0]).toMatchObject({ cluster: { server: server.url } });
    const r = await http.call('GET', '/api/v1/namespaces/shop/configmaps/base');
    expect(r.status).toBe(200);
    expect(r.json()).toMatchObject({ data: { k: 'v' } });
  });

  it('reset() deletes created objects, restores changed and deleted ones, keeps untouched RVs', async () => {
    const ns = await http.call('GET', '/api/v1/namespaces/default');
    const rvDefault = ns.json<{ metadata: { resourceVersion: string } }>().metadata.resourceVersion;
    expect((await http.call('POST', '/api/v1/namespaces/shop/configmaps', cm('extra'))).status).toBe(201);
    expect(
      (
        await http.call(
          'PATCH',
          '/api/v1/namespaces/shop/configmaps/base',
          { data: { k: 'changed' } },
          {
            'content-type': 'application/merge-patch+json',
          },
        )
      ).status,
    ).toBe(200);
    expect((await http.call('POST', '/api/v1/namespaces', { metadata: { name: 'tmp' } })).status).toBe(201);

    const result = await server.reset();
    expect(result.written).toBe(1);
    expect(result.deleted).toBeGreaterThanOrEqual(2);

    expect((await http.call('GET', '/api/v1/namespaces/shop/configmaps/extra')).status).toBe(404);
    expect((await http.call('GET', '/api/v1/namespaces/tmp')).status).toBe(404);
    const base = await http.call('GET', '/api/v1/namespaces/shop/configmaps/base');
    expect(base.json()).toMatchObject({ data: { k: 'v' } });
    const after = await http.call('GET', '/api/v1/namespaces/default');
    expect(after.json<{ metadata: { resourceVersion: string } }>().metadata.resourceVersion).toBe(rvDefault);

    // A second reset with nothing changed writes nothing.
    const again = await server.reset();
    expect(again.deleted + again.written).toBe(0);
  });

  it('snapshot() / restore() round-trip the content', async () => {
    await http.call('POST', '/api/v1/namespaces/shop/configmaps', cm('one', { x: '1' }));
    const snap = server.snapshot();
    await http.call('DELETE', '/api/v1/namespaces/shop/configmaps/one');
    await http.call('POST', '/api/v1/namespaces/shop/configmaps', cm('two'));
    await server.restore(snap);
    expect((await http.call('GET', '/api/v1/namespaces/shop/configmaps/one')).json()).toMatchObject({
      data: { x: '1' },
    });
    expect((await http.call('GET', '/api/v1/namespaces/shop/configmaps/two')).status).toBe(404);
    await server.reset();
  });

  it('open watches see the reset as DELETED events', async () => {
    await http.call('POST', '/api/v1/namespaces/shop/configmaps', cm('watched'));
    const list = await http.call('GET', '/api/v1/namespaces/shop/configmaps');
    const rv = list.json<{ metadata: { resourceVersion: string } }>().metadata.resourceVersion;
    const watch = http.call('GET', `/api/v1/namespaces/shop/configmaps?watch=1&resourceVersion=${rv}&timeoutSeconds=1`);
    await new Promise((r) => setTimeout(r, 100));
    await server.reset();
    const events = (await watch).body
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { type: string; object: { metadata: { name: string } } });
    expect(events.map((e) => `${e.type} ${e.object.metadata.name}`)).toContain('DELETED watched');
  });

  it('reset() releases the cluster IPs of services it deletes', async () => {
    const svc = (name: string, clusterIP?: string) => ({
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name },
      spec: { ports: [{ port: 80 }], ...(clusterIP ? { clusterIP } : {}) },
    });
    const first = await http.call('POST', '/api/v1/namespaces/shop/services', svc('a'));
    expect(first.status).toBe(201);
    const ip = first.json<{ spec: { clusterIP: string } }>().spec.clusterIP;
    const taken = await http.call('POST', '/api/v1/namespaces/shop/services', svc('b', ip));
    expect(taken.status).toBe(422);
    await server.reset();
    expect((await http.call('POST', '/api/v1/namespaces/shop/services', svc('b', ip))).status).toBe(201);
    await server.reset();
  });

  it('a seed with an unknown kind fails start with the object named', async () => {
    await expect(startServer({ seed: [{ apiVersion: 'v1', kind: 'Nope', metadata: { name: 'x' } }] })).rejects.toThrow(
      /seed object 0 \(Nope x\): no kind Nope/,
    );
  });
});
