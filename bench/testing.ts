/**
 * `npm run bench -- testing [--quick]`: the figures kctl/testing promises (issue 6):
 *  - start_inprocess_ms: `startServer()` to the first successful authenticated request (median;
 *    the PKI cache is warm after the first start, as in any test run but its first);
 *  - start_cli_ms: spawn `kctl serve --storage memory` on a data dir that has its PKI (a second
 *    start) until a request succeeds; start_cli_fresh_ms the same on an empty data dir;
 *  - reset_1000_ms: `reset()` with 1,000 seeded objects after a test changed 10, created 10 and
 *    deleted 5 of them (median); reset_1000_noop_ms with nothing changed;
 *  - snapshot_10k_ms / restore_10k_ms: `snapshot()` and `restore()` of 10,000 ConfigMaps
 *    (the restore after every object was changed).
 * The machine is shared (2 cores, several agents): figures carry the load average of the run.
 * Results go to bench/results/testing.json.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:https';
import { loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import yaml from 'js-yaml';
import { startServer, type TestServer } from '../src/testing/index.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const quick = process.argv.includes('--quick');
const RUNS = quick ? 3 : 7;

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return Math.round((s[Math.floor(s.length / 2)] ?? 0) * 100) / 100;
};

interface Creds {
  url: string;
  ca: string;
  cert: string;
  key: string;
}

function credsFromKubeconfig(doc: Record<string, unknown>): Creds {
  const d = doc as {
    clusters: Array<{ cluster: Record<string, string> }>;
    users: Array<{ user: Record<string, string> }>;
  };
  const b = (s?: string) => Buffer.from(s ?? '', 'base64').toString();
  const c = d.clusters[0]?.cluster ?? {};
  const u = d.users[0]?.user ?? {};
  return {
    url: c.server ?? '',
    ca: b(c['certificate-authority-data']),
    cert: b(u['client-certificate-data']),
    key: b(u['client-key-data']),
  };
}

function get(c: Creds, path: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(`${c.url}${path}`, { ca: c.ca, cert: c.cert, key: c.key, agent: false }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', reject);
    req.end();
  });
}

async function startInProcess(): Promise<number> {
  const t0 = performance.now();
  const s = await startServer();
  const code = await get(credsFromKubeconfig(s.kubeconfig as Record<string, unknown>), '/api/v1/namespaces/default');
  const ms = performance.now() - t0;
  await s.stop();
  if (code !== 200) throw new Error(`first request answered ${code}`);
  return ms;
}

async function startCli(dir: string): Promise<number> {
  const flags = ['--port', '0', '--data-dir', dir, '--no-update-kubeconfig', '--storage', 'memory'];
  const built = existsSync(join(ROOT, 'dist', 'commands', 'serve.js'));
  const args = built
    ? [join(ROOT, 'bin', 'run.js'), 'serve', ...flags]
    : [
        '--import',
        'tsx',
        '--input-type=module',
        '-e',
        `import Serve from './src/commands/serve.ts'; await Serve.run(${JSON.stringify(flags)}, import.meta.url);`,
      ];
  const t0 = performance.now();
  const child = spawn(process.execPath, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
  try {
    await new Promise<void>((resolve, reject) => {
      let out = '';
      child.stdout.on('data', (c: Buffer) => {
        out += c.toString();
        if (out.includes('ready at')) resolve();
      });
      child.on('exit', (code) => reject(new Error(`kctl serve exited (${code}) before ready`)));
    });
    const creds = credsFromKubeconfig(
      yaml.load(readFileSync(join(dir, 'kubeconfig'), 'utf8')) as Record<string, unknown>,
    );
    const code = await get(creds, '/api/v1/namespaces/default');
    if (code !== 200) throw new Error(`first request answered ${code}`);
    return performance.now() - t0;
  } finally {
    await new Promise<void>((r) => {
      if (child.exitCode !== null) return r();
      child.once('exit', () => r());
      child.kill('SIGTERM');
    });
  }
}

const cmJson = (name: string, i: number): Record<string, unknown> => ({
  apiVersion: 'v1',
  kind: 'ConfigMap',
  metadata: { name, namespace: 'bench', labels: { app: 'bench', shard: String(i % 10) } },
  data: { payload: 'x'.repeat(1500), index: String(i) },
});

async function resetFigures(): Promise<{ changed: number; noop: number }> {
  const seed = [
    { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'bench' } },
    ...Array.from({ length: 1000 }, (_, i) => cmJson(`cm-${i}`, i)),
  ];
  const s = await startServer({ seed: seed as never });
  const store = s.registry.storeFor('', 'configmaps');
  if (!store) throw new Error('no configmaps store');
  const ctx = { namespace: 'bench', user: { name: 'bench', groups: ['system:masters'] }, warnings: [] };
  const write = { dryRun: false, fieldValidation: 'Ignore' as const };
  const changed: number[] = [];
  const noop: number[] = [];
  try {
    for (let r = 0; r < RUNS * 3; r++) {
      for (let i = 0; i < 10; i++)
        await store.patch(ctx, `cm-${r * 10 + i}`, 'merge', { data: { index: `changed-${r}` } }, write);
      for (let i = 0; i < 10; i++) await store.create(ctx, cmJson(`new-${i}`, i), write);
      for (let i = 0; i < 5; i++) await store.delete(ctx, `cm-${500 + r * 5 + i}`, { dryRun: false });
      await s.settle();
      let t0 = performance.now();
      const res = await s.reset();
      changed.push(performance.now() - t0);
      if (res.written !== 15 || res.deleted !== 10) throw new Error(`unexpected reset ${JSON.stringify(res)}`);
      t0 = performance.now();
      await s.reset();
      noop.push(performance.now() - t0);
    }
  } finally {
    await s.stop();
  }
  return { changed: median(changed), noop: median(noop) };
}

async function snapshotFigures(s: TestServer): Promise<{ snapshot: number; restore: number }> {
  const N = 10_000;
  const value = (i: number, v: string) =>
    JSON.stringify({ ...cmJson(`cm-${i}`, i), data: { payload: 'x'.repeat(1500), v } });
  // Loaded straight into the store in chunks (the figure is about snapshots, not about creates).
  for (let i = 0; i < N; i += 1000)
    await s.kv.txn({
      success: Array.from({ length: Math.min(1000, N - i) }, (_, j) => ({
        type: 'put' as const,
        key: `/registry/configmaps/bench/cm-${String(i + j).padStart(5, '0')}`,
        value: value(i + j, 'a'),
      })),
    });
  const snaps: number[] = [];
  const restores: number[] = [];
  for (let r = 0; r < Math.max(3, RUNS - 2); r++) {
    let t0 = performance.now();
    const snap = s.snapshot();
    snaps.push(performance.now() - t0);
    await s.kv.txn({
      success: Array.from({ length: N }, (_, i) => ({
        type: 'put' as const,
        key: `/registry/configmaps/bench/cm-${String(i).padStart(5, '0')}`,
        value: value(i, `b${r}`),
      })),
    });
    t0 = performance.now();
    const res = await s.restore(snap);
    restores.push(performance.now() - t0);
    if (res.written < N) throw new Error(`restore wrote ${res.written}`);
  }
  return { snapshot: median(snaps), restore: median(restores) };
}

const load0 = loadavg()[0] ?? 0;
const starts: number[] = [];
await startInProcess(); // fills the PKI cache, as the first server of a test run does
for (let i = 0; i < RUNS; i++) starts.push(await startInProcess());

const cliDir = mkdtempSync(join(tmpdir(), 'kctl-bench-testing-'));
const fresh = await startCli(cliDir);
const cli: number[] = [];
for (let i = 0; i < Math.min(RUNS, 3); i++) cli.push(await startCli(cliDir));
rmSync(cliDir, { recursive: true, force: true });

const reset = await resetFigures();
const big = await startServer();
const snap = await snapshotFigures(big).finally(() => big.stop());

const results = {
  date: new Date().toISOString(),
  quick,
  load_avg_1m: Math.round(Math.max(load0, loadavg()[0] ?? 0) * 10) / 10,
  start_inprocess_ms: median(starts),
  start_cli_ms: median(cli),
  start_cli_fresh_ms: Math.round(fresh),
  cli_runner: existsSync(join(ROOT, 'dist', 'commands', 'serve.js')) ? 'dist' : 'tsx',
  reset_1000_ms: reset.changed,
  reset_1000_noop_ms: reset.noop,
  snapshot_10k_ms: snap.snapshot,
  restore_10k_ms: snap.restore,
  targets: { start_inprocess_ms: 100, start_cli_ms: 300, reset_1000_ms: 5, snapshot_10k_ms: 200, restore_10k_ms: 200 },
};
mkdirSync(join(ROOT, 'bench', 'results'), { recursive: true });
writeFileSync(join(ROOT, 'bench', 'results', 'testing.json'), `${JSON.stringify(results, null, 2)}\n`);
process.stdout.write(`${JSON.stringify(results, null, 2)}\nresults in bench/results/testing.json\n`);
