/**
 * Kubernetes protobuf request bodies -> JSON objects: the `k8s\0` envelope holding a
 * runtime.Unknown {typeMeta, raw}, and `raw` decoded with the message table. A body with a
 * field the table does not know is not decoded (the caller answers 415). Go's JSON omitempty is mirrored: empty strings, zero non-pointer numbers and empty timestamps are left out.
 */
import { badRequest } from '../../../api/status.js';
import { type FieldDesc, KIND_MESSAGES, MESSAGES } from './kube-messages.js';
import { readFields, toInt64, type WireField } from './wire.js';

const MAGIC = [0x6b, 0x38, 0x73, 0x00]; // "k8s\0"
const utf8 = new TextDecoder('utf-8', { fatal: false });

function rfc3339(seconds: bigint): string {
  return `${new Date(Number(seconds) * 1000).toISOString().slice(0, 19)}Z`;
}

/** resource.Quantity travels as a message holding its string form. */
function quantity(bytes: Uint8Array | undefined): string {
  const s = readFields(bytes ?? new Uint8Array()).find((x) => x.num === 1);
  return utf8.decode(s?.bytes ?? new Uint8Array());
}

function scalar(f: WireField, d: FieldDesc): unknown {
  switch (d.type) {
    case 'string':
      return utf8.decode(f.bytes ?? new Uint8Array());
    case 'bytes':
      return Buffer.from(f.bytes ?? new Uint8Array()).toString('base64');
    case 'int':
      return Number(toInt64(f.varint ?? 0n));
    case 'bool':
      return (f.varint ?? 0n) !== 0n;
    case 'quantity':
      return quantity(f.bytes);
    case 'intOrString': {
      // intstr.IntOrString: type (0 = int, 1 = string), intVal, strVal
      let type = 0n;
      let intVal = 0n;
      let strVal = '';
      for (const x of readFields(f.bytes ?? new Uint8Array())) {
        if (x.num === 1) type = x.varint ?? 0n;
        if (x.num === 2) intVal = toInt64(x.varint ?? 0n);
        if (x.num === 3) strVal = utf8.decode(x.bytes ?? new Uint8Array());
      }
      return type === 1n ? strVal : Number(intVal);
    }
    case 'time': {
      const secs = readFields(f.bytes ?? new Uint8Array()).find((x) => x.num === 1)?.varint;
      return secs === undefined ? undefined : rfc3339(toInt64(secs));
    }
    default:
      return undefined;
  }
}

function decodeMap(fields: WireField[], valueType: 'string' | 'bytes' | 'quantity'): Record<string, string> {
  const out: Record<string, string> = {};
  for (const f of fields) {
    let key = '';
    let value = '';
    for (const e of readFields(f.bytes ?? new Uint8Array())) {
      if (e.num === 1) key = utf8.decode(e.bytes ?? new Uint8Array());
      if (e.num === 2) {
        if (valueType === 'bytes') value = Buffer.from(e.bytes ?? new Uint8Array()).toString('base64');
        else if (valueType === 'quantity') value = quantity(e.bytes);
        else value = utf8.decode(e.bytes ?? new Uint8Array());
      }
    }
    out[key] = value;
  }
  return out;
}

/** A field the message table does not describe (the body is answered with 415). */
export class UnknownProtobufField extends Error {}

/** Decodes one message by name into a JSON object (unknown fields are skipped, as Go does). */
export function decodeMessage(name: string, buf: Uint8Array): Record<string, unknown> {
  const desc = MESSAGES[name];
  if (!desc) throw new Error(`no protobuf description of ${name}`);
  const groups = new Map<number, WireField[]>();
  for (const f of readFields(buf)) {
    const list = groups.get(f.num) ?? [];
    list.push(f);
    groups.set(f.num, list);
  }
  const out: Record<string, unknown> = {};
  for (const [num, fields] of [...groups].sort((a, b) => a[0] - b[0])) {
    const d = desc[num];
    if (d === 'ignore') continue;
    // A field this table does not know would be lost: refuse rather than store less than was sent.
    if (!d) throw new UnknownProtobufField(`${name} field ${num}`);
    const t = d.type;
    if (typeof t === 'object' && 'map' in t) {
      const m = decodeMap(fields, t.map);
      if (Object.keys(m).length) out[d.name] = m;
      continue;
    }
    const one = (f: WireField): unknown =>
      typeof t === 'object' ? decodeMessage(t.message, f.bytes ?? new Uint8Array()) : scalar(f, d);
    if (d.repeated) {
      const values = fields.map(one);
      if (values.length) out[d.name] = values;
      continue;
    }
    const v = one(fields[fields.length - 1] as WireField);
    if (v === undefined) continue;
    // Go's omitempty: zero scalars of non-pointer fields are left out; structs always stay ({}).
    if (!d.pointer && (v === '' || v === 0 || v === false)) continue;
    out[d.name] = v;
  }
  return out;
}

/** Whether a body starts with the Kubernetes protobuf envelope. */
export const isKubeProtobuf = (buf: Uint8Array): boolean => MAGIC.every((b, i) => buf[i] === b);

/**
 * Decodes a protobuf request body to a JSON object with apiVersion and kind. Returns
 * undefined for a kind the table does not describe (the caller answers 415).
 */
export function decodeKubeProtobuf(buf: Uint8Array): Record<string, unknown> | undefined {
  if (!isKubeProtobuf(buf)) throw badRequest('the body of the request was in an unknown format');
  let apiVersion = '';
  let kind = '';
  let raw: Uint8Array | undefined;
  try {
    for (const f of readFields(buf.subarray(4))) {
      if (f.num === 1) {
        for (const t of readFields(f.bytes ?? new Uint8Array())) {
          if (t.num === 1) apiVersion = utf8.decode(t.bytes ?? new Uint8Array());
          if (t.num === 2) kind = utf8.decode(t.bytes ?? new Uint8Array());
        }
      } else if (f.num === 2) raw = f.bytes;
    }
    const message = KIND_MESSAGES[`${apiVersion}/${kind}`];
    if (!message) return undefined;
    return { apiVersion, kind, ...decodeMessage(message, raw ?? new Uint8Array()) };
  } catch (e) {
    if (e instanceof UnknownProtobufField) return undefined;
    throw badRequest(`unable to decode protobuf body: ${e instanceof Error ? e.message : String(e)}`);
  }
}
