/**
 * `auth can-i` and `auth whoami` beside kubectl v1.35. kubectl sends the review kinds as
 * protobuf, so this also proves the server reads them.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectSame, type Parity, startParity } from './parity-support.js';

const VARIANTS: string[][] = [
  ['auth', 'can-i', 'create', 'pods'],
  ['auth', 'can-i', 'delete', 'deployments.apps', '-n', 'kube-system'],
  ['auth', 'can-i', 'get', '/healthz'],
  ['auth', 'whoami'],
  ['auth', 'whoami', '-o', 'json'],
  ['auth', 'whoami', '-o', 'yaml'],
];

let p: Parity;
beforeAll(async () => {
  p = await startParity();
});
afterAll(() => p?.stop());

describe('auth parity', () => {
  for (const args of VARIANTS) {
    it(args.join(' '), async () => {
      const want = await p.kubectl(args);
      expect(want.code).toBe(0);
      expectSame(expect, await p.kctl(args), want);
    });
  }
});
