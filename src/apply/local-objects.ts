/**
 * The objects of `--local` runs (label, annotate, patch): read from -f files, directories and
 * stdin exactly as written, with no server contact at all, so no type lookup either. An object
 * is known only by its apiVersion and kind; namespaces are not defaulted, but an explicit -n
 * must match an object's own namespace (kubectl's per-object error otherwise).
 */
import { readFileSync } from 'node:fs';
import { expandFilePattern, manifestFiles } from '../resource/file-source.js';
import type { KubeObject } from '../resource/info.js';
import { decodeManifests, expandLists } from '../resource/manifest-decoder.js';
import { STDIN_SOURCE } from '../resource/stdin-source.js';
import { isUrl } from '../resource/url-source.js';

export interface LocalObject {
  object: KubeObject;
  /** The file path or `STDIN`. */
  source: string;
  /** From apiVersion: the API group (`` for core) and version. */
  group: string;
  version: string;
  kind: string;
  name: string;
}

export interface LocalSelection {
  filenames: string[];
  recursive?: boolean;
  /** Only when -n was given: objects in other namespaces are errors. */
  namespace?: string;
  stdin?: AsyncIterable<Buffer | string>;
}

export interface LocalRead {
  /** Objects and per-object errors, in input order. */
  items: (LocalObject | Error)[];
  /** kubectl's "single item implied": exactly one -f naming one plain file. */
  singleItemImplied: boolean;
}

async function readAll(stream: AsyncIterable<Buffer | string>): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of stream) chunks.push(typeof c === 'string' ? Buffer.from(c) : c);
  return Buffer.concat(chunks).toString('utf8');
}

function toLocal(object: KubeObject, source: string, namespace: string | undefined): LocalObject {
  const apiVersion = object.apiVersion ?? '';
  const slash = apiVersion.indexOf('/');
  const own = object.metadata?.namespace;
  if (namespace !== undefined && own && own !== namespace) {
    throw new Error(
      `the namespace from the provided object "${own}" does not match the namespace "${namespace}". You must pass '--namespace=${own}' to perform this operation.`,
    );
  }
  return {
    object,
    source,
    group: slash < 0 ? '' : apiVersion.slice(0, slash),
    version: slash < 0 ? apiVersion : apiVersion.slice(slash + 1),
    kind: object.kind ?? '',
    name: object.metadata?.name ?? '',
  };
}

/**
 * Reads every object named by -f (Lists expanded). Paths that do not exist throw kubectl's
 * `the path "X" does not exist` before anything is read; URLs are refused (reading them would
 * be a network call, which --local promises not to make).
 */
export async function readLocalObjects(sel: LocalSelection): Promise<LocalRead> {
  const texts: { text: string; source: string }[] = [];
  let single = sel.filenames.length === 1;
  for (const f of sel.filenames) {
    if (f === '-') {
      single = false;
      texts.push({ text: await readAll(sel.stdin ?? process.stdin), source: STDIN_SOURCE });
      continue;
    }
    if (isUrl(f)) throw new Error(`--local cannot read the URL ${f}; download it and pass the file`);
    for (const path of expandFilePattern(f)) {
      const files = manifestFiles(path, sel.recursive ?? false);
      if (files.length !== 1 || files[0] !== path) single = false;
      for (const file of files) texts.push({ text: readFileSync(file, 'utf8'), source: file });
    }
  }
  const items: (LocalObject | Error)[] = [];
  for (const { text, source } of texts) {
    let docs: KubeObject[];
    try {
      docs = expandLists(decodeManifests(text, source));
    } catch (e) {
      items.push(e as Error);
      continue;
    }
    for (const doc of docs) {
      try {
        items.push(toLocal(doc, source, sel.namespace));
      } catch (e) {
        items.push(e as Error);
      }
    }
  }
  return { items, singleItemImplied: single };
}
