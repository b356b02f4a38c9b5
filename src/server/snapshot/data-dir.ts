/**
 * Snapshots of a data dir, keeping revisions exactly (etcdutl's snapshot save/restore):
 * `saveDataDir` reads the store at its head; `restoreDataDir` writes a new store whose keys have
 * the snapshot's createRevision / modRevision / version and whose revision is the snapshot's, so
 * objects keep their resourceVersions. History older than the snapshot is compacted away.
 */
import { existsSync } from 'node:fs';
import { SqliteLog, SUB } from '../storage/mvcc/sqlite-log.js';
import { dbPath, openStorage } from '../storage/open.js';
import { captureSnapshot } from './capture.js';
import { SnapshotFormatError, type StoreSnapshot, validateSnapshot } from './format.js';

/** Reads the store in `dataDir` (it must not be in use by a running server). */
export async function saveDataDir(dataDir: string): Promise<StoreSnapshot> {
  if (!existsSync(dbPath(dataDir))) throw new Error(`no store in ${dataDir} (missing ${dbPath(dataDir)})`);
  const opened = await openStorage({ dataDir, compactionIntervalMs: 0 });
  try {
    return captureSnapshot(opened.kv, { source: dataDir });
  } finally {
    await opened.close();
  }
}

export interface RestoreDataDirOptions {
  /** Replace a store that already has data (default: refuse). */
  force?: boolean;
}

/**
 * Writes `snapshot` as the store of `dataDir` (created if needed; PKI and kubeconfig there are
 * left alone). Refuses a dir whose store already holds revisions unless `force`, so a typo cannot
 * wipe a cluster. Validates the snapshot first; nothing is written when it is bad.
 */
export async function restoreDataDir(
  dataDir: string,
  snapshot: StoreSnapshot,
  opts: RestoreDataDirOptions = {},
): Promise<void> {
  validateSnapshot(snapshot);
  const path = dbPath(dataDir);
  if (existsSync(path)) {
    const probe = await openStorage({ dataDir, compactionIntervalMs: 0 });
    const rev = probe.kv.currentRevision();
    await probe.close();
    if (rev > 0 && !opts.force)
      throw new Error(`${dataDir} already holds a store at revision ${rev}; pass --force to replace it`);
  } else {
    await openStorage({ dataDir, compactionIntervalMs: 0 }).then((o) => o.close());
  }
  const log = new SqliteLog(path);
  try {
    const perRevision = new Map<number, number>();
    log.transaction(() => {
      log.db.exec('DELETE FROM kv; DELETE FROM meta; DELETE FROM lease;');
      for (const e of snapshot.entries) {
        const n = perRevision.get(e.modRevision) ?? 0;
        if (n >= SUB) throw new SnapshotFormatError(`more than ${SUB} keys share modRevision ${e.modRevision}`);
        perRevision.set(e.modRevision, n + 1);
        log.insert.run(e.modRevision * SUB + n, e.key, e.createRevision, e.version, 0, 0, 0, e.value);
      }
      // Reads and watches below the snapshot revision have no history: they answer "compacted".
      log.setMeta.run('compact_rev', snapshot.revision);
      log.setMeta.run('compact_done', snapshot.revision * SUB);
    });
  } finally {
    log.close();
  }
}
