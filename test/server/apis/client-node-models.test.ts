/**
 * Cross-check of the catalog's schemas against the official client's models
 * (@kubernetes/client-node): every field the official client knows for a served kind exists in
 * our schema with a compatible type, recursively through nested types.
 */
import * as k8s from '@kubernetes/client-node';
import { describe, expect, it } from 'vitest';
import { resolveRef, type SchemaObject } from '../../../src/api/openapi-schema.js';
import { builtinCatalog } from '../../../src/server/apis/catalog.js';

interface Attr {
  baseName: string;
  type: string;
  format?: string;
}
type Model = { attributeTypeMap?: Attr[] };
const MODELS = k8s as unknown as Record<string, Model | undefined>;
const catalog = builtinCatalog();

const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** The client's class for a kind: `V1Pod`, else group-prefixed when names clash (`CoreV1Event`). */
function modelName(group: string, version: string, kind: string): string | undefined {
  const plain = `${cap(version)}${kind}`;
  const prefix = group ? group.split('.')[0].replace(/^(\w)/, (c) => c.toUpperCase()) : 'Core';
  // A kind's model has apiVersion/kind; same-named nested types (core's ResourceClaim) do not.
  const isKind = (name: string) => MODELS[name]?.attributeTypeMap?.some((a) => a.baseName === 'kind') ?? false;
  return [`${prefix}${cap(version)}${kind}`, plain].find(isKind);
}

/** Problems where our schema cannot hold what the client's type describes. */
function compare(type: string, schema: SchemaObject | undefined, path: string, seen: Set<string>, out: string[]): void {
  const s = resolveRef(catalog.definitions, schema);
  if (!s) {
    out.push(`${path}: missing`);
    return;
  }
  if (type === 'any' || s['x-kubernetes-preserve-unknown-fields']) return;
  const isObject = s.type === 'object' || s.properties !== undefined || s.additionalProperties !== undefined;
  if (type === 'string') {
    if (s.type !== 'string' && !s['x-kubernetes-int-or-string'] && s.format !== 'int-or-string')
      out.push(`${path}: string vs ${s.type}`);
    return;
  }
  if (type === 'number') {
    if (s.type !== 'integer' && s.type !== 'number') out.push(`${path}: number vs ${s.type}`);
    return;
  }
  if (type === 'boolean') {
    if (s.type !== 'boolean') out.push(`${path}: boolean vs ${s.type}`);
    return;
  }
  if (type === 'Date') {
    if (s.type !== 'string') out.push(`${path}: Date vs ${s.type}`);
    return;
  }
  if (type === 'IntOrString') {
    if (!s['x-kubernetes-int-or-string'] && s.format !== 'int-or-string') out.push(`${path}: IntOrString vs ${s.type}`);
    return;
  }
  const arr = /^Array<(.+)>$/.exec(type);
  if (arr) {
    if (s.type !== 'array') out.push(`${path}: array vs ${s.type}`);
    else compare(arr[1], s.items, `${path}[]`, seen, out);
    return;
  }
  const map = /^\{ \[key: string\]: (.+); \}$/.exec(type);
  if (map) {
    if (!isObject) out.push(`${path}: map vs ${s.type}`);
    else if (typeof s.additionalProperties === 'object')
      compare(map[1], s.additionalProperties, `${path}{}`, seen, out);
    return;
  }
  const model = MODELS[type];
  if (!model?.attributeTypeMap) return; // a type the client renders specially (e.g. Quantity as string)
  if (!isObject) {
    out.push(`${path}: ${type} vs ${s.type}`);
    return;
  }
  const key = `${type}@${schema?.$ref ?? path}`;
  if (seen.has(key)) return;
  seen.add(key);
  for (const a of model.attributeTypeMap) {
    const child = s.properties?.[a.baseName];
    if (!child) out.push(`${path}.${a.baseName}: missing`);
    else compare(a.type, child, `${path}.${a.baseName}`, seen, out);
  }
}

describe('catalog schemas cover the official client models', () => {
  const kinds = catalog.kinds.filter((k) => !k.kind.endsWith('List'));
  it('finds a client model for nearly every served kind', () => {
    const missing = kinds.filter((k) => !modelName(k.group, k.version, k.kind)).map((k) => `${k.group}/${k.kind}`);
    // Kinds newer than the client's generated models may be absent; nearly all must match.
    expect(missing.length).toBeLessThanOrEqual(Math.ceil(kinds.length * 0.1));
  });

  for (const k of kinds) {
    const name = modelName(k.group, k.version, k.kind);
    if (!name) continue;
    it(`${k.group || 'core'}/${k.version} ${k.kind} (${name})`, () => {
      const problems: string[] = [];
      compare(name, { $ref: `#/definitions/${k.definition}` }, k.kind, new Set(), problems);
      expect(problems).toEqual([]);
    });
  }
});
