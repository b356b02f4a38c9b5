/**
 * `get -w` beside kubectl v1.35: both watch the same collection while objects are created,
 * changed and deleted; their outputs must match line for line (AGE normalised).
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toPrintFlags } from '../../src/cli/flags/print-flags.js';
import { runWatch } from '../../src/cli/get/watch-get.js';
import { createClientContext } from '../../src/client/index.js';
import { normalizeAge, type Parity, startParity } from './parity-support.js';
import { eventually } from './support/cluster.js';

let p: Parity;

beforeAll(async () => {
  p = await startParity();
  expect((await p.kubectl(['create', 'namespace', 'watch'])).code).toBe(0);
  expect((await p.kubectl(['create', 'configmap', 'first', '-n', 'watch', '--from-literal=a=b'])).code).toBe(0);
});
afterAll(async () => {
  await p?.stop();
});

async function watchBoth(args: string[], flags: { output?: string; watchOnly?: boolean; events?: boolean }) {
  const kubectl = p.cluster.spawnKubectl(args);
  const ctx = createClientContext({
    kubeconfig: p.cluster.server.kubeconfigPath,
    'cache-dir': join(p.cluster.dir, 'kctl-cache'),
    namespace: 'watch',
  });
  const abort = new AbortController();
  let kctlOut = '';
  const running = runWatch({
    ctx,
    args: ['cm'],
    print: toPrintFlags({ output: flags.output }),
    resources: {},
    out: { write: (s: string) => (kctlOut += s) },
    errOut: { write: () => true },
    watchOnly: flags.watchOnly,
    outputWatchEvents: flags.events,
    signal: abort.signal,
  }).catch((e: unknown) => {
    if (!abort.signal.aborted) throw e;
  });
  return { kubectl, kctl: () => kctlOut, abort, running, ctx };
}

describe('get --watch matches kubectl', () => {
  for (const variant of [
    { name: 'table', extra: [] as string[], flags: {} },
    { name: '--output-watch-events', extra: ['--output-watch-events'], flags: { events: true } },
    { name: '-o name --watch-only', extra: ['-o', 'name', '--watch-only'], flags: { output: 'name', watchOnly: true } },
  ]) {
    it(variant.name, async () => {
      const name = `w-${variant.name.replace(/[^a-z]/g, '')}`;
      const w = await watchBoth(['get', 'cm', '-n', 'watch', '-w', ...variant.extra], variant.flags);
      try {
        // Both have printed the current state (or started watching) before anything changes.
        await new Promise((r) => setTimeout(r, 1500));
        await p.kubectl(['create', 'configmap', name, '-n', 'watch', '--from-literal=x=1']);
        await p.kubectl(['label', 'configmap', name, '-n', 'watch', 'changed=yes']);
        await p.kubectl(['delete', 'configmap', name, '-n', 'watch']);
        await eventually(() => (w.kubectl.output().match(new RegExp(name, 'g')) ?? []).length >= 3);
        await eventually(() => (w.kctl().match(new RegExp(name, 'g')) ?? []).length >= 3).catch((e) => {
          throw new Error(`${e}: kctl printed:\n${w.kctl()}\nkubectl printed:\n${w.kubectl.output()}`);
        });
        await new Promise((r) => setTimeout(r, 300));
        expect(normalizeAge(w.kctl())).toBe(normalizeAge(w.kubectl.output()));
      } finally {
        w.abort.abort();
        w.kubectl.child.kill();
        await w.running;
        w.ctx.close();
      }
    });
  }
});
