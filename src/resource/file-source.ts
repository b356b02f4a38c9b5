import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';
import type { DeferredRestMapper } from '../client/mapper.js';
import type { KubeObject, Visitor } from './info.js';
import { decodeManifests, expandLists } from './manifest-decoder.js';
import { infoForObject } from './object-info.js';

/** Extensions read from directories; a file named explicitly is read whatever its name. */
export const MANIFEST_EXTENSIONS = ['.json', '.yaml', '.yml'];

const GLOB = /[*?[]/;

function globToRegExp(pattern: string): RegExp {
  let re = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '*') re += '[^/]*';
    else if (c === '?') re += '[^/]';
    else if (c === '[') {
      const end = pattern.indexOf(']', i);
      if (end < 0) throw new Error(`pattern "${pattern}" is not valid: syntax error in pattern`);
      re += `[${pattern.slice(i + 1, end).replace(/^!/, '^')}]`;
      i = end;
    } else re += c.replace(/[.+^${}()|\\]/g, '\\$&');
  }
  return new RegExp(`^${re}$`);
}

/**
 * A -f argument as paths: the path itself if it exists, else its glob matches (in the last path
 * segment, sorted), else kubectl's `the path "X" does not exist`.
 */
export function expandFilePattern(pattern: string): string[] {
  if (existsSync(pattern)) return [pattern];
  if (GLOB.test(basename(pattern)) && !GLOB.test(dirname(pattern))) {
    const dir = dirname(pattern);
    const re = globToRegExp(basename(pattern));
    const matches = existsSync(dir)
      ? readdirSync(dir)
          .filter((f) => re.test(f))
          .sort()
          .map((f) => join(dir, f))
      : [];
    if (matches.length > 0) return matches;
  }
  throw new Error(`the path "${pattern}" does not exist`);
}

/**
 * The files a path stands for: a file as is; a directory's manifest files (.json/.yaml/.yml)
 * in lexical order, descending into subdirectories only with -R (kubectl's
 * ExpandPathsToFileVisitors).
 */
export function manifestFiles(path: string, recursive: boolean): string[] {
  const st = statSync(path);
  if (!st.isDirectory()) return [path];
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      const full = join(dir, name);
      if (statSync(full).isDirectory()) {
        if (recursive) walk(full);
        continue;
      }
      if (MANIFEST_EXTENSIONS.includes(extname(name))) out.push(full);
    }
  };
  walk(path);
  return out;
}

/** Infos for every object in a manifest file (Lists expanded); read/decode errors are items. */
export async function* fileVisitor(file: string, mapper: DeferredRestMapper): Visitor {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    yield new Error(`error reading "${file}": ${(e as Error).message}`);
    return;
  }
  yield* textVisitor(text, file, mapper);
}

/** Infos for manifest text from any source (file, URL, stdin). */
export async function* textVisitor(text: string, source: string, mapper: DeferredRestMapper): Visitor {
  let docs: KubeObject[];
  try {
    docs = decodeManifests(text, source);
  } catch (e) {
    yield e as Error;
    return;
  }
  for (const doc of docs) {
    if (!isListDocument(doc)) {
      try {
        yield await infoForObject(mapper, doc, source);
      } catch (e) {
        yield e as Error;
      }
      continue;
    }
    // Items of a List: kubectl's FlattenListVisitor visits the ones it can map and reports the
    // others together afterwards as `unable to recognize ...` (a Go aggregate: `[a, b]`).
    const errors: string[] = [];
    for (const item of expandLists([doc])) {
      try {
        yield await infoForObject(mapper, item, source);
      } catch (e) {
        const cause = (e as { cause?: Error }).cause ?? (e as Error);
        errors.push(`unable to recognize ${cause.message}`);
      }
    }
    if (errors.length === 1) yield new Error(errors[0]);
    else if (errors.length > 1) yield new Error(`[${errors.join(', ')}]`);
  }
}

const isListDocument = (o: KubeObject): boolean =>
  typeof o.kind === 'string' && o.kind.endsWith('List') && Array.isArray((o as { items?: unknown }).items);
