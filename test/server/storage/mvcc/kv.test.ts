import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { MvccStore } from '../../../../src/server/storage/mvcc/kv.js';
import {
  CompactedError,
  FutureRevisionError,
  LeaseNotFoundError,
  prefixEnd,
  type WatchResponse,
} from '../../../../src/server/storage/mvcc/types.js';

const dirs: string[] = [];
const tmp = (): string => {
  const d = mkdtempSync(join(tmpdir(), 'kctl-kv-'));
  dirs.push(d);
  return d;
};
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

async function take(it: AsyncIterator<WatchResponse>, n: number): Promise<WatchResponse[]> {
  const out: WatchResponse[] = [];
  let events = 0;
  while (events < n) {
    const r = await it.next();
    if (r.done) break;
    out.push(r.value);
    events += r.value.events.length;
  }
  return out;
}

describe('MvccStore', () => {
  it('tracks createRevision, modRevision and version per generation', async () => {
    const kv = new MvccStore({ compactionIntervalMs: 0 });
    await kv.put('k', 'v1');
    await kv.put('k', 'v2');
    let got = kv.range('k').kvs[0];
    expect(got).toMatchObject({ value: 'v2', createRevision: 1, modRevision: 2, version: 2 });
    await kv.deleteRange('k');
    expect(kv.range('k').kvs).toEqual([]);
    await kv.put('k', 'v3');
    got = kv.range('k').kvs[0];
    expect(got).toMatchObject({ value: 'v3', createRevision: 4, modRevision: 4, version: 1 });
    expect(kv.range('k', { revision: 2 }).kvs[0]?.value).toBe('v2');
    expect(() => kv.range('k', { revision: 9 })).toThrow(FutureRevisionError);
    await kv.close();
  });

  it('groups concurrent writes into one commit but gives each its own revision', async () => {
    const kv = new MvccStore({ compactionIntervalMs: 0 });
    const revs = await Promise.all(Array.from({ length: 50 }, (_, i) => kv.put(`k${i}`, 'x').then((r) => r.revision)));
    expect(revs).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
    expect(kv.range('k', { end: prefixEnd('k'), countOnly: true }).count).toBe(50);
    await kv.close();
  });

  it('reports a failed compare as a result and runs the failure branch', async () => {
    const kv = new MvccStore({ compactionIntervalMs: 0 });
    await kv.put('a', '1');
    const r = await kv.txn({
      compare: [{ key: 'a', target: 'value', op: '=', value: '2' }],
      success: [{ type: 'put', key: 'a', value: 'x' }],
      failure: [{ type: 'range', key: 'a' }],
    });
    expect(r.succeeded).toBe(false);
    expect(r.revision).toBe(1);
    const ok = await kv.txn({
      compare: [{ key: 'a', target: 'version', op: '=', value: 1 }],
      success: [
        { type: 'put', key: 'a', value: 'y', prevKv: true },
        { type: 'put', key: 'b', value: 'z' },
      ],
    });
    expect(ok.succeeded).toBe(true);
    expect(ok.revision).toBe(2);
    expect(ok.responses[0]).toMatchObject({ type: 'put', prevKv: { value: '1' } });
    expect(kv.range('b').kvs[0]?.modRevision).toBe(2);
    await kv.close();
  });

  it('persists revisions, keys, compaction and leases across reopen', async () => {
    const path = join(tmp(), 'db');
    let kv = new MvccStore({ path, compactionIntervalMs: 0 });
    await kv.put('/a', '1');
    await kv.put('/b', '2');
    await kv.deleteRange('/b');
    const lease = await kv.grantLease(3600);
    await kv.put('/c', '3', { lease });
    await kv.compact(3);
    await kv.close();
    kv = new MvccStore({ path, compactionIntervalMs: 0 });
    expect(kv.currentRevision()).toBe(4);
    expect(kv.compactRevision()).toBe(3);
    expect(kv.range('/', { end: prefixEnd('/') }).kvs.map((x) => x.key)).toEqual(['/a', '/c']);
    expect(kv.leases.keysOf(lease)).toEqual(new Set(['/c']));
    expect(() => kv.range('/a', { revision: 2 })).toThrow(CompactedError);
    expect((await kv.put('/d', '4')).revision).toBe(5);
    await kv.close();
  });

  it('expires leases: their keys are deleted in one revision with DELETE events', async () => {
    const kv = new MvccStore({ compactionIntervalMs: 0, leaseCheckIntervalMs: 20 });
    const ac = new AbortController();
    const w = kv.watch('/e/', { end: prefixEnd('/e/'), signal: ac.signal, prevKv: true })[Symbol.asyncIterator]();
    const lease = await kv.grantLease(0.05);
    await kv.put('/e/1', 'a', { lease });
    await kv.put('/e/2', 'b', { lease });
    const got = await take(w, 4);
    const events = got.flatMap((r) => r.events);
    expect(events.map((e) => [e.type, e.kv.key])).toEqual([
      ['PUT', '/e/1'],
      ['PUT', '/e/2'],
      ['DELETE', '/e/1'],
      ['DELETE', '/e/2'],
    ]);
    expect(events[2]?.kv.modRevision).toBe(events[3]?.kv.modRevision);
    expect(events[2]?.prevKv?.value).toBe('a');
    expect(kv.leases.has(lease)).toBe(false);
    await expect(kv.put('/e/3', 'c', { lease })).rejects.toBeInstanceOf(LeaseNotFoundError);
    ac.abort();
    await kv.close();
  });

  it('a slow watcher falls back to replay from disk and still sees every event once, in order', async () => {
    const kv = new MvccStore({ compactionIntervalMs: 0 });
    const ac = new AbortController();
    const w = kv.watch('/s/', { end: prefixEnd('/s/'), signal: ac.signal, maxQueued: 3 });
    for (let i = 0; i < 200; i++) await kv.put(`/s/${i % 7}`, String(i));
    const it = w[Symbol.asyncIterator]();
    const got = (await take(it, 200)).flatMap((r) => r.events.map((e) => Number(e.kv.value)));
    expect(got).toEqual(Array.from({ length: 200 }, (_, i) => i));
    // After catching up the watcher is live again.
    await kv.put('/s/x', 'live');
    const next = await it.next();
    expect(next.value?.events[0]?.kv.value).toBe('live');
    ac.abort();
    await kv.close();
  });

  it('sends progress notifications only to synced watchers, and ends on abort', async () => {
    const kv = new MvccStore({ compactionIntervalMs: 0 });
    await kv.put('/x', '1');
    const ac = new AbortController();
    const it = kv.watch('/p/', { end: prefixEnd('/p/'), signal: ac.signal })[Symbol.asyncIterator]();
    kv.requestProgress();
    const r = await it.next();
    expect(r.value).toEqual({ events: [], revision: 1, progressNotify: true });
    const pending = it.next();
    ac.abort();
    expect((await pending).done).toBe(true);
    expect(kv.watcherCount).toBe(0);
    await kv.close();
  });

  it('fails a watch from a compacted revision', async () => {
    const kv = new MvccStore({ compactionIntervalMs: 0 });
    for (let i = 0; i < 5; i++) await kv.put('/k', String(i));
    await kv.compact(4);
    const it = kv.watch('/k', { startRevision: 3 })[Symbol.asyncIterator]();
    await expect(it.next()).rejects.toMatchObject({ compactRevision: 4 });
    const ok = kv.watch('/k', { startRevision: 4 })[Symbol.asyncIterator]();
    expect((await ok.next()).value?.events.map((e: { kv: { value: string } }) => e.kv.value)).toEqual(['3', '4']);
    await ok.return?.();
    await kv.close();
  });
});

describe('MvccStore compaction', () => {
  it('deletes superseded rows in chunks, keeps the state at the compacted revision, survives reopen', async () => {
    const path = join(tmp(), 'db');
    let kv = new MvccStore({ path, compactionIntervalMs: 0 });
    const writes: Promise<unknown>[] = [];
    for (let i = 0; i < 12_000; i++) writes.push(kv.put(`/k/${i % 3000}`, String(i)));
    await Promise.all(writes);
    await kv.deleteRange('/k/0');
    await kv.compact(kv.currentRevision());
    const rows = (kv as unknown as { log: { db: { prepare(s: string): { pluck(): { get(): number } } } } }).log.db
      .prepare('SELECT count(*) FROM kv')
      .pluck()
      .get();
    // 2,999 live rows, plus the delete at the compacted revision and the row it deleted: events
    // at the compacted revision itself stay available.
    expect(rows).toBe(3001);
    await kv.close();
    kv = new MvccStore({ path, compactionIntervalMs: 0 });
    const all = kv.range('/k/', { end: prefixEnd('/k/') });
    expect(all.count).toBe(2999);
    expect(all.kvs.find((x) => x.key === '/k/5')?.value).toBe('9005');
    expect(all.kvs.find((x) => x.key === '/k/5')?.version).toBe(4);
    await kv.close();
  });
});
