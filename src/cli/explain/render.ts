/**
 * `kubectl explain` output from an OpenAPI v3 document, following kubectl 1.35's plaintext
 * template step by step: the GVK is found on the resource's path operations, its schema among
 * components, then the field path is followed ($ref, items, additionalProperties, allOf) and the
 * description and field list printed with the template's wrapping, indentation and type hints.
 */
import { indent, wrapString } from './word-wrap.js';

type Schema = Record<string, unknown> & {
  $ref?: string;
  description?: string;
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  additionalProperties?: Schema | boolean;
  allOf?: Schema[];
  type?: string;
  enum?: unknown[];
  externalDocs?: { description?: string; url?: string };
};
export type OpenApiDocument = {
  paths?: Record<string, Record<string, Record<string, unknown>>>;
  components?: { schemas?: Record<string, Schema> };
};
export interface Gvk {
  group: string;
  version: string;
  kind: string;
}
type History = Record<string, true>;

/** Errors the template "throws": printed as they are (they already start with `error:`). */
export class ExplainError extends Error {}

const sortedKeys = (o: object | undefined) => Object.keys(o ?? {}).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
const isMap = (v: unknown): v is Schema => typeof v === 'object' && v !== null && !Array.isArray(v);

function resolveRef(ref: unknown, doc: OpenApiDocument): Schema | undefined {
  if (typeof ref !== 'string' || !ref.startsWith('#')) return undefined;
  let cur: unknown = doc;
  for (const k of ref.slice(1).split('/')) {
    if (!k) continue;
    const next = isMap(cur) ? (cur as Record<string, unknown>)[decodeURIComponent(k)] : undefined;
    if (!isMap(next)) return undefined;
    cur = next;
  }
  return cur as Schema;
}

const mapAdditional = (s: Schema): Schema | undefined =>
  isMap(s.additionalProperties) ? s.additionalProperties : undefined;

export function typeGuess(s: Schema, doc: OpenApiDocument): string {
  if (s.items) return `[]${typeGuess(s.items, doc)}`;
  const ap = mapAdditional(s);
  if (ap) return `map[string]${typeGuess(ap, doc)}`;
  if (s.allOf && !s.properties && s.allOf.length === 1) return typeGuess(s.allOf[0], doc);
  if (s.$ref) {
    const ref = resolveRef(s.$ref, doc);
    if (!ref?.type || ref.type === 'object') {
      const name = s.$ref.split('/').pop() ?? '';
      return name.split('.').pop() || 'Object';
    }
    return ref.type;
  }
  return s.type === 'object' ? 'Object' : s.type || 'Object';
}

function enumText(s: Schema, long: boolean, limit: number, indentAmount = 0): string {
  if (!Array.isArray(s.enum) || s.enum.length === 0) return '';
  let out = long ? 'ENUM:' : `\n${' '.repeat(indentAmount)}enum: `;
  for (let i = 0; i < s.enum.length; i++) {
    if (limit > -1 && i >= limit) {
      out += ', ....';
      break;
    }
    if (i > 0 && !long) out += ', ';
    else if (long) out += '\n    ';
    const e = s.enum[i];
    out += e === '' ? '""' : String(e);
  }
  return out;
}

function description(s: Schema, doc: OpenApiDocument): string {
  const r = resolveRef(s.$ref, doc) ?? s;
  let out = r.description ? `${r.description}\n` : '';
  for (const sub of r.allOf ?? []) out += description(sub, doc);
  if (r.items) out += description(r.items, doc);
  const ap = mapAdditional(r);
  if (ap) out += description(ap, doc);
  return out;
}

/** EXTERNAL DOCS at `head` indentation, its lines at `body`, wrapped at `width`. */
function externalDocs(s: Schema, head = 0, body = 4, width = 76): string {
  const d = s.externalDocs;
  if (!d) return '';
  let out = `${indent(head, 'EXTERNAL DOCS:')}\n`;
  if (d.description) out += `${indent(body, wrapString(d.description, width))}\n`;
  if (d.url) out += `${indent(body, `URL: ${d.url}`)}\n`;
  return out;
}

function fieldDetail(name: string, parent: Schema, short: boolean, level: number, doc: OpenApiDocument): string {
  const n = level * 2;
  const field = parent.properties![name];
  let out = `${indent(n, name)}\t<${typeGuess(field, doc)}>`;
  if (parent.required?.includes(name)) out += ' -required-';
  out += `${enumText(field, false, 4, n)}\n`;
  if (short) return out;
  out += `${indent(n + 2, wrapString(field.description || '<no description>', 78 - n))}\n`;
  if (field.externalDocs) out += `\n${externalDocs(field, n + 2, n + 4, 76 - n)}`;
  return `${out}\n`;
}

function fieldList(s: Schema, level: number, history: History, recursive: boolean, doc: OpenApiDocument): string {
  const ref = s.$ref ?? '';
  if (ref && history[ref]) return '';
  const next = { ...history, [ref]: true as const };
  const r = resolveRef(ref, doc) ?? s;
  let out = '';
  for (const k of sortedKeys(r.properties)) {
    out += fieldDetail(k, r, recursive, level, doc);
    if (recursive) out += fieldList(r.properties![k], level + 1, next, recursive, doc);
  }
  for (const sub of r.allOf ?? []) out += fieldList(sub, level, next, recursive, doc);
  if (r.items) out += fieldList(r.items, level, next, recursive, doc);
  const ap = mapAdditional(r);
  if (ap) out += fieldList(ap, level, next, recursive, doc);
  return out;
}

function output(s: Schema, path: string[], history: History, recursive: boolean, doc: OpenApiDocument): string {
  const ref = s.$ref ?? '';
  const next = { ...history, [ref]: true as const };
  const r = resolveRef(ref, doc) ?? s;
  if (path.length === 0) {
    let out = `DESCRIPTION:\n${indent(4, wrapString(description(r, doc) || '<empty>', 76))}\n`;
    const ext = externalDocs(r);
    if (ext) out += `\n${ext}`;
    const fields = fieldList(r, 1, {}, recursive, doc);
    if (fields) out += `FIELDS:\n${fields}`;
    return out;
  }
  if (ref && history[ref]) return '';
  const sub = r.properties?.[path[0]];
  if (sub) {
    let out = '';
    if (path.length === 1) out += `FIELD: ${path[0]} <${typeGuess(sub, doc)}>\n${enumText(sub, true, -1)}\n\n`;
    return out + output(sub, path.slice(1), {}, recursive, doc);
  }
  if (r.items) return output(r.items, path, next, recursive, doc);
  const ap = mapAdditional(r);
  if (ap) return output(ap, path, next, recursive, doc);
  for (const alt of r.allOf ?? []) {
    const o = output(alt, path, next, recursive, doc);
    if (o) return o;
  }
  return '';
}

/** The GVK served at the resource's paths (first operation that names one). */
export function findGvk(doc: OpenApiDocument, group: string, version: string, resource: string): Gvk | undefined {
  const prefix = group ? `/apis/${group}` : '/api';
  const candidates = [
    `${prefix}/${version}/${resource}`,
    `${prefix}/${version}/${resource}/{name}`,
    `${prefix}/${version}/namespaces/{namespace}/${resource}`,
    `${prefix}/${version}/namespaces/{namespace}/${resource}/{name}`,
  ];
  for (const p of candidates) {
    const item = doc.paths?.[p];
    if (!item) continue;
    for (const method of ['get', 'post', 'put', 'patch', 'delete']) {
      const gvk = item[method]?.['x-kubernetes-group-version-kind'] as Gvk | undefined;
      if (gvk) return gvk;
    }
  }
  return undefined;
}

/**
 * Renders explain for `resource` at group/version with `fieldPath`. Writes what the template
 * writes before failing (the header) through `out` and then throws ExplainError, as kubectl
 * prints the header before the error.
 */
export function renderExplain(
  doc: OpenApiDocument,
  gvr: { group: string; version: string; resource: string },
  fieldPath: string[],
  recursive: boolean,
  out: (s: string) => void,
): void {
  const gvk = findGvk(doc, gvr.group, gvr.version, gvr.resource);
  if (!gvk) {
    const gv = gvr.group ? `${gvr.group}/${gvr.version}` : gvr.version;
    throw new ExplainError(`error: GVR (${gv}, Resource=${gvr.resource}) not found in OpenAPI schema`);
  }
  let header = gvk.group ? `GROUP:      ${gvk.group}\n` : '';
  header += `KIND:       ${gvk.kind}\nVERSION:    ${gvk.version}\n\n`;
  out(header);
  const schemas = doc.components?.schemas ?? {};
  for (const key of sortedKeys(schemas)) {
    const s = schemas[key];
    const gvks = s['x-kubernetes-group-version-kind'];
    const match =
      Array.isArray(gvks) &&
      gvks.some((g) => isMap(g) && g.group === gvk.group && g.version === gvk.version && g.kind === gvk.kind);
    if (!match) continue;
    const text = output(s, fieldPath, {}, recursive, doc);
    if (!text) throw new ExplainError(`error: field "${fieldPath[fieldPath.length - 1]}" does not exist`);
    out(`${text}\n`);
    return;
  }
  throw new ExplainError(`error: GVK ${gvk.group}/${gvk.version}, Kind=${gvk.kind} not found in OpenAPI schema`);
}
