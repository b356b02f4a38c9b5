import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { captureSnapshot } from '../../../src/server/snapshot/capture.js';
import { restoreDataDir, saveDataDir } from '../../../src/server/snapshot/data-dir.js';
import {
  parseSnapshot,
  SNAPSHOT_FORMAT,
  type StoreSnapshot,
  serializeSnapshot,
} from '../../../src/server/snapshot/format.js';
import { LiveRestorer } from '../../../src/server/snapshot/live-restore.js';
import { MvccStore } from '../../../src/server/storage/mvcc/kv.js';
import { openStorage } from '../../../src/server/storage/open.js';

const stores: MvccStore[] = [];
const dirs: string[] = [];
const newStore = (): MvccStore => {
  const s = new MvccStore({ compactionIntervalMs: 0 });
  stores.push(s);
  return s;
};
afterEach(async () => {
  for (const s of stores.splice(0)) await s.close();
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

const content = (kv: MvccStore): Record<string, string> =>
  Object.fromEntries(captureSnapshot(kv).entries.map((e) => [e.key, e.value]));

type Op = { put: string; value: string } | { del: string };
const opArb: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ put: fc.constantFrom('/a', '/b', '/c', '/d/1', '/d/2'), value: fc.string({ maxLength: 4 }) }),
  fc.record({ del: fc.constantFrom('/a', '/b', '/c', '/d/1', '/d/2') }),
);
const apply = async (kv: MvccStore, ops: Op[]): Promise<void> => {
  for (const op of ops) {
    if ('put' in op) await kv.put(op.put, op.value);
    else await kv.deleteRange(op.del);
  }
};

describe('snapshot format', () => {
  it('serializes and parses back exactly', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(opArb, { maxLength: 15 }), async (ops) => {
        const kv = newStore();
        await apply(kv, ops);
        const s = captureSnapshot(kv, { source: 'test' });
        expect(parseSnapshot(serializeSnapshot(s))).toEqual(s);
      }),
      { numRuns: 30 },
    );
  });

  it('rejects broken files with the problem named', () => {
    expect(() => parseSnapshot('{')).toThrow(/not valid JSON/);
    expect(() => parseSnapshot('{"format":"x","revision":1,"entries":[]}')).toThrow(/unknown snapshot format "x"/);
    const bad = (entries: unknown[]) => JSON.stringify({ format: SNAPSHOT_FORMAT, revision: 5, entries });
    const e = { key: '/a', value: 'v', createRevision: 1, modRevision: 2, version: 1 };
    expect(() => parseSnapshot(bad([{ ...e, modRevision: 9 }]))).toThrow(/entry 0 \(\/a\).*<= snapshot revision/);
    expect(() => parseSnapshot(bad([e, e]))).toThrow(/entry 1 \(\/a\): keys must be unique and sorted/);
    expect(() => parseSnapshot(bad([{ ...e, value: 3 }]))).toThrow(/value must be a string/);
  });
});

describe('LiveRestorer', () => {
  it('restores any later state back to the snapshot content, trusted or compared by value', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(opArb, { maxLength: 10 }), fc.array(opArb, { maxLength: 10 }), async (pre, post) => {
        const kv = newStore();
        await apply(kv, pre);
        const restorer = new LiveRestorer(kv);
        const own = restorer.adopt(captureSnapshot(kv));
        const foreign = structuredClone(own);
        const want = content(kv);
        for (const snap of [own, foreign]) {
          await apply(kv, post);
          await restorer.restore(snap);
          expect(content(kv)).toEqual(want);
          // Nothing left to do: a second restore writes no revision.
          const rev = kv.currentRevision();
          expect(await restorer.restore(snap)).toMatchObject({ deleted: 0, written: 0, revision: rev });
        }
      }),
      { numRuns: 40 },
    );
  });

  it('capture() equals a fresh read of the store whatever happened since the last one', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.array(opArb, { maxLength: 6 }), { maxLength: 5 }), async (rounds) => {
        const kv = newStore();
        const restorer = new LiveRestorer(kv);
        const first = restorer.capture();
        for (const [i, ops] of rounds.entries()) {
          await apply(kv, ops);
          if (i % 2 === 1) await restorer.restore(first);
          expect(restorer.capture().entries).toEqual(captureSnapshot(kv).entries);
        }
      }),
      { numRuns: 40 },
    );
  });

  it('writes one revision with DELETE and PUT events for watchers', async () => {
    const kv = newStore();
    await kv.put('/a', '1');
    await kv.put('/b', '1');
    const restorer = new LiveRestorer(kv);
    const snap = restorer.adopt(captureSnapshot(kv));
    await kv.put('/a', '2');
    await kv.put('/c', '1');
    const from = kv.currentRevision() + 1;
    const w = kv.watch('/', { end: '0', startRevision: from });
    const res = await restorer.restore(snap);
    expect(res).toEqual({ revision: from, deleted: 1, written: 1 });
    const it = w[Symbol.asyncIterator]();
    const batch = (await it.next()).value as {
      events: Array<{ type: string; kv: { key: string; modRevision: number } }>;
    };
    expect(batch.events.map((e) => `${e.type} ${e.kv.key} ${e.kv.modRevision}`).sort()).toEqual([
      `DELETE /c ${from}`,
      `PUT /a ${from}`,
    ]);
    await it.return?.();
  });

  it('only restores under a prefix when asked', async () => {
    const kv = newStore();
    await kv.put('/x/1', 'a');
    const restorer = new LiveRestorer(kv);
    const snap = restorer.adopt(captureSnapshot(kv));
    await kv.put('/x/2', 'b');
    await kv.put('/y/1', 'c');
    await restorer.restore(snap, '/x/');
    expect(content(kv)).toEqual({ '/x/1': 'a', '/y/1': 'c' });
  });
});

describe('data dir save/restore', () => {
  it('keeps revisions exactly and treats older history as compacted', async () => {
    const src = mkdtempSync(join(tmpdir(), 'kctl-snap-src-'));
    const dst = mkdtempSync(join(tmpdir(), 'kctl-snap-dst-'));
    dirs.push(src, dst);
    const a = await openStorage({ dataDir: src, compactionIntervalMs: 0 });
    await a.kv.put('/registry/a', '{"v":1}');
    await a.kv.put('/registry/a', '{"v":2}');
    await a.kv.txn({
      success: [
        { type: 'put', key: '/registry/b', value: '{}' },
        { type: 'put', key: '/registry/c', value: '{}' },
      ],
    });
    await a.kv.put('/registry/d', '{}');
    await a.kv.deleteRange('/registry/d');
    await a.close();

    const snap = await saveDataDir(src);
    expect(snap.revision).toBe(5);
    await restoreDataDir(dst, parseSnapshot(serializeSnapshot(snap)));
    const b = await openStorage({ dataDir: dst, compactionIntervalMs: 0 });
    try {
      expect(b.kv.currentRevision()).toBe(5);
      const got = b.kv.range('/registry/', { end: '/registry0' }).kvs;
      expect(got.map((k) => [k.key, k.value, k.createRevision, k.modRevision, k.version])).toEqual([
        ['/registry/a', '{"v":2}', 1, 2, 2],
        ['/registry/b', '{}', 3, 3, 1],
        ['/registry/c', '{}', 3, 3, 1],
      ]);
      expect(() => b.kv.range('/registry/a', { revision: 2 })).toThrow(/compacted/);
      expect((await b.kv.put('/registry/e', '{}')).revision).toBe(6);
    } finally {
      await b.close();
    }
    await expect(restoreDataDir(dst, snap)).rejects.toThrow(/already holds a store at revision 6; pass --force/);
    await restoreDataDir(dst, snap, { force: true });
    expect((await saveDataDir(dst)).entries).toEqual(snap.entries);
  });

  it('refuses an invalid snapshot without touching the dir', async () => {
    const dst = mkdtempSync(join(tmpdir(), 'kctl-snap-bad-'));
    dirs.push(dst);
    await expect(
      restoreDataDir(dst, { format: SNAPSHOT_FORMAT, revision: 1, entries: 'x' } as unknown as StoreSnapshot),
    ).rejects.toThrow(/entries must be an array/);
    await expect(saveDataDir(dst)).rejects.toThrow(/no store in/);
  });
});
