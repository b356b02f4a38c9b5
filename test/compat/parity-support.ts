/**
 * The parity harness: one `kctl serve` (helper support `startCluster`), the real kubectl
 * pointed at it, and kctl's commands run in-process against the same kubeconfig, with stdout,
 * stderr and exit code captured. Runs are sequential (stdout is captured by patching it).
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Config } from '@oclif/core';
import { hoistGlobalFlags } from '../../src/cli/argv.js';
import { type Cluster, type KubectlResult, startCluster } from './support/cluster.js';

const ROOT = join(import.meta.dirname, '..', '..');
const COMMANDS = join(ROOT, 'src', 'commands');

export interface Parity {
  cluster: Cluster;
  kubectl(args: string[], stdin?: string): Promise<KubectlResult>;
  kctl(args: string[]): Promise<KubectlResult>;
  stop(): Promise<void>;
}

type CommandClass = { run(argv: string[], config: Config): Promise<unknown> };

/** Finds the longest leading run of words naming a command file (`config view` -> config/view.ts). */
async function resolveCommand(args: string[]): Promise<{ cmd: CommandClass; rest: string[] }> {
  for (let n = Math.min(args.length, 3); n >= 1; n--) {
    const words = args.slice(0, n);
    if (words.some((w) => w.startsWith('-'))) continue;
    const file = `${join(COMMANDS, ...words)}.ts`;
    if (existsSync(file)) {
      const mod = (await import(file)) as { default: CommandClass };
      return { cmd: mod.default, rest: args.slice(n) };
    }
  }
  throw new Error(`no kctl command for ${args.join(' ')}`);
}

let config: Config | undefined;

/** Runs kctl in this process with `env` set, capturing its output. */
export async function runKctlInProcess(args: string[], env: Record<string, string>): Promise<KubectlResult> {
  config ??= await Config.load({ root: ROOT });
  const { cmd, rest } = await resolveCommand(hoistGlobalFlags(args));
  const saved = { out: process.stdout.write, err: process.stderr.write, env: { ...process.env } };
  let stdout = '';
  let stderr = '';
  process.stdout.write = ((chunk: string | Uint8Array) => {
    stdout += typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8');
    return true;
  }) as typeof process.stdout.write;
  process.stderr.write = ((chunk: string | Uint8Array) => {
    stderr += typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8');
    return true;
  }) as typeof process.stderr.write;
  Object.assign(process.env, env);
  process.exitCode = 0;
  let code = 0;
  try {
    await cmd.run(rest, config);
    code = Number(process.exitCode ?? 0);
  } catch (e) {
    const err = e as { oclif?: { exit?: number }; message?: string };
    stderr += `${err.message ?? String(e)}\n`;
    code = err.oclif?.exit ?? 1;
  } finally {
    process.stdout.write = saved.out;
    process.stderr.write = saved.err;
    for (const k of Object.keys(env)) {
      if (saved.env[k] === undefined) delete process.env[k];
      else process.env[k] = saved.env[k];
    }
    process.exitCode = 0;
  }
  return { code, stdout, stderr };
}

export async function startParity(): Promise<Parity> {
  const cluster = await startCluster();
  const env = { HOME: cluster.dir, KUBECONFIG: cluster.server.kubeconfigPath };
  const cache = ['--cache-dir', join(cluster.dir, 'kctl-cache')];
  return {
    cluster,
    kubectl: (args, stdin) => cluster.kubectl(args, stdin === undefined ? {} : { stdin }),
    kctl: (args) => runKctlInProcess([...args, ...cache], env),
    stop: () => cluster.stop(),
  };
}

/** AGE-like cells (`5s`, `3m2s`, `4d`, `<invalid>` excluded) replaced and column padding collapsed. */
export function normalizeAge(text: string): string {
  return text
    .replace(/(?<=^|\s)\d+(?:s|m|h|d|y)(?:\d+(?:s|m|h))?(?=\s|$)/gm, '<age>')
    .replace(/ {2,}/g, '  ')
    .replace(/ +$/gm, '');
}

/** Runs `fn` over `items` with at most `limit` at a time, results in input order. */
export async function mapLimit<T, R>(items: T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}

/** Asserts kctl's result equals kubectl's: exit code and stderr exactly, stdout exactly or up to AGE. */
export function expectSame(
  expect: (v: unknown) => { toEqual(x: unknown): void; toBe(x: unknown): void },
  got: KubectlResult,
  want: KubectlResult,
): void {
  expect({ code: got.code, stderr: got.stderr }).toEqual({ code: want.code, stderr: want.stderr });
  if (got.stdout !== want.stdout) expect(normalizeAge(got.stdout)).toBe(normalizeAge(want.stdout));
}
