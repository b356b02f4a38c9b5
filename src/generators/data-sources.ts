/**
 * The key/value sources of `create configmap` and `create secret generic`: --from-literal,
 * --from-file (file, key=file, or a directory's regular files) and --from-env-file, read the way
 * kubectl reads them (texts of its errors included). Values are bytes; the caller decides how a
 * ConfigMap (data vs binaryData) or Secret (base64) stores them.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';

export interface DataEntry {
  key: string;
  value: Buffer;
}

/** `key=value` (only the first `=` splits; a missing or leading `=` is an error). */
export function parseLiteralSource(source: string): DataEntry {
  const eq = source.indexOf('=');
  if (eq <= 0) throw new Error(`invalid literal source ${source}, expected key=value`);
  return { key: source.slice(0, eq), value: Buffer.from(source.slice(eq + 1), 'utf8') };
}

/** `path` or `key=path` -> [key, path]. */
export function parseFileSource(source: string): { key: string; path: string } {
  const eq = source.indexOf('=');
  if (eq < 0) return { key: basename(source), path: source };
  if (eq === 0) throw new Error(`key name for file path ${source.slice(1)} missing`);
  if (eq === source.length - 1) throw new Error(`file path for key name ${source.slice(0, eq)} missing`);
  const key = source.slice(0, eq);
  const path = source.slice(eq + 1);
  if (key.includes('=') || path.includes('=')) {
    throw new Error("key names or file paths cannot contain '='");
  }
  return { key, path };
}

/** The entries of one --from-file value (a directory yields its regular files, not recursing). */
export function readFileSource(source: string): DataEntry[] {
  const { key, path } = parseFileSource(source);
  let st: ReturnType<typeof statSync>;
  try {
    st = statSync(path);
  } catch {
    throw new Error(`error reading ${path}: no such file or directory`);
  }
  if (st.isDirectory()) {
    if (source.includes('=')) throw new Error('cannot give a key name for a directory path');
    const out: DataEntry[] = [];
    for (const name of readdirSync(path).sort()) {
      const full = join(path, name);
      if (!statSync(full).isFile()) continue;
      out.push({ key: name, value: readFileSync(full) });
    }
    return out;
  }
  return [{ key, value: readFileSync(path) }];
}

const ENV_KEY = /^[-._a-zA-Z][-._a-zA-Z0-9]*$/;
const ENV_KEY_MSG =
  "a valid environment variable name must consist of alphabetic characters, digits, '_', '-', or '.', and must not start with a digit (e.g. 'my.env-name',  or 'MY_ENV.NAME',  or 'MyEnvName1', regex used for validation is '[-._a-zA-Z][-._a-zA-Z0-9]*')";

/**
 * An env file: one `KEY=value` per line, `#` comments and blank lines skipped, leading
 * whitespace dropped, the value kept verbatim (quotes and trailing spaces included); a line
 * without `=` takes the value from this process's environment ("" when unset).
 */
export function readEnvFile(path: string, env: NodeJS.ProcessEnv = process.env): DataEntry[] {
  let st: ReturnType<typeof statSync>;
  try {
    st = statSync(path);
  } catch {
    throw new Error(`error reading ${path}: no such file or directory`);
  }
  if (st.isDirectory()) throw new Error('env config file cannot be a directory');
  const text = readFileSync(path, 'utf8');
  const out: DataEntry[] = [];
  const lines = text.split('\n');
  lines.forEach((raw, i) => {
    let line = raw.replace(/\r$/, '').replace(/^[ \t\n\r\f\v]+/, '');
    if (i === 0) line = line.replace(/^\uFEFF/, '');
    if (line === '' || line.startsWith('#')) return;
    const eq = line.indexOf('=');
    const key = eq < 0 ? line : line.slice(0, eq);
    if (!ENV_KEY.test(key)) throw new Error(`"${key}" is not a valid key name: ${ENV_KEY_MSG}`);
    const value = eq < 0 ? (env[key] ?? '') : line.slice(eq + 1);
    out.push({ key, value: Buffer.from(value, 'utf8') });
  });
  return out;
}

const CONFIG_KEY = /^[-._a-zA-Z0-9]+$/;

/** kube's IsConfigMapKey message for a bad key, or undefined when the key is valid. */
export function configKeyError(key: string): string | undefined {
  const errs: string[] = [];
  if (key.length > 253) errs.push('must be no more than 253 characters');
  if (!CONFIG_KEY.test(key)) {
    errs.push(
      "a valid config key must consist of alphanumeric characters, '-', '_' or '.' (e.g. 'key.name',  or 'KEY_NAME',  or 'key-name', regex used for validation is '[-._a-zA-Z0-9]+')",
    );
  }
  if (key === '.') errs.push("must not be '.'");
  else if (key === '..') errs.push("must not be '..'");
  else if (key.startsWith('..')) errs.push("must not start with '..'");
  return errs.length ? errs.join(',') : undefined;
}

/** Go's utf8.Valid: Node's decoder replaces bad sequences, so a round trip detects them. */
export function isValidUtf8(b: Buffer): boolean {
  return Buffer.from(b.toString('utf8'), 'utf8').equals(b);
}

/** A map with keys in Go's sorted order (Go marshals maps sorted, even inside structs). */
export function sortedRecord<T>(rec: Record<string, T>): Record<string, T> {
  const out: Record<string, T> = {};
  for (const k of Object.keys(rec).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))) out[k] = rec[k] as T;
  return out;
}
