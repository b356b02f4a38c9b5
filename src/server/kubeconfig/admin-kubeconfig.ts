/**
 * The admin kubeconfig of a running server: written to `<data-dir>/kubeconfig` and, like
 * `kind` does, merged into the user's kubeconfig (cluster, user and context named `kctl`,
 * made current). Other entries of the user's file are kept as they are.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { delimiter, dirname, join } from 'node:path';
import yaml from 'js-yaml';

export const CONTEXT_NAME = 'kctl';

export interface AdminCredentials {
  /** https://host:port */
  server: string;
  caPem: string;
  clientCertPem: string;
  clientKeyPem: string;
}

interface Named {
  name: string;
  [k: string]: unknown;
}

export interface KubeconfigDoc {
  apiVersion?: string;
  kind?: string;
  clusters?: Named[];
  contexts?: Named[];
  users?: Named[];
  'current-context'?: string;
  preferences?: Record<string, unknown>;
  [k: string]: unknown;
}

const b64 = (s: string): string => Buffer.from(s).toString('base64');

/** The https URL clients should use for a listen address (wildcards -> loopback, IPv6 in brackets). */
export function serverUrl(address: string, port: number): string {
  let host = address;
  if (host === '0.0.0.0' || host === '') host = '127.0.0.1';
  if (host === '::') host = '::1';
  return `https://${host.includes(':') ? `[${host}]` : host}:${port}`;
}

function entries(c: AdminCredentials): { cluster: Named; user: Named; context: Named } {
  return {
    cluster: { cluster: { 'certificate-authority-data': b64(c.caPem), server: c.server }, name: CONTEXT_NAME },
    user: {
      name: CONTEXT_NAME,
      user: { 'client-certificate-data': b64(c.clientCertPem), 'client-key-data': b64(c.clientKeyPem) },
    },
    context: { context: { cluster: CONTEXT_NAME, user: CONTEXT_NAME }, name: CONTEXT_NAME },
  };
}

/** A kubeconfig holding only the `kctl` entries. */
export function adminKubeconfig(c: AdminCredentials): KubeconfigDoc {
  const e = entries(c);
  return {
    apiVersion: 'v1',
    clusters: [e.cluster],
    contexts: [e.context],
    'current-context': CONTEXT_NAME,
    kind: 'Config',
    preferences: {},
    users: [e.user],
  };
}

const replaceNamed = (list: unknown, item: Named): Named[] => {
  const arr = Array.isArray(list) ? (list as Named[]).filter((x) => x && typeof x === 'object') : [];
  const i = arr.findIndex((x) => x.name === item.name);
  if (i >= 0) arr[i] = item;
  else arr.push(item);
  return arr;
};

/** `doc` with the kctl entries replaced or added; current-context set when `makeCurrent`. */
export function mergeKubeconfig(doc: KubeconfigDoc, c: AdminCredentials, makeCurrent = true): KubeconfigDoc {
  const e = entries(c);
  const out: KubeconfigDoc = { ...doc, apiVersion: doc.apiVersion ?? 'v1', kind: doc.kind ?? 'Config' };
  out.clusters = replaceNamed(doc.clusters, e.cluster);
  out.users = replaceNamed(doc.users, e.user);
  out.contexts = replaceNamed(doc.contexts, e.context);
  if (makeCurrent) out['current-context'] = CONTEXT_NAME;
  out.preferences ??= {};
  return out;
}

/** The file kubectl would write to: KUBECONFIG's first entry, else ~/.kube/config. */
export function userKubeconfigPath(env: NodeJS.ProcessEnv = process.env): string {
  const first = (env.KUBECONFIG ?? '').split(delimiter).find((p) => p.trim() !== '');
  return first ?? join(env.HOME || homedir(), '.kube', 'config');
}

/** Writes atomically (temp file + rename) with owner-only permissions. */
export function writeKubeconfig(path: string, doc: KubeconfigDoc): void {
  mkdirSync(dirname(path), { recursive: true });
  const tmp = `${path}.tmp-${process.pid}`;
  writeFileSync(tmp, yaml.dump(doc, { lineWidth: -1, noRefs: true }), { mode: 0o600 });
  renameSync(tmp, path);
}

/**
 * Merges the kctl entries into the kubeconfig at `path` (created when missing). A file that is
 * not a YAML mapping is an error: it is left untouched rather than overwritten.
 */
export function updateUserKubeconfig(path: string, c: AdminCredentials): void {
  let doc: KubeconfigDoc = {};
  if (existsSync(path)) {
    const text = readFileSync(path, 'utf8');
    const parsed = text.trim() ? yaml.load(text) : {};
    if (parsed === null || parsed === undefined) doc = {};
    else if (typeof parsed !== 'object' || Array.isArray(parsed))
      throw new Error(`${path}: not a kubeconfig (expected a YAML mapping)`);
    else doc = parsed as KubeconfigDoc;
  }
  writeKubeconfig(path, mergeKubeconfig(doc, c, true));
}
