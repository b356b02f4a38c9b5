import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import yaml from 'js-yaml';
import { afterAll, describe, expect, it } from 'vitest';
import {
  adminKubeconfig,
  serverUrl,
  updateUserKubeconfig,
  userKubeconfigPath,
} from '../../../src/server/kubeconfig/admin-kubeconfig.js';

const dir = mkdtempSync(join(tmpdir(), 'kctl-kc-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const creds = { server: 'https://127.0.0.1:6443', caPem: 'CA', clientCertPem: 'CERT', clientKeyPem: 'KEY' };

describe('kubeconfig', () => {
  it('builds an admin kubeconfig with context kctl', () => {
    const doc = adminKubeconfig(creds);
    expect(doc['current-context']).toBe('kctl');
    expect(doc.clusters?.[0]).toEqual({
      cluster: { 'certificate-authority-data': 'Q0E=', server: 'https://127.0.0.1:6443' },
      name: 'kctl',
    });
    expect(doc.users?.[0]).toEqual({
      name: 'kctl',
      user: { 'client-certificate-data': 'Q0VSVA==', 'client-key-data': 'S0VZ' },
    });
  });
  it('merges into an existing kubeconfig, keeping other entries and replacing its own', () => {
    const path = join(dir, 'config');
    writeFileSync(
      path,
      yaml.dump({
        apiVersion: 'v1',
        kind: 'Config',
        clusters: [
          { name: 'prod', cluster: { server: 'https://prod' } },
          { name: 'kctl', cluster: { server: 'https://old' } },
        ],
        contexts: [{ name: 'prod', context: { cluster: 'prod', user: 'p' } }],
        users: [{ name: 'p', user: { token: 't' } }],
        'current-context': 'prod',
      }),
    );
    updateUserKubeconfig(path, creds);
    updateUserKubeconfig(path, creds);
    const doc = yaml.load(readFileSync(path, 'utf8')) as Record<
      string,
      Array<{ name: string; cluster?: { server: string } }>
    >;
    expect(doc['current-context']).toBe('kctl');
    expect(doc.clusters?.map((c) => c.name)).toEqual(['prod', 'kctl']);
    expect(doc.clusters?.[1]?.cluster?.server).toBe('https://127.0.0.1:6443');
    expect(doc.contexts?.map((c) => c.name)).toEqual(['prod', 'kctl']);
    expect(doc.users?.map((c) => c.name)).toEqual(['p', 'kctl']);
  });
  it('refuses to overwrite a file that is not a kubeconfig mapping', () => {
    const path = join(dir, 'bad');
    writeFileSync(path, '- a\n- b\n');
    expect(() => updateUserKubeconfig(path, creds)).toThrow(/not a kubeconfig/);
    expect(readFileSync(path, 'utf8')).toBe('- a\n- b\n');
  });
  it('picks KUBECONFIG first entry, else ~/.kube/config, and formats URLs', () => {
    expect(userKubeconfigPath({ KUBECONFIG: '/a:/b', HOME: '/h' })).toBe('/a');
    expect(userKubeconfigPath({ HOME: '/h' })).toBe('/h/.kube/config');
    expect(serverUrl('0.0.0.0', 1)).toBe('https://127.0.0.1:1');
    expect(serverUrl('::1', 2)).toBe('https://[::1]:2');
  });
});
