/**
 * The protobuf message table: the compact generated strings of generated-fields.ts parsed into
 * field descriptions, once, on first use. Message names are Go type names shortened as the
 * generator does (`rbac/v1.Role`, `~apis/meta/v1.ObjectMeta`).
 */
import { PROTO_FIELDS } from './generated-fields.js';

/** Scalar codes: s string, b bool, i signed int, u unsigned int, f float32, d float64, y []byte. */
export type ScalarCode = 's' | 'b' | 'i' | 'u' | 'f' | 'd' | 'y';

export type FieldType =
  | { k: 'scalar'; code: ScalarCode }
  | { k: 'pointer'; elem: FieldType }
  | { k: 'list'; elem: FieldType }
  | { k: 'map'; key: FieldType; value: FieldType }
  | { k: 'message'; name: string }
  /** A named Go slice sent as a message whose field 1 repeats the items (authentication ExtraValue). */
  | { k: 'wrapped'; name: string };

export interface FieldSpec {
  num: number;
  /** JSON name; '...' = inlined into the parent object, '-' = not part of the JSON form. */
  json: string;
  /** Go's json `omitempty`: zero scalars and empty lists/maps are left out. */
  omitempty: boolean;
  /** Go's json `omitzero`: zero values, including empty structs, are left out. */
  omitzero: boolean;
  type: FieldType;
}

export interface MessageSpec {
  name: string;
  /** In Go struct order, which is the order of the JSON form. */
  fields: FieldSpec[];
  byNumber: Map<number, FieldSpec>;
}

/** Go's zero value in JSON form: "", 0, false, nothing, an empty list or an empty struct/map. */
export const isGoZero = (v: unknown): boolean =>
  v === '' ||
  v === 0 ||
  v === false ||
  v === undefined ||
  (Array.isArray(v) && v.length === 0) ||
  (typeof v === 'object' && v !== null && !Array.isArray(v) && Object.keys(v).length === 0);

const SCALARS = new Set(['s', 'b', 'i', 'u', 'f', 'd', 'y']);

/** Parses one type code from `src` at `pos`; returns the type and the position after it. */
function parseType(src: string, pos: number): [FieldType, number] {
  const c = src[pos];
  if (c === '*') {
    const [elem, next] = parseType(src, pos + 1);
    return [{ k: 'pointer', elem }, next];
  }
  if (src.startsWith('[]', pos)) {
    const [elem, next] = parseType(src, pos + 2);
    return [{ k: 'list', elem }, next];
  }
  if (c === '{') {
    const close = src.indexOf('}', pos);
    if (close < 0) throw new Error(`bad map type ${src}`);
    const [key] = parseType(src.slice(0, close), pos + 1);
    const [value, next] = parseType(src, close + 1);
    return [{ k: 'map', key, value }, next];
  }
  if (c === '@' || c === '#') {
    // Names run to the end of the code: nothing follows a message reference.
    const name = src.slice(pos + 1);
    return [c === '@' ? { k: 'message', name } : { k: 'wrapped', name }, src.length];
  }
  if (c !== undefined && SCALARS.has(c)) return [{ k: 'scalar', code: c as ScalarCode }, pos + 1];
  throw new Error(`bad type code ${src}`);
}

const FIELD = /^(\d+)=([^:?!]+)(\?)?(!)?:(.+)$/;

function parseMessage(name: string, src: string): MessageSpec {
  // An empty Go struct is listed with no fields at all.
  const fields = (src === '' ? [] : src.split(' ')).map((entry): FieldSpec => {
    const m = FIELD.exec(entry);
    if (!m) throw new Error(`bad field entry ${entry} in ${name}`);
    const [, num, json, omitempty, omitzero, code] = m as unknown as [string, string, string, string, string, string];
    return { num: Number(num), json, omitempty: !!omitempty, omitzero: !!omitzero, type: parseType(code, 0)[0] };
  });
  return { name, fields, byNumber: new Map(fields.map((f) => [f.num, f])) };
}

const parsed = new Map<string, MessageSpec>();

/** The fields of a message, or undefined when the table does not describe it. */
export function messageSpec(name: string): MessageSpec | undefined {
  let spec = parsed.get(name);
  if (!spec) {
    const src = Object.hasOwn(PROTO_FIELDS, name) ? PROTO_FIELDS[name] : undefined;
    if (src === undefined) return undefined;
    spec = parseMessage(name, src);
    parsed.set(name, spec);
  }
  return spec;
}

/** Every message name in the table (for tests and coverage checks). */
export const messageNames = (): string[] => Object.keys(PROTO_FIELDS);

const DEFINITION_PREFIXES: Array<[string, string]> = [
  ['io.k8s.api.', ''],
  ['io.k8s.apimachinery.pkg.', '~'],
  ['io.k8s.apiextensions-apiserver.pkg.apis.', '+'],
  ['io.k8s.kube-aggregator.pkg.apis.', '^'],
];

/**
 * The table's message name of an OpenAPI definition name (the catalog's `definition`), e.g.
 * `io.k8s.api.rbac.v1.Role` -> `rbac/v1.Role`. Undefined for names outside the Go packages the
 * table covers; whether the message exists is `messageSpec`'s answer.
 */
export function messageOfDefinition(definition: string): string | undefined {
  for (const [prefix, short] of DEFINITION_PREFIXES) {
    if (!definition.startsWith(prefix)) continue;
    const parts = definition.slice(prefix.length).split('.');
    const type = parts.pop();
    if (!type || parts.length === 0) return undefined;
    return `${short}${parts.join('/')}.${type}`;
  }
  return undefined;
}
