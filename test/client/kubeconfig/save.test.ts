import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseKubeconfig, readKubeconfigFile } from '../../../src/client/kubeconfig/load.js';
import { saveKubeconfig, serializeKubeconfig } from '../../../src/client/kubeconfig/save.js';
import { emptyKubeconfig, type Kubeconfig } from '../../../src/client/kubeconfig/types.js';

describe('saveKubeconfig', () => {
  it("writes kubectl's layout for an empty config", () => {
    expect(serializeKubeconfig(emptyKubeconfig())).toBe(
      'apiVersion: v1\nclusters: null\ncontexts: null\ncurrent-context: ""\nkind: Config\npreferences: {}\nusers: null\n',
    );
  });

  it('sorts keys and named entries, and does not indent lists', () => {
    const cfg: Kubeconfig = {
      ...emptyKubeconfig(),
      clusters: [
        { name: 'zeta', cluster: { server: 'https://z', 'insecure-skip-tls-verify': true } },
        { name: 'alpha', cluster: { 'certificate-authority-data': 'A'.repeat(200), server: 'https://a' } },
      ],
      contexts: [{ name: 'c', context: { user: 'u', cluster: 'alpha', namespace: 'ns' } }],
      users: [{ name: 'u', user: { token: 'tok' } }],
      'current-context': 'c',
    };
    expect(serializeKubeconfig(cfg)).toBe(
      [
        'apiVersion: v1',
        'clusters:',
        '- cluster:',
        `    certificate-authority-data: ${'A'.repeat(200)}`,
        '    server: https://a',
        '  name: alpha',
        '- cluster:',
        '    insecure-skip-tls-verify: true',
        '    server: https://z',
        '  name: zeta',
        'contexts:',
        '- context:',
        '    cluster: alpha',
        '    namespace: ns',
        '    user: u',
        '  name: c',
        'current-context: c',
        'kind: Config',
        'preferences: {}',
        'users:',
        '- name: u',
        '  user:',
        '    token: tok',
        '',
      ].join('\n'),
    );
  });

  it('writes the file with mode 0600 and reads it back as written (relative paths kept)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kctl-save-'));
    const f = join(dir, 'sub', 'config');
    expect(readKubeconfigFile(f)).toEqual(emptyKubeconfig());
    const cfg: Kubeconfig = {
      ...emptyKubeconfig(),
      clusters: [{ name: 'k', cluster: { 'certificate-authority': 'ca.crt' } }],
    };
    saveKubeconfig(f, cfg);
    expect(readFileSync(f, 'utf8')).toContain('kind: Config');
    expect(statSync(f).mode & 0o777).toBe(0o600);
    expect(readKubeconfigFile(f).clusters[0].cluster['certificate-authority']).toBe('ca.crt');
  });

  it('round-trips through parse (property)', () => {
    const name = fc.stringMatching(/^[a-z][a-z0-9-]{0,8}$/);
    const text = fc.string({ maxLength: 12 });
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.record({ name, server: text, insecure: fc.boolean() }), {
          selector: (c) => c.name,
          maxLength: 4,
        }),
        fc.uniqueArray(fc.record({ name, token: text }), { selector: (u) => u.name, maxLength: 4 }),
        text,
        (clusters, users, current) => {
          const cfg: Kubeconfig = {
            ...emptyKubeconfig(),
            clusters: clusters.map((c) => ({
              name: c.name,
              cluster: { server: c.server, 'insecure-skip-tls-verify': c.insecure },
            })),
            users: users.map((u) => ({ name: u.name, user: { token: u.token } })),
            'current-context': current,
          };
          const back = parseKubeconfig(serializeKubeconfig(cfg));
          const byName = <T extends { name: string }>(l: T[]) => [...l].sort((a, b) => (a.name < b.name ? -1 : 1));
          expect(back.clusters).toEqual(byName(cfg.clusters));
          expect(back.users).toEqual(byName(cfg.users));
          expect(back['current-context']).toBe(current);
        },
      ),
      { numRuns: 100 },
    );
  });
});
