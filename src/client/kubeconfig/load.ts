import { existsSync, readFileSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { delimiter, dirname, isAbsolute, join, resolve } from 'node:path';
import yaml from 'js-yaml';
import {
  type AuthInfo,
  type Cluster,
  emptyKubeconfig,
  type Kubeconfig,
  type LoadedKubeconfig,
  type NamedAuthInfo,
  type NamedCluster,
  type NamedContext,
} from './types.js';

export interface LoadingRules {
  /** --kubeconfig: the only file read; it must exist. */
  explicitPath?: string;
  /** The KUBECONFIG environment value (a path list). */
  envValue?: string;
  /** The home directory used for ~/.kube/config. */
  home?: string;
}

/** The loading rules kubectl applies when given nothing: KUBECONFIG, then ~/.kube/config. */
export function defaultLoadingRules(explicitPath?: string): LoadingRules {
  return { explicitPath, envValue: process.env.KUBECONFIG, home: process.env.HOME || homedir() };
}

/** The candidate files in precedence order, and whether each must exist. */
export function precedence(rules: LoadingRules): { files: string[]; mustExist: boolean } {
  if (rules.explicitPath) return { files: [rules.explicitPath], mustExist: true };
  if (rules.envValue) {
    const seen = new Set<string>();
    const files: string[] = [];
    for (const p of rules.envValue.split(delimiter)) {
      if (!p || seen.has(p)) continue;
      seen.add(p);
      files.push(p);
    }
    if (files.length > 0) return { files, mustExist: false };
  }
  return { files: [join(rules.home || homedir(), '.kube', 'config')], mustExist: false };
}

/**
 * Loads and merges kubeconfig files with kubectl's rules: an explicit --kubeconfig must exist
 * (`stat PATH: no such file or directory`); missing files of the KUBECONFIG list or a missing
 * ~/.kube/config are skipped (an empty config results). Within the merge the first file that
 * defines a cluster/user/context name, or sets current-context, wins. Relative paths inside a
 * file are resolved against that file's directory before merging.
 */
export function loadKubeconfig(rules: LoadingRules = defaultLoadingRules()): LoadedKubeconfig {
  const { files, mustExist } = precedence(rules);
  const merged = emptyKubeconfig();
  const read: string[] = [];
  for (const file of files) {
    if (!existsSync(file)) {
      if (mustExist) throw new Error(`stat ${file}: no such file or directory`);
      continue;
    }
    if (statSync(file).isDirectory())
      throw new Error(`error loading config file "${file}": read ${file}: is a directory`);
    const cfg = parseKubeconfig(readFileSync(file, 'utf8'), file);
    resolveRelativePaths(cfg, dirname(resolve(file)));
    mergeInto(merged, cfg);
    read.push(file);
  }
  const writeTarget = rules.explicitPath ?? (files.find((f) => existsSync(f)) || files[files.length - 1]);
  return { config: merged, files: read, writeTarget };
}

/**
 * Parses one kubeconfig document (YAML or JSON). An empty file is an empty config, as in
 * kubectl. Anything that is not a mapping with list-valued clusters/users/contexts is an
 * `error loading config file "NAME": ...`.
 */
export function parseKubeconfig(text: string, name = '<input>'): Kubeconfig {
  let doc: unknown;
  try {
    doc = yaml.load(text);
  } catch (e) {
    const msg = e instanceof Error ? e.message.split('\n')[0] : String(e);
    throw new Error(`error loading config file "${name}": yaml: ${msg}`);
  }
  if (doc === undefined || doc === null) return emptyKubeconfig();
  if (typeof doc !== 'object' || Array.isArray(doc)) {
    throw new Error(`error loading config file "${name}": couldn't get version/kind; json parse error: not an object`);
  }
  const raw = doc as Record<string, unknown>;
  const list = <T>(key: string, inner: string): T[] => {
    const v = raw[key];
    if (v === undefined || v === null) return [];
    if (!Array.isArray(v)) throw new Error(`error loading config file "${name}": ${key} must be a list`);
    return v.map((item, i) => {
      if (!item || typeof item !== 'object' || typeof (item as { name?: unknown }).name !== 'string') {
        throw new Error(`error loading config file "${name}": ${key}[${i}] must have a name`);
      }
      const entry = item as Record<string, unknown>;
      return { ...entry, [inner]: (entry[inner] as object | null) ?? {} } as T;
    });
  };
  return {
    apiVersion: typeof raw.apiVersion === 'string' ? raw.apiVersion : 'v1',
    kind: typeof raw.kind === 'string' ? raw.kind : 'Config',
    preferences: (raw.preferences as Kubeconfig['preferences']) ?? {},
    clusters: list<NamedCluster>('clusters', 'cluster'),
    users: list<NamedAuthInfo>('users', 'user'),
    contexts: list<NamedContext>('contexts', 'context'),
    'current-context': typeof raw['current-context'] === 'string' ? raw['current-context'] : '',
    ...(raw.extensions ? { extensions: raw.extensions as Kubeconfig['extensions'] } : {}),
  };
}

const abs = (p: string | undefined, base: string): string | undefined =>
  p === undefined || p === '' || isAbsolute(p) ? p : join(base, p);

/**
 * kubectl resolves file references (CA, client cert/key, tokenFile, and an exec command that
 * contains a path separator) against the directory of the file that holds them.
 */
export function resolveRelativePaths(cfg: Kubeconfig, base: string): void {
  for (const { cluster } of cfg.clusters) resolveCluster(cluster, base);
  for (const { user } of cfg.users) resolveUser(user, base);
}

function resolveCluster(c: Cluster, base: string): void {
  if (c['certificate-authority']) c['certificate-authority'] = abs(c['certificate-authority'], base);
}

function resolveUser(u: AuthInfo, base: string): void {
  if (u['client-certificate']) u['client-certificate'] = abs(u['client-certificate'], base);
  if (u['client-key']) u['client-key'] = abs(u['client-key'], base);
  if (u.tokenFile) u.tokenFile = abs(u.tokenFile, base);
  // A bare command name is looked up on PATH; only "./x" or "dir/x" is file-relative.
  if (u.exec?.command?.includes('/')) u.exec.command = abs(u.exec.command, base)!;
}

/** Merges `next` into `into`, keeping whatever `into` already defines (first wins). */
export function mergeInto(into: Kubeconfig, next: Kubeconfig): void {
  const add = <T extends { name: string }>(target: T[], source: T[]) => {
    const have = new Set(target.map((e) => e.name));
    for (const e of source) {
      if (have.has(e.name)) continue;
      have.add(e.name);
      target.push(e);
    }
  };
  add(into.clusters, next.clusters);
  add(into.users, next.users);
  add(into.contexts, next.contexts);
  if (!into['current-context'] && next['current-context']) into['current-context'] = next['current-context'];
  const prefs = next.preferences ?? {};
  into.preferences ??= {};
  if (into.preferences.colors === undefined && prefs.colors !== undefined) into.preferences.colors = prefs.colors;
  if (next.extensions) add((into.extensions ??= []), next.extensions);
}

/**
 * One kubeconfig file exactly as written (relative paths kept), for commands that modify it
 * and save it back (`config set-context` ...). A missing file is an empty config, as kubectl
 * creates the file on first write.
 */
export function readKubeconfigFile(path: string): Kubeconfig {
  if (!existsSync(path)) return emptyKubeconfig();
  return parseKubeconfig(readFileSync(path, 'utf8'), path);
}
