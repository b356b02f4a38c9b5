import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { inClusterKubeconfig } from '../../../src/client/kubeconfig/in-cluster.js';
import { parseKubeconfig } from '../../../src/client/kubeconfig/load.js';
import { resolveRestConfig } from '../../../src/client/kubeconfig/resolve.js';
import { emptyKubeconfig } from '../../../src/client/kubeconfig/types.js';

describe('in-cluster fallback', () => {
  const sa = mkdtempSync(join(tmpdir(), 'kctl-sa-'));
  writeFileSync(join(sa, 'token'), 'sa-token\n');
  writeFileSync(join(sa, 'ca.crt'), 'CA');
  writeFileSync(join(sa, 'namespace'), 'team\n');
  const env = { KUBERNETES_SERVICE_HOST: '10.96.0.1', KUBERNETES_SERVICE_PORT: '443' };

  it('uses the service account when there is no kubeconfig', () => {
    const cfg = inClusterKubeconfig(emptyKubeconfig(), env, sa)!;
    const rc = resolveRestConfig(cfg, {});
    expect(rc.server).toBe('https://10.96.0.1:443');
    expect(rc.auth).toEqual({ type: 'tokenFile', path: join(sa, 'token') });
    expect(rc.tls.ca?.toString()).toBe('CA');
    expect(rc.namespace).toBe('team');
    expect(resolveRestConfig(cfg, { namespace: 'x' }).namespace).toBe('x');
  });

  it('does not apply outside a pod or when a kubeconfig exists', () => {
    expect(inClusterKubeconfig(emptyKubeconfig(), {}, sa)).toBeUndefined();
    expect(inClusterKubeconfig(emptyKubeconfig(), env, join(sa, 'missing'))).toBeUndefined();
    expect(inClusterKubeconfig(parseKubeconfig('current-context: a'), env, sa)).toBeUndefined();
    expect(
      inClusterKubeconfig(emptyKubeconfig(), { ...env, KUBERNETES_SERVICE_HOST: 'fd00::1' }, sa)?.clusters[0].cluster
        .server,
    ).toBe('https://[fd00::1]:443');
  });
});
