/**
 * Storage + registry for `kctl serve`: opens the embedded store (SQLite in the data dir, or
 * memory) and the registry over it (controllers and first-start seeding start with `start`),
 * behind the small runtime interface the server assembly uses.
 */
import type { Catalog } from './apis/catalog.js';
import type { ControllerOptions } from './controllers/types.js';
import { createRegistry } from './registry/registry.js';
import type { Registry } from './registry/types.js';
import { openStorage } from './storage/index.js';

export interface RegistryRuntime {
  registry: Registry;
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
}

export async function openRegistry(opts: OpenRegistryOptions): Promise<RegistryRuntime> {
  const opened = await openStorage({ dataDir: opts.storage === 'memory' ? ':memory:' : opts.dataDir });
  try {
    const controllers: ControllerOptions = opts.controllers ?? {};
    const registry = createRegistry({ catalog: opts.catalog, storage: opened.storage, kv: opened.kv, controllers });
    return {
      registry,
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
