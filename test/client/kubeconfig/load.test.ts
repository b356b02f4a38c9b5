import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadKubeconfig, parseKubeconfig, precedence } from '../../../src/client/kubeconfig/load.js';

const FIX = resolve('fixtures/kubeconfig');
const primary = join(FIX, 'primary.yaml');
const secondary = join(FIX, 'nested', 'secondary.yaml');

describe('kubeconfig loading rules', () => {
  it('uses only --kubeconfig when given, and requires it to exist', () => {
    expect(precedence({ explicitPath: '/x', envValue: 'a:b', home: '/h' })).toEqual({ files: ['/x'], mustExist: true });
    expect(() => loadKubeconfig({ explicitPath: join(FIX, 'nope.yaml') })).toThrow(
      `stat ${join(FIX, 'nope.yaml')}: no such file or directory`,
    );
  });

  it('falls back to KUBECONFIG (deduplicated, empties skipped), then ~/.kube/config', () => {
    expect(precedence({ envValue: ['a', '', 'b', 'a'].join(delimiter), home: '/h' }).files).toEqual(['a', 'b']);
    expect(precedence({ home: '/h' })).toEqual({ files: ['/h/.kube/config'], mustExist: false });
    const home = mkdtempSync(join(tmpdir(), 'kctl-home-'));
    const loaded = loadKubeconfig({ home });
    expect(loaded.files).toEqual([]);
    expect(loaded.config.clusters).toEqual([]);
    expect(loaded.writeTarget).toBe(join(home, '.kube', 'config'));
  });

  it('merges KUBECONFIG files with the first file winning per name and for current-context', () => {
    const missing = join(FIX, 'missing.yaml');
    const { config, files, writeTarget } = loadKubeconfig({ envValue: [missing, primary, secondary].join(delimiter) });
    expect(files).toEqual([primary, secondary]);
    expect(writeTarget).toBe(primary);
    expect(config['current-context']).toBe('dev');
    expect(config.clusters.map((c) => c.name)).toEqual(['dev-cluster', 'shared', 'prod-cluster']);
    expect(config.clusters.find((c) => c.name === 'shared')?.cluster.server).toBe('https://primary-shared:6443');
    expect(config.users.map((u) => u.name)).toEqual(['dev-user', 'token-file-user', 'prod-user', 'plugin-user']);
    // Reversed order: the other file wins.
    const rev = loadKubeconfig({ envValue: [secondary, primary].join(delimiter) }).config;
    expect(rev['current-context']).toBe('prod');
    expect(rev.clusters.find((c) => c.name === 'shared')?.cluster.server).toBe('https://secondary-shared:6443');
  });

  it("resolves relative paths against each file's own directory", () => {
    const { config } = loadKubeconfig({ envValue: [primary, secondary].join(delimiter) });
    expect(config.clusters[0].cluster['certificate-authority']).toBe(join(FIX, 'certs', 'ca.crt'));
    expect(config.users.find((u) => u.name === 'token-file-user')?.user.tokenFile).toBe(join(FIX, 'certs', 'token'));
    const prod = config.users.find((u) => u.name === 'prod-user')!.user;
    expect(prod['client-certificate']).toBe(join(FIX, 'certs', 'client.crt'));
    expect(prod['client-key']).toBe(join(FIX, 'certs', 'client.key'));
    expect(config.users.find((u) => u.name === 'plugin-user')?.user.exec?.command).toBe(
      join(FIX, 'nested', 'bin', 'plugin'),
    );
  });

  it('keeps bare exec command names for PATH lookup', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kctl-cfg-'));
    const f = join(dir, 'c.yaml');
    writeFileSync(
      f,
      'users:\n- name: u\n  user:\n    exec: {command: aws, apiVersion: client.authentication.k8s.io/v1}\n',
    );
    expect(loadKubeconfig({ explicitPath: f }).config.users[0].user.exec?.command).toBe('aws');
  });

  it('reads JSON kubeconfigs and empty files', () => {
    expect(loadKubeconfig({ explicitPath: join(FIX, 'config.json') }).config['current-context']).toBe('json-ctx');
    expect(loadKubeconfig({ explicitPath: join(FIX, 'empty.yaml') }).config.contexts).toEqual([]);
  });

  it("reports parse errors with kubectl's prefix", () => {
    const f = join(FIX, 'broken-config.txt');
    expect(() => loadKubeconfig({ explicitPath: f })).toThrow(
      /^error loading config file ".*broken-config\.txt": yaml: /,
    );
    expect(() => parseKubeconfig('clusters: 5', 'x')).toThrow('error loading config file "x": clusters must be a list');
    expect(() => parseKubeconfig('- a', 'x')).toThrow(/error loading config file "x"/);
  });
});
