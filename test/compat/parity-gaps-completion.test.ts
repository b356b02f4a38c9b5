/**
 * `kctl __complete` (what the completion scripts call) beside kubectl v1.35's: resource names,
 * TYPE/NAME, namespaces and contexts must be offered identically with the same directive.
 */
import { execFile } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { kubectlPath } from '../support/kubectl.js';
import { mapLimit, type Parity, runKctlInProcess, startParity } from './parity-support.js';
import type { KubectlResult } from './support/cluster.js';

let p: Parity;
let wanted: KubectlResult[] = [];
let env: Record<string, string> = {};

/** The harness puts --cache-dir first, but `__complete` must be the first word: run both bare. */
function kubectl(args: string[]): Promise<KubectlResult> {
  return new Promise((resolve) => {
    execFile(kubectlPath(), args, { env: { PATH: process.env.PATH ?? '', ...env } }, (err, stdout, stderr) => {
      const code = err ? Number((err as { code?: unknown }).code ?? 1) || 1 : 0;
      resolve({ code, stdout: String(stdout), stderr: String(stderr) });
    });
  });
}

const VARIANTS: string[][] = [
  ['__complete', 'get', 'cm', '-n', 'comp', ''],
  ['__complete', 'get', 'configmaps', '-n', 'comp', 'al'],
  ['__complete', 'describe', 'cm', 'alpha', '-n', 'comp', ''],
  ['__complete', '-n', 'comp', 'get', 'configmap/'],
  ['__complete', 'get', 'ns', 'co'],
  ['__complete', 'get', 'pods', '-n', ''],
  ['__complete', 'delete', 'secret', '--namespace', 'comp', 'to'],
  ['__complete', 'config', 'use-context', ''],
  ['__complete', 'get', 'cm', '--context', ''],
  ['__complete', 'get', ''],
  ['__complete', 'describe', 'de'],
  ['__complete', 'explain', 'cron'],
  ['__complete', 'get', 'cm', '-o', 'j'],
];

beforeAll(async () => {
  p = await startParity();
  expect((await p.kubectl(['create', 'namespace', 'comp'])).code).toBe(0);
  expect((await p.kubectl(['create', 'namespace', 'compound'])).code).toBe(0);
  for (const name of ['alpha', 'alpine', 'beta']) {
    expect((await p.kubectl(['create', 'configmap', name, '-n', 'comp'])).code).toBe(0);
  }
  expect((await p.kubectl(['create', 'secret', 'generic', 'token-a', '-n', 'comp'])).code).toBe(0);
  env = { HOME: p.cluster.dir, KUBECONFIG: p.cluster.server.kubeconfigPath };
  wanted = await mapLimit(VARIANTS, 4, (args) => kubectl(args));
});
afterAll(async () => {
  await p?.stop();
});

describe('__complete matches kubectl', () => {
  VARIANTS.forEach((args, i) => {
    it(args.slice(1).join(' ') || '(empty)', async () => {
      const got = await runKctlInProcess(args, env);
      expect({ code: got.code, stdout: got.stdout, stderr: got.stderr }).toEqual(wanted[i]);
    });
  });
});
