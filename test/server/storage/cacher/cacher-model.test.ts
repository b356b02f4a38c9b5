/**
 * Property test: whatever sequence of writes goes through the cacher, its watch stream equals the
 * store's own watch stream, watches resumed from any revision in the ring replay the same suffix,
 * and its RV=0 list equals the store's consistent list.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createCacher, openStorage, type StoredObject, type WatchEvent } from '../../../../src/server/storage/index.js';

type Op = { t: 'create' | 'update' | 'delete'; name: string; app: string };
const op = fc.record({
  t: fc.constantFrom('create', 'update', 'delete') as fc.Arbitrary<Op['t']>,
  name: fc.constantFrom('a', 'b', 'c', 'd'),
  app: fc.constantFrom('x', 'y'),
});

const summary = (e: WatchEvent) => `${e.type} ${e.object.metadata?.name} ${e.object.metadata?.resourceVersion}`;

async function drain(it: AsyncIterator<WatchEvent>, until: (e: WatchEvent) => boolean): Promise<WatchEvent[]> {
  const out: WatchEvent[] = [];
  for (;;) {
    const r = await it.next();
    if (r.done) return out;
    out.push(r.value);
    if (until(r.value)) return out;
  }
}

type Lister = Pick<ReturnType<typeof createCacher>, 'getList'>;

/** Every page of a consistent paged list, following continue tokens. */
async function walkPages(s: Lister, limit: number, predicate?: (o: StoredObject) => boolean): Promise<unknown[]> {
  const pages: unknown[] = [];
  let token: string | undefined;
  do {
    const r = await s.getList('/registry/pods', {
      recursive: true,
      limit,
      ...(token ? { continue: token } : {}),
      ...(predicate ? { predicate } : {}),
    });
    pages.push(r);
    token = r.continue;
  } while (token);
  return pages;
}

describe('Cacher against the store', () => {
  it('streams, replays and lists exactly what the store has', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 25 }), async (ops) => {
        const { storage, kv, close } = await openStorage({ compactionIntervalMs: 0 });
        const cacher = createCacher(storage, kv, '/registry/pods/');
        const ac = new AbortController();
        const pred = (o: StoredObject) => (o.metadata?.labels as Record<string, string> | undefined)?.app === 'x';
        const opts = { recursive: true, resourceVersion: '0', signal: ac.signal } as const;
        const fromCache = cacher.watch('/registry/pods', opts)[Symbol.asyncIterator]();
        const fromStore = storage.watch('/registry/pods', opts)[Symbol.asyncIterator]();
        const filteredCache = cacher.watch('/registry/pods', { ...opts, predicate: pred })[Symbol.asyncIterator]();
        const filteredStore = storage.watch('/registry/pods', { ...opts, predicate: pred })[Symbol.asyncIterator]();
        try {
          for (const o of ops) {
            const key = `/registry/pods/ns/${o.name}`;
            const obj = { metadata: { name: o.name, namespace: 'ns', labels: { app: o.app } } };
            if (o.t === 'create') await cacher.create(key, obj).catch(() => undefined);
            else if (o.t === 'update')
              await cacher
                .guaranteedUpdate(key, (c) => ({ ...c, metadata: { ...c.metadata, labels: { app: o.app } } }))
                .catch(() => undefined);
            else await cacher.delete(key).catch(() => undefined);
          }
          const head = await storage.currentResourceVersion();
          // A sentinel write marks the end of both streams.
          await cacher.create('/registry/pods/zz/end', { metadata: { name: 'end', labels: { app: 'x' } } });
          const isEnd = (e: WatchEvent) => e.object.metadata?.name === 'end';
          const a = (await drain(fromCache, isEnd)).map(summary);
          expect(a).toEqual((await drain(fromStore, isEnd)).map(summary));
          expect((await drain(filteredCache, isEnd)).map(summary)).toEqual(
            (await drain(filteredStore, isEnd)).map(summary),
          );
          // Resuming at any revision replays the same suffix the store's watch gives.
          for (let rv = 1; rv <= Number(head); rv++) {
            const o2 = { recursive: true, resourceVersion: String(rv), signal: ac.signal };
            const c = (await drain(cacher.watch('/registry/pods', o2)[Symbol.asyncIterator](), isEnd)).map(summary);
            const s = (await drain(storage.watch('/registry/pods', o2)[Symbol.asyncIterator](), isEnd)).map(summary);
            expect(c).toEqual(s);
          }
          const cached = await cacher.getList('/registry/pods', { recursive: true, resourceVersion: '0' });
          const stored = await storage.getList('/registry/pods', { recursive: true });
          expect(cached.items).toEqual(stored.items);
          expect(await cacher.count('/registry/pods')).toBe(stored.items.length);
          // Consistent paged lists: the cacher's first page (and the store's continuation) walk
          // the same pages, tokens and remaining counts as paging the store alone.
          for (const limit of [1, 2, 3]) {
            for (const predicate of [undefined, pred]) {
              expect(await walkPages(cacher, limit, predicate)).toEqual(await walkPages(storage, limit, predicate));
            }
          }
        } finally {
          ac.abort();
          cacher.stop();
          await close();
        }
      }),
      { numRuns: 40 },
    );
  });
});
