/**
 * The write-scenario harness for test/compat/write-*.test.ts: one `kctl serve`, the real kubectl
 * working in namespace `kubectl-ns` and kctl in `kctl-ns`. `step` runs one command with both and
 * asserts identical exit code, stdout and stderr (namespace names swapped for `<ns>`);
 * `sameObjects` asserts the objects left behind are equal once server-assigned fields
 * (uid, resourceVersion, timestamps, cluster IPs) are dropped. StepOptions cover the usual
 * variations (masks, env, container commands after `--`, generators kubectl cannot POST).
 */
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { expect } from 'vitest';
import { type Parity, runKctlInProcess, startParity } from '../compat/parity-support.js';
import { type KubectlResult, kubectlResult } from '../compat/support/cluster.js';
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

export interface StepOptions {
  /** false: no `-n <ns>` is added (the args place it themselves, or the kind is cluster-scoped). */
  namespaced?: boolean;
  /** Matches replaced by `<masked>` in both tools' stdout and stderr before comparing. */
  mask?: RegExp;
  /** Environment variables added for this step (e.g. KUBE_EDITOR) to both tools. */
  env?: Record<string, string>;
  /**
   * The harness's own flags (`-n <ns>`, kctl's --cache-dir) go before the first `--` instead of
   * at the end, so the words after `--` (a container command) reach both tools untouched.
   */
  beforeDashDash?: boolean;
  /**
   * kubectl's side renders the object with `--dry-run=client -o yaml` and creates it with
   * `create -f -`: for generators kubectl POSTs with its typed protobuf client, which serve
   * refuses. kctl runs the command itself; lines and exit codes must still match.
   */
  kubectlViaDryRun?: boolean;
}

export interface Scenario {
  p: Parity;
  /**
   * Runs `args -n <ns>` with both tools (`<ns>` in args is each tool's namespace) and asserts
   * equal exit code, stdout and stderr (namespace names swapped for `<ns>`); returns kubectl's
   * stdout+stderr (ns swapped, not masked).
   */
  step(args: string[], opts?: StepOptions): Promise<string>;
  /** `step`, returning kubectl's whole result (ns swapped, masked) for checks of its own. */
  compare(args: string[], opts?: StepOptions): Promise<KubectlResult>;
  /**
   * Both tools' namespaces hold equal objects of these kinds (`kind/name` too; `<ns>` in it is
   * each tool's namespace). `mask` replaces matches in the JSON text first (random name suffixes).
   */
  sameObjects(kinds: string, opts?: { mask?: RegExp }): Promise<void>;
  /** Runs kubectl only, in both namespaces (setup). */
  setup(args: string[]): Promise<void>;
}

/** The real kubectl as the cluster runs it (same cache dir, kubeconfig, HOME), plus `env`. */
function kubectlWithEnv(
  p: Parity,
  args: string[],
  env: Record<string, string>,
  stdin?: string,
): Promise<KubectlResult> {
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
      (err, stdout, stderr) => resolve(kubectlResult(err, stdout, stderr)),
    );
    child.stdin?.end(stdin);
  });
}

/** `flags` inserted before the first `--` of `args` (at the end when there is none). */
export function beforeDashDash(args: string[], flags: string[]): string[] {
  const at = args.indexOf('--');
  return at < 0 ? [...args, ...flags] : [...args.slice(0, at), ...flags, ...args.slice(at)];
}

/**
 * kctl in-process with its cache dir placed before `--` (Parity.kctl appends it at the very end,
 * where it would become part of a container command). Same env and cache dir as Parity.kctl.
 */
function kctlBeforeDashDash(p: Parity, args: string[], env: Record<string, string>): Promise<KubectlResult> {
  const dir = p.cluster.dir;
  return runKctlInProcess(beforeDashDash(args, ['--cache-dir', join(dir, 'kctl-cache')]), {
    HOME: dir,
    KUBECONFIG: p.cluster.server.kubeconfigPath,
    ...env,
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
  const kubectl = (args: string[], opts: StepOptions, stdin?: string) =>
    opts.env ? kubectlWithEnv(p, args, opts.env, stdin) : p.kubectl(args, stdin);
  const kctl = (args: string[], opts: StepOptions) => {
    if (opts.beforeDashDash) return kctlBeforeDashDash(p, args, opts.env ?? {});
    return opts.env ? withProcessEnv(opts.env, () => p.kctl(args)) : p.kctl(args);
  };
  /** kubectl as the step asks: directly, or by its own client dry run fed to `create -f -`. */
  const kubectlStep = async (args: string[], opts: StepOptions, nsArgs: string[]) => {
    if (!opts.kubectlViaDryRun) return kubectl(args, opts);
    const gen = await kubectl([...args, '--dry-run=client', '-o', 'yaml'], opts);
    expect(gen.stderr).toBe('');
    return kubectl(['create', '-f', '-', ...nsArgs], opts, gen.stdout);
  };
  /** Runs both tools, asserts they agree (masked), returns kubectl's raw result. */
  const run = async (args: string[], opts: StepOptions): Promise<KubectlResult> => {
    const nsArgs = (ns: string) => (opts.namespaced === false ? [] : ['-n', ns]);
    const place = (ns: string) => {
      const own = args.map((a) => a.replaceAll('<ns>', ns));
      return opts.beforeDashDash ? beforeDashDash(own, nsArgs(ns)) : [...own, ...nsArgs(ns)];
    };
    const want = await kubectlStep(place(NS.kubectl), opts, nsArgs(NS.kubectl));
    const got = await kctl(place(NS.kctl), opts);
    const m = opts.mask;
    expect({ code: got.code, out: swap(got.stdout, NS.kctl, m), err: swap(got.stderr, NS.kctl, m) }).toEqual({
      code: want.code,
      out: swap(want.stdout, NS.kubectl, m),
      err: swap(want.stderr, NS.kubectl, m),
    });
    return want;
  };
  return {
    p,
    async step(args, opts = {}) {
      const want = await run(args, opts);
      return swap(want.stdout + want.stderr, NS.kubectl);
    },
    async compare(args, opts = {}) {
      const want = await run(args, opts);
      const m = opts.mask;
      return { code: want.code, stdout: swap(want.stdout, NS.kubectl, m), stderr: swap(want.stderr, NS.kubectl, m) };
    },
    async sameObjects(kinds, opts = {}) {
      const get = async (ns: string) => {
        const r = await p.kubectl(['get', kinds.replaceAll('<ns>', ns), '-n', ns, '-o', 'json']);
        const text = opts.mask ? r.stdout.replace(opts.mask, '<masked>') : r.stdout;
        return { code: r.code, object: normalise(JSON.parse(text), ns) };
      };
      const a = await get(NS.kubectl);
      expect(a.code).toBe(0);
      expect((await get(NS.kctl)).object).toEqual(a.object);
    },
    async setup(args) {
      for (const ns of Object.values(NS)) {
        const r = await p.kubectl([...args, '-n', ns]);
        expect(r.stderr).toBe('');
      }
    },
  };
}
