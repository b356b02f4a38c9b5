import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import yaml from 'js-yaml';
import type { Kubeconfig } from './types.js';

const byName = <T extends { name: string }>(list: T[] | undefined): T[] | null =>
  list && list.length > 0 ? [...list].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)) : null;

/**
 * Serialises a kubeconfig in kubectl's layout: keys sorted at every level, named lists sorted by
 * name, empty lists written as `null`, `current-context: ""` and `preferences: {}` always present,
 * list items not indented under their key, long base64 data never folded.
 */
export function serializeKubeconfig(cfg: Kubeconfig): string {
  const doc: Record<string, unknown> = {
    apiVersion: cfg.apiVersion || 'v1',
    clusters: byName(cfg.clusters),
    contexts: byName(cfg.contexts),
    'current-context': cfg['current-context'] ?? '',
    kind: cfg.kind || 'Config',
    preferences: cfg.preferences ?? {},
    users: byName(cfg.users),
  };
  if (cfg.extensions && cfg.extensions.length > 0) doc.extensions = byName(cfg.extensions);
  return yaml.dump(stripUndefined(doc), {
    sortKeys: true,
    noArrayIndent: true,
    lineWidth: -1,
    quotingType: '"',
    noRefs: true,
  });
}

/**
 * Writes a kubeconfig atomically (temp file + rename) with mode 0600, creating the directory.
 * Relative paths in the config are written as given (callers keep them as the user set them).
 */
export function saveKubeconfig(path: string, cfg: Kubeconfig): void {
  mkdirSync(dirname(path), { recursive: true });
  const tmp = `${path}.kctl-${process.pid}.tmp`;
  writeFileSync(tmp, serializeKubeconfig(cfg), { mode: 0o600 });
  renameSync(tmp, path);
}

function stripUndefined(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(stripUndefined);
  if (v && typeof v === 'object' && !Buffer.isBuffer(v)) {
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) if (x !== undefined) out[k] = stripUndefined(x);
    return out;
  }
  return v;
}
