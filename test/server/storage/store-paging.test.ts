/**
 * Property test: for any set of objects, page size and predicate, following continue tokens
 * yields exactly the filtered list, in key order, each page full except the last, at one revision.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { openStorage, type StoredObject } from '../../../src/server/storage/index.js';

describe('getList paging', () => {
  it('concatenated pages equal the filtered list', async () => {
    const { storage, close } = await openStorage({ compactionIntervalMs: 0 });
    try {
      await fc.assert(
        fc.asyncProperty(
          fc.uniqueArray(
            fc.tuple(fc.constantFrom('a', 'b', 'kube-system'), fc.stringMatching(/^[a-z][a-z0-9]{0,6}$/)),
            {
              selector: ([ns, n]) => `${ns}/${n}`,
              maxLength: 60,
            },
          ),
          fc.integer({ min: 1, max: 12 }),
          fc.integer({ min: 0, max: 3 }),
          fc.boolean(),
          async (objs, limit, mod, filtered) => {
            const prefix = `/registry/t${Math.random().toString(36).slice(2)}`;
            for (const [i, [ns, n]] of objs.entries())
              await storage.create(`${prefix}/${ns}/${n}`, { metadata: { name: n, namespace: ns }, i });
            const pred = filtered ? (o: StoredObject) => (o.i as number) % 4 !== mod : undefined;
            const all = await storage.getList(prefix, { recursive: true, ...(pred ? { predicate: pred } : {}) });
            const want = objs
              .filter((_, i) => !filtered || i % 4 !== mod)
              .map(([ns, n]) => `${ns}/${n}`)
              .sort();
            expect(all.items.map((o) => `${o.metadata?.namespace}/${o.metadata?.name}`)).toEqual(want);
            const got: string[] = [];
            let cont: string | undefined;
            let rv: string | undefined;
            do {
              const page = await storage.getList(prefix, {
                recursive: true,
                limit,
                ...(cont ? { continue: cont } : {}),
                ...(pred ? { predicate: pred } : {}),
              });
              rv ??= page.resourceVersion;
              expect(page.resourceVersion).toBe(rv);
              if (page.continue) {
                expect(page.items).toHaveLength(limit);
                if (!pred) expect(page.remainingItemCount).toBe(want.length - got.length - limit);
              }
              got.push(...page.items.map((o) => `${o.metadata?.namespace}/${o.metadata?.name}`));
              cont = page.continue;
            } while (cont);
            expect(got).toEqual(want);
          },
        ),
        { numRuns: 40 },
      );
    } finally {
      await close();
    }
  });
});
