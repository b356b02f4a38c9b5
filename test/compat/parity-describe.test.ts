/** `kctl describe` beside kubectl v1.35: configmaps, secrets, service accounts, services, namespaces, generic. */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectSame, mapLimit, type Parity, startParity } from './parity-support.js';
import type { KubectlResult } from './support/cluster.js';

let p: Parity;
let wanted: KubectlResult[] = [];

const VARIANTS: string[][] = [
  ['describe', 'cm', 'web-config', '-n', 'shop'],
  ['describe', 'cm', 'multi', '-n', 'shop'],
  ['describe', 'cm', '-n', 'shop'],
  ['describe', 'cm', 'web', '-n', 'shop'],
  ['describe', 'cm', 'nope', '-n', 'shop'],
  ['describe', 'cm', '-n', 'shop', '-l', 'app=web', '--show-events=false'],
  ['describe', 'secret', 'web-secret', 'multi', '-n', 'shop'],
  ['describe', 'sa', '-n', 'shop'],
  ['describe', 'svc', '-n', 'shop'],
  ['describe', 'ns', 'shop'],
  ['describe', 'ns', 'default', 'kube-system'],
  ['describe', 'events', '-n', 'shop'],
  ['describe', 'cm', '-n', 'empty-ns'],
  ['describe', 'nosuchtype'],
  ['describe', 'deploy', 'web', '-n', 'shop'],
  ['describe', 'deployments.apps', 'rich', '-n', 'shop'],
  ['describe', 'deploy', '-n', 'shop', '--show-events=false'],
  ['describe', 'pod', 'solo', '-n', 'shop'],
  ['describe', 'pods', '-n', 'shop'],
  ['describe', 'jobs', '-n', 'shop'],
  ['describe', 'rs', 'loose', '-n', 'shop'],
  ['describe', 'sts', 'db', '-n', 'shop'],
  ['describe', 'ds', '-n', 'shop'],
  ['describe', 'cronjobs', '-n', 'shop'],
];

beforeAll(async () => {
  p = await startParity();
  expect((await p.kubectl(['create', 'namespace', 'shop'])).code).toBe(0);
  expect((await p.kubectl(['apply', '-f', join(import.meta.dirname, 'manifests', 'shop.yaml')])).code).toBe(0);
  const extras = await p.kubectl(['apply', '-f', join(import.meta.dirname, 'fixtures', 'describe-extras.yaml')]);
  expect(extras.stderr).toBe('');
  // Events are matched by uid too: these two belong to cm/multi (one repeated, one from a controller).
  const uid = (await p.kubectl(['get', 'cm', 'multi', '-n', 'shop', '-o', 'jsonpath={.metadata.uid}'])).stdout;
  const event = (name: string, extra: string) =>
    `apiVersion: v1\nkind: Event\nmetadata:\n  name: ${name}\n  namespace: shop\ninvolvedObject:\n  apiVersion: v1\n  kind: ConfigMap\n  name: multi\n  namespace: shop\n  uid: ${uid}\ntype: Warning\n${extra}`;
  const events = [
    event(
      'multi.1',
      'reason: Flapping\nmessage: went away\ncount: 3\nsource:\n  component: watcher\n  host: node-1\nfirstTimestamp: "2024-01-01T00:00:00Z"\nlastTimestamp: "2024-06-01T00:00:00Z"\n',
    ),
    event(
      'multi.2',
      'reason: Seen\nmessage: hello there\nreportingComponent: ctrl\nfirstTimestamp: "2023-01-01T00:00:00Z"\nlastTimestamp: "2023-01-01T00:00:00Z"\n',
    ),
  ].join('---\n');
  expect((await p.kubectl(['apply', '-f', '-'], events)).stderr).toBe('');
  wanted = await mapLimit(VARIANTS, 4, (args) => p.kubectl(args));
});
afterAll(async () => {
  await p?.stop();
});

describe('describe matches kubectl', () => {
  VARIANTS.forEach((args, i) => {
    it(args.join(' '), async () => {
      expectSame(expect, await p.kctl(args), wanted[i]);
    });
  });
});
