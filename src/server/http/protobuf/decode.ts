/**
 * Kubernetes protobuf request bodies -> JSON objects. The body is the `k8s\0` envelope holding a
 * runtime.Unknown {typeMeta, raw}; `raw` is decoded with the generated message table into what
 * Go's encoding/json would print for the decoded struct: fields in struct order, `omitempty` and
 * `omitzero` honoured, non-nil pointers kept even when zero, inlined structs merged, map keys
 * sorted. A field number the table does not know makes the whole body undecodable (the caller
 * answers 415) rather than silently storing less than was sent.
 */
import { badRequest } from '../../../api/status.js';
import { type FieldSpec, type FieldType, isGoZero, messageOfDefinition, messageSpec } from './message-table.js';
import { RESHAPED_MESSAGES, SPECIAL_MESSAGES, UnrepresentableProtobuf } from './special-types.js';
import { readFields, readVarint, toInt64, type WireField } from './wire.js';

const MAGIC = [0x6b, 0x38, 0x73, 0x00]; // "k8s\0"
const utf8 = new TextDecoder('utf-8', { fatal: false });
const EMPTY = new Uint8Array();

/** A field or message the table does not describe (the body is answered with 415). */
export class UnknownProtobufField extends Error {}

const isVarintScalar = (t: FieldType): boolean =>
  t.k === 'scalar' && (t.code === 'b' || t.code === 'i' || t.code === 'u');

function expectWire(f: WireField, wireType: number, what: string): void {
  if (f.wireType !== wireType) throw new Error(`${what}: wire type ${f.wireType}, expected ${wireType}`);
}

function scalar(f: WireField, code: string, what: string): unknown {
  switch (code) {
    case 'b':
      expectWire(f, 0, what);
      return (f.varint ?? 0n) !== 0n;
    case 'i':
      expectWire(f, 0, what);
      return Number(toInt64(f.varint ?? 0n));
    case 'u':
      expectWire(f, 0, what);
      return Number(f.varint ?? 0n);
    case 'd':
      expectWire(f, 1, what);
      return Buffer.from(f.bytes ?? EMPTY).readDoubleLE(0);
    case 'f':
      expectWire(f, 5, what);
      return Buffer.from(f.bytes ?? EMPTY).readFloatLE(0);
    case 's':
      expectWire(f, 2, what);
      return utf8.decode(f.bytes ?? EMPTY);
    default: // 'y': []byte is base64 in JSON
      expectWire(f, 2, what);
      return Buffer.from(f.bytes ?? EMPTY).toString('base64');
  }
}

/** One value of `type` from one wire field (pointers decode as their element). */
function value(f: WireField, type: FieldType, what: string): unknown {
  switch (type.k) {
    case 'scalar':
      return scalar(f, type.code, what);
    case 'pointer':
      return value(f, type.elem, what);
    case 'message': {
      expectWire(f, 2, what);
      const special = SPECIAL_MESSAGES[type.name];
      if (special) return special(f.bytes ?? EMPTY);
      const decoded = decodeMessage(type.name, f.bytes ?? EMPTY);
      const reshape = RESHAPED_MESSAGES[type.name];
      return reshape ? reshape(decoded) : decoded;
    }
    case 'wrapped': {
      expectWire(f, 2, what);
      return decodeMessage(type.name, f.bytes ?? EMPTY).items ?? [];
    }
    default:
      throw new Error(`${what}: nested ${type.k} is not a protobuf value`);
  }
}

/** Go's zero value of a map entry's missing key or value. */
function zeroOf(type: FieldType): unknown {
  if (type.k === 'scalar') return type.code === 's' || type.code === 'y' ? '' : type.code === 'b' ? false : 0;
  if (type.k !== 'message') return undefined;
  const special = SPECIAL_MESSAGES[type.name];
  if (special) return special(EMPTY);
  const reshape = RESHAPED_MESSAGES[type.name];
  return reshape ? reshape({}) : {};
}

function decodeMap(fields: WireField[], type: { key: FieldType; value: FieldType }, what: string): unknown {
  const entries: Array<[string, unknown]> = [];
  for (const f of fields) {
    expectWire(f, 2, what);
    let key: unknown = zeroOf(type.key);
    let val: unknown = zeroOf(type.value);
    for (const e of readFields(f.bytes ?? EMPTY)) {
      if (e.num === 1) key = value(e, type.key, `${what} key`);
      else if (e.num === 2) val = value(e, type.value, `${what} value`);
      else throw new UnknownProtobufField(`${what}: map entry field ${e.num}`);
    }
    entries.push([String(key), val === undefined ? null : val]);
  }
  // encoding/json prints map keys sorted; a repeated key keeps its last value, as Go's map does.
  const byKey = new Map(entries);
  return Object.fromEntries([...byKey].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)));
}

/** A repeated field's values; numeric scalars may also arrive packed in one length-delimited field. */
function decodeList(fields: WireField[], elem: FieldType, what: string): unknown[] {
  const out: unknown[] = [];
  for (const f of fields) {
    if (f.wireType === 2 && isVarintScalar(elem)) {
      const bytes = f.bytes ?? EMPTY;
      for (let pos = 0; pos < bytes.length; ) {
        const [v, next] = readVarint(bytes, pos);
        out.push(scalar({ num: f.num, wireType: 0, varint: v }, (elem as { code: string }).code, what));
        pos = next;
      }
    } else out.push(value(f, elem, what) ?? null); // a zero time in a list is Go's null
  }
  return out;
}

/** The JSON value of one field from all its occurrences, or undefined when Go would leave it out. */
function fieldValue(spec: FieldSpec, fields: WireField[], what: string): unknown {
  const t = spec.type;
  if (t.k === 'list') {
    const list = decodeList(fields, t.elem, what);
    return list.length === 0 && (spec.omitempty || spec.omitzero) ? undefined : list;
  }
  if (t.k === 'map') {
    const map = decodeMap(fields, t, what) as Record<string, unknown>;
    return Object.keys(map).length === 0 && (spec.omitempty || spec.omitzero) ? undefined : map;
  }
  // A singular field sent twice: the last one wins, as in every protobuf decoder.
  const v = value(fields[fields.length - 1] as WireField, t, what);
  if (v === undefined || t.k === 'pointer') return v; // a non-nil pointer is kept even when zero
  if (spec.omitzero && isGoZero(v)) return undefined;
  // omitempty never drops a struct (Go prints `{}`), only zero scalars.
  if (spec.omitempty && t.k === 'scalar' && isGoZero(v)) return undefined;
  return v;
}

/**
 * Decodes one message of the table into its JSON object. Throws UnknownProtobufField for a
 * message or field number the table lacks and a plain Error for malformed bytes.
 */
export function decodeMessage(name: string, buf: Uint8Array): Record<string, unknown> {
  const spec = messageSpec(name);
  if (!spec) throw new UnknownProtobufField(`no protobuf description of ${name}`);
  const byNum = new Map<number, WireField[]>();
  for (const f of readFields(buf)) {
    if (!spec.byNumber.has(f.num)) throw new UnknownProtobufField(`${name} has no field ${f.num}`);
    const list = byNum.get(f.num);
    if (list) list.push(f);
    else byNum.set(f.num, [f]);
  }
  const out: Record<string, unknown> = {};
  for (const field of spec.fields) {
    const fields = byNum.get(field.num);
    if (!fields || field.json === '-') continue;
    const what = `${name}.${field.json}`;
    const v = fieldValue(field, fields, what);
    if (v === undefined) continue;
    if (field.json === '...') Object.assign(out, v);
    else out[field.json] = v;
  }
  return out;
}

/** Whether a body starts with the Kubernetes protobuf envelope. */
export const isKubeProtobuf = (buf: Uint8Array): boolean => MAGIC.every((b, i) => buf[i] === b);

/** The OpenAPI definition name of a group/version/kind, as the catalog knows it. */
export type DefinitionOf = (gvk: { group: string; version: string; kind: string }) => string | undefined;

// Option kinds every group version carries (metav1.AddToGroupVersion): their message is metav1's.
const META_OPTIONS = new Set(['DeleteOptions', 'CreateOptions', 'UpdateOptions', 'PatchOptions']);

/** The table message of an envelope's apiVersion and kind, or undefined when unknown. */
export function messageOfKind(apiVersion: string, kind: string, definitionOf: DefinitionOf): string | undefined {
  if (META_OPTIONS.has(kind)) return `~apis/meta/v1.${kind}`;
  const slash = apiVersion.indexOf('/');
  const group = slash < 0 ? '' : apiVersion.slice(0, slash);
  const version = apiVersion.slice(slash + 1);
  const definition = definitionOf({ group, version, kind });
  const message = definition && messageOfDefinition(definition);
  return message && messageSpec(message) ? message : undefined;
}

/**
 * Decodes a protobuf request body to a JSON object with apiVersion and kind. Returns undefined
 * when the kind or one of the body's fields is not in the table (the caller answers 415);
 * throws a 400 StatusError for a body without the envelope or with malformed bytes.
 */
export function decodeKubeProtobuf(buf: Uint8Array, definitionOf: DefinitionOf): Record<string, unknown> | undefined {
  if (!isKubeProtobuf(buf)) throw badRequest('the body of the request was in an unknown format');
  let apiVersion = '';
  let kind = '';
  let raw: Uint8Array = EMPTY;
  try {
    for (const f of readFields(buf.subarray(4))) {
      if (f.num === 1) {
        for (const t of readFields(f.bytes ?? EMPTY)) {
          if (t.num === 1) apiVersion = utf8.decode(t.bytes ?? EMPTY);
          if (t.num === 2) kind = utf8.decode(t.bytes ?? EMPTY);
        }
      } else if (f.num === 2) raw = f.bytes ?? EMPTY;
    }
    const message = messageOfKind(apiVersion, kind, definitionOf);
    if (!message) return undefined;
    return { apiVersion, kind, ...decodeMessage(message, raw) };
  } catch (e) {
    if (e instanceof UnknownProtobufField || e instanceof UnrepresentableProtobuf) return undefined;
    throw badRequest(`unable to decode protobuf body: ${e instanceof Error ? e.message : String(e)}`);
  }
}
