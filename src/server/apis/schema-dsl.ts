/**
 * A compact way to write kube's OpenAPI v2 definitions. Each helper returns a plain
 * `SchemaObject`, so definitions read like kube's Go types:
 *
 *   obj({ name: str(), ports: listOf(ref(CORE + 'ContainerPort'), mapList(['containerPort', 'protocol'])) },
 *       { required: ['name'] })
 *
 * The helpers only build data; nothing here validates or resolves references (the catalog's
 * tests check that every `$ref` resolves).
 */
import { REF_PREFIX, type SchemaObject } from '../../api/openapi-schema.js';

/** Definition-name prefixes as kube spells them. */
export const META = 'io.k8s.apimachinery.pkg.apis.meta.v1.';
export const CORE = 'io.k8s.api.core.v1.';
export const APPS = 'io.k8s.api.apps.v1.';
export const BATCH = 'io.k8s.api.batch.v1.';
export const AUTOSCALING = 'io.k8s.api.autoscaling.v1.';
export const POLICY = 'io.k8s.api.policy.v1.';
export const QUANTITY = 'io.k8s.apimachinery.pkg.api.resource.Quantity';
export const INT_OR_STRING = 'io.k8s.apimachinery.pkg.util.intstr.IntOrString';
export const RAW_EXTENSION = 'io.k8s.apimachinery.pkg.runtime.RawExtension';

/** Extra keywords any helper accepts (description, enum, default, map type...). */
export type Extra = Partial<SchemaObject>;

const withExtra = (base: SchemaObject, extra?: Extra | string): SchemaObject => {
  if (extra === undefined) return base;
  if (typeof extra === 'string') return { ...base, description: extra };
  return { ...base, ...extra };
};

export const str = (extra?: Extra | string): SchemaObject => withExtra({ type: 'string' }, extra);
/** A string restricted to the given values (kube's `+enum`). */
export const enumStr = (values: string[], extra?: Extra | string): SchemaObject =>
  withExtra({ type: 'string', enum: values }, extra);
export const int32 = (extra?: Extra | string): SchemaObject => withExtra({ type: 'integer', format: 'int32' }, extra);
export const int64 = (extra?: Extra | string): SchemaObject => withExtra({ type: 'integer', format: 'int64' }, extra);
export const double = (extra?: Extra | string): SchemaObject => withExtra({ type: 'number', format: 'double' }, extra);
export const bool = (extra?: Extra | string): SchemaObject => withExtra({ type: 'boolean' }, extra);
/** `[]byte`: base64 in JSON. */
export const bytes = (extra?: Extra | string): SchemaObject => withExtra({ type: 'string', format: 'byte' }, extra);

/** A reference to a named definition, e.g. `ref(CORE + 'Container')`. */
export const ref = (name: string, extra?: Extra | string): SchemaObject =>
  withExtra({ $ref: `${REF_PREFIX}${name}` }, extra);
export const core = (name: string, extra?: Extra | string): SchemaObject => ref(CORE + name, extra);
export const meta = (name: string, extra?: Extra | string): SchemaObject => ref(META + name, extra);
export const quantity = (extra?: Extra | string): SchemaObject => ref(QUANTITY, extra);
export const intOrString = (extra?: Extra | string): SchemaObject => ref(INT_OR_STRING, extra);
export const time = (extra?: Extra | string): SchemaObject => ref(`${META}Time`, extra);
export const microTime = (extra?: Extra | string): SchemaObject => ref(`${META}MicroTime`, extra);
export const objectMeta = (extra?: Extra | string): SchemaObject => ref(`${META}ObjectMeta`, extra);
export const listMeta = (extra?: Extra | string): SchemaObject => ref(`${META}ListMeta`, extra);

/** Options of a list field: kube's patchStrategy/patchMergeKey tags and +listType/+listMapKey markers. */
export interface ListOptions {
  /** patchMergeKey */
  mergeKey?: string;
  /** patchStrategy: 'merge', 'replace', 'merge,retainKeys' */
  strategy?: string;
  listType?: 'atomic' | 'set' | 'map';
  mapKeys?: string[];
  description?: string;
}

export function listOf(items: SchemaObject, opts: ListOptions = {}): SchemaObject {
  const s: SchemaObject = { type: 'array', items };
  if (opts.description) s.description = opts.description;
  if (opts.listType) s['x-kubernetes-list-type'] = opts.listType;
  if (opts.mapKeys) s['x-kubernetes-list-map-keys'] = opts.mapKeys;
  if (opts.mergeKey) s['x-kubernetes-patch-merge-key'] = opts.mergeKey;
  if (opts.strategy) s['x-kubernetes-patch-strategy'] = opts.strategy;
  return s;
}

/** `+listType=atomic`: replaced as a whole by patches. */
export const atomic = (items: SchemaObject, description?: string): SchemaObject =>
  listOf(items, { listType: 'atomic', description });
/** `+listType=set`. */
export const setOf = (items: SchemaObject, description?: string): SchemaObject =>
  listOf(items, { listType: 'set', description });
/**
 * `+listType=map +listMapKey=<keys>` and, when `merge` is true (the common case), the matching
 * `patchStrategy=merge patchMergeKey=<first key>` tags.
 */
export const mapList = (items: SchemaObject, keys: string[], merge = true, description?: string): SchemaObject =>
  listOf(items, {
    listType: 'map',
    mapKeys: keys,
    ...(merge ? { mergeKey: keys[0], strategy: 'merge' } : {}),
    description,
  });
/** `patchStrategy=merge patchMergeKey=<key>` with no list-type marker. */
export const mergeList = (items: SchemaObject, key: string, description?: string): SchemaObject =>
  listOf(items, { mergeKey: key, strategy: 'merge', description });

/** `map[string]T` (kube's maps are keyed by strings). */
export const mapOf = (values: SchemaObject, extra?: Extra | string): SchemaObject =>
  withExtra({ type: 'object', additionalProperties: values }, extra);
export const strMap = (extra?: Extra | string): SchemaObject => mapOf(str(), extra);

export interface ObjOptions {
  required?: string[];
  description?: string;
  /** `+structType=atomic` / `+mapType=atomic` on the struct. */
  mapType?: 'atomic' | 'granular';
  /** Top-level kinds carry their group/version/kind. */
  gvk?: { group: string; version: string; kind: string }[];
}

export function obj(properties: Record<string, SchemaObject>, opts: ObjOptions = {}): SchemaObject {
  const s: SchemaObject = { type: 'object' };
  if (opts.description) s.description = opts.description;
  s.properties = properties;
  if (opts.required?.length) s.required = opts.required;
  if (opts.mapType) s['x-kubernetes-map-type'] = opts.mapType;
  if (opts.gvk) s['x-kubernetes-group-version-kind'] = opts.gvk;
  return s;
}

/**
 * A top-level kind: apiVersion, kind, metadata plus the given fields, tagged with its GVK.
 * `apiVersion`/`kind` are documented as kube does (short).
 */
export function kindObj(
  gvk: { group: string; version: string; kind: string },
  properties: Record<string, SchemaObject>,
  opts: Omit<ObjOptions, 'gvk'> = {},
): SchemaObject {
  return obj(
    {
      apiVersion: str('APIVersion defines the versioned schema of this representation of an object.'),
      kind: str('Kind is a string value representing the REST resource this object represents.'),
      metadata: objectMeta("Standard object's metadata."),
      ...properties,
    },
    { ...opts, gvk: [gvk] },
  );
}

/** A `<Kind>List`: apiVersion, kind, metadata (ListMeta) and items. */
export function listKind(gvk: { group: string; version: string; kind: string }, itemDef: string): SchemaObject {
  return obj(
    {
      apiVersion: str('APIVersion defines the versioned schema of this representation of an object.'),
      items: listOf(ref(itemDef), { description: `List of ${gvk.kind.replace(/List$/, '')} objects.` }),
      kind: str('Kind is a string value representing the REST resource this object represents.'),
      metadata: listMeta('Standard list metadata.'),
    },
    { required: ['items'], gvk: [gvk] },
  );
}
