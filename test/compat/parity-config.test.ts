/**
 * `kctl config ...` beside kubectl v1.35 on the same kubeconfig files: identical output, errors
 * and exit codes, and for the commands that write, identical files afterwards.
 */
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectSame, type Parity, startParity } from './parity-support.js';

const FIXTURE = join(import.meta.dirname, 'fixtures', 'parity-kubeconfig.yaml');
let p: Parity;
let dir: string;
let cfg: string;

beforeAll(async () => {
  p = await startParity();
  dir = mkdtempSync(join(tmpdir(), 'kctl-parity-config-'));
  cfg = join(dir, 'config');
  copyFileSync(join(import.meta.dirname, 'fixtures', 'ca.crt'), join(dir, 'ca.crt'));
  writeFileSync(join(dir, 'empty'), '');
  writeFileSync(
    join(dir, 'one-cluster'),
    'apiVersion: v1\nkind: Config\nclusters:\n- name: only\n  cluster:\n    server: https://only:1\n',
  );
});
afterAll(async () => {
  await p?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const reset = () => copyFileSync(FIXTURE, cfg);

const READS: string[][] = [
  ['config', 'view'],
  ['config', 'view', '-o', 'json'],
  ['config', 'view', '--raw'],
  ['config', 'view', '--minify'],
  ['config', 'view', '--minify', '--context', 'prod', '--flatten'],
  ['config', 'view', '--minify', '--context', 'nope'],
  ['config', 'view', '-o', 'jsonpath={.users[*].name}'],
  ['config', 'view', '--raw', '-o', 'jsonpath={.users[?(@.name=="alice")].user.token}'],
  ['config', 'get-contexts'],
  ['config', 'get-contexts', 'prod'],
  ['config', 'get-contexts', 'nope'],
  ['config', 'get-contexts', '-o', 'name'],
  ['config', 'get-contexts', '--no-headers'],
  ['config', 'get-users'],
  ['config', 'current-context'],
];

const WRITES: string[][] = [
  ['config', 'use-context', 'prod'],
  ['config', 'use-context', 'nope'],
  ['config', 'set-context', '--current', '--namespace=x'],
  ['config', 'set-context', 'new', '--cluster=dev', '--user=bob'],
  ['config', 'set-context', 'prod', '--namespace=y'],
  ['config', 'set-cluster', 'c3', '--server=https://c3:1', '--insecure-skip-tls-verify=true'],
  ['config', 'set-credentials', 'eve', '--token=t'],
  ['config', 'set-credentials', 'alice', '--username=a', '--password=b'],
  ['config', 'rename-context', 'dev', 'development'],
  ['config', 'rename-context', 'nope', 'x'],
  ['config', 'rename-context', 'dev', 'prod'],
  ['config', 'delete-context', 'prod'],
  ['config', 'delete-context', 'dev'],
  ['config', 'delete-context', 'nope'],
];

describe('config reads match kubectl', () => {
  for (const args of READS) {
    it(args.join(' '), async () => {
      reset();
      const full = [...args, '--kubeconfig', cfg];
      expectSame(expect, await p.kctl(full), await p.kubectl(full));
    });
  }
  for (const file of ['empty', 'one-cluster']) {
    it(`view, get-clusters and current-context on ${file}`, async () => {
      for (const args of [
        ['config', 'view'],
        ['config', 'get-clusters'],
        ['config', 'current-context'],
      ]) {
        const full = [...args, '--kubeconfig', join(dir, file)];
        expectSame(expect, await p.kctl(full), await p.kubectl(full));
      }
    });
  }
});

describe('config writes match kubectl', () => {
  for (const args of WRITES) {
    it(args.join(' '), async () => {
      const full = [...args, '--kubeconfig', cfg];
      reset();
      const want = await p.kubectl(full);
      const wantFile = readFileSync(cfg, 'utf8');
      reset();
      const got = await p.kctl(full);
      expectSame(expect, got, want);
      expect(readFileSync(cfg, 'utf8')).toBe(wantFile);
    });
  }
});
