/**
 * `npm run bench -- serve [--quick]`: kctl serve against a bare Node HTTPS server that answers
 * the same bytes (same certificate, same keep-alive client), in the same run.
 *  - cold start: spawn `kctl serve` on a fresh data dir until it prints its ready line;
 *  - GET one pod, LIST 100 pods as Table, CREATE a configmap at concurrency 1/16/64:
 *    req/s, p50, p99 for both servers and `ratio_* = ours / bare` (req/s).
 * Results go to bench/results/serve.json. `--case get_pod` (repeatable) runs only the named cases
 * and skips cold start, printing without writing results (for iterating on one number).
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { Agent, createServer, request } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServer } from '../src/server/serve.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const quick = process.argv.includes('--quick');
const DURATION_MS = quick ? 600 : 2500;
const ROUNDS = quick ? 2 : 6;
const CONCURRENCY = [1, 16, 64];
const only = process.argv.flatMap((a, i) => (process.argv[i - 1] === '--case' ? [a] : []));

interface Sample {
  rps: number;
  p50_ms: number;
  p99_ms: number;
}

function pct(sorted: number[], p: number): number {
  if (!sorted.length) return 0;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

interface Target {
  url: string;
  ca: Buffer;
  cert?: Buffer;
  key?: Buffer;
}

type Req = { method: string; path: string; headers?: Record<string, string>; body?: (i: number) => string };

function once(t: Target, agent: Agent, r: Req, i: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const body = r.body?.(i);
    const req = request(
      `${t.url}${r.path}`,
      {
        method: r.method,
        agent,
        ca: t.ca,
        cert: t.cert,
        key: t.key,
        headers: {
          ...(r.headers ?? {}),
          ...(body ? { 'Content-Type': 'application/json', 'Content-Length': String(Buffer.byteLength(body)) } : {}),
        },
      },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      },
    );
    req.on('error', reject);
    if (body) req.write(body);
    req.end();
  });
}

/** Shared by every run so generated names never repeat. */
let counter = 0;

/** One timed burst: `concurrency` keep-alive loops for `ms`; pushes each latency, returns requests done. */
async function burst(t: Target, agent: Agent, r: Req, concurrency: number, ms: number, latencies: number[]) {
  const end = performance.now() + ms;
  let done = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (performance.now() < end) {
        const t0 = performance.now();
        const code = await once(t, agent, r, counter++);
        if (code >= 400) throw new Error(`${r.method} ${r.path}: HTTP ${code}`);
        latencies.push(performance.now() - t0);
        done++;
      }
    }),
  );
  return done;
}

function summarize(latencies: number[], done: number, seconds: number): Sample {
  latencies.sort((a, b) => a - b);
  const round = (n: number) => Math.round(n * 1000) / 1000;
  return { rps: Math.round(done / seconds), p50_ms: round(pct(latencies, 50)), p99_ms: round(pct(latencies, 99)) };
}

/**
 * Both servers under the same load, interleaved: ROUNDS short bursts each, alternating which goes
 * first, so JIT warm-up, GC debt and machine noise fall on both alike (one long run each swung
 * the ratio by +-0.15).
 */
async function compare(a: Target, b: Target, r: Req, concurrency: number): Promise<[Sample, Sample]> {
  const targets = [a, b];
  const agents = targets.map(() => new Agent({ keepAlive: true, maxSockets: concurrency }));
  const lat: number[][] = [[], []];
  const done = [0, 0];
  const secs = [0, 0];
  // warm-up: open the connections first
  for (const [i, t] of targets.entries()) {
    await Promise.all(Array.from({ length: concurrency }, () => once(t, agents[i] as Agent, r, counter++)));
  }
  for (let round = 0; round < ROUNDS; round++) {
    for (const i of round % 2 ? [1, 0] : [0, 1]) {
      const t0 = performance.now();
      done[i] += await burst(
        targets[i] as Target,
        agents[i] as Agent,
        r,
        concurrency,
        DURATION_MS / ROUNDS,
        lat[i] as number[],
      );
      secs[i] += (performance.now() - t0) / 1000;
    }
  }
  for (const ag of agents) ag.destroy();
  return [
    summarize(lat[0] as number[], done[0] ?? 0, secs[0] ?? 1),
    summarize(lat[1] as number[], done[1] ?? 0, secs[1] ?? 1),
  ];
}

let coldRunner = '';

async function coldStart(): Promise<number> {
  const dir = mkdtempSync(join(tmpdir(), 'kctl-bench-cold-'));
  const flags = ['--port', '0', '--data-dir', dir, '--no-update-kubeconfig'];
  // The built CLI when there is one (what users run); else the sources through tsx (slower: it compiles).
  const built = existsSync(join(ROOT, 'dist', 'commands', 'serve.js'));
  coldRunner = built ? 'dist' : 'tsx';
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
  const seconds = await new Promise<number>((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (c: Buffer) => {
      out += c.toString();
      if (out.includes('kctl serve: ready at')) resolve((performance.now() - t0) / 1000);
    });
    child.on('exit', (code) => reject(new Error(`kctl serve exited (${code}) before ready`)));
  });
  await new Promise<void>((r) => {
    child.once('exit', () => r());
    child.kill('SIGTERM');
  });
  rmSync(dir, { recursive: true, force: true });
  return Math.round(seconds * 1000) / 1000;
}

async function main(): Promise<void> {
  const cold = only.length ? 0 : await coldStart();
  const dir = mkdtempSync(join(tmpdir(), 'kctl-bench-'));
  const server = await startServer({ port: 0, dataDir: dir, storage: 'memory' });
  const pki = join(dir, 'pki');
  const ours: Target = {
    url: server.url,
    ca: readFileSync(join(pki, 'ca.crt')),
    cert: readFileSync(join(pki, 'admin.crt')),
    key: readFileSync(join(pki, 'admin.key')),
  };
  const agent = new Agent({ keepAlive: true, maxSockets: 8 });
  const pod = (i: number) =>
    JSON.stringify({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: `p${i}`, labels: { app: 'bench' } },
      spec: { containers: [{ name: 'c', image: 'nginx' }] },
    });
  await Promise.all(
    Array.from({ length: 100 }, (_, i) =>
      once(ours, agent, { method: 'POST', path: '/api/v1/namespaces/default/pods', body: () => pod(i) }, i),
    ),
  );
  agent.destroy();

  const TABLE = 'application/json;as=Table;v=v1;g=meta.k8s.io,application/json';
  const cases: Record<string, Req> = {
    get_pod: { method: 'GET', path: '/api/v1/namespaces/default/pods/p0' },
    list_table: { method: 'GET', path: '/api/v1/namespaces/default/pods?limit=500', headers: { Accept: TABLE } },
    create_configmap: {
      method: 'POST',
      path: '/api/v1/namespaces/default/configmaps',
      body: (i) =>
        JSON.stringify({
          apiVersion: 'v1',
          kind: 'ConfigMap',
          metadata: { name: `cm-${process.pid}-${i}` },
          data: { k: 'v' },
        }),
    },
  };

  // The bare server answers each case with the bytes ours sent for it (captured once).
  const canned = new Map<string, { status: number; type: string; body: Buffer }>();
  for (const [name, r] of Object.entries(cases)) {
    const captured = await new Promise<{ status: number; type: string; body: Buffer }>((resolve, reject) => {
      const body = r.body?.(999_999);
      const req = request(
        `${ours.url}${r.path}`,
        {
          method: r.method,
          ca: ours.ca,
          cert: ours.cert,
          key: ours.key,
          headers: { ...(r.headers ?? {}), ...(body ? { 'Content-Type': 'application/json' } : {}) },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () =>
            resolve({
              status: res.statusCode ?? 0,
              type: String(res.headers['content-type']),
              body: Buffer.concat(chunks),
            }),
          );
        },
      );
      req.on('error', reject);
      if (body) req.write(body);
      req.end();
    });
    canned.set(`${r.method} ${r.path.split('?')[0]}`, captured);
    void name;
  }
  const bare = createServer(
    { key: readFileSync(join(pki, 'apiserver.key')), cert: readFileSync(join(pki, 'apiserver.crt')) },
    (req, res) => {
      const hit = canned.get(`${req.method} ${(req.url ?? '').split('?')[0]}`);
      req.resume();
      req.on('end', () => {
        if (!hit) {
          res.writeHead(404).end();
          return;
        }
        res.writeHead(hit.status, { 'Content-Type': hit.type, 'Content-Length': String(hit.body.length) });
        res.end(hit.body);
      });
    },
  );
  await new Promise<void>((r) => bare.listen(0, '127.0.0.1', r));
  const bareTarget: Target = { url: `https://127.0.0.1:${(bare.address() as AddressInfo).port}`, ca: ours.ca };

  const results: Record<string, unknown> = {
    cold_start_s: cold,
    cold_start_runner: coldRunner,
    duration_ms_per_run: DURATION_MS,
    rounds_per_run: ROUNDS,
    node: process.version,
  };
  for (const [name, r] of Object.entries(cases)) {
    if (only.length && !only.includes(name)) continue;
    for (const c of CONCURRENCY) {
      const [a, b] = await compare(ours, bareTarget, r, c);
      results[`${name}_c${c}`] = { ours: a, bare: b };
      results[`ratio_${name}_c${c}`] = Math.round((a.rps / Math.max(1, b.rps)) * 1000) / 1000;
      process.stderr.write(
        `${name} c=${c}: ours ${a.rps} req/s (p50 ${a.p50_ms} ms, p99 ${a.p99_ms} ms), bare ${b.rps} req/s\n`,
      );
    }
  }
  bare.close();
  await server.close();
  rmSync(dir, { recursive: true, force: true });
  if (only.length) return;
  mkdirSync(join(ROOT, 'bench', 'results'), { recursive: true });
  writeFileSync(join(ROOT, 'bench', 'results', 'serve.json'), `${JSON.stringify(results, null, 2)}\n`);
  process.stdout.write(`cold start ${cold} s; results in bench/results/serve.json\n`);
}

main().catch((e) => {
  process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exit(1);
});
