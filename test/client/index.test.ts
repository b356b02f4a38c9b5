import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createClientContext } from '../../src/client/index.js';
import { type FakeApiServer, startFakeApiServer } from './support/fake-apiserver.js';

let server: FakeApiServer | undefined;
afterEach(async () => server?.close());

describe('createClientContext', () => {
  it('is lazy: nothing is read until used', () => {
    const ctx = createClientContext({ kubeconfig: '/nonexistent/config' });
    expect(() => ctx.config).toThrow('stat /nonexistent/config: no such file or directory');
  });

  it('wires flags -> config -> rest -> discovery -> mapper, with the disk cache under --cache-dir', async () => {
    server = await startFakeApiServer();
    const dir = mkdtempSync(join(tmpdir(), 'kctl-ctx-'));
    const kc = join(dir, 'config');
    writeFileSync(
      kc,
      `apiVersion: v1\nkind: Config\ncurrent-context: c\nclusters: [{name: k, cluster: {server: "${server.url}"}}]\ncontexts: [{name: c, context: {cluster: k, user: u, namespace: shop}}]\nusers: [{name: u, user: {token: t}}]\n`,
    );
    const ctx = createClientContext({ kubeconfig: kc, 'cache-dir': join(dir, 'cache'), v: 0 });
    expect(ctx.namespace).toBe('shop');
    expect(ctx.explicitNamespace).toBe(false);
    const m = await ctx.mapper.mappingFor('deploy');
    expect(m.resource).toEqual({ group: 'apps', version: 'v1', resource: 'deployments' });
    expect(server.requests[0].headers.authorization).toBe('Bearer t');
    ctx.close();

    const again = createClientContext({ kubeconfig: kc, 'cache-dir': join(dir, 'cache'), namespace: 'x' });
    expect(again.namespace).toBe('x');
    expect(again.explicitNamespace).toBe(true);
    await again.mapper.mappingFor('po');
    expect(again.discovery.fromCache).toBe(true);
    expect(server.discoveryRequests()).toBe(2);
    again.close();
  });
});
