/** `kubectl create configmap` / `create secret generic`: objects from data sources. */
import { configMapHash, secretHash } from './content-hash.js';
import {
  configKeyError,
  type DataEntry,
  isValidUtf8,
  parseLiteralSource,
  readEnvFile,
  readFileSource,
  sortedRecord,
} from './data-sources.js';

export interface DataSourceOptions {
  name: string;
  /** Set only when -n was given (kubectl's EnforceNamespace). */
  namespace?: string;
  fromFile?: string[];
  fromLiteral?: string[];
  fromEnvFile?: string[];
  appendHash?: boolean;
  env?: NodeJS.ProcessEnv;
}

function entries(o: DataSourceOptions): { files: DataEntry[]; literals: DataEntry[]; envs: DataEntry[] } {
  return {
    files: (o.fromFile ?? []).flatMap((s) => readFileSource(s)),
    literals: (o.fromLiteral ?? []).map((s) => parseLiteralSource(s)),
    envs: (o.fromEnvFile ?? []).flatMap((p) => readEnvFile(p, o.env)),
  };
}

function meta(name: string, namespace: string | undefined): Record<string, unknown> {
  return namespace ? { name, namespace } : { name };
}

/** A ConfigMap in Go field order; non-UTF-8 file contents go to binaryData. */
export function configMapObject(o: DataSourceOptions): Record<string, unknown> {
  if (
    o.fromEnvFile &&
    o.fromEnvFile.length > 0 &&
    ((o.fromFile?.length ?? 0) > 0 || (o.fromLiteral?.length ?? 0) > 0)
  ) {
    throw new Error('from-env-file cannot be combined with from-file or from-literal');
  }
  const { files, literals, envs } = entries(o);
  const data: Record<string, string> = {};
  const binary: Record<string, string> = {};
  const add = (e: DataEntry, allowBinary: boolean) => {
    const bad = configKeyError(e.key);
    if (bad) throw new Error(`"${e.key}" is not a valid key name for a ConfigMap: ${bad}`);
    if (e.key in data) {
      throw new Error(
        `cannot add key "${e.key}", another key by that name already exists in Data for ConfigMap "${o.name}"`,
      );
    }
    if (e.key in binary) {
      throw new Error(
        `cannot add key "${e.key}", another key by that name already exists in BinaryData for ConfigMap "${o.name}"`,
      );
    }
    if (allowBinary && !isValidUtf8(e.value)) binary[e.key] = e.value.toString('base64');
    else data[e.key] = e.value.toString('utf8');
  };
  for (const e of files) add(e, true);
  for (const e of literals) add(e, false);
  for (const e of envs) add(e, false);
  const sortedData = sortedRecord(data);
  const sortedBinary = sortedRecord(binary);
  const name = o.appendHash ? `${o.name}-${configMapHash(o.name, sortedData, sortedBinary)}` : o.name;
  const cm: Record<string, unknown> = { kind: 'ConfigMap', apiVersion: 'v1', metadata: meta(name, o.namespace) };
  if (Object.keys(data).length > 0) cm.data = sortedData;
  if (Object.keys(binary).length > 0) cm.binaryData = sortedBinary;
  return cm;
}

/** A generic Secret in Go field order (values base64, type only when given). */
export function genericSecretObject(o: DataSourceOptions & { type?: string }): Record<string, unknown> {
  if (
    o.fromEnvFile &&
    o.fromEnvFile.length > 0 &&
    ((o.fromFile?.length ?? 0) > 0 || (o.fromLiteral?.length ?? 0) > 0)
  ) {
    throw new Error('from-env-file cannot be combined with from-file or from-literal');
  }
  const { files, literals, envs } = entries(o);
  const data: Record<string, string> = {};
  for (const e of [...files, ...literals, ...envs]) {
    const bad = configKeyError(e.key);
    if (bad) throw new Error(`"${e.key}" is not a valid key name for a Secret: ${bad}`);
    if (e.key in data) throw new Error(`cannot add key ${e.key}, another key by that name already exists`);
    data[e.key] = e.value.toString('base64');
  }
  const sorted = sortedRecord(data);
  const name = o.appendHash ? `${o.name}-${secretHash(o.name, o.type ?? '', sorted)}` : o.name;
  const s: Record<string, unknown> = { kind: 'Secret', apiVersion: 'v1', metadata: meta(name, o.namespace) };
  if (Object.keys(data).length > 0) s.data = sorted;
  if (o.type) s.type = o.type;
  return s;
}
