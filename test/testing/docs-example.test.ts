// The Vitest example of docs/testing.md, importing the sources instead of the built `kctl/testing`.
import { CoreV1Api, KubeConfig } from '@kubernetes/client-node';
import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import { startServer, type TestServer } from '../../src/testing/index.js';

let server: TestServer;
let core: CoreV1Api;

beforeAll(async () => {
  server = await startServer({ seed: 'apiVersion: v1\nkind: Namespace\nmetadata: {name: shop}\n' });
  const kc = new KubeConfig();
  kc.loadFromFile(server.kubeconfigPath);
  core = kc.makeApiClient(CoreV1Api);
});
afterAll(() => server.stop());
beforeEach(() => server.reset());

it('creates a config map', async () => {
  await core.createNamespacedConfigMap({
    namespace: 'shop',
    body: { metadata: { name: 'settings' }, data: { a: '1' } },
  });
  const list = await core.listNamespacedConfigMap({ namespace: 'shop' });
  expect(list.items.map((c) => c.metadata?.name)).toContain('settings');
});

it('starts from the seeded state again', async () => {
  const list = await core.listNamespacedConfigMap({ namespace: 'shop' });
  expect(list.items.map((c) => c.metadata?.name)).not.toContain('settings');
});

it('survives a throttled list', async () => {
  server.faults.add({ verbs: ['list'], count: 1, action: { type: 'error', code: 429, retryAfterSeconds: 1 } });
  await expect(core.listNamespacedConfigMap({ namespace: 'shop' })).rejects.toMatchObject({ code: 429 });
});
