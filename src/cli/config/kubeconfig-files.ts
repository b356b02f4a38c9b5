/**
 * kubeconfig files as the `config` commands see them: each file parsed as written (relative
 * paths kept, which `config view` prints unchanged), merged first-wins, and changes written back
 * to the file that defines the entry (kubectl's ModifyConfig), new entries to the default file.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { defaultLoadingRules, mergeInto, parseKubeconfig, precedence } from '../../client/kubeconfig/load.js';
import { emptyKubeconfig, type Kubeconfig } from '../../client/kubeconfig/types.js';
import { printerForFlags } from '../../printers/index.js';
import type { GlobalFlagValues } from '../global-flags.js';
import { externalConfig } from './external-config.js';

export interface KubeconfigFile {
  path: string;
  config: Kubeconfig;
}

export interface KubeconfigSet {
  /** Existing files in precedence order. */
  files: KubeconfigFile[];
  merged: Kubeconfig;
  /** Where new entries and current-context go (GetDefaultFilename). */
  defaultFile: string;
}

/** Loads the files named by --kubeconfig, $KUBECONFIG or ~/.kube/config (kubectl's errors). */
export function loadKubeconfigSet(flags: GlobalFlagValues): KubeconfigSet {
  const rules = defaultLoadingRules(flags.kubeconfig);
  const { files, mustExist } = precedence(rules);
  const merged = emptyKubeconfig();
  const loaded: KubeconfigFile[] = [];
  for (const path of files) {
    if (!existsSync(path)) {
      if (mustExist) throw new Error(`stat ${path}: no such file or directory`);
      continue;
    }
    if (statSync(path).isDirectory())
      throw new Error(`error loading config file "${path}": read ${path}: is a directory`);
    const config = parseKubeconfig(readFileSync(path, 'utf8'), path);
    loaded.push({ path, config });
    mergeInto(merged, structuredClone(config));
  }
  const defaultFile = rules.explicitPath ?? (files.find((f) => existsSync(f)) || files[files.length - 1]);
  return { files: loaded, merged, defaultFile };
}

type Section = 'clusters' | 'users' | 'contexts';

/** The file holding a named entry, else the default file. */
export function fileFor(set: KubeconfigSet, section: Section, name: string): string {
  return set.files.find((f) => f.config[section].some((e) => e.name === name))?.path ?? set.defaultFile;
}

/** The file whose current-context counts (the first one setting it), else the default file. */
export function currentContextFile(set: KubeconfigSet): string {
  return set.files.find((f) => f.config['current-context'])?.path ?? set.defaultFile;
}

/** Reads a file for editing (an empty config when it does not exist yet). */
export function readForEdit(set: KubeconfigSet, path: string): Kubeconfig {
  const f = set.files.find((x) => x.path === path);
  return f ? structuredClone(f.config) : emptyKubeconfig();
}

/** kubectl's on-disk layout: the external Config as YAML (sorted keys, go-yaml quoting). */
export function serializeConfig(cfg: Kubeconfig): string {
  let text = '';
  printerForFlags({ output: 'yaml' }).print(externalConfig(cfg), { write: (s: string) => (text += s) });
  return text;
}

/** Writes a kubeconfig atomically with mode 0600. */
export function writeKubeconfigFile(path: string, cfg: Kubeconfig): void {
  mkdirSync(dirname(path), { recursive: true });
  const tmp = `${path}.kctl-${process.pid}.tmp`;
  writeFileSync(tmp, serializeConfig(cfg), { mode: 0o600 });
  renameSync(tmp, path);
}

/** Applies `edit` to the file at `path` and saves it. */
export function editFile(set: KubeconfigSet, path: string, edit: (cfg: Kubeconfig) => void): void {
  const cfg = readForEdit(set, path);
  edit(cfg);
  writeKubeconfigFile(path, cfg);
}
