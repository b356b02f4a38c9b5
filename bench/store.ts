/**
 * `npm run bench -- store [--quick]`: kctl's storage stack (durable SQLite MVCC store + kube
 * storage + watch cache) and, when an `etcd` binary is on PATH, etcd through the `etcd3` client,
 * on the same workload (~2 KiB pod-like JSON values). Figures are medians of 3 runs.
 * Writes bench/results/store.json and prints a table.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { etcdOnPath, runEtcd } from './store/etcd.js';
import { parseCalibration, sizesFor } from './store/workload.js';

const quick = process.argv.includes('--quick');
const sizes = sizesFor(quick);
const here = dirname(fileURLToPath(import.meta.url));
const work = mkdtempSync(join(tmpdir(), 'kctl-bench-store-'));

/** Each phase runs in its own process so memory figures are not polluted by earlier phases. */
function phase(name: string): Record<string, number> {
  const r = spawnSync(
    process.execPath,
    ['--import', 'tsx', join(here, 'store', 'ours.ts'), name, quick ? '1' : '0', work],
    {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'inherit'],
      maxBuffer: 1 << 20,
    },
  );
  const line = r.stdout.trim().split('\n').pop() ?? '';
  if (r.status !== 0 || !line.startsWith('{')) throw new Error(`phase ${name} failed (${r.status}): ${r.stdout}`);
  return JSON.parse(line) as Record<string, number>;
}

const k = `${sizes.list / 1000}k`;
/** Renames the per-size figures to the names (list_150k_paged_s, ... or _20k_ for --quick). */
function named(f: Record<string, number>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [key, v] of Object.entries(f)) {
    const m = /^(list|rss|disk|reopen|cacher_init|load)_(.*)$/.exec(key);
    out[m ? `${m[1]}_${k}_${m[2]}` : key] = v;
  }
  return out;
}

try {
  console.error(`store bench (${quick ? 'quick' : 'full'}: ${sizes.list} objects), work dir ${work}`);
  const loadBefore = loadavg()[0] ?? 0;
  const calibBefore = parseCalibration();
  const ours = named({ ...phase('write'), ...phase('list'), ...phase('rss') });
  const bin = etcdOnPath();
  let etcd: Record<string, number> | undefined;
  if (bin) {
    console.error(`etcd found at ${bin}: running the same workload`);
    etcd = named(await runEtcd(bin, work, sizes));
  } else {
    console.error('no etcd binary on PATH: etcd figures skipped');
  }
  const result: Record<string, unknown> = {
    quick,
    objects: sizes.list,
    date: new Date().toISOString(),
    // The machine is shared: load and JSON.parse speed at start and end tell how busy it was.
    machine: {
      cpus: cpus().length,
      loadavg_1m: [Number(loadBefore.toFixed(2)), Number((loadavg()[0] ?? 0).toFixed(2))],
      json_parse_mb_s: [Number(calibBefore.toFixed(0)), Number(parseCalibration().toFixed(0))],
    },
    ...ours,
  };
  if (etcd) {
    for (const [key, v] of Object.entries(etcd)) {
      result[`etcd_${key}`] = v;
      const mine = ours[key];
      if (mine !== undefined && v > 0) result[`ratio_${key}`] = Number((mine / v).toFixed(2));
    }
  }
  mkdirSync(join(here, 'results'), { recursive: true });
  writeFileSync(join(here, 'results', 'store.json'), `${JSON.stringify(result, null, 2)}\n`);
  const rows = Object.keys(ours).map((key) => ({
    figure: key,
    kctl: ours[key],
    etcd: etcd?.[key] ?? '-',
    'kctl/etcd': (result[`ratio_${key}`] as number | undefined) ?? '-',
  }));
  console.table(rows);
} finally {
  rmSync(work, { recursive: true, force: true });
}
