/**
 * The write-scenario harness for test/compat/write-*.test.ts: one `kctl serve`, the real kubectl
 * working in namespace `kubectl-ns` and kctl in `kctl-ns`. `step` runs one command with both and
 * asserts identical exit code, stdout and stderr (namespace names swapped for `<ns>`);
 * `sameObjects` asserts the objects left behind are equal once server-assigned fields
 * (uid, resourceVersion, timestamps, cluster IPs) are dropped.
 */
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { expect } from 'vitest';
import { type Parity, startParity } from '../compat/parity-support.js';
import type { KubectlResult } from '../compat/support/cluster.js';
import { kubectlPath } from '../support/kubectl.js';

export const NS = { kubectl: 'kubectl-ns', kctl: 'kctl-ns' } as const;

const VOLATILE = new Set([
  'uid',
  'resourceVersion',
  'creationTimestamp',
  'time',
  'clusterIP',
  'clusterIPs',
  'deletionTimestamp',
  'kubectl.kubernetes.io/restartedAt',
]);

export function normalise(v: unknown, ns: string): unknown {
  if (Array.isArray(v)) return v.map((x) => normalise(x, ns));
  if (v && typeof v === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) if (!VOLATILE.has(k)) out[k] = normalise(x, ns);
    return out;
  }
  return typeof v === 'string' ? v.replaceAll(ns, '<ns>') : v;
}

export interface Scenario {
  p: Parity;
  /**
   * Runs `args -n <ns>` with both tools; returns kubectl's stdout+stderr (ns swapped). `env`
   * adds environment variables for this step (e.g. KUBE_EDITOR) to both tools.
   */
  step(args: string[], opts?: { namespaced?: boolean; mask?: RegExp; env?: Record<string, string> }): Promise<string>;
  /** Both tools' namespaces hold equal objects of these kinds. */
  sameObjects(kinds: string): Promise<void>;
  /** Runs kubectl only, in both namespaces (setup). */
  setup(args: string[]): Promise<void>;
}

/** The real kubectl as the cluster runs it (same cache dir, kubeconfig, HOME), plus `env`. */
function kubectlWithEnv(p: Parity, args: string[], env: Record<string, string>): Promise<KubectlResult> {
  const dir = p.cluster.dir;
  const fullEnv = {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: dir,
    KUBECONFIG: p.cluster.server.kubeconfigPath,
    KUBECTL_EXTERNAL_DIFF: '',
    ...env,
  };
  return new Promise((resolve) => {
    const child = execFile(
      kubectlPath(),
      ['--cache-dir', join(dir, 'cache'), ...args],
      { env: fullEnv, timeout: 20_000, cwd: dir },
      (err, stdout, stderr) => {
        const code = err
          ? typeof (err as { code?: unknown }).code === 'number'
            ? (err as { code: number }).code
            : 1
          : 0;
        resolve({ code, stdout: String(stdout), stderr: String(stderr) });
      },
    );
    child.stdin?.end();
  });
}

/** Runs `fn` (in-process kctl) with `env` added to process.env, then puts it back. */
async function withProcessEnv<T>(env: Record<string, string>, fn: () => Promise<T>): Promise<T> {
  const saved: Record<string, string | undefined> = {};
  for (const k of Object.keys(env)) saved[k] = process.env[k];
  Object.assign(process.env, env);
  try {
    return await fn();
  } finally {
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  }
}

export async function startScenario(): Promise<Scenario> {
  const p = await startParity();
  for (const ns of Object.values(NS)) await p.kubectl(['create', 'namespace', ns]);
  const swap = (s: string, ns: string, mask?: RegExp) => {
    const t = s.replaceAll(ns, '<ns>');
    return mask ? t.replace(mask, '<masked>') : t;
  };
  return {
    p,
    async step(args, opts = {}) {
      const nsArgs = (ns: string) => (opts.namespaced === false ? [] : ['-n', ns]);
      const kubectlArgs = [...args.map((a) => a.replaceAll('<ns>', NS.kubectl)), ...nsArgs(NS.kubectl)];
      const kctlArgs = [...args.map((a) => a.replaceAll('<ns>', NS.kctl)), ...nsArgs(NS.kctl)];
      const want = opts.env ? await kubectlWithEnv(p, kubectlArgs, opts.env) : await p.kubectl(kubectlArgs);
      const got = opts.env ? await withProcessEnv(opts.env, () => p.kctl(kctlArgs)) : await p.kctl(kctlArgs);
      const m = opts.mask;
      expect({ code: got.code, out: swap(got.stdout, NS.kctl, m), err: swap(got.stderr, NS.kctl, m) }).toEqual({
        code: want.code,
        out: swap(want.stdout, NS.kubectl, m),
        err: swap(want.stderr, NS.kubectl, m),
      });
      return swap(want.stdout + want.stderr, NS.kubectl);
    },
    async sameObjects(kinds) {
      const a = await p.kubectl(['get', kinds, '-n', NS.kubectl, '-o', 'json']);
      const b = await p.kubectl(['get', kinds, '-n', NS.kctl, '-o', 'json']);
      expect(a.code).toBe(0);
      expect(normalise(JSON.parse(b.stdout), NS.kctl)).toEqual(normalise(JSON.parse(a.stdout), NS.kubectl));
    },
    async setup(args) {
      for (const ns of Object.values(NS)) {
        const r = await p.kubectl([...args, '-n', ns]);
        expect(r.stderr).toBe('');
      }
    },
  };
}
