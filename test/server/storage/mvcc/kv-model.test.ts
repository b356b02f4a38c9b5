/**
 * Property test: random put/delete/deleteRange/txn/compact sequences against a reference model.
 * Reads at every retained revision, and watches replaying from any revision, must agree with it.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MvccStore } from '../../../../src/server/storage/mvcc/kv.js';
import { CompactedError, type KeyValue, MAX_KEY, prefixEnd } from '../../../../src/server/storage/mvcc/types.js';

type Op =
  | { t: 'put'; k: string; v: string }
  | { t: 'del'; k: string }
  | { t: 'delPrefix'; k: string }
  | { t: 'txn'; k: string; v: string; expectCurrent: boolean; k2: string }
  | { t: 'compact'; back: number };

interface ModelKv {
  value: string;
  create: number;
  mod: number;
  version: number;
}
interface ModelEvent {
  rev: number;
  type: 'PUT' | 'DELETE';
  key: string;
  value: string;
}

const key = fc.constantFrom('a', 'b', 'ab', 'abc', 'b/x', 'c');
const op: fc.Arbitrary<Op> = fc.oneof(
  { weight: 5, arbitrary: fc.record({ t: fc.constant('put' as const), k: key, v: fc.string({ maxLength: 4 }) }) },
  { weight: 2, arbitrary: fc.record({ t: fc.constant('del' as const), k: key }) },
  { weight: 1, arbitrary: fc.record({ t: fc.constant('delPrefix' as const), k: fc.constantFrom('a', 'b') }) },
  {
    weight: 2,
    arbitrary: fc.record({
      t: fc.constant('txn' as const),
      k: key,
      v: fc.string({ maxLength: 4 }),
      expectCurrent: fc.boolean(),
      k2: key,
    }),
  },
  { weight: 1, arbitrary: fc.record({ t: fc.constant('compact' as const), back: fc.nat(5) }) },
);

const snapshot = (m: Map<string, ModelKv>): Array<[string, ModelKv]> =>
  [...m.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([k, v]) => [k, { ...v }]);

const asModel = (kvs: KeyValue[]): Array<[string, ModelKv]> =>
  kvs.map((kv) => [kv.key, { value: kv.value, create: kv.createRevision, mod: kv.modRevision, version: kv.version }]);

describe('MvccStore against a reference model', () => {
  it('reads at every revision and watches from every revision agree with the model', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 40 }), async (ops) => {
        const kv = new MvccStore({ compactionIntervalMs: 0 });
        const state = new Map<string, ModelKv>();
        const states: Array<Array<[string, ModelKv]>> = [[]]; // index = revision
        const events: ModelEvent[] = [];
        let rev = 0;
        let compactRev = 0;
        const del = (k: string, r: number) => {
          state.delete(k);
          events.push({ rev: r, type: 'DELETE', key: k, value: '' });
        };
        const put = (k: string, v: string, r: number) => {
          const p = state.get(k);
          state.set(k, { value: v, create: p ? p.create : r, mod: r, version: p ? p.version + 1 : 1 });
          events.push({ rev: r, type: 'PUT', key: k, value: v });
        };
        try {
          for (const o of ops) {
            if (o.t === 'put') {
              const r = await kv.put(o.k, o.v);
              expect(r.revision).toBe(rev + 1);
              put(o.k, o.v, ++rev);
            } else if (o.t === 'del') {
              const r = await kv.deleteRange(o.k);
              const had = state.has(o.k);
              expect(r.deleted).toBe(had ? 1 : 0);
              if (had) del(o.k, ++rev);
              expect(r.revision).toBe(rev);
            } else if (o.t === 'delPrefix') {
              const keys = [...state.keys()].filter((k) => k.startsWith(o.k)).sort();
              const r = await kv.deleteRange(o.k, { end: prefixEnd(o.k) });
              expect(r.deleted).toBe(keys.length);
              if (keys.length > 0) {
                rev++;
                for (const k of keys) del(k, rev);
              }
            } else if (o.t === 'txn') {
              const cur = state.get(o.k)?.mod ?? 0;
              const want = o.expectCurrent ? cur : cur + 1;
              const r = await kv.txn({
                compare: [{ key: o.k, target: 'mod', op: '=', value: want }],
                success: [
                  { type: 'put', key: o.k, value: o.v },
                  ...(o.k2 !== o.k ? [{ type: 'delete' as const, key: o.k2 }] : []),
                ],
                failure: [{ type: 'range', key: o.k }],
              });
              expect(r.succeeded).toBe(o.expectCurrent);
              if (o.expectCurrent) {
                rev++;
                put(o.k, o.v, rev);
                if (o.k2 !== o.k && state.has(o.k2)) del(o.k2, rev);
              } else {
                const got = (r.responses[0] as { result: { kvs: KeyValue[] } }).result.kvs;
                expect(got.map((x) => x.key)).toEqual(state.has(o.k) ? [o.k] : []);
              }
            } else {
              const target = Math.max(0, rev - o.back);
              if (target > compactRev) {
                await kv.compact(target);
                compactRev = target;
              } else {
                await expect(kv.compact(target)).rejects.toBeInstanceOf(CompactedError);
              }
            }
            while (states.length <= rev) states.push(snapshot(state));
            states[rev] = snapshot(state);
          }
          expect(kv.currentRevision()).toBe(rev);
          // Reads at every revision still retained.
          for (let r = Math.max(1, compactRev); r <= rev; r++) {
            const got = kv.range('', { end: MAX_KEY, revision: r });
            expect(asModel(got.kvs)).toEqual(states[r]);
            expect(got.count).toBe(states[r]?.length);
            const paged = kv.range('a', { end: prefixEnd('a'), revision: r, limit: 1 });
            const inA = (states[r] ?? []).filter(([k]) => k.startsWith('a'));
            expect(paged.count).toBe(inA.length);
            expect(paged.more).toBe(inA.length > 1);
          }
          if (compactRev > 1) expect(() => kv.range('a', { revision: compactRev - 1 })).toThrow(CompactedError);
          expect(asModel(kv.range('', { end: MAX_KEY }).kvs)).toEqual(snapshot(state));
          // Watches replaying history from each revision.
          for (let from = 1; from <= rev + 1; from++) {
            const ac = new AbortController();
            const w = kv.watch('', { end: MAX_KEY, startRevision: from, signal: ac.signal });
            if (from < compactRev) {
              await expect(w[Symbol.asyncIterator]().next()).rejects.toBeInstanceOf(CompactedError);
              continue;
            }
            const want = events.filter((e) => e.rev >= from);
            const got: ModelEvent[] = [];
            const it = w[Symbol.asyncIterator]();
            while (got.length < want.length) {
              const n = await it.next();
              if (n.done) break;
              for (const e of n.value.events)
                got.push({ rev: e.kv.modRevision, type: e.type, key: e.kv.key, value: e.kv.value });
            }
            ac.abort();
            expect(got).toEqual(want);
          }
        } finally {
          await kv.close();
        }
      }),
      { numRuns: 60 },
    );
  });
});
