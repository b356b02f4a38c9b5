import yaml from 'js-yaml';
import type { KubeObject } from './info.js';

const sortKeys = (v: unknown): unknown => {
  if (Array.isArray(v)) return v.map(sortKeys);
  if (v && typeof v === 'object') {
    return Object.fromEntries(
      Object.keys(v)
        .sort()
        .map((k) => [k, sortKeys((v as Record<string, unknown>)[k])]),
    );
  }
  return v;
};

/** The JSON text kubectl quotes in decode errors (Go marshals maps with sorted keys). */
export const goJson = (v: unknown): string => JSON.stringify(sortKeys(v));

/** Splits a JSON stream of concatenated top-level values (`{..}{..}` or one per line). */
function splitJsonStream(text: string): string[] | undefined {
  const out: string[] = [];
  let depth = 0;
  let inString = false;
  let escaped = false;
  let start = -1;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (inString) {
      if (escaped) escaped = false;
      else if (ch === '\\') escaped = true;
      else if (ch === '"') inString = false;
      continue;
    }
    if (ch === '"') inString = true;
    else if (ch === '{' || ch === '[') {
      if (depth === 0) start = i;
      depth++;
    } else if (ch === '}' || ch === ']') {
      depth--;
      if (depth === 0) out.push(text.slice(start, i + 1));
      if (depth < 0) return undefined;
    } else if (depth === 0 && !/\s/.test(ch)) return undefined;
  }
  return depth === 0 ? out : undefined;
}

/**
 * Decodes manifest text as kubectl's YAMLOrJSONDecoder does: a JSON stream when it starts
 * with `{` or `[`, else multi-document YAML (`---`). Empty documents are skipped. Parse errors
 * are `error parsing SOURCE: ...`; documents that are not objects or lack kind/apiVersion are
 * `unable to decode "SOURCE": Object 'Kind' is missing in '...'` (kubectl's texts).
 */
export function decodeManifests(text: string, source: string): KubeObject[] {
  let docs: unknown[];
  const trimmed = text.trimStart();
  const jsonParts = trimmed.startsWith('{') || trimmed.startsWith('[') ? splitJsonStream(text) : undefined;
  if (jsonParts) {
    docs = jsonParts.map((p) => {
      try {
        return JSON.parse(p);
      } catch (e) {
        throw new Error(`error parsing ${source}: ${(e as Error).message}`);
      }
    });
  } else {
    try {
      docs = yaml.loadAll(text);
    } catch (e) {
      const ye = e as { reason?: string; mark?: { line?: number }; message?: string };
      const where = ye.mark?.line !== undefined ? `line ${ye.mark.line + 1}: ` : '';
      throw new Error(
        `error parsing ${source}: error converting YAML to JSON: yaml: ${where}${ye.reason ?? ye.message}`,
      );
    }
  }
  const out: KubeObject[] = [];
  for (const doc of docs) {
    if (doc === null || doc === undefined) continue;
    if (Array.isArray(doc)) {
      // A JSON array of objects is accepted as several documents.
      for (const d of doc) out.push(checkObject(d, source));
      continue;
    }
    out.push(checkObject(doc, source));
  }
  return out;
}

function checkObject(doc: unknown, source: string): KubeObject {
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) {
    const t = typeof doc === 'string' ? 'string' : typeof doc === 'number' ? 'number' : typeof doc;
    throw new Error(
      `error parsing ${source}: json: cannot unmarshal ${t} into Go value of type map[string]interface {}`,
    );
  }
  const o = doc as KubeObject;
  if (typeof o.kind !== 'string' || !o.kind) {
    throw new Error(`unable to decode "${source}": Object 'Kind' is missing in '${goJson(o)}'`);
  }
  if (typeof o.apiVersion !== 'string' || !o.apiVersion) {
    throw new Error(`unable to decode "${source}": Object 'apiVersion' is missing in '${goJson(o)}'`);
  }
  return o;
}

/** Expands `List` documents (and typed `*List`s) into their items, recursively. */
export function expandLists(objects: KubeObject[]): KubeObject[] {
  const out: KubeObject[] = [];
  for (const o of objects) {
    const items = (o as { items?: unknown }).items;
    if (o.kind?.endsWith('List') && Array.isArray(items)) {
      const itemKind = o.kind === 'List' ? undefined : o.kind.slice(0, -4);
      out.push(
        ...expandLists(
          (items as KubeObject[]).map((i) => ({
            ...i,
            ...(i.kind ? {} : itemKind ? { kind: itemKind } : {}),
            ...(i.apiVersion ? {} : { apiVersion: o.apiVersion }),
          })),
        ),
      );
    } else out.push(o);
  }
  return out;
}
