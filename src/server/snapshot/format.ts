/**
 * The portable snapshot of a store: every live key with its value and revisions, plus the
 * store's revision when it was taken. JSON, so it can be diffed, committed as a fixture and
 * replayed by any kctl; values are the stored object JSON (no resourceVersion inside, as stored).
 *
 * History is not part of a snapshot: a store restored from one answers reads at the snapshot's
 * revision and later, and treats everything older as compacted (like etcd after a restore).
 */

export const SNAPSHOT_FORMAT = 'kctl.dev/store-snapshot/v1';

export interface SnapshotEntry {
  key: string;
  /** The stored bytes as text (kube stores JSON). */
  value: string;
  createRevision: number;
  modRevision: number;
  version: number;
}

export interface StoreSnapshot {
  format: typeof SNAPSHOT_FORMAT;
  /** The store's revision when the snapshot was taken (>= every entry's modRevision). */
  revision: number;
  /** Entries in key order, keys unique. */
  entries: SnapshotEntry[];
  /** ISO time of capture; informational. */
  createdAt?: string;
  /** Where it came from (a data dir, a context name); informational. */
  source?: string;
}

/** A snapshot file that cannot be used: the message says what is wrong and where. */
export class SnapshotFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SnapshotFormatError';
  }
}

const isInt = (v: unknown, min: number): v is number => typeof v === 'number' && Number.isInteger(v) && v >= min;

/**
 * Checks a parsed value is a usable snapshot: the format tag, integer revisions (create <= mod <=
 * revision, version >= 1), string keys in strictly increasing order. Throws SnapshotFormatError
 * naming the first bad entry; never returns a partly valid snapshot.
 */
export function validateSnapshot(value: unknown): StoreSnapshot {
  if (!value || typeof value !== 'object' || Array.isArray(value))
    throw new SnapshotFormatError('snapshot is not a JSON object');
  const s = value as Partial<StoreSnapshot>;
  if (s.format !== SNAPSHOT_FORMAT)
    throw new SnapshotFormatError(`unknown snapshot format ${JSON.stringify(s.format)} (want ${SNAPSHOT_FORMAT})`);
  if (!isInt(s.revision, 0)) throw new SnapshotFormatError('snapshot revision must be a non-negative integer');
  if (!Array.isArray(s.entries)) throw new SnapshotFormatError('snapshot entries must be an array');
  let prev: string | undefined;
  s.entries.forEach((e, i) => {
    const where = `entry ${i}`;
    if (!e || typeof e !== 'object') throw new SnapshotFormatError(`${where} is not an object`);
    if (typeof e.key !== 'string' || e.key === '')
      throw new SnapshotFormatError(`${where}: key must be a non-empty string`);
    if (typeof e.value !== 'string') throw new SnapshotFormatError(`${where} (${e.key}): value must be a string`);
    if (!isInt(e.createRevision, 1) || !isInt(e.modRevision, 1) || !isInt(e.version, 1))
      throw new SnapshotFormatError(
        `${where} (${e.key}): createRevision, modRevision and version must be integers >= 1`,
      );
    if (e.createRevision > e.modRevision || e.modRevision > (s.revision as number))
      throw new SnapshotFormatError(`${where} (${e.key}): needs createRevision <= modRevision <= snapshot revision`);
    if (prev !== undefined && !(prev < e.key))
      throw new SnapshotFormatError(`${where} (${e.key}): keys must be unique and sorted`);
    prev = e.key;
  });
  return s as StoreSnapshot;
}

/** Parses snapshot file text; bad JSON or a bad shape -> SnapshotFormatError. */
export function parseSnapshot(text: string): StoreSnapshot {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    throw new SnapshotFormatError(`snapshot is not valid JSON: ${e instanceof Error ? e.message : String(e)}`);
  }
  return validateSnapshot(value);
}

/** One entry per line, so large snapshots diff well and stay readable. */
export function serializeSnapshot(s: StoreSnapshot): string {
  const head = { format: s.format, revision: s.revision, createdAt: s.createdAt, source: s.source };
  const lines = s.entries.map((e) => `    ${JSON.stringify(e)}`);
  const meta = JSON.stringify(head).slice(1, -1);
  return `{${meta},\n  "entries": [\n${lines.join(',\n')}\n  ]\n}\n`;
}
