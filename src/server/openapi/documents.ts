/**
 * OpenAPI documents generated from the catalog: the v2 (swagger) document of /openapi/v2 and
 * the OpenAPI 3.0 documents of /openapi/v3/<api|apis/group>/<version>, each holding only the
 * schemas its paths reach (as kube's per-group-version documents do).
 */
import { createHash } from 'node:crypto';
import { type Definitions, REF_PREFIX, type SchemaObject } from '../../api/openapi-schema.js';
import type { Catalog } from '../apis/catalog.js';
import type { KindDefinition } from '../apis/types.js';
import { type DefinitionLookup, kindPaths, type OperationSpec, type ParamSpec, type PathSpec } from './operations.js';

type Json = Record<string, unknown>;

export const OPENAPI_TITLE = 'Kubernetes';

/** Definitions with `x-kubernetes-group-version-kind` set on every served kind and its List. */
export function publishedDefinitions(catalog: Catalog): Definitions {
  const defs: Definitions = { ...catalog.definitions };
  const gvks = new Map<string, Array<{ group: string; version: string; kind: string }>>();
  const add = (name: string, gvk: { group: string; version: string; kind: string }) => {
    if (!defs[name]) return;
    const list = gvks.get(name) ?? [...(defs[name]['x-kubernetes-group-version-kind'] ?? [])];
    if (!list.some((x) => x.group === gvk.group && x.version === gvk.version && x.kind === gvk.kind)) list.push(gvk);
    gvks.set(name, list);
  };
  for (const k of catalog.kinds) {
    add(k.definition, { group: k.group, version: k.version, kind: k.kind });
    add(`${k.definition}List`, { group: k.group, version: k.version, kind: `${k.kind}List` });
  }
  for (const [name, list] of gvks) defs[name] = { ...defs[name], 'x-kubernetes-group-version-kind': list };
  return defs;
}

/** Definition names by `group/version/kind`, from their x-kubernetes-group-version-kind. */
export function definitionLookup(defs: Definitions): DefinitionLookup {
  const byGvk = new Map<string, string>();
  for (const [name, d] of Object.entries(defs)) {
    for (const g of d['x-kubernetes-group-version-kind'] ?? []) byGvk.set(`${g.group}/${g.version}/${g.kind}`, name);
  }
  return (gvk) => byGvk.get(`${gvk.group}/${gvk.version}/${gvk.kind}`);
}

function pathsOf(kinds: readonly KindDefinition[], lookup: DefinitionLookup): PathSpec[] {
  return kinds.flatMap((k) => kindPaths(k, `${k.definition}List`, lookup));
}

/** Group versions that only subresource kinds live in (autoscaling/v1 Scale, policy/v1 Eviction). */
export function subresourceGroupVersions(catalog: Catalog): Array<{ group: string; version: string }> {
  const served = new Set(catalog.kinds.map((k) => `${k.group}/${k.version}`));
  const out = new Map<string, { group: string; version: string }>();
  for (const k of catalog.kinds) {
    const kinds = Object.values(k.subresources?.custom ?? {}).map((c) => c.kind);
    if (k.subresources?.scale) kinds.push({ group: 'autoscaling', version: 'v1', kind: 'Scale' });
    for (const g of kinds)
      if (!served.has(`${g.group}/${g.version}`))
        out.set(`${g.group}/${g.version}`, { group: g.group, version: g.version });
  }
  return [...out.values()];
}

function v2Param(p: ParamSpec): Json {
  if (p.in === 'body')
    return { name: 'body', in: 'body', required: true, schema: { $ref: `${REF_PREFIX}${p.schemaRef}` } };
  const out: Json = { uniqueItems: true, type: p.type ?? 'string', description: p.description, name: p.name, in: p.in };
  if (p.required) out.required = true;
  return out;
}

function v2Operation(o: OperationSpec): Json {
  const responses: Json = { '200': { description: 'OK', schema: { $ref: `${REF_PREFIX}${o.response}` } } };
  for (const c of o.extraCodes)
    responses[String(c)] = {
      description: c === 201 ? 'Created' : 'Accepted',
      schema: { $ref: `${REF_PREFIX}${o.response}` },
    };
  responses['401'] = { description: 'Unauthorized' };
  const produces =
    o.action === 'watch' || o.action === 'watchlist' || o.action === 'list'
      ? ['application/json', 'application/yaml', 'application/json;stream=watch']
      : ['application/json', 'application/yaml'];
  return {
    description: o.description,
    consumes: o.consumes ?? ['*/*'],
    produces,
    schemes: ['https'],
    tags: [o.tag],
    operationId: o.operationId,
    parameters: o.parameters.map(v2Param),
    responses,
    'x-kubernetes-action': o.action,
    'x-kubernetes-group-version-kind': o.gvk,
  };
}

/** The swagger 2.0 document of every served path and definition. */
export function buildOpenApiV2(catalog: Catalog, kubeVersion: string): Json {
  const paths: Json = {};
  const defs = publishedDefinitions(catalog);
  for (const p of pathsOf(catalog.kinds, definitionLookup(defs))) {
    const item: Json = { ...(paths[p.path] as Json | undefined) };
    for (const o of p.operations) item[o.method] = v2Operation(o);
    item.parameters = p.parameters.map(v2Param);
    paths[p.path] = item;
  }
  return {
    swagger: '2.0',
    info: { title: OPENAPI_TITLE, version: kubeVersion },
    paths: sortKeys(paths),
    definitions: sortKeys(defs as Json),
    securityDefinitions: {
      BearerToken: { type: 'apiKey', name: 'authorization', in: 'header', description: 'Bearer Token authentication' },
    },
    security: [{ BearerToken: [] }],
  };
}

function sortKeys(o: Json): Json {
  return Object.fromEntries(
    Object.keys(o)
      .sort()
      .map((k) => [k, o[k]]),
  );
}

const V3_PREFIX = '#/components/schemas/';

/** A v2 schema in OpenAPI 3 form: refs under components, a ref with siblings wrapped in allOf. */
export function toV3Schema(s: SchemaObject): Json {
  const out: Json = {};
  for (const [k, v] of Object.entries(s)) {
    if (k === '$ref') continue;
    if (k === 'properties' && v && typeof v === 'object') {
      out.properties = Object.fromEntries(
        Object.entries(v as Record<string, SchemaObject>).map(([n, p]) => [n, toV3Schema(p)]),
      );
    } else if ((k === 'items' || k === 'additionalProperties') && v && typeof v === 'object') {
      out[k] = toV3Schema(v as SchemaObject);
    } else out[k] = v;
  }
  if (s.$ref) {
    const ref = { $ref: V3_PREFIX + s.$ref.slice(REF_PREFIX.length) };
    if (Object.keys(out).length === 0) return ref;
    return { ...out, allOf: [ref] };
  }
  return out;
}

/** Names of the definitions reachable from `roots` ($refs followed transitively). */
export function reachable(defs: Definitions, roots: string[]): string[] {
  const seen = new Set<string>();
  const stack = [...roots];
  const walk = (s: unknown): void => {
    if (!s || typeof s !== 'object') return;
    if (Array.isArray(s)) {
      for (const x of s) walk(x);
      return;
    }
    for (const [k, v] of Object.entries(s as Json)) {
      if (k === '$ref' && typeof v === 'string' && v.startsWith(REF_PREFIX)) stack.push(v.slice(REF_PREFIX.length));
      else walk(v);
    }
  };
  while (stack.length) {
    const name = stack.pop() as string;
    if (seen.has(name) || !defs[name]) continue;
    seen.add(name);
    walk(defs[name]);
  }
  return [...seen].sort();
}

function v3Param(p: ParamSpec): Json {
  const out: Json = { name: p.name, in: p.in, description: p.description };
  if (p.required) out.required = true;
  out.schema = { type: p.type ?? 'string', uniqueItems: true };
  return out;
}

function v3Operation(o: OperationSpec): Json {
  const content = (ref: string, types: string[]) =>
    Object.fromEntries(types.map((t) => [t, { schema: { $ref: V3_PREFIX + ref } }]));
  const produces =
    o.action === 'list' || o.action === 'watch' || o.action === 'watchlist'
      ? ['application/json', 'application/json;stream=watch', 'application/yaml']
      : ['application/json', 'application/yaml'];
  const responses: Json = { '200': { description: 'OK', content: content(o.response, produces) } };
  for (const c of o.extraCodes)
    responses[String(c)] = { description: c === 201 ? 'Created' : 'Accepted', content: content(o.response, produces) };
  responses['401'] = { description: 'Unauthorized' };
  const out: Json = { tags: [o.tag], description: o.description, operationId: o.operationId };
  const bodyParam = o.parameters.find((p) => p.in === 'body');
  out.parameters = o.parameters.filter((p) => p.in !== 'body').map(v3Param);
  if (bodyParam?.schemaRef) {
    const types = o.consumes ?? ['*/*'];
    out.requestBody = { content: content(bodyParam.schemaRef, types), required: true };
  }
  out.responses = responses;
  out['x-kubernetes-action'] = o.action;
  out['x-kubernetes-group-version-kind'] = o.gvk;
  return out;
}

/** The OpenAPI 3.0 document of one group version ('' group = core). */
export function buildOpenApiV3(catalog: Catalog, group: string, version: string): Json | undefined {
  const kinds = catalog.kinds.filter((k) => k.group === group && k.version === version);
  const defs = publishedDefinitions(catalog);
  const roots = new Set<string>();
  if (!kinds.length) {
    // A group version holding only subresource kinds: its document carries their schemas.
    if (!subresourceGroupVersions(catalog).some((g) => g.group === group && g.version === version)) return undefined;
    for (const [name, d] of Object.entries(defs)) {
      if ((d['x-kubernetes-group-version-kind'] ?? []).some((g) => g.group === group && g.version === version))
        roots.add(name);
    }
  }
  const specs = pathsOf(kinds, definitionLookup(defs));
  const paths: Json = {};
  for (const p of specs) {
    const item: Json = {};
    for (const o of p.operations) {
      item[o.method] = v3Operation(o);
      roots.add(o.response);
      for (const b of o.parameters) if (b.schemaRef) roots.add(b.schemaRef);
    }
    item.parameters = p.parameters.map(v3Param);
    paths[p.path] = item;
  }
  const schemas: Json = {};
  for (const name of reachable(defs, [...roots])) schemas[name] = toV3Schema(defs[name] as SchemaObject);
  return {
    openapi: '3.0.0',
    info: { title: OPENAPI_TITLE, version: 'unversioned' },
    paths: sortKeys(paths),
    components: {
      schemas,
      securitySchemes: {
        BearerToken: {
          type: 'apiKey',
          description: 'Bearer Token authentication',
          name: 'authorization',
          in: 'header',
        },
      },
    },
  };
}

/** kube's hash of an OpenAPI document: hex SHA-512 of its JSON, upper case. */
export function documentHash(json: string): string {
  return createHash('sha512').update(json).digest('hex').toUpperCase();
}
