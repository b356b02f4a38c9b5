/**
 * `npm run bench -- cli [--quick]`: CLI start-up and a real request, kctl beside kubectl v1.35
 * in the same run, against one in-process `kctl serve` (port 0, temp dir) holding 50 pods:
 *  - `get pods -n bench` with a warm discovery cache (one untimed warm-up run each);
 *  - `version --client` (no server).
 * Each command runs RUNS times, kctl and kubectl alternating so drift hits both alike; the
 * medians and `ratio_* = kctl / kubectl` go to bench/results/cli.json. kctl normally starts
 * from its bundle (dist/bundle); `kctl_dist_median_ms` is the same command started from the
 * unbundled dist/ (KCTL_BUNDLE=0), interleaved too, to show what the bundle saves.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServer } from '../src/server/serve.js';
import { kubectlPath } from '../test/support/kubectl.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const RUNS = process.argv.includes('--quick') ? 7 : 11;
const PODS = 50;

interface Run {
  ms: number;
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs a process to completion (asynchronously: the server lives in this process). */
function timed(cmd: string, args: string[], env: NodeJS.ProcessEnv, stdin?: string): Promise<Run> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(cmd, args, { env, cwd: ROOT });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ ms: performance.now() - started, code: code ?? 1, stdout, stderr }));
    child.stdin.end(stdin ?? '');
  });
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
};
const round = (x: number, digits = 1) => Math.round(x * 10 ** digits) / 10 ** digits;

function podList(): string {
  const items = Array.from({ length: PODS }, (_, i) => ({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: `pod-${String(i).padStart(2, '0')}`, namespace: 'bench', labels: { app: 'bench' } },
    spec: { containers: [{ name: 'app', image: 'nginx:1.27' }] },
  }));
  return JSON.stringify({ apiVersion: 'v1', kind: 'List', items });
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'kctl-bench-cli-'));
  const server = await startServer({ port: 0, dataDir: join(dir, 'data'), log: () => {} });
  const env = { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: dir, KUBECONFIG: server.kubeconfigPath };
  const kubectl = kubectlPath();
  const kctl = [join(ROOT, 'bin', 'run.js')];
  const node = process.execPath;
  try {
    const setup = async (args: string[], stdin?: string) => {
      const r = await timed(kubectl, args, env, stdin);
      if (r.code !== 0) throw new Error(`kubectl ${args.join(' ')}: ${r.stderr}`);
    };
    await setup(['create', 'namespace', 'bench']);
    // --validate=false: client-side validation of a v1 List fails against serve (see report).
    await setup(['apply', '--validate=false', '-f', '-'], podList());

    const cases: Record<string, string[]> = {
      get_pods: ['get', 'pods', '-n', 'bench'],
      version_client: ['version', '--client'],
    };
    const results: Record<string, unknown> = { runs: RUNS, pods: PODS, node: process.version };
    for (const [name, args] of Object.entries(cases)) {
      // Warm-up (fills both discovery caches) and a sanity check that both print the same rows.
      const a = await timed(node, [...kctl, ...args], env);
      const b = await timed(kubectl, args, env);
      if (a.code !== 0 || b.code !== 0) throw new Error(`${name}: kctl ${a.stderr} / kubectl ${b.stderr}`);
      if (name === 'get_pods' && a.stdout.split('\n').length !== b.stdout.split('\n').length) {
        throw new Error(`${name}: kctl and kubectl printed different row counts`);
      }
      const ours: number[] = [];
      const unbundled: number[] = [];
      const theirs: number[] = [];
      for (let i = 0; i < RUNS; i++) {
        ours.push((await timed(node, [...kctl, ...args], env)).ms);
        theirs.push((await timed(kubectl, args, env)).ms);
        unbundled.push((await timed(node, [...kctl, ...args], { ...env, KCTL_BUNDLE: '0' })).ms);
      }
      const k = median(ours);
      const c = median(theirs);
      results[name] = {
        kctl_median_ms: round(k),
        kubectl_median_ms: round(c),
        kctl_dist_median_ms: round(median(unbundled)),
      };
      results[`ratio_${name}`] = round(k / c, 3);
      process.stdout.write(
        `${name}: kctl ${round(k)} ms, kubectl ${round(c)} ms, ratio ${round(k / c, 3)} (unbundled ${round(median(unbundled))} ms)\n`,
      );
    }
    mkdirSync(join(ROOT, 'bench', 'results'), { recursive: true });
    writeFileSync(join(ROOT, 'bench', 'results', 'cli.json'), `${JSON.stringify(results, null, 2)}\n`);
    process.stdout.write('results in bench/results/cli.json\n');
  } finally {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
