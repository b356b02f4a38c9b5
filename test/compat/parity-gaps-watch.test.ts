/**
 * `get -w --output-watch-events` with machine output beside kubectl v1.35: every event is
 * printed as a WatchEvent `{"type": ..., "object": ...}` (the initial state as ADDED).
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
  expect((await p.kubectl(['create', 'configmap', 'second', '-n', 'watch', '--from-literal=c=d'])).code).toBe(0);
});
afterAll(async () => {
  await p?.stop();
});

const VARIANTS = [
  { name: 'json', output: 'json', watchOnly: false, target: [] as string[] },
  { name: 'yaml', output: 'yaml', watchOnly: false, target: [] as string[] },
  { name: 'json watch-only', output: 'json', watchOnly: true, target: [] as string[] },
  { name: 'name', output: 'name', watchOnly: false, target: [] as string[] },
  { name: 'yaml one object', output: 'yaml', watchOnly: false, target: ['first'] },
  { name: 'jsonpath', output: 'jsonpath={.type} {.object.metadata.name}{"\\n"}', watchOnly: false, target: [] },
];

describe('get -w --output-watch-events -o json|yaml matches kubectl', () => {
  for (const v of VARIANTS) {
    it(v.name, async () => {
      const extra = ['-o', v.output, '--output-watch-events', ...(v.watchOnly ? ['--watch-only'] : [])];
      const kubectl = p.cluster.spawnKubectl(['get', 'cm', ...v.target, '-n', 'watch', '-w', ...extra]);
      const ctx = createClientContext({
        kubeconfig: p.cluster.server.kubeconfigPath,
        'cache-dir': join(p.cluster.dir, 'kctl-cache'),
        namespace: 'watch',
      });
      const abort = new AbortController();
      let out = '';
      const running = runWatch({
        ctx,
        args: ['cm', ...v.target],
        print: toPrintFlags({ output: v.output }),
        resources: {},
        out: { write: (s: string) => (out += s) },
        errOut: { write: () => true },
        watchOnly: v.watchOnly,
        outputWatchEvents: true,
        signal: abort.signal,
      }).catch((e: unknown) => {
        if (!abort.signal.aborted) throw e;
      });
      const target = v.target[0] ?? 'first';
      try {
        await new Promise((r) => setTimeout(r, 1500));
        await p.kubectl([
          'label',
          'configmap',
          target,
          '-n',
          'watch',
          `round=${v.name.replace(/[^a-z]/g, '')}`,
          '--overwrite',
        ]);
        const marker = new RegExp(`round.{0,8}${v.name.replace(/[^a-z]/g, '')}`);
        const machine = v.output === 'json' || v.output === 'yaml';
        // json/yaml show the new label; name and jsonpath lines are counted (3 listed + 1 change).
        const settled = (s: string) => (machine ? marker.test(s) : s.split('\n').length > 4);
        await eventually(() => settled(kubectl.output())).catch((e) => {
          throw new Error(`${e}: kubectl printed:\n${kubectl.output()}`);
        });
        await eventually(() => settled(out)).catch((e) => {
          throw new Error(`${e}: kctl printed:\n${out}\nkubectl printed:\n${kubectl.output()}`);
        });
        await new Promise((r) => setTimeout(r, 300));
        expect(normalizeAge(out)).toBe(normalizeAge(kubectl.output()));
      } finally {
        abort.abort();
        kubectl.child.kill();
        await running;
        ctx.close();
      }
    });
  }
});
