import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  type Cacher,
  createCacher,
  type OpenedStorage,
  openStorage,
  type StoredObject,
  type WatchEvent,
} from '../../../../src/server/storage/index.js';

let s: OpenedStorage;
let c: Cacher;
beforeEach(async () => {
  s = await openStorage({ compactionIntervalMs: 0 });
});
afterEach(async () => {
  c?.stop();
  await s.close();
});

const pod = (name: string, app = 'x'): StoredObject => ({
  metadata: { name, namespace: 'ns', labels: { app } },
  spec: {},
});
const key = (name: string) => `/registry/pods/ns/${name}`;
const summary = (e: WatchEvent) => [e.type, e.object.metadata?.name ?? null, e.object.metadata?.resourceVersion];

async function take(it: AsyncIterator<WatchEvent>, n: number): Promise<WatchEvent[]> {
  const out: WatchEvent[] = [];
  while (out.length < n) {
    const r = await it.next();
    if (r.done) break;
    out.push(r.value);
  }
  return out;
}

describe('Cacher', () => {
  it('serves RV=0 and consistent lists, gets and counts from memory', async () => {
    for (let i = 0; i < 5; i++) await s.storage.create(key(`p${i}`), pod(`p${i}`));
    c = createCacher(s.storage, s.kv, '/registry/pods/');
    await c.ready;
    await c.create(key('p5'), pod('p5'));
    const consistent = await c.getList('/registry/pods/ns', { recursive: true });
    expect(consistent.items.map((o) => o.metadata?.name)).toEqual(['p0', 'p1', 'p2', 'p3', 'p4', 'p5']);
    expect(consistent.resourceVersion).toBe('6');
    const any = await c.getList('/registry/pods', { recursive: true, resourceVersion: '0' });
    expect(any.items.length).toBeGreaterThanOrEqual(5);
    expect(await c.count('/registry/pods')).toBe(6);
    expect((await c.get(key('p5'), { resourceVersion: '6' }))?.metadata?.resourceVersion).toBe('6');
    await expect(c.get(key('nope'), { resourceVersion: '0' })).rejects.toMatchObject({ code: 'KeyNotFound' });
    const filtered = await c.getList('/registry/pods', {
      recursive: true,
      resourceVersion: '0',
      predicate: (o) => o.metadata?.name === 'p3',
    });
    expect(filtered.items.map((o) => o.metadata?.name)).toEqual(['p3']);
    // Paged and exact lists go to storage (kube delegates them too).
    const paged = await c.getList('/registry/pods', { recursive: true, limit: 2 });
    expect(paged.continue).toBeDefined();
  });

  it('sendInitialEvents: initial ADDED events, the annotated bookmark, then live events', async () => {
    await s.storage.create(key('a'), pod('a'));
    await s.storage.create(key('b'), pod('b'));
    c = createCacher(s.storage, s.kv, '/registry/pods/', {
      bookmarkTemplate: () => ({ kind: 'Pod', apiVersion: 'v1' }),
    });
    const ac = new AbortController();
    const it = c
      .watch('/registry/pods', {
        recursive: true,
        sendInitialEvents: true,
        allowWatchBookmarks: true,
        signal: ac.signal,
      })
      [Symbol.asyncIterator]();
    const first = await take(it, 3);
    expect(first.map(summary)).toEqual([
      ['ADDED', 'a', '1'],
      ['ADDED', 'b', '2'],
      ['BOOKMARK', null, '2'],
    ]);
    expect(first[2]?.object).toEqual({
      kind: 'Pod',
      apiVersion: 'v1',
      metadata: { resourceVersion: '2', annotations: { 'k8s.io/initial-events-end': 'true' } },
    });
    await c.create(key('c'), pod('c'));
    await c.delete(key('a'));
    expect((await take(it, 2)).map(summary)).toEqual([
      ['ADDED', 'c', '3'],
      ['DELETED', 'a', '4'],
    ]);
    ac.abort();
    expect((await it.next()).done).toBe(true);
    expect(c.watcherCount).toBe(0);
  });

  it('resumes from a resourceVersion in the ring, 410 below it', async () => {
    c = createCacher(s.storage, s.kv, '/registry/pods/', { eventCapacity: 4 });
    await c.ready;
    for (let i = 1; i <= 8; i++) await c.create(key(`p${i}`), pod(`p${i}`));
    const ac = new AbortController();
    const it = c
      .watch('/registry/pods', { recursive: true, resourceVersion: '5', signal: ac.signal })
      [Symbol.asyncIterator]();
    expect((await take(it, 3)).map((e) => e.object.metadata?.name)).toEqual(['p6', 'p7', 'p8']);
    const old = c
      .watch('/registry/pods', { recursive: true, resourceVersion: '3', signal: ac.signal })
      [Symbol.asyncIterator]();
    const err = await take(old, 2);
    expect(err).toHaveLength(1);
    expect(err[0]?.type).toBe('ERROR');
    expect(err[0]?.object).toMatchObject({ code: 410, reason: 'Expired', message: 'too old resource version: 3 (4)' });
    ac.abort();
  });

  it('filters per watcher: objects entering/leaving the selector are ADDED/DELETED', async () => {
    c = createCacher(s.storage, s.kv, '/registry/pods/');
    await c.ready;
    const ac = new AbortController();
    const pred = (o: StoredObject) => (o.metadata?.labels as Record<string, string> | undefined)?.app === 'x';
    const it = c
      .watch('/registry/pods/ns', { recursive: true, resourceVersion: '0', predicate: pred, signal: ac.signal })
      [Symbol.asyncIterator]();
    await c.create(key('a'), pod('a', 'y'));
    await c.guaranteedUpdate(key('a'), (o) => ({ ...o, metadata: { ...o.metadata, labels: { app: 'x' } } }));
    await c.guaranteedUpdate(key('a'), (o) => ({ ...o, spec: { v: 1 } }));
    await c.guaranteedUpdate(key('a'), (o) => ({ ...o, metadata: { ...o.metadata, labels: { app: 'z' } } }));
    await c.create(key('b'), pod('b', 'x'));
    expect((await take(it, 4)).map(summary)).toEqual([
      ['ADDED', 'a', '2'],
      ['MODIFIED', 'a', '3'],
      ['DELETED', 'a', '4'],
      ['ADDED', 'b', '5'],
    ]);
    ac.abort();
  });

  it('closes a watcher that falls behind without slowing writers or other watchers', async () => {
    c = createCacher(s.storage, s.kv, '/registry/pods/', { watcherBuffer: 5 });
    await c.ready;
    const ac = new AbortController();
    const slow = c
      .watch('/registry/pods', { recursive: true, resourceVersion: '0', signal: ac.signal })
      [Symbol.asyncIterator]();
    const fast = c
      .watch('/registry/pods', { recursive: true, resourceVersion: '0', signal: ac.signal })
      [Symbol.asyncIterator]();
    const fastEvents = take(fast, 30);
    for (let i = 0; i < 30; i++) await c.create(key(`p${i}`), pod(`p${i}`));
    expect(await fastEvents).toHaveLength(30);
    const rest = await take(slow, 100);
    expect(rest.length).toBeLessThan(29); // it was cut off, then its stream ended
    expect(c.watcherCount).toBe(1);
    ac.abort();
  });

  it('sends periodic bookmarks at the current revision, even when other prefixes move it', async () => {
    c = createCacher(s.storage, s.kv, '/registry/pods/', { bookmarkIntervalMs: 20 });
    await c.ready;
    const ac = new AbortController();
    const it = c
      .watch('/registry/pods', { recursive: true, resourceVersion: '0', allowWatchBookmarks: true, signal: ac.signal })
      [Symbol.asyncIterator]();
    await s.storage.create('/registry/services/ns/x', { metadata: { name: 'x' } });
    let bm: WatchEvent | undefined;
    while (bm?.object.metadata?.resourceVersion !== '1') bm = (await it.next()).value as WatchEvent;
    expect(bm.type).toBe('BOOKMARK');
    ac.abort();
  });

  it('a watch from a future resourceVersion waits, then times out with TooLargeResourceVersion', async () => {
    c = createCacher(s.storage, s.kv, '/registry/pods/', { freshnessTimeoutMs: 50 });
    const ac = new AbortController();
    const it = c
      .watch('/registry/pods', { recursive: true, resourceVersion: '9', signal: ac.signal })
      [Symbol.asyncIterator]();
    const [e] = await take(it, 1);
    expect(e?.type).toBe('ERROR');
    expect(e?.object).toMatchObject({
      code: 504,
      reason: 'Timeout',
      message: 'Timeout: Too large resource version: 9, current: 0',
    });
    const later = c
      .watch('/registry/pods', { recursive: true, resourceVersion: '1', signal: ac.signal })
      [Symbol.asyncIterator]();
    const p = take(later, 1);
    await c.create(key('p1'), pod('p1'));
    await c.create(key('p2'), pod('p2'));
    expect((await p).map(summary)).toEqual([['ADDED', 'p2', '2']]);
    ac.abort();
  });
});

describe('Cacher list items', () => {
  it('are shared frozen objects, re-parsed only when the key changes', async () => {
    const { storage, kv, close } = await openStorage({ compactionIntervalMs: 0 });
    const cacher = createCacher(storage, kv, '/registry/configmaps/');
    try {
      await cacher.create('/registry/configmaps/ns/a', { metadata: { name: 'a' }, data: { k: 'v' } });
      const first = (await cacher.getList('/registry/configmaps', { recursive: true })).items[0];
      const again = (await cacher.getList('/registry/configmaps', { recursive: true })).items[0];
      expect(again).toBe(first);
      expect(Object.isFrozen(first?.metadata)).toBe(true);
      expect(() => {
        (first?.data as Record<string, string>).k = 'changed';
      }).toThrow(TypeError);
      await cacher.guaranteedUpdate('/registry/configmaps/ns/a', (c) => ({ ...c, data: { k: 'w' } }));
      const updated = (await cacher.getList('/registry/configmaps', { recursive: true })).items[0];
      expect(updated).not.toBe(first);
      expect(updated?.data).toEqual({ k: 'w' });
      expect(Number(updated?.metadata?.resourceVersion)).toBeGreaterThan(Number(first?.metadata?.resourceVersion));
    } finally {
      cacher.stop();
      await close();
    }
  });
});
