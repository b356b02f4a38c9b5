/**
 * Opens the embedded store: the MVCC KV on SQLite plus the kube storage over it.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Storage } from './interface.js';
import { MvccStore } from './mvcc/kv.js';
import { KubeStore } from './store.js';

export interface OpenStorageOptions {
  /** Directory for the database (`<dataDir>/state.db`); undefined or ':memory:' = memory only. */
  dataDir?: string;
  /** Automatic compaction period, default 5 minutes (kube-apiserver's); 0 disables it. */
  compactionIntervalMs?: number;
  /** Lease expiry check period, default 500 ms. */
  leaseCheckIntervalMs?: number;
}

export interface OpenedStorage {
  storage: Storage & KubeStore;
  kv: MvccStore;
  close(): Promise<void>;
}

/** The database file inside a data dir. */
export const dbPath = (dataDir: string): string => join(dataDir, 'state.db');

/** Opens (creating if needed) the store; fails with a clear message when the file is unusable or locked. */
export async function openStorage(opts: OpenStorageOptions = {}): Promise<OpenedStorage> {
  let path: string | undefined;
  if (opts.dataDir && opts.dataDir !== ':memory:') {
    mkdirSync(opts.dataDir, { recursive: true });
    path = dbPath(opts.dataDir);
  }
  let kv: MvccStore;
  try {
    kv = new MvccStore({
      path,
      compactionIntervalMs: opts.compactionIntervalMs,
      leaseCheckIntervalMs: opts.leaseCheckIntervalMs,
    });
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    const hint = /locked|busy/i.test(why) ? ' (is another process using this data dir?)' : '';
    throw new Error(`cannot open the store at ${path}: ${why}${hint}`, { cause: e });
  }
  const storage = new KubeStore(kv);
  return { storage, kv, close: () => kv.close() };
}
