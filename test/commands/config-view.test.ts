import { describe, expect, it } from 'vitest';
import { externalConfig } from '../../src/cli/config/external-config.js';
import { serializeConfig } from '../../src/cli/config/kubeconfig-files.js';
import { minify, redact } from '../../src/cli/config/view-transforms.js';
import type { Kubeconfig } from '../../src/client/kubeconfig/types.js';

const cfg = (): Kubeconfig => ({
  clusters: [
    { name: 'b', cluster: { server: 'https://b', 'certificate-authority-data': 'Q0E=' } },
    { name: 'a', cluster: { server: 'https://a' } },
  ],
  users: [{ name: 'u', user: { token: 't', 'client-key-data': 'S0VZ', password: 'p' } }],
  contexts: [{ name: 'c', context: { cluster: 'b', user: 'u', namespace: 'ns' } }],
  'current-context': 'c',
  preferences: {},
});

describe('config view transforms', () => {
  it('redacts secrets like kubectl', () => {
    const r = redact(cfg());
    expect(r.clusters[0].cluster['certificate-authority-data']).toBe('DATA+OMITTED');
    expect(r.users[0].user).toEqual({ token: 'REDACTED', 'client-key-data': 'DATA+OMITTED', password: 'REDACTED' });
  });
  it('minify keeps the context, its cluster and user; errors without one', () => {
    const m = minify(cfg());
    expect(m.clusters.map((c) => c.name)).toEqual(['b']);
    expect(() => minify({ ...cfg(), 'current-context': '' })).toThrow('current-context must exist in order to minify');
    expect(() => minify(cfg(), 'nope')).toThrow('cannot locate context nope');
  });
  it('writes the external shape: sorted lists, no empty preferences, null for empty lists', () => {
    const ext = externalConfig({ ...cfg(), users: [] });
    expect(Object.keys(ext)).toEqual(['kind', 'apiVersion', 'clusters', 'users', 'contexts', 'current-context']);
    expect(ext.users).toBeNull();
    expect(serializeConfig(cfg())).toContain('clusters:\n- cluster:\n    server: https://a\n  name: a\n');
  });
});
