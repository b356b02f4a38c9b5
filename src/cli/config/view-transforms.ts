/**
 * What `kubectl config view` does to the merged config before printing: --minify keeps the
 * current context and what it names, --flatten inlines referenced files as base64 data, and
 * without --raw/--flatten secrets are replaced (`DATA+OMITTED`, `REDACTED`).
 */
import { readFileSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import type { Kubeconfig } from '../../client/kubeconfig/types.js';

export const DATA_OMITTED = 'DATA+OMITTED';
export const REDACTED = 'REDACTED';

/** Keeps only `contextName` (default: current-context) and the cluster and user it names. */
export function minify(cfg: Kubeconfig, contextName?: string): Kubeconfig {
  const name = contextName || cfg['current-context'];
  if (!name) throw new Error('current-context must exist in order to minify');
  const ctx = cfg.contexts.find((c) => c.name === name);
  if (!ctx) throw new Error(`cannot locate context ${name}`);
  return {
    ...cfg,
    contexts: [ctx],
    clusters: cfg.clusters.filter((c) => c.name === ctx.context.cluster),
    users: cfg.users.filter((u) => u.name === ctx.context.user),
    'current-context': name,
  };
}

/** Replaces secret values as kubectl's ShortenConfig does. */
export function redact(cfg: Kubeconfig): Kubeconfig {
  return {
    ...cfg,
    clusters: cfg.clusters.map((c) => ({
      name: c.name,
      cluster: c.cluster['certificate-authority-data']
        ? { ...c.cluster, 'certificate-authority-data': DATA_OMITTED }
        : c.cluster,
    })),
    users: cfg.users.map((u) => {
      const user = { ...u.user };
      if (user['client-certificate-data']) user['client-certificate-data'] = DATA_OMITTED;
      if (user['client-key-data']) user['client-key-data'] = DATA_OMITTED;
      if (user.token) user.token = REDACTED;
      if (user.password) user.password = REDACTED;
      return { name: u.name, user };
    }),
  };
}

/** Inlines certificate files (paths relative to `baseDirOf(entry)`). */
export function flatten(cfg: Kubeconfig, baseDir: (section: 'clusters' | 'users', name: string) => string): Kubeconfig {
  const read = (path: string, base: string) => {
    const p = isAbsolute(path) ? path : join(base, path);
    try {
      return readFileSync(p).toString('base64');
    } catch {
      throw new Error(`open ${p}: no such file or directory`);
    }
  };
  return {
    ...cfg,
    clusters: cfg.clusters.map((c) => {
      const cluster = { ...c.cluster };
      const ca = cluster['certificate-authority'];
      if (ca) {
        cluster['certificate-authority-data'] = read(ca, baseDir('clusters', c.name));
        delete cluster['certificate-authority'];
      }
      return { name: c.name, cluster };
    }),
    users: cfg.users.map((u) => {
      const user = { ...u.user };
      for (const [file, data] of [
        ['client-certificate', 'client-certificate-data'],
        ['client-key', 'client-key-data'],
      ] as const) {
        const path = user[file];
        if (!path) continue;
        user[data] = read(path, baseDir('users', u.name));
        delete user[file];
      }
      return { name: u.name, user };
    }),
  };
}
