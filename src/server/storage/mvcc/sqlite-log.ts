/**
 * The on-disk revision log: one SQLite table (kine-like), one row per key change.
 *
 * Row id = revision * SUB + n (n = the change's index inside its revision), so rowid order is
 * revision order, history replay is a rowid range scan, and a txn touching several keys still
 * makes one revision. A covering index (name, id, ...) serves per-key lookups, historical ranges
 * and the reopen scan without touching the (2 KiB) values.
 *
 * Durability: WAL + synchronous=FULL, i.e. one fsync of the WAL per commit, like etcd's fsync per
 * raft entry. `synchronous=NORMAL` would lose acknowledged writes on power loss.
 */
import Database from 'better-sqlite3';

/** Changes per revision the id layout allows (a txn or deleteRange may touch at most this many keys). */
export const SUB = 2 ** 20;

export const revOf = (id: number): number => Math.floor(id / SUB);

/** A row of the log as returned by the raw statements below. */
export type LogRow = [
  id: number,
  name: string,
  createRev: number,
  version: number,
  deleted: number,
  lease: number,
  prevId: number,
  value: string | null,
];

export class SqliteLog {
  readonly db: Database.Database;
  readonly insert: Database.Statement;
  readonly valueById: Database.Statement;
  readonly rowById: Database.Statement;
  readonly latestAll: Database.Statement;
  readonly rangeAt: Database.Statement;
  readonly rangeLatest: Database.Statement;
  readonly countAt: Database.Statement;
  readonly keyAt: Database.Statement;
  readonly historyRange: Database.Statement;
  readonly historyKey: Database.Statement;
  readonly maxId: Database.Statement;
  readonly getMeta: Database.Statement;
  readonly setMeta: Database.Statement;
  readonly compactPrev: Database.Statement;
  readonly compactTombstones: Database.Statement;
  readonly nthIdFrom: Database.Statement;
  readonly leaseInsert: Database.Statement;
  readonly leaseDelete: Database.Statement;
  readonly leaseAll: Database.Statement;
  private readonly begin: Database.Statement;
  private readonly commitStmt: Database.Statement;
  private readonly rollbackStmt: Database.Statement;

  /** `path` undefined or ':memory:' = an in-memory database (nothing survives close). */
  constructor(path?: string) {
    this.db = new Database(path ?? ':memory:', { timeout: 0 });
    const db = this.db;
    db.pragma('page_size = 8192');
    // One process owns the store: the in-memory index would silently diverge otherwise. The
    // exclusive lock is taken by the first statement below and held until close.
    db.pragma('locking_mode = EXCLUSIVE');
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('cache_size = -65536'); // 64 MiB page cache
    db.pragma('wal_autocheckpoint = 4000');
    db.exec(`
      CREATE TABLE IF NOT EXISTS kv (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL,
        create_rev INTEGER NOT NULL,
        version INTEGER NOT NULL,
        deleted INTEGER NOT NULL,
        lease INTEGER NOT NULL,
        prev_id INTEGER NOT NULL,
        value TEXT
      );
      CREATE INDEX IF NOT EXISTS kv_name ON kv(name, id, deleted, create_rev, version, lease, prev_id);
      CREATE TABLE IF NOT EXISTS meta (k TEXT PRIMARY KEY, v INTEGER NOT NULL);
      CREATE TABLE IF NOT EXISTS lease (id INTEGER PRIMARY KEY, ttl INTEGER NOT NULL, expires_ms INTEGER NOT NULL);
    `);
    const cols = 'id, name, create_rev, version, deleted, lease, prev_id';
    this.insert = db.prepare(
      'INSERT INTO kv (id, name, create_rev, version, deleted, lease, prev_id, value) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    );
    this.valueById = db.prepare('SELECT value FROM kv WHERE id = ?').pluck();
    this.rowById = db.prepare(`SELECT ${cols}, value FROM kv WHERE id = ?`).raw();
    // SQLite returns the bare columns of the row holding max(id) in an aggregate query.
    this.latestAll = db
      .prepare(`SELECT name, max(id), deleted, create_rev, version, lease FROM kv GROUP BY name`)
      .raw();
    this.rangeAt = db
      .prepare(
        `SELECT max(id), name, create_rev, version, deleted, lease, prev_id FROM kv
         WHERE name >= ? AND name < ? AND id < ? GROUP BY name`,
      )
      .raw();
    // The latest live row of each key in [start, end), in key order, with its value: one stepping
    // statement is several times cheaper than a point read per key.
    this.rangeLatest = db
      .prepare(
        `SELECT k.id, k.name, k.create_rev, k.version, k.deleted, k.lease, k.prev_id, k.value FROM kv k
         WHERE k.name >= ? AND k.name < ? AND k.deleted = 0 AND k.id = (SELECT max(id) FROM kv WHERE name = k.name)
         ORDER BY k.name LIMIT ?`,
      )
      .raw();
    this.countAt = db
      .prepare(
        `SELECT count(*) FROM (SELECT max(id), deleted FROM kv WHERE name >= ? AND name < ? AND id < ? GROUP BY name)
         WHERE deleted = 0`,
      )
      .pluck();
    this.keyAt = db.prepare(`SELECT ${cols} FROM kv WHERE name = ? AND id < ? ORDER BY id DESC LIMIT 1`).raw();
    this.historyRange = db
      .prepare(`SELECT ${cols}, value FROM kv NOT INDEXED WHERE id >= ? AND name >= ? AND name < ? ORDER BY id LIMIT ?`)
      .raw();
    this.historyKey = db.prepare(`SELECT ${cols}, value FROM kv WHERE name = ? AND id >= ? ORDER BY id LIMIT ?`).raw();
    this.maxId = db.prepare('SELECT max(id) FROM kv').pluck();
    this.getMeta = db.prepare('SELECT v FROM meta WHERE k = ?').pluck();
    this.setMeta = db.prepare('INSERT INTO meta (k, v) VALUES (?, ?) ON CONFLICT(k) DO UPDATE SET v = excluded.v');
    // Rows superseded by a later row below the bound; prev_id links a row to its predecessor.
    this.compactPrev = db.prepare(
      'DELETE FROM kv WHERE id IN (SELECT prev_id FROM kv WHERE id >= ? AND id < ? AND prev_id > 0)',
    );
    this.compactTombstones = db.prepare('DELETE FROM kv WHERE id >= ? AND id < ? AND deleted = 1');
    // The id `n` rows after `from` (chunk boundary for incremental compaction).
    this.nthIdFrom = db.prepare('SELECT id FROM kv WHERE id >= ? AND id < ? ORDER BY id LIMIT 1 OFFSET ?').pluck();
    this.leaseInsert = db.prepare('INSERT OR REPLACE INTO lease (id, ttl, expires_ms) VALUES (?, ?, ?)');
    this.leaseDelete = db.prepare('DELETE FROM lease WHERE id = ?');
    this.leaseAll = db.prepare('SELECT id, ttl, expires_ms FROM lease').raw();
    this.begin = db.prepare('BEGIN IMMEDIATE');
    this.commitStmt = db.prepare('COMMIT');
    this.rollbackStmt = db.prepare('ROLLBACK');
  }

  /** Runs fn in one write transaction (one fsync at COMMIT). */
  transaction<T>(fn: () => T): T {
    this.begin.run();
    try {
      const out = fn();
      this.commitStmt.run();
      return out;
    } catch (e) {
      if (this.db.inTransaction) this.rollbackStmt.run();
      throw e;
    }
  }

  meta(k: string): number {
    const v = this.getMeta.get(k) as number | undefined;
    return v ?? 0;
  }

  close(): void {
    if (this.db.open) this.db.close();
  }
}
