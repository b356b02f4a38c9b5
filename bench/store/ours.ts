/**
 * The store benchmark against kctl's storage stack (openStorage + cacher), durable on disk.
 * Run as a child process per phase so RSS is measured on a clean process:
 *   node --import tsx bench/store/ours.ts <write|list|rss> <quick 0|1> <workDir>   (rss needs list first)
 * Prints one JSON line of figures.
 */
import { setMaxListeners } from 'node:events';
import { mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { createCacher, openStorage, type StoredObject, type WatchEvent } from '../../src/server/storage/index.js';
import { median, now, percentile, podLike, pool, round, sizesFor } from './workload.js';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

const [phase, quickArg, workDir] = process.argv.slice(2) as [string, string, string];
const sizes = sizesFor(quickArg === '1');
const key = (i: number) => `/registry/pods/ns${i % 20}/pod-${String(i).padStart(7, '0')}`;

function freshDir(name: string): string {
  const d = join(workDir, name);
  rmSync(d, { recursive: true, force: true });
  mkdirSync(d, { recursive: true });
  return d;
}

async function writePhase(): Promise<Record<string, number>> {
  const seq: number[] = [];
  const c64: number[] = [];
  const cas: number[] = [];
  for (let r = 0; r < sizes.runs; r++) {
    const { storage, close } = await openStorage({ dataDir: freshDir(`w${r}`), compactionIntervalMs: 0 });
    let ms = now();
    for (let i = 0; i < sizes.seq; i++) await storage.create(key(i), podLike('ns', `p${i}`, i));
    seq.push(sizes.seq / ((now() - ms) / 1000));
    ms = await pool(sizes.c64, 64, (i) => storage.create(key(1_000_000 + i), podLike('ns', `q${i}`, i)));
    c64.push(sizes.c64 / (ms / 1000));
    ms = now();
    for (let i = 0; i < sizes.cas; i++) {
      await storage.guaranteedUpdate(key(i % sizes.seq), (cur: StoredObject) => ({
        ...cur,
        status: { phase: 'Running', n: i },
      }));
    }
    cas.push(sizes.cas / ((now() - ms) / 1000));
    await close();
  }
  return { put_seq_ops: round(median(seq), 0), put_c64_ops: round(median(c64), 0), cas_ops: round(median(cas), 0) };
}

const dirBytes = (d: string): number => readdirSync(d).reduce((n, f) => n + statSync(join(d, f)).size, 0);

async function listPhase(): Promise<Record<string, number>> {
  const dir = freshDir('list');
  let opened = await openStorage({ dataDir: dir, compactionIntervalMs: 0 });
  const loadMs = await pool(sizes.list, 512, (i) =>
    opened.storage.create(key(i), podLike(`ns${i % 20}`, `pod-${i}`, i)),
  );
  const lists: number[] = [];
  for (let r = 0; r < sizes.runs; r++) {
    const t0 = now();
    let cont: string | undefined;
    let n = 0;
    do {
      const page = await opened.storage.getList('/registry/pods', { recursive: true, limit: 500, continue: cont });
      n += page.items.length;
      cont = page.continue;
    } while (cont);
    if (n !== sizes.list) throw new Error(`listed ${n} of ${sizes.list}`);
    lists.push((now() - t0) / 1000);
  }
  const gets: number[] = [];
  for (let r = 0; r < sizes.runs; r++) {
    const t0 = now();
    for (let i = 0; i < sizes.gets; i++) await opened.storage.get(key((i * 7919) % sizes.list));
    gets.push(((now() - t0) * 1000) / sizes.gets);
  }
  await opened.close();
  const reopen: number[] = [];
  const cacheInit: number[] = [];
  for (let r = 0; r < sizes.runs; r++) {
    const t0 = now();
    opened = await openStorage({ dataDir: dir, compactionIntervalMs: 0 });
    reopen.push((now() - t0) / 1000);
    const t1 = now();
    const c = createCacher(opened.storage, opened.kv, '/registry/pods/');
    await c.ready;
    cacheInit.push((now() - t1) / 1000);
    c.stop();
    if (r < sizes.runs - 1) await opened.close();
  }
  const cacher = createCacher(opened.storage, opened.kv, '/registry/pods/');
  await cacher.ready;
  const fanout = await watchFanout(opened, cacher);
  cacher.stop();
  await opened.close();
  return {
    load_ops: round(sizes.list / (loadMs / 1000), 0),
    list_paged_s: round(median(lists)),
    get_us: round(median(gets), 1),
    disk_mib: round(dirBytes(dir) / 2 ** 20, 0),
    reopen_s: round(median(reopen)),
    cacher_init_s: round(median(cacheInit)),
    watch_fanout_p99_ms: round(fanout, 2),
  };
}

/** 100 watchers on the cacher, 1,000 writes/s; latency from write start to each delivery. */
async function watchFanout(
  opened: Awaited<ReturnType<typeof openStorage>>,
  cacher: ReturnType<typeof createCacher>,
): Promise<number> {
  const started = new Map<string, number>();
  const lat: number[] = [];
  const ac = new AbortController();
  setMaxListeners(200, ac.signal);
  const rv = await opened.storage.currentResourceVersion();
  const done: Promise<void>[] = [];
  for (let w = 0; w < 100; w++) {
    const it = cacher.watch('/registry/pods/fan', { recursive: true, resourceVersion: rv, signal: ac.signal });
    done.push(
      (async () => {
        for await (const e of it as AsyncIterable<WatchEvent>) {
          const t = started.get(e.object.metadata?.name as string);
          if (t !== undefined) lat.push(now() - t);
        }
      })(),
    );
  }
  const total = sizes.watchSeconds * 1000;
  const t0 = now();
  let i = 0;
  const writes: Promise<unknown>[] = [];
  while (i < total) {
    // Keep to 1,000 writes/s: issue what is due, then yield 1 ms.
    const due = Math.min(total, Math.floor(now() - t0));
    for (; i < due; i++) {
      const name = `w${i}`;
      started.set(name, now());
      writes.push(opened.storage.create(`/registry/pods/fan/${name}`, { metadata: { name }, spec: { i } }));
    }
    await new Promise((r) => setTimeout(r, 1));
  }
  await Promise.all(writes);
  await new Promise((r) => setTimeout(r, 200));
  ac.abort();
  await Promise.all(done);
  return percentile(lat, 99);
}

/** RSS of a process that reopened the store and filled the watch cache with every object. */
async function rssPhase(): Promise<Record<string, number>> {
  const opened = await openStorage({ dataDir: join(workDir, 'list'), compactionIntervalMs: 0 });
  const cacher = createCacher(opened.storage, opened.kv, '/registry/pods/');
  await cacher.ready;
  if ((await cacher.count('/registry/pods')) < sizes.list) throw new Error('cache incomplete');
  gc();
  const rss = process.memoryUsage().rss / 2 ** 20;
  cacher.stop();
  await opened.close();
  return { rss_mib: round(rss, 0) };
}

const out = phase === 'write' ? await writePhase() : phase === 'list' ? await listPhase() : await rssPhase();
process.stdout.write(`${JSON.stringify(out)}\n`);
