/**
 * A `kctl serve` started in-process on a free port with a temp data dir, and the real kubectl
 * v1.35 pointed at it (its own cache dir, no user kubeconfig). kubectl runs asynchronously:
 * the server shares this process's event loop.
 */
import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type RunningServer, startServer } from '../../../src/server/serve.js';
import { kubectlPath } from '../../support/kubectl.js';

export interface KubectlResult {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * An execFile callback's arguments as a KubectlResult: the process's exit code (1 when it
 * ended without one, e.g. killed by the timeout), 0 without an error.
 */
export function kubectlResult(err: Error | null, stdout: string | Buffer, stderr: string | Buffer): KubectlResult {
  const exit = (err as { code?: unknown } | null)?.code;
  const code = err ? (typeof exit === 'number' ? exit : 1) : 0;
  return { code, stdout: String(stdout), stderr: String(stderr) };
}

export interface Cluster {
  server: RunningServer;
  dir: string;
  kubectl(args: string[], opts?: { stdin?: string }): Promise<KubectlResult>;
  /** Starts a long-running kubectl (e.g. `get -w`); stop it with `.kill()`. */
  spawnKubectl(args: string[]): { child: ChildProcess; output: () => string };
  stop(): Promise<void>;
}

export async function startCluster(): Promise<Cluster> {
  const bin = kubectlPath();
  const dir = mkdtempSync(join(tmpdir(), 'kctl-compat-'));
  const server = await startServer({ port: 0, dataDir: join(dir, 'data'), log: () => {} });
  const env = {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: dir,
    KUBECONFIG: server.kubeconfigPath,
    KUBECTL_EXTERNAL_DIFF: '',
  };
  const base = ['--cache-dir', join(dir, 'cache')];
  return {
    server,
    dir,
    kubectl: (args, opts = {}) =>
      new Promise((resolve) => {
        const child = execFile(bin, [...base, ...args], { env, timeout: 20_000, cwd: dir }, (err, stdout, stderr) =>
          resolve(kubectlResult(err, stdout, stderr)),
        );
        if (opts.stdin !== undefined) child.stdin?.end(opts.stdin);
        else child.stdin?.end();
      }),
    spawnKubectl: (args) => {
      const child = spawn(bin, [...base, ...args], { env, cwd: dir });
      let out = '';
      child.stdout.on('data', (c: Buffer) => (out += c.toString()));
      child.stderr.on('data', (c: Buffer) => (out += c.toString()));
      return { child, output: () => out };
    },
    stop: async () => {
      await server.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Polls until `check` returns true (watch output arriving); throws after `ms`. */
export async function eventually(check: () => boolean, ms = 10_000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 50));
  }
}
