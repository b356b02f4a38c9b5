/**
 * The same workload on a real etcd (Debian `etcd-server`) through the `etcd3` npm client, for the
 * ratio figures. etcd runs on 127.0.0.1 with a temp data dir and its default durability (one
 * fsync per raft entry), i.e. the same durability as kctl's store.
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { Etcd3, Range } from 'etcd3';
import { median, now, percentile, podLike, pool, round, type Sizes } from './workload.js';

const freePort = (): Promise<number> =>
  new Promise((resolve, reject) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const a = s.address();
      s.close(() => (typeof a === 'object' && a ? resolve(a.port) : reject(new Error('no port'))));
    });
  });

export function etcdOnPath(): string | undefined {
  try {
    return execFileSync('sh', ['-c', 'command -v etcd'], { encoding: 'utf8' }).trim() || undefined;
  } catch {
    return undefined;
  }
}

interface Running {
  proc: ChildProcess;
  client: Etcd3;
}

async function startEtcd(bin: string, dir: string, ports: [number, number]): Promise<Running> {
  const [client, peer] = ports;
  const proc = spawn(
    bin,
    [
      '--name=bench',
      `--data-dir=${dir}`,
      `--listen-client-urls=http://127.0.0.1:${client}`,
      `--advertise-client-urls=http://127.0.0.1:${client}`,
      `--listen-peer-urls=http://127.0.0.1:${peer}`,
      `--initial-advertise-peer-urls=http://127.0.0.1:${peer}`,
      `--initial-cluster=bench=http://127.0.0.1:${peer}`,
      '--quota-backend-bytes=8589934592',
      '--log-level=error',
    ],
    { stdio: 'ignore', env: { ...process.env, ETCD_UNSUPPORTED_ARCH: process.arch === 'arm64' ? 'arm64' : '' } },
  );
  const c = new Etcd3({ hosts: `http://127.0.0.1:${client}` });
  for (let i = 0; ; i++) {
    try {
      await c.get('/probe').string();
      return { proc, client: c };
    } catch (e) {
      if (i > 200) throw e;
      await new Promise((r) => setTimeout(r, 25));
    }
  }
}

async function stopEtcd(r: Running): Promise<void> {
  r.client.close();
  await new Promise<void>((resolve) => {
    r.proc.once('exit', () => resolve());
    r.proc.kill('SIGTERM');
  });
}

const key = (i: number) => `/registry/pods/ns${i % 20}/pod-${String(i).padStart(7, '0')}`;
const rssOf = (pid: number): number => {
  const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) / 1024 : Number.NaN;
};

export async function runEtcd(bin: string, workDir: string, sizes: Sizes): Promise<Record<string, number>> {
  const ports: [number, number] = [await freePort(), await freePort()];
  const seq: number[] = [];
  const c64: number[] = [];
  const cas: number[] = [];
  for (let r = 0; r < sizes.runs; r++) {
    const e = await startEtcd(bin, `${workDir}/etcd-w${r}`, ports);
    let t0 = now();
    for (let i = 0; i < sizes.seq; i++) await e.client.put(key(i)).value(JSON.stringify(podLike('ns', `p${i}`, i)));
    seq.push(sizes.seq / ((now() - t0) / 1000));
    const ms = await pool(sizes.c64, 64, (i) =>
      e.client
        .put(key(1_000_000 + i))
        .value(JSON.stringify(podLike('ns', `q${i}`, i)))
        .exec(),
    );
    c64.push(sizes.c64 / (ms / 1000));
    t0 = now();
    for (let i = 0; i < sizes.cas; i++) {
      // GuaranteedUpdate: read, modify, compare-and-swap on modRevision.
      const k = key(i % sizes.seq);
      const cur = await e.client
        .getAll()
        .inRange(new Range(k, `${k}\x00`))
        .exec();
      const kv = cur.kvs[0];
      if (!kv) throw new Error('missing');
      const obj = JSON.parse(kv.value.toString()) as Record<string, unknown>;
      const res = await e.client
        .if(k, 'Mod', '==', Number(kv.mod_revision))
        .then(e.client.put(k).value(JSON.stringify({ ...obj, status: { phase: 'Running', n: i } })))
        .commit();
      if (!res.succeeded) throw new Error('conflict');
    }
    cas.push(sizes.cas / ((now() - t0) / 1000));
    await stopEtcd(e);
  }
  const dir = `${workDir}/etcd-list`;
  let e = await startEtcd(bin, dir, ports);
  await pool(sizes.list, 512, (i) =>
    e.client
      .put(key(i))
      .value(JSON.stringify(podLike(`ns${i % 20}`, `pod-${i}`, i)))
      .exec(),
  );
  const lists: number[] = [];
  for (let r = 0; r < sizes.runs; r++) {
    const t0 = now();
    let start = '/registry/pods/';
    let rev: string | undefined;
    let n = 0;
    for (;;) {
      let q = e.client.getAll().inRange(new Range(start, '/registry/pods0')).limit(500);
      if (rev) q = q.revision(rev);
      const resp = await q.exec();
      rev ??= resp.header.revision;
      // Decode like the apiserver does, for parity with kctl's getList.
      for (const kv of resp.kvs) JSON.parse(kv.value.toString());
      n += resp.kvs.length;
      const last = resp.kvs[resp.kvs.length - 1];
      if (!resp.more || !last) break;
      start = `${last.key.toString()}\x00`;
    }
    if (n !== sizes.list) throw new Error(`etcd listed ${n}`);
    lists.push((now() - t0) / 1000);
  }
  const gets: number[] = [];
  for (let r = 0; r < sizes.runs; r++) {
    const t0 = now();
    for (let i = 0; i < sizes.gets; i++)
      JSON.parse((await e.client.get(key((i * 7919) % sizes.list)).string()) ?? '{}');
    gets.push(((now() - t0) * 1000) / sizes.gets);
  }
  const rss = rssOf(e.proc.pid as number);
  const disk = Number(execFileSync('du', ['-sk', dir], { encoding: 'utf8' }).split('\t')[0]) / 1024;
  const fanout = await etcdFanout(e.client, sizes);
  const reopen: number[] = [];
  for (let r = 0; r < sizes.runs; r++) {
    await stopEtcd(e);
    const t0 = now();
    e = await startEtcd(bin, dir, ports);
    reopen.push((now() - t0) / 1000);
  }
  await stopEtcd(e);
  return {
    put_seq_ops: round(median(seq), 0),
    put_c64_ops: round(median(c64), 0),
    cas_ops: round(median(cas), 0),
    list_paged_s: round(median(lists)),
    get_us: round(median(gets), 1),
    rss_mib: round(rss, 0),
    disk_mib: round(disk, 0),
    reopen_s: round(median(reopen)),
    watch_fanout_p99_ms: round(fanout, 2),
  };
}

/** 100 etcd watchers on a prefix, 1,000 writes/s. */
async function etcdFanout(client: Etcd3, sizes: Sizes): Promise<number> {
  const started = new Map<string, number>();
  const lat: number[] = [];
  const watchers = await Promise.all(
    Array.from({ length: 100 }, async () => {
      const w = await client.watch().prefix('/registry/pods/fan/').create();
      w.on('put', (kv) => {
        const t = started.get(kv.key.toString());
        if (t !== undefined) lat.push(now() - t);
      });
      return w;
    }),
  );
  const total = sizes.watchSeconds * 1000;
  const t0 = now();
  let i = 0;
  const writes: Promise<unknown>[] = [];
  while (i < total) {
    const due = Math.min(total, Math.floor(now() - t0));
    for (; i < due; i++) {
      const k = `/registry/pods/fan/w${i}`;
      started.set(k, now());
      writes.push(
        client
          .put(k)
          .value(JSON.stringify({ metadata: { name: `w${i}` }, spec: { i } }))
          .exec(),
      );
    }
    await new Promise((r) => setTimeout(r, 1));
  }
  await Promise.all(writes);
  await new Promise((r) => setTimeout(r, 300));
  await Promise.all(watchers.map((w) => w.cancel()));
  return percentile(lat, 99);
}
