import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Kubeconfig } from './types.js';

/** Where a pod's service account credentials are mounted. */
export const SERVICE_ACCOUNT_DIR = '/var/run/secrets/kubernetes.io/serviceaccount';

/**
 * kubectl's in-cluster fallback: with no kubeconfig content at all, inside a pod
 * (KUBERNETES_SERVICE_HOST/PORT set and a mounted service account token), the config is the
 * API server's service address with the service account's token, CA and namespace. Returns
 * undefined when not applicable.
 */
export function inClusterKubeconfig(
  cfg: Kubeconfig,
  env: NodeJS.ProcessEnv = process.env,
  dir: string = SERVICE_ACCOUNT_DIR,
): Kubeconfig | undefined {
  if (cfg.clusters.length > 0 || cfg.contexts.length > 0 || cfg.users.length > 0 || cfg['current-context'])
    return undefined;
  const host = env.KUBERNETES_SERVICE_HOST;
  const port = env.KUBERNETES_SERVICE_PORT;
  const tokenFile = join(dir, 'token');
  if (!host || !port || !existsSync(tokenFile)) return undefined;
  const hostPart = host.includes(':') ? `[${host}]` : host;
  const ca = join(dir, 'ca.crt');
  const nsFile = join(dir, 'namespace');
  const namespace = existsSync(nsFile) ? readFileSync(nsFile, 'utf8').trim() : '';
  return {
    ...cfg,
    clusters: [
      {
        name: 'in-cluster',
        cluster: { server: `https://${hostPart}:${port}`, ...(existsSync(ca) ? { 'certificate-authority': ca } : {}) },
      },
    ],
    users: [{ name: 'in-cluster', user: { tokenFile } }],
    contexts: [
      {
        name: 'in-cluster',
        context: { cluster: 'in-cluster', user: 'in-cluster', ...(namespace ? { namespace } : {}) },
      },
    ],
    'current-context': 'in-cluster',
  };
}
