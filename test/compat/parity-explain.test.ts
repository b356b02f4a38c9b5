/** `kctl explain` beside kubectl v1.35 (OpenAPI v3, plaintext template). */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectSame, mapLimit, type Parity, startParity } from './parity-support.js';
import type { KubectlResult } from './support/cluster.js';

let p: Parity;
let wanted: KubectlResult[] = [];

const VARIANTS: string[][] = [
  ['explain', 'pods'],
  ['explain', 'pod.spec'],
  ['explain', 'pods.spec.containers'],
  ['explain', 'pods.spec.containers.image'],
  ['explain', 'deployment.spec.strategy.type'],
  ['explain', 'deployments.apps.spec.replicas'],
  ['explain', 'svc.spec', '--recursive'],
  ['explain', 'configmaps', '--recursive'],
  ['explain', 'cm.data'],
  ['explain', 'ns'],
  ['explain', 'jobs', '--api-version=batch/v1'],
  ['explain', 'pods.spec.nope'],
  ['explain', 'nosuchtype'],
  ['explain', 'pods.metadata.labels'],
];

beforeAll(async () => {
  p = await startParity();
  wanted = await mapLimit(VARIANTS, 4, (args) => p.kubectl(args));
});
afterAll(async () => {
  await p?.stop();
});

describe('explain matches kubectl', () => {
  VARIANTS.forEach((args, i) => {
    it(args.join(' '), async () => {
      expectSame(expect, await p.kctl(args), wanted[i]);
    });
  });
});
