import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from '../../../src/testing/index.js';
import { adminClient } from '../../testing/admin-client.js';

// The /kctl/faults admin endpoint, reached through the server's real filter chain.
describe('fault admin endpoint in the serve chain', () => {
  let server: TestServer;
  let http: ReturnType<typeof adminClient>;
  beforeAll(async () => {
    server = await startServer();
    http = adminClient(server);
  });
  afterAll(() => server?.stop());

  it('adds a rule over HTTP that then shapes matching requests', async () => {
    const added = await http.call('POST', '/kctl/faults', {
      verbs: ['list'],
      resources: ['secrets'],
      count: 1,
      action: { type: 'error', code: 503 },
    });
    expect(added.status).toBe(201);
    expect((await http.call('GET', '/kctl/faults')).json<{ rules: unknown[] }>().rules).toHaveLength(1);
    expect((await http.call('GET', '/api/v1/namespaces/default/secrets')).status).toBe(503);
    expect((await http.call('GET', '/api/v1/namespaces/default/secrets')).status).toBe(200);
    expect((await http.call('DELETE', '/kctl/faults')).status).toBeLessThan(300);
    expect((await http.call('GET', '/kctl/faults')).json<{ rules: unknown[] }>().rules).toHaveLength(0);
  });

  it('rejects a malformed rule with a 400 Status and keeps the rule list unchanged', async () => {
    const bad = await http.call('POST', '/kctl/faults', { action: { type: 'nonsense' } });
    expect(bad.status).toBe(400);
    expect(bad.json()).toMatchObject({ kind: 'Status', reason: 'BadRequest' });
    expect((await http.call('GET', '/kctl/faults')).json<{ rules: unknown[] }>().rules).toHaveLength(0);
  });

  it('starts a second server from a snapshot of the first', async () => {
    await http.call('POST', '/api/v1/namespaces/default/configmaps', {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'carried' },
      data: { k: 'v' },
    });
    const snap = server.snapshot();
    const second = await startServer({ snapshot: snap });
    try {
      const got = await adminClient(second).call('GET', '/api/v1/namespaces/default/configmaps/carried');
      expect(got.status).toBe(200);
      expect(got.json()).toMatchObject({ data: { k: 'v' } });
    } finally {
      await second.stop();
    }
  });
});
