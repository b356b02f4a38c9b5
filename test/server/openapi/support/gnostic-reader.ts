/**
 * An independent, test-only reader of gnostic's openapi.v2.Document protobuf: a bare wire-format
 * field reader plus a table of the messages (field numbers typed in from
 * google/gnostic-models openapiv2/OpenAPIv2.proto) that turns the bytes back into swagger JSON,
 * so a test can compare them with the JSON document they were encoded from.
 */
import yaml from 'js-yaml';

export type Json = Record<string, unknown>;

export interface RawField {
  field: number;
  wire: number;
  /** varint (as bigint), fixed64 (8 bytes) or length-delimited payload. */
  value: bigint | Uint8Array;
}

/** Splits one message into its fields; throws on truncated or unsupported wire data. */
export function readFields(buf: Uint8Array): RawField[] {
  const out: RawField[] = [];
  let pos = 0;
  const varint = (): bigint => {
    let shift = 0n;
    let v = 0n;
    for (;;) {
      if (pos >= buf.length) throw new Error('truncated varint');
      const b = buf[pos++] as number;
      v |= BigInt(b & 0x7f) << shift;
      if (b < 0x80) return v;
      shift += 7n;
      if (shift > 63n) throw new Error('varint too long');
    }
  };
  while (pos < buf.length) {
    const key = Number(varint());
    const field = key >>> 3;
    const wire = key & 7;
    if (wire === 0) out.push({ field, wire, value: varint() });
    else if (wire === 1) {
      if (pos + 8 > buf.length) throw new Error('truncated fixed64');
      out.push({ field, wire, value: buf.subarray(pos, pos + 8) });
      pos += 8;
    } else if (wire === 2) {
      const n = Number(varint());
      if (pos + n > buf.length) throw new Error('truncated bytes');
      out.push({ field, wire, value: buf.subarray(pos, pos + n) });
      pos += n;
    } else throw new Error(`unsupported wire type ${wire}`);
  }
  return out;
}

const text = new TextDecoder('utf-8', { fatal: true });
const asBytes = (f: RawField): Uint8Array => {
  if (!(f.value instanceof Uint8Array) || f.wire !== 2) throw new Error(`field ${f.field}: expected bytes`);
  return f.value;
};
export const readString = (f: RawField): string => text.decode(asBytes(f));
const readVarint = (f: RawField): bigint => {
  if (typeof f.value !== 'bigint') throw new Error(`field ${f.field}: expected varint`);
  return f.value;
};
const readDouble = (f: RawField): number => {
  const b = asBytes({ ...f, wire: 2 });
  return new DataView(b.buffer, b.byteOffset, 8).getFloat64(0, true);
};

type Kind = 'string' | 'bool' | 'double' | 'int64' | 'any' | 'vendor' | MessageType;
interface FieldSpec {
  name: string;
  kind: Kind;
  repeated?: boolean;
}
interface MessageType {
  fields: Record<number, FieldSpec>;
  /** Turns the decoded fields (by name) into swagger JSON. */
  toJson?: (m: Json) => unknown;
}

/** Decodes a message with a spec; unknown field numbers are an error (the writer must not invent fields). */
export function decodeMessage(buf: Uint8Array, type: MessageType): unknown {
  const m: Json = {};
  for (const f of readFields(buf)) {
    const spec = type.fields[f.field];
    if (!spec) throw new Error(`unknown field number ${f.field}`);
    let v: unknown;
    if (spec.kind === 'string') v = readString(f);
    else if (spec.kind === 'bool') v = readVarint(f) !== 0n;
    else if (spec.kind === 'int64') v = Number(BigInt.asIntN(64, readVarint(f)));
    else if (spec.kind === 'double') v = readDouble(f);
    else if (spec.kind === 'any') v = decodeMessage(asBytes(f), ANY);
    else if (spec.kind === 'vendor') v = decodeMessage(asBytes(f), NAMED_ANY);
    else v = decodeMessage(asBytes(f), spec.kind);
    if (spec.repeated || spec.kind === 'vendor') m[spec.name] = [...((m[spec.name] as unknown[]) ?? []), v];
    else m[spec.name] = v;
  }
  return type.toJson ? type.toJson(m) : m;
}

const ANY: MessageType = {
  // Field 1 (google.protobuf.Any) is never written by gnostic's JSON parser: no spec here.
  fields: { 2: { name: 'yaml', kind: 'string' } },
  toJson: (m) => yaml.load(String(m.yaml ?? '')),
};
const NAMED_ANY: MessageType = {
  fields: { 1: { name: 'name', kind: 'string' }, 2: { name: 'value', kind: 'any' } },
};

/** Moves decoded fields to swagger names and spreads vendor extensions. */
function swagger(renames: Record<string, string> = {}) {
  return (m: Json): Json => {
    const out: Json = {};
    for (const [k, v] of Object.entries(m)) {
      if (k === 'vendor_extension') {
        for (const n of v as Array<{ name: string; value: unknown }>) out[n.name] = n.value;
      } else out[renames[k] ?? k.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase())] = v;
    }
    return out;
  };
}

/** A `Named<T> {name = 1; value = 2}` entry. */
const named = (value: Kind): MessageType => ({
  fields: { 1: { name: 'name', kind: 'string' }, 2: { name: 'value', kind: value } },
});

/** `repeated Named<T> additional_properties = 1` as a JSON object in wire order. */
function namedMap(value: Kind): MessageType {
  return {
    fields: { 1: { name: 'entries', kind: named(value), repeated: true } },
    toJson: (m) =>
      Object.fromEntries(((m.entries as Array<{ name: string; value: unknown }>) ?? []).map((e) => [e.name, e.value])),
  };
}

/** A oneof wrapper: the one member set, as is. */
function oneof(members: Record<number, Kind>): MessageType {
  const fields: Record<number, FieldSpec> = {};
  for (const [n, kind] of Object.entries(members)) fields[Number(n)] = { name: 'member', kind };
  return { fields, toJson: (m) => m.member };
}

const s = (name: string): FieldSpec => ({ name, kind: 'string' });
const ss = (name: string): FieldSpec => ({ name, kind: 'string', repeated: true });
const b = (name: string): FieldSpec => ({ name, kind: 'bool' });
const d = (name: string): FieldSpec => ({ name, kind: 'double' });
const i = (name: string): FieldSpec => ({ name, kind: 'int64' });
const vendor: FieldSpec = { name: 'vendor_extension', kind: 'vendor' };

const EXTERNAL_DOCS: MessageType = { fields: { 1: s('description'), 2: s('url'), 3: vendor }, toJson: swagger() };
const XML: MessageType = {
  fields: { 1: s('name'), 2: s('namespace'), 3: s('prefix'), 4: b('attribute'), 5: b('wrapped'), 6: vendor },
  toJson: swagger(),
};

export const SCHEMA: MessageType = { fields: {}, toJson: swagger({ _ref: '$ref' }) };
Object.assign(SCHEMA.fields, {
  1: s('_ref'),
  2: s('format'),
  3: s('title'),
  4: s('description'),
  5: { name: 'default', kind: 'any' },
  6: d('multiple_of'),
  7: d('maximum'),
  8: b('exclusive_maximum'),
  9: d('minimum'),
  10: b('exclusive_minimum'),
  11: i('max_length'),
  12: i('min_length'),
  13: s('pattern'),
  14: i('max_items'),
  15: i('min_items'),
  16: b('unique_items'),
  17: i('max_properties'),
  18: i('min_properties'),
  19: ss('required'),
  20: { name: 'enum', kind: 'any', repeated: true },
  21: { name: 'additional_properties', kind: oneof({ 1: SCHEMA, 2: 'bool' }) },
  22: {
    name: 'type',
    kind: {
      fields: { 1: ss('value') },
      toJson: (m: Json) => {
        const v = (m.value as string[] | undefined) ?? [];
        return v.length === 1 ? v[0] : v;
      },
    },
  },
  23: {
    name: 'items',
    kind: {
      fields: { 1: { name: 'schema', kind: SCHEMA, repeated: true } },
      toJson: (m: Json) => ((m.schema as unknown[] | undefined) ?? [])[0],
    },
  },
  24: { name: 'all_of', kind: SCHEMA, repeated: true },
  25: { name: 'properties', kind: namedMap(SCHEMA) },
  26: s('discriminator'),
  27: b('read_only'),
  28: { name: 'xml', kind: XML },
  29: { name: 'external_docs', kind: EXTERNAL_DOCS },
  30: { name: 'example', kind: 'any' },
  31: vendor,
});

/** Fields of PrimitivesItems / non-body parameters from `type` on, numbered from `first`. */
function primitiveFields(first: number, self?: MessageType): Record<number, FieldSpec> {
  const names = ['type', 'format', 'items', 'collection_format', 'default', 'maximum', 'exclusive_maximum', 'minimum'];
  names.push('exclusive_minimum', 'max_length', 'min_length', 'pattern', 'max_items', 'min_items', 'unique_items');
  names.push('enum', 'multiple_of');
  const kinds: Record<string, FieldSpec> = {
    type: s('type'),
    format: s('format'),
    items: { name: 'items', kind: self ?? PRIMITIVES_ITEMS },
    collection_format: s('collection_format'),
    default: { name: 'default', kind: 'any' },
    maximum: d('maximum'),
    exclusive_maximum: b('exclusive_maximum'),
    minimum: d('minimum'),
    exclusive_minimum: b('exclusive_minimum'),
    max_length: i('max_length'),
    min_length: i('min_length'),
    pattern: s('pattern'),
    max_items: i('max_items'),
    min_items: i('min_items'),
    unique_items: b('unique_items'),
    enum: { name: 'enum', kind: 'any', repeated: true },
    multiple_of: d('multiple_of'),
  };
  const out: Record<number, FieldSpec> = {};
  names.forEach((n, k) => {
    out[first + k] = kinds[n] as FieldSpec;
  });
  out[first + names.length] = vendor;
  return out;
}

const PRIMITIVES_ITEMS: MessageType = { fields: {}, toJson: swagger() };
Object.assign(PRIMITIVES_ITEMS.fields, primitiveFields(1, PRIMITIVES_ITEMS));

const head = { 1: b('required'), 2: s('in'), 3: s('description'), 4: s('name') };
const NON_BODY = oneof({
  1: { fields: { ...head, ...primitiveFields(5) }, toJson: swagger() },
  2: { fields: { ...head, 5: b('allow_empty_value'), ...primitiveFields(6) }, toJson: swagger() },
  3: { fields: { ...head, 5: b('allow_empty_value'), ...primitiveFields(6) }, toJson: swagger() },
  4: { fields: { ...head, ...primitiveFields(5) }, toJson: swagger() },
});
const BODY: MessageType = {
  fields: {
    1: s('description'),
    2: s('name'),
    3: s('in'),
    4: b('required'),
    5: { name: 'schema', kind: SCHEMA },
    6: vendor,
  },
  toJson: swagger(),
};
const PARAMETER = oneof({ 1: BODY, 2: NON_BODY });
const JSON_REFERENCE: MessageType = {
  fields: { 1: s('_ref'), 2: s('description') },
  toJson: swagger({ _ref: '$ref' }),
};
const PARAMETERS_ITEM = oneof({ 1: PARAMETER, 2: JSON_REFERENCE });

const HEADER: MessageType = { fields: { ...primitiveFields(1) }, toJson: swagger() };
HEADER.fields[18] = s('description');
HEADER.fields[19] = vendor;

const RESPONSE: MessageType = {
  fields: {
    1: s('description'),
    2: { name: 'schema', kind: oneof({ 1: SCHEMA, 2: { fields: {}, toJson: swagger() } }) },
    3: { name: 'headers', kind: namedMap(HEADER) },
    4: { name: 'examples', kind: namedMap('any') },
    5: vendor,
  },
  toJson: swagger(),
};
const RESPONSES: MessageType = {
  fields: { 1: { name: 'codes', kind: named(oneof({ 1: RESPONSE, 2: JSON_REFERENCE })), repeated: true }, 2: vendor },
  toJson: (m) => {
    const out: Json = {};
    for (const e of (m.codes as Array<{ name: string; value: unknown }>) ?? []) out[e.name] = e.value;
    for (const n of (m.vendor_extension as Array<{ name: string; value: unknown }>) ?? []) out[n.name] = n.value;
    return out;
  },
};
const SECURITY_REQUIREMENT = namedMap({ fields: { 1: ss('value') }, toJson: (m) => m.value ?? [] });

const OPERATION: MessageType = {
  fields: {
    1: ss('tags'),
    2: s('summary'),
    3: s('description'),
    4: { name: 'external_docs', kind: EXTERNAL_DOCS },
    5: s('operation_id'),
    6: ss('produces'),
    7: ss('consumes'),
    8: { name: 'parameters', kind: PARAMETERS_ITEM, repeated: true },
    9: { name: 'responses', kind: RESPONSES },
    10: ss('schemes'),
    11: b('deprecated'),
    12: { name: 'security', kind: SECURITY_REQUIREMENT, repeated: true },
    13: vendor,
  },
  toJson: swagger(),
};
const PATH_ITEM: MessageType = {
  fields: {
    1: s('_ref'),
    2: { name: 'get', kind: OPERATION },
    3: { name: 'put', kind: OPERATION },
    4: { name: 'post', kind: OPERATION },
    5: { name: 'delete', kind: OPERATION },
    6: { name: 'options', kind: OPERATION },
    7: { name: 'head', kind: OPERATION },
    8: { name: 'patch', kind: OPERATION },
    9: { name: 'parameters', kind: PARAMETERS_ITEM, repeated: true },
    10: vendor,
  },
  toJson: swagger({ _ref: '$ref' }),
};
const PATHS: MessageType = {
  fields: { 1: vendor, 2: { name: 'paths', kind: named(PATH_ITEM), repeated: true } },
  toJson: (m) => {
    const out: Json = {};
    for (const n of (m.vendor_extension as Array<{ name: string; value: unknown }>) ?? []) out[n.name] = n.value;
    for (const e of (m.paths as Array<{ name: string; value: unknown }>) ?? []) out[e.name] = e.value;
    return out;
  },
};
const API_KEY: MessageType = {
  fields: { 1: s('type'), 2: s('name'), 3: s('in'), 4: s('description'), 5: vendor },
  toJson: swagger(),
};
const BASIC: MessageType = { fields: { 1: s('type'), 2: s('description'), 3: vendor }, toJson: swagger() };
const SECURITY_ITEM = oneof({ 1: BASIC, 2: API_KEY });
const INFO: MessageType = {
  fields: { 1: s('title'), 2: s('version'), 3: s('description'), 4: s('terms_of_service'), 7: vendor },
  toJson: swagger(),
};

export const DOCUMENT: MessageType = {
  fields: {
    1: s('swagger'),
    2: { name: 'info', kind: INFO },
    3: s('host'),
    4: s('base_path'),
    5: ss('schemes'),
    6: ss('consumes'),
    7: ss('produces'),
    8: { name: 'paths', kind: PATHS },
    9: { name: 'definitions', kind: namedMap(SCHEMA) },
    10: { name: 'parameters', kind: namedMap(PARAMETER) },
    11: { name: 'responses', kind: namedMap(RESPONSE) },
    12: { name: 'security', kind: SECURITY_REQUIREMENT, repeated: true },
    13: { name: 'security_definitions', kind: namedMap(SECURITY_ITEM) },
    14: {
      name: 'tags',
      kind: { fields: { 1: s('name'), 2: s('description'), 4: vendor }, toJson: swagger() },
      repeated: true,
    },
    15: { name: 'external_docs', kind: EXTERNAL_DOCS },
    16: vendor,
  },
  toJson: swagger(),
};

/** Swagger JSON decoded from an openapi.v2.Document. */
export function decodeDocument(buf: Uint8Array): Json {
  return decodeMessage(buf, DOCUMENT) as Json;
}

/** Names of the top-level definitions in wire order (kubectl keeps this order). */
export function definitionNames(buf: Uint8Array): string[] {
  const defs = readFields(buf).find((f) => f.field === 9);
  if (!defs) return [];
  return readFields(asBytes(defs)).map((e) =>
    readString(readFields(asBytes(e)).find((x) => x.field === 1) as RawField),
  );
}
