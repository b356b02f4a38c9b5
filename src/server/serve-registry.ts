/**
 * Storage + registry for `kctl serve`: opens the embedded store (SQLite in the data dir, or
 * memory) and the registry over it (controllers and first-start seeding start with `start`),
 * behind the small runtime interface the server assembly uses.
 */
import type { UserLookup } from './apis/authentication/reviews.js';
import type { Catalog } from './apis/catalog.js';
import type { ServiceAccountTokens } from './auth/service-account-tokens.js';
import type { ControllerOptions } from './controllers/types.js';
import { createRegistry } from './registry/registry.js';
import type { Registry } from './registry/types.js';
import type { StoreSnapshot } from './snapshot/format.js';
import { LiveRestorer } from './snapshot/live-restore.js';
import { type MvccStore, openStorage } from './storage/index.js';

export interface RegistryRuntime {
  registry: Registry;
  /** The embedded store under the registry (absent for test runtimes without one). */
  kv?: MvccStore;
  /** Starts controllers and seeds a fresh store; called once the server listens. */
  start(): Promise<void>;
  /** Rejects when the store cannot serve reads (the etcd health check). */
  checkStorage(): Promise<void>;
  /** Stops controllers, then closes the store (flushing it). */
  close(): Promise<void>;
}

export interface OpenRegistryOptions {
  catalog: Catalog;
  dataDir: string;
  storage: 'sqlite' | 'memory';
  /**
   * What the controllers publish (CA bundle, the `kubernetes` Service's endpoint). Read when
   * `start` runs, so the caller may fill `securePort` once the listener has its port.
   */
  controllers?: ControllerOptions;
  /** Load this snapshot into the (empty) store before the registry starts. */
  snapshot?: StoreSnapshot;
  /** Who a bearer token is, for TokenReview (the same tokens request authentication accepts). */
  tokenLookup?: UserLookup;
  /** Signs service account tokens (`serviceaccounts/<name>/token`). */
  serviceAccountTokens?: ServiceAccountTokens;
}

export async function openRegistry(opts: OpenRegistryOptions): Promise<RegistryRuntime> {
  const opened = await openStorage({ dataDir: opts.storage === 'memory' ? ':memory:' : opts.dataDir });
  try {
    if (opts.snapshot) {
      const rev = opened.kv.currentRevision();
      if (rev > 0)
        throw new Error(`the store in ${opts.dataDir} already holds data (revision ${rev}); use a fresh --data-dir`);
      await new LiveRestorer(opened.kv).restore(opts.snapshot);
    }
    const controllers: ControllerOptions = opts.controllers ?? {};
    const registry = createRegistry({
      catalog: opts.catalog,
      storage: opened.storage,
      kv: opened.kv,
      controllers,
      ...(opts.tokenLookup ? { tokenLookup: opts.tokenLookup } : {}),
      ...(opts.serviceAccountTokens ? { serviceAccountTokens: opts.serviceAccountTokens } : {}),
    });
    return {
      registry,
      kv: opened.kv,
      start: () => registry.start(),
      checkStorage: async () => {
        await opened.kv.currentRevision();
      },
      close: async () => {
        try {
          await registry.stop();
        } finally {
          await opened.close();
        }
      },
    };
  } catch (e) {
    await opened.close();
    throw e;
  }
}
