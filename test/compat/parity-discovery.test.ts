/**
 * Discovery-driven commands beside kubectl v1.35: api-resources, api-versions, version (the
 * server half: the client half names a different program) and cluster-info.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectSame, mapLimit, type Parity, startParity } from './parity-support.js';
import type { KubectlResult } from './support/cluster.js';

let p: Parity;
let wanted: KubectlResult[] = [];

const VARIANTS: string[][] = [
  ['api-resources'],
  ['api-resources', '-o', 'wide'],
  ['api-resources', '-o', 'name'],
  ['api-resources', '-o', 'json', '--api-group=apps'],
  ['api-resources', '-o', 'yaml', '--api-group=batch'],
  ['api-resources', '--namespaced=false'],
  ['api-resources', '--api-group=apps'],
  ['api-resources', '--api-group='],
  ['api-resources', '--api-group=nope'],
  ['api-resources', '--verbs=get,list', '--namespaced=true', '--no-headers'],
  ['api-resources', '--verbs', 'create', '--verbs', 'deletecollection', '-o', 'name'],
  ['api-resources', '--sort-by=kind'],
  ['api-resources', '--sort-by=name', '-o', 'wide'],
  ['api-resources', '--sort-by=foo'],
  ['api-resources', '-o', 'foo'],
  ['api-resources', '--categories=all'],
  ['api-resources', '--cached'],
  ['api-versions'],
  ['cluster-info'],
];

beforeAll(async () => {
  p = await startParity();
  wanted = await mapLimit(VARIANTS, 4, (args) => p.kubectl(args));
});
afterAll(async () => {
  await p?.stop();
});

describe('discovery commands match kubectl', () => {
  VARIANTS.forEach((args, i) => {
    it(args.join(' '), async () => {
      expectSame(expect, await p.kctl(args), wanted[i]);
    });
  });
});

describe('version: the server half matches kubectl', () => {
  it('plain text', async () => {
    const [want, got] = [await p.kubectl(['version']), await p.kctl(['version'])];
    const server = (r: KubectlResult) => r.stdout.split('\n').filter((l) => l.startsWith('Server Version:'));
    expect(server(got)).toEqual(server(want));
    expect(server(got)).toHaveLength(1);
    expect([got.code, got.stderr]).toEqual([want.code, want.stderr]);
  });
  it('-o json and -o yaml', async () => {
    const [wj, gj] = [await p.kubectl(['version', '-o', 'json']), await p.kctl(['version', '-o', 'json'])];
    const sv = (r: KubectlResult) => JSON.stringify(JSON.parse(r.stdout).serverVersion, null, 2);
    expect(sv(gj)).toBe(sv(wj));
    const [wy, gy] = [await p.kubectl(['version', '-o', 'yaml']), await p.kctl(['version', '-o', 'yaml'])];
    const tail = (r: KubectlResult) => r.stdout.slice(r.stdout.indexOf('serverVersion:'));
    expect(tail(gy)).toBe(tail(wy));
  });
  it('bad -o', async () => {
    expectSame(expect, await p.kctl(['version', '-o', 'foo']), await p.kubectl(['version', '-o', 'foo']));
  });
});
