/**
 * A full kctl API server for tests, in-process on an ephemeral port: memory storage by default,
 * seed objects, `reset()` back to the seeded state, snapshots, and fault injection. It is the
 * same server `kctl serve` runs (same handler chain, registry, watch cache and controllers),
 * with fault injection and the store reachable for reset/snapshot/restore.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import yaml from 'js-yaml';
import type { KubeObject } from '../server/apis/types.js';
import { Faults } from '../server/faults/fault-injector.js';
import type { KubeconfigDoc } from '../server/kubeconfig/admin-kubeconfig.js';
import { resourcePrefix } from '../server/registry/keys.js';
import type { ServerRegistry } from '../server/registry/registry.js';
import { type RunningServer, startServer as startKctlServer } from '../server/serve.js';
import type { StoreSnapshot } from '../server/snapshot/format.js';
import { LiveRestorer, type RestoreResult } from '../server/snapshot/live-restore.js';
import type { MvccStore } from '../server/storage/mvcc/kv.js';
import { fillPkiCache, usePkiCache } from './pki-cache.js';
import { seedObjects } from './seed-objects.js';

export interface TestServerOptions {
  /** 'memory' (default): nothing but PKI and kubeconfig touches the disk. 'sqlite': a real store file. */
  storage?: 'memory' | 'sqlite';
  /** Data dir; default a fresh temp dir, removed by `stop()`. A given dir is kept. */
  dataDir?: string;
  /** Listen address (default 127.0.0.1) and port (default 0 = a free one). */
  address?: string;
  port?: number;
  /** Loaded into the store before the server starts (its content; revisions move forward). */
  snapshot?: StoreSnapshot;
  /**
   * Objects (or YAML/JSON manifest text) created once the cluster is up, in order; with the
   * bootstrap objects they make the state `reset()` returns to. A namespaced object without a
   * namespace goes to `default`.
   */
  seed?: KubeObject[] | string;
  /** Seed of the fault injector's random generator (default 1). */
  faultSeed?: number;
  /** Server log for unexpected errors; default: discarded (tests assert on responses). */
  log?: (line: string) => void;
}

export interface TestServer {
  /** https://127.0.0.1:PORT */
  url: string;
  /** An admin kubeconfig file for this server (context `kctl`). */
  kubeconfigPath: string;
  /** The same kubeconfig, parsed (clusters, users with inline cert data, contexts). */
  kubeconfig: KubeconfigDoc;
  caPem: string;
  /** A bearer token accepted by the server (bootstrap token). */
  token: string;
  dataDir: string;
  /** Fault injection: rules matched per request, watch drop/stall/expire, compaction. */
  faults: Faults;
  /** The server's registry (controllers' view, without faults) and store, for white-box tests. */
  registry: ServerRegistry;
  kv: MvccStore;
  /** The seeded state `reset()` returns to. */
  readonly seeded: StoreSnapshot;
  /**
   * Back to the seeded state in one write: objects created since are deleted, changed ones are
   * put back, untouched ones keep their resourceVersion. Open watches see the DELETED / ADDED /
   * MODIFIED events a real server would send. Fault rules are cleared.
   */
  reset(): Promise<RestoreResult>;
  /** The store's state now (portable; `serializeSnapshot` writes it to a file). */
  snapshot(): StoreSnapshot;
  /** Brings the store to `snapshot`'s content, as reset does (resourceVersions move forward). */
  restore(snapshot: StoreSnapshot): Promise<RestoreResult>;
  /** Resolves when the controllers have no queued work. */
  settle(): Promise<void>;
  /** Stops the server, closes the store, removes a temp data dir. Idempotent. */
  stop(): Promise<void>;
}

/** Starts a server; rejects (leaving nothing behind) when it cannot start. */
export async function startServer(opts: TestServerOptions = {}): Promise<TestServer> {
  const ownDir = opts.dataDir === undefined;
  const dataDir = opts.dataDir ?? mkdtempSync(join(tmpdir(), 'kctl-test-'));
  const cachedPki = usePkiCache(dataDir);
  const faults = new Faults({ seed: opts.faultSeed });
  let running: RunningServer;
  try {
    running = await startKctlServer({
      address: opts.address ?? '127.0.0.1',
      port: opts.port ?? 0,
      dataDir,
      storage: opts.storage ?? 'memory',
      updateKubeconfig: false,
      log: opts.log ?? (() => {}),
      faults,
      snapshot: opts.snapshot,
    });
  } catch (e) {
    if (ownDir) rmSync(dataDir, { recursive: true, force: true });
    throw e;
  }
  if (!cachedPki) fillPkiCache(dataDir);
  const registry = running.registry as ServerRegistry;
  const kv = running.kv as MvccStore;
  const restorer = new LiveRestorer(kv);
  faults.compactor = async () => {
    const rev = kv.currentRevision();
    if (rev > kv.compactRevision()) await kv.compact(rev);
    return kv.compactRevision();
  };

  let stopped: Promise<void> | undefined;
  const stop = (): Promise<void> => {
    stopped ??= (async () => {
      try {
        await running.close();
      } finally {
        if (ownDir) rmSync(dataDir, { recursive: true, force: true });
      }
    })();
    return stopped;
  };

  try {
    if (opts.seed !== undefined) await seedObjects(registry, opts.seed);
    await registry.idle();
  } catch (e) {
    await stop();
    throw e;
  }

  const servicesKind = registry.storeFor('', 'services')?.kind;
  const servicePrefix = servicesKind ? `${resourcePrefix(servicesKind)}/` : '\u0000none';
  const serviceAt = (key: string): KubeObject | undefined => {
    const v = kv.range(key).kvs[0]?.value;
    return v ? (JSON.parse(v) as KubeObject) : undefined;
  };

  /**
   * A live restore; the Service IP/port allocators (in memory, outside the store) are then
   * re-synced for the services it touched: the old ones' addresses released, the new ones' taken.
   */
  const restoreTo = async (s: StoreSnapshot): Promise<RestoreResult> => {
    // Controller work the test started (e.g. a new namespace's service account) lands first, so
    // nothing written for the old state arrives after the restore.
    await registry.idle();
    let touched: string[] = [];
    let before: KubeObject[] = [];
    const result = await restorer.restore(s, '', {
      beforeWrite: (deleted, written) => {
        touched = [...deleted, ...written].filter((k) => k.startsWith(servicePrefix));
        before = touched.map(serviceAt).filter((o): o is KubeObject => o !== undefined);
      },
    });
    if (touched.length > 0) {
      for (const svc of before) registry.allocations.releaseAll(svc);
      registry.allocations.recover(touched.map(serviceAt).filter((o): o is KubeObject => o !== undefined));
    }
    await registry.idle();
    return result;
  };

  const seeded = restorer.capture('seed');
  const kubeconfig = yaml.load(readFileSync(running.kubeconfigPath, 'utf8')) as KubeconfigDoc;
  return {
    url: running.url,
    kubeconfigPath: running.kubeconfigPath,
    kubeconfig,
    caPem: running.caPem,
    token: running.token,
    dataDir,
    faults,
    registry,
    kv,
    seeded,
    reset: async () => {
      faults.clear();
      return restoreTo(seeded);
    },
    snapshot: () => restorer.capture(),
    restore: (s) => restoreTo(s),
    settle: () => registry.idle(),
    stop,
  };
}
