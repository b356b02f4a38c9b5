/**
 * What kube's Go round trip leaves of a JSON object. kube-apiserver decodes a request body into
 * the kind's Go struct, stores it as protobuf and answers with encoding/json of the struct, so:
 * - fields come out in struct order (TypeMeta first: `kind`, then `apiVersion`), map keys sorted;
 * - `omitempty` drops zero scalars (`false`, `0`, `""`) and empty or null lists and maps;
 *   `omitzero` drops zero values, structs included; nothing else is ever dropped;
 * - fields without either are always written: zero scalars as such, a missing struct as its
 *   zero value (`resources: {}`), a missing list, map or pointer as `null`, a zero Time as null;
 * - a non-nil pointer keeps its value even when zero (`replicas: 0`);
 * - fields the struct does not have are gone (decoding ignores them).
 *
 * The field descriptions are the protobuf table generated from the Go types
 * (http/protobuf/generated-fields.ts). Kinds the table does not describe (custom resources,
 * APIService) are stored as they are, as kube stores unstructured objects.
 */
import { isMap } from '../apis/object-access.js';
import type { KubeObject } from '../apis/types.js';
import {
  type FieldSpec,
  type FieldType,
  isGoZero,
  type MessageSpec,
  messageOfDefinition,
  messageSpec,
} from '../http/protobuf/message-table.js';
import { RESHAPED_MESSAGES, SPECIAL_MESSAGES } from '../http/protobuf/special-types.js';

type Obj = Record<string, unknown>;

const TIMES = new Set(['~apis/meta/v1.Time', '~apis/meta/v1.MicroTime']);
/** Messages with their own JSON form: their values are kept as sent. */
const opaque = (name: string): boolean =>
  Object.hasOwn(SPECIAL_MESSAGES, name) || Object.hasOwn(RESHAPED_MESSAGES, name);

/** The table message of a kind's OpenAPI definition, or undefined when the table lacks it. */
export function messageOfKindDefinition(definition: string | undefined): string | undefined {
  const name = definition && messageOfDefinition(definition);
  return name && messageSpec(name) ? name : undefined;
}

/** Go's sort.Strings order (bytes of UTF-8), which differs from JS's for astral characters. */
function goKeyOrder(a: string, b: string): number {
  if (/[\ud800-\uffff]/.test(a + b)) return Buffer.compare(Buffer.from(a), Buffer.from(b));
  return a < b ? -1 : a > b ? 1 : 0;
}

const nullItem = (t: FieldType): unknown => (t.k === 'message' && !opaque(t.name) ? message(t.name, {}) : null);

/** Go's JSON of a value of `type` that is present (not undefined) in the input. */
function present(type: FieldType, v: unknown): unknown {
  switch (type.k) {
    case 'scalar':
    case 'wrapped':
      return v;
    case 'pointer':
      return v === null ? null : present(type.elem, v);
    case 'message':
      return opaque(type.name) ? v : message(type.name, v);
    case 'list':
      if (!Array.isArray(v)) return v;
      // A null item of a struct list decodes as the zero struct.
      return v.length === 0 ? null : v.map((x) => (x === null ? nullItem(type.elem) : present(type.elem, x)));
    case 'map': {
      if (!isMap(v)) return v;
      const keys = Object.keys(v);
      if (keys.length === 0) return null;
      const out: Obj = {};
      for (const k of keys.sort(goKeyOrder)) out[k] = v[k] === null ? null : present(type.value, v[k]);
      return out;
    }
  }
}

/** The JSON of one field, or undefined when Go leaves it out. */
function field(spec: FieldSpec, v: unknown): unknown {
  const t = spec.type;
  const omit = spec.omitempty || spec.omitzero;
  if (v === undefined || v === null) {
    if (t.k === 'message') {
      if (spec.omitzero) return undefined;
      if (TIMES.has(t.name)) return null;
      return opaque(t.name) ? undefined : message(t.name, {});
    }
    if (omit) return undefined;
    if (t.k === 'scalar') return t.code === 's' ? '' : t.code === 'b' ? false : t.code === 'y' ? null : 0;
    return null;
  }
  const out = present(t, v);
  if (out === null && omit && (t.k === 'list' || t.k === 'map')) return undefined;
  if (omit && t.k === 'scalar' && isGoZero(out)) return undefined;
  if (spec.omitzero && t.k === 'message' && isGoZero(out)) return undefined;
  return out;
}

function fill(spec: MessageSpec, src: Obj, out: Obj): void {
  for (const f of spec.fields) {
    if (f.json === '-') continue;
    if (f.json === '...') {
      const inner = f.type.k === 'message' ? messageSpec(f.type.name) : undefined;
      if (inner) fill(inner, src, out);
      continue;
    }
    const v = field(f, src[f.json]);
    if (v !== undefined) out[f.json] = v;
  }
}

function message(name: string, v: unknown): unknown {
  const spec = messageSpec(name);
  if (!spec || !isMap(v)) return v;
  const out: Obj = {};
  fill(spec, v, out);
  return out;
}

/**
 * `obj` as kube would store and return it after decoding it into the Go struct of `messageName`.
 * The table's top-level messages leave out TypeMeta (protobuf carries it in the envelope); the
 * JSON form starts with it, `kind` first.
 */
export function goRoundTrip(obj: KubeObject, messageName: string): KubeObject {
  const out: Obj = {};
  if (obj.kind) out.kind = obj.kind;
  if (obj.apiVersion) out.apiVersion = obj.apiVersion;
  const spec = messageSpec(messageName);
  if (spec) fill(spec, obj, out);
  return out as KubeObject;
}
