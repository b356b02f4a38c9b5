/**
 * The schema language shared by the server's kind catalog, OpenAPI publishing, validation and
 * strategic merge patch: OpenAPI v2 (swagger) schema objects with Kubernetes' extensions.
 * Definitions are named as kube names them (`io.k8s.api.core.v1.PodSpec`) and referenced with
 * `$ref: '#/definitions/<name>'`.
 */
export interface SchemaObject {
  type?: 'object' | 'array' | 'string' | 'integer' | 'number' | 'boolean';
  format?: string;
  description?: string;
  properties?: Record<string, SchemaObject>;
  additionalProperties?: SchemaObject | boolean;
  items?: SchemaObject;
  required?: string[];
  enum?: unknown[];
  default?: unknown;
  $ref?: string;
  /** `intstr.IntOrString`: an integer or a string. */
  'x-kubernetes-int-or-string'?: boolean;
  'x-kubernetes-preserve-unknown-fields'?: boolean;
  'x-kubernetes-embedded-resource'?: boolean;
  /** Comma-separated strategies as kube writes them: `merge`, `replace`, `retainKeys`, `merge,retainKeys`. */
  'x-kubernetes-patch-strategy'?: string;
  'x-kubernetes-patch-merge-key'?: string;
  'x-kubernetes-list-type'?: 'atomic' | 'set' | 'map';
  'x-kubernetes-list-map-keys'?: string[];
  'x-kubernetes-map-type'?: 'atomic' | 'granular';
  'x-kubernetes-unions'?: unknown[];
  'x-kubernetes-group-version-kind'?: Array<{ group: string; version: string; kind: string }>;
}

export type Definitions = Record<string, SchemaObject>;

export const REF_PREFIX = '#/definitions/';

/** Follows `$ref` (once or repeatedly) to the schema it names; undefined for a dangling ref. */
export function resolveRef(defs: Definitions, schema: SchemaObject | undefined): SchemaObject | undefined {
  let s = schema;
  for (let hops = 0; s?.$ref && hops < 16; hops++) s = defs[s.$ref.slice(REF_PREFIX.length)];
  return s;
}
