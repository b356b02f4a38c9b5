/**
 * A real registry over the real (in-memory or temp-dir) storage and the real built-in catalog,
 * for registry and controller tests.
 */
import { builtinCatalog } from '../../../src/server/apis/catalog.js';
import type { KubeObject } from '../../../src/server/apis/types.js';
import {
  type CreateRegistryOptions,
  createRegistry,
  type ServerRegistry,
} from '../../../src/server/registry/registry.js';
import type { RequestContext, WriteOptions } from '../../../src/server/registry/types.js';
import { openStorage } from '../../../src/server/storage/index.js';

export interface Fixture {
  registry: ServerRegistry;
  close(): Promise<void>;
}

export async function openRegistry(opts: Partial<CreateRegistryOptions> & { dataDir?: string } = {}): Promise<Fixture> {
  const opened = await openStorage({ dataDir: opts.dataDir, compactionIntervalMs: 0 });
  const registry = createRegistry({
    catalog: builtinCatalog(),
    storage: opened.storage,
    kv: opened.kv,
    controllers: { caPem: 'CA-PEM', namespaceRetryMs: 10 },
    ...opts,
  });
  await registry.start();
  await registry.idle();
  return {
    registry,
    async close() {
      await registry.stop();
      await opened.close();
    },
  };
}

export const ctx = (namespace = 'default'): RequestContext => ({
  namespace,
  user: { name: 'admin', groups: ['system:masters'] },
  warnings: [],
});

export const write = (over: Partial<WriteOptions> = {}): WriteOptions => ({
  dryRun: false,
  fieldValidation: 'Strict',
  fieldManager: 'kubectl-create',
  ...over,
});

export const configMap = (
  name: string,
  data: Record<string, string> = {},
  extra: Partial<KubeObject['metadata']> = {},
): KubeObject => ({
  apiVersion: 'v1',
  kind: 'ConfigMap',
  metadata: { name, ...extra },
  data,
});

export const deployment = (name: string, replicas = 1): KubeObject => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name },
  spec: {
    replicas,
    selector: { matchLabels: { app: name } },
    template: { metadata: { labels: { app: name } }, spec: { containers: [{ name: 'app', image: 'nginx' }] } },
  },
});

export const pod = (name: string, extra: Record<string, unknown> = {}): KubeObject => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name },
  spec: { containers: [{ name: 'app', image: 'nginx' }], ...extra },
});

/** Runs `fn` and returns the thrown error (fails the test when nothing is thrown). */
export async function failure(
  fn: () => Promise<unknown>,
): Promise<{ code: number; reason: string; message: string } & Record<string, unknown>> {
  try {
    await fn();
  } catch (e) {
    const s = (e as { status?: { code: number; reason: string; message: string } }).status;
    if (s) return s as never;
    throw e;
  }
  throw new Error('expected a failure');
}
