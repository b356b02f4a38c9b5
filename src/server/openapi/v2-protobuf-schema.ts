/**
 * gnostic's `openapi.v2.Schema` (google/gnostic-models openapiv2/OpenAPIv2.proto) written from a
 * swagger 2.0 JSON schema, the way gnostic's ParseDocument + proto.Marshal would: proto3 scalars
 * at their zero value are left out, `x-*` keys become NamedAny vendor extensions (YAML text)
 * in the order the JSON lists them, and maps (properties, definitions) keep their key order.
 * Also the small pieces every part of the document shares (Any, NamedAny, field readers).
 */
import type { ProtoWriter } from './protobuf-writer.js';
import { toYaml } from './v2-protobuf-yaml.js';

export type Json = Record<string, unknown>;

/** The document is not a swagger 2.0 document gnostic could read; `path` is a JSON pointer. */
export class OpenApiProtoError extends Error {
  constructor(
    readonly path: string,
    message: string,
  ) {
    super(`openapi v2 protobuf: ${path || '/'}: ${message}`);
    this.name = 'OpenApiProtoError';
  }
}

/** JSON pointer of a child (RFC 6901 escaping). */
export const at = (path: string, key: string | number): string =>
  `${path}/${String(key).replaceAll('~', '~0').replaceAll('/', '~1')}`;

export function isObject(v: unknown): v is Json {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

export function asObject(v: unknown, path: string): Json {
  if (!isObject(v)) throw new OpenApiProtoError(path, 'expected an object');
  return v;
}

function asArray(v: unknown, path: string): unknown[] {
  if (!Array.isArray(v)) throw new OpenApiProtoError(path, 'expected an array');
  return v;
}

/** Writes a string field when present and non-empty (proto3 drops ""). */
export function str(w: ProtoWriter, field: number, o: Json, key: string, path: string): void {
  const v = o[key];
  if (v === undefined) return;
  if (typeof v !== 'string') throw new OpenApiProtoError(at(path, key), 'expected a string');
  if (v) w.string(field, v);
}

/** Writes a repeated string field; a bare string counts as a one-element list (gnostic does so for `type`). */
export function strs(w: ProtoWriter, field: number, o: Json, key: string, path: string): void {
  const v = o[key];
  if (v === undefined) return;
  const list = typeof v === 'string' ? [v] : asArray(v, at(path, key));
  list.forEach((s, i) => {
    if (typeof s !== 'string') throw new OpenApiProtoError(at(at(path, key), i), 'expected a string');
    w.string(field, s);
  });
}

export function bool(w: ProtoWriter, field: number, o: Json, key: string, path: string): void {
  const v = o[key];
  if (v === undefined) return;
  if (typeof v !== 'boolean') throw new OpenApiProtoError(at(path, key), 'expected a boolean');
  if (v) w.bool(field, true);
}

export function double(w: ProtoWriter, field: number, o: Json, key: string, path: string): void {
  const v = o[key];
  if (v === undefined) return;
  if (typeof v !== 'number') throw new OpenApiProtoError(at(path, key), 'expected a number');
  if (v !== 0) w.double(field, v);
}

export function int64(w: ProtoWriter, field: number, o: Json, key: string, path: string): void {
  const v = o[key];
  if (v === undefined) return;
  if (typeof v !== 'number' || !Number.isSafeInteger(v))
    throw new OpenApiProtoError(at(path, key), 'expected an integer');
  if (v !== 0) w.int64(field, v);
}

/** An `Any` message: gnostic keeps arbitrary JSON as YAML text in field 2. */
export function any(w: ProtoWriter, field: number, value: unknown): void {
  w.message(field, (a) => a.string(2, toYaml(value)));
}

/** Writes `repeated Any` from a JSON array (enum values). */
export function anys(w: ProtoWriter, field: number, o: Json, key: string, path: string): void {
  if (o[key] === undefined) return;
  for (const v of asArray(o[key], at(path, key))) any(w, field, v);
}

/** Every `x-*` member as a `NamedAny {name = 1; value = 2}` in the object's key order. */
export function vendorExtensions(w: ProtoWriter, field: number, o: Json): void {
  for (const [k, v] of Object.entries(o)) {
    if (!k.startsWith('x-') || v === undefined) continue;
    w.message(field, (n) => {
      n.string(1, k);
      any(n, 2, v);
    });
  }
}

/** A map of named values as repeated `{name = 1; value = 2}` messages, in key order. */
export function namedMessages(
  w: ProtoWriter,
  field: number,
  map: Json,
  path: string,
  writeValue: (w: ProtoWriter, value: unknown, path: string) => void,
  skip: (key: string) => boolean = () => false,
): void {
  for (const [k, v] of Object.entries(map)) {
    if (skip(k) || v === undefined) continue;
    w.message(field, (n) => {
      n.string(1, k);
      n.message(2, (m) => writeValue(m, v, at(path, k)));
    });
  }
}

/** `ExternalDocs {description = 1; url = 2; vendor_extension = 3}`. */
export function externalDocs(w: ProtoWriter, v: unknown, path: string): void {
  const o = asObject(v, path);
  str(w, 1, o, 'description', path);
  str(w, 2, o, 'url', path);
  vendorExtensions(w, 3, o);
}

function xml(w: ProtoWriter, v: unknown, path: string): void {
  const o = asObject(v, path);
  str(w, 1, o, 'name', path);
  str(w, 2, o, 'namespace', path);
  str(w, 3, o, 'prefix', path);
  bool(w, 4, o, 'attribute', path);
  bool(w, 5, o, 'wrapped', path);
  vendorExtensions(w, 6, o);
}

/**
 * The fields of `openapi.v2.Schema` for one JSON schema object. Keys gnostic knows nothing of
 * (OpenAPI 3 leftovers such as `nullable`) are dropped rather than failing the whole document.
 */
export function writeSchema(w: ProtoWriter, v: unknown, path: string): void {
  const s = asObject(v, path);
  str(w, 1, s, '$ref', path);
  str(w, 2, s, 'format', path);
  str(w, 3, s, 'title', path);
  str(w, 4, s, 'description', path);
  if (s.default !== undefined) any(w, 5, s.default);
  double(w, 6, s, 'multipleOf', path);
  double(w, 7, s, 'maximum', path);
  bool(w, 8, s, 'exclusiveMaximum', path);
  double(w, 9, s, 'minimum', path);
  bool(w, 10, s, 'exclusiveMinimum', path);
  int64(w, 11, s, 'maxLength', path);
  int64(w, 12, s, 'minLength', path);
  str(w, 13, s, 'pattern', path);
  int64(w, 14, s, 'maxItems', path);
  int64(w, 15, s, 'minItems', path);
  bool(w, 16, s, 'uniqueItems', path);
  int64(w, 17, s, 'maxProperties', path);
  int64(w, 18, s, 'minProperties', path);
  strs(w, 19, s, 'required', path);
  anys(w, 20, s, 'enum', path);
  const ap = s.additionalProperties;
  if (typeof ap === 'boolean') {
    // A oneof member is present even when false, so `false` is written.
    w.message(21, (m) => m.bool(2, ap));
  } else if (ap !== undefined) {
    w.message(21, (m) => m.message(1, (x) => writeSchema(x, ap, at(path, 'additionalProperties'))));
  }
  if (s.type !== undefined) w.message(22, (t) => strs(t, 1, s, 'type', path));
  if (s.items !== undefined) {
    const p = at(path, 'items');
    w.message(23, (it) => {
      const list = Array.isArray(s.items) ? s.items : [s.items];
      for (const [i, x] of list.entries())
        it.message(1, (m) => writeSchema(m, x, Array.isArray(s.items) ? at(p, i) : p));
    });
  }
  if (s.allOf !== undefined) {
    const p = at(path, 'allOf');
    for (const [i, x] of asArray(s.allOf, p).entries()) w.message(24, (m) => writeSchema(m, x, at(p, i)));
  }
  if (s.properties !== undefined) {
    const p = at(path, 'properties');
    const props = asObject(s.properties, p);
    // Written even when empty: kube-openapi tells a kind (properties set) from a map by presence.
    w.message(25, (m) => namedMessages(m, 1, props, p, writeSchema));
  }
  str(w, 26, s, 'discriminator', path);
  bool(w, 27, s, 'readOnly', path);
  if (s.xml !== undefined) w.message(28, (m) => xml(m, s.xml, at(path, 'xml')));
  if (s.externalDocs !== undefined) w.message(29, (m) => externalDocs(m, s.externalDocs, at(path, 'externalDocs')));
  if (s.example !== undefined) any(w, 30, s.example);
  vendorExtensions(w, 31, s);
}
