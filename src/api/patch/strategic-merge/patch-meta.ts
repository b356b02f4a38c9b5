/**
 * Patch metadata: what strategic merge patch needs to know about a field — its patch strategies
 * (`merge`, `replace`, `retainKeys`, or `merge` + `retainKeys`) and, for merging lists of
 * objects, the merge key. This is apimachinery's LookupPatchMeta, reshaped: a PatchMeta describes
 * one value (an object or an array); objects answer for their fields, arrays for their items.
 */
import { type Definitions, REF_PREFIX, resolveRef, type SchemaObject } from '../../openapi-schema.js';

/** Patch metadata of one field, as the `x-kubernetes-patch-*` extensions declare it. */
export interface FieldPatchMeta {
  /** Strategies from `x-kubernetes-patch-strategy`, split on commas; empty when none is declared. */
  readonly strategies: readonly string[];
  /** `x-kubernetes-patch-merge-key`: the key identifying items of a merging list of objects. */
  readonly mergeKey?: string;
}

export interface FieldLookup {
  readonly meta: FieldPatchMeta;
  /** Metadata of the field's value; undefined when nothing is known about it. */
  readonly sub?: PatchMeta;
}

export interface PatchMeta {
  /** A name for error messages (the definition name, or `<none>`). */
  readonly name: string;
  /**
   * Metadata of field `name` of the object this describes. Unknown fields, and every field of a
   * value without schema, answer empty metadata and no `sub` (merge-patch behaviour: lists
   * replace, objects merge). Keys of a map (`additionalProperties`) all answer the value schema.
   */
  lookupField(name: string): FieldLookup;
  /** Metadata of the items when this describes an array; undefined otherwise. */
  lookupItems(): PatchMeta | undefined;
}

const EMPTY_FIELD: FieldLookup = Object.freeze({ meta: Object.freeze({ strategies: Object.freeze([]) }) });

/** No metadata at all: strategic merge patch then behaves like JSON merge patch (lists replace). */
export const NO_PATCH_META: PatchMeta = Object.freeze({
  name: '<none>',
  lookupField: () => EMPTY_FIELD,
  lookupItems: () => undefined,
});

/** Splits `x-kubernetes-patch-strategy` ("merge,retainKeys") into its strategies. */
export function parseStrategies(ext: string | undefined): string[] {
  if (!ext) return [];
  return ext
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

function fieldMetaOf(schema: SchemaObject): FieldPatchMeta {
  const strategies = parseStrategies(schema['x-kubernetes-patch-strategy']);
  const mergeKey = schema['x-kubernetes-patch-merge-key'];
  return mergeKey ? { strategies, mergeKey } : { strategies };
}

/** PatchMeta over OpenAPI v2 definitions; built lazily and cached per schema object. */
class SchemaPatchMeta implements PatchMeta {
  private readonly fields = new Map<string, FieldLookup>();
  private items: PatchMeta | undefined | null = null;

  constructor(
    private readonly factory: SchemaMetaFactory,
    private readonly schema: SchemaObject,
    readonly name: string,
  ) {}

  lookupField(field: string): FieldLookup {
    let found = this.fields.get(field);
    if (!found) {
      found = this.resolveField(field);
      this.fields.set(field, found);
    }
    return found;
  }

  private resolveField(field: string): FieldLookup {
    const props = this.schema.properties;
    const prop = props && Object.hasOwn(props, field) ? props[field] : undefined;
    if (prop) return { meta: fieldMetaOf(prop), sub: this.factory.metaFor(prop) };
    const additional = this.schema.additionalProperties;
    if (additional && typeof additional === 'object')
      return { meta: EMPTY_FIELD.meta, sub: this.factory.metaFor(additional) };
    return EMPTY_FIELD;
  }

  lookupItems(): PatchMeta | undefined {
    if (this.items === null) this.items = this.schema.items ? this.factory.metaFor(this.schema.items) : undefined;
    return this.items;
  }
}

class SchemaMetaFactory {
  private readonly cache = new WeakMap<SchemaObject, PatchMeta>();

  constructor(private readonly defs: Definitions) {}

  /** Meta of a (possibly `$ref`) schema; undefined when it names nothing known. */
  metaFor(schema: SchemaObject): PatchMeta | undefined {
    const resolved = resolveRef(this.defs, schema);
    if (!resolved) return undefined;
    let meta = this.cache.get(resolved);
    if (!meta) {
      const name = schema.$ref ? schema.$ref.slice(REF_PREFIX.length) : (resolved.type ?? '<inline>');
      meta = new SchemaPatchMeta(this, resolved, name);
      this.cache.set(resolved, meta);
    }
    return meta;
  }
}

/**
 * Patch metadata for definition `rootDefinitionName` (e.g. `io.k8s.api.apps.v1.Deployment`) of
 * OpenAPI v2 `defs`. Throws when the definition does not exist. Lookups are lazy, so building it
 * is cheap; keep one per kind to reuse its caches.
 */
export function patchMetaFromSchema(defs: Definitions, rootDefinitionName: string): PatchMeta {
  if (!defs[rootDefinitionName]) throw new Error(`no OpenAPI definition named ${rootDefinitionName}`);
  return new SchemaMetaFactory(defs).metaFor({ $ref: `${REF_PREFIX}${rootDefinitionName}` }) as PatchMeta;
}
