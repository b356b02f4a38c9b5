/**
 * The write-scenario harness for test/compat/write-*.test.ts: one `kctl serve`, the real kubectl
 * working in namespace `kubectl-ns` and kctl in `kctl-ns`. `step` runs one command with both and
 * asserts identical exit code, stdout and stderr (namespace names swapped for `<ns>`);
 * `sameObjects` asserts the objects left behind are equal once server-assigned fields
 * (uid, resourceVersion, timestamps, cluster IPs) are dropped.
 */
import { expect } from 'vitest';
import { type Parity, startParity } from '../compat/parity-support.js';

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
  /** Runs `args -n <ns>` with both tools; returns kubectl's stdout+stderr (ns swapped). */
  step(args: string[], opts?: { namespaced?: boolean; mask?: RegExp }): Promise<string>;
  /** Both tools' namespaces hold equal objects of these kinds. */
  sameObjects(kinds: string): Promise<void>;
  /** Runs kubectl only, in both namespaces (setup). */
  setup(args: string[]): Promise<void>;
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
      const want = await p.kubectl([...args.map((a) => a.replaceAll('<ns>', NS.kubectl)), ...nsArgs(NS.kubectl)]);
      const got = await p.kctl([...args.map((a) => a.replaceAll('<ns>', NS.kctl)), ...nsArgs(NS.kctl)]);
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
