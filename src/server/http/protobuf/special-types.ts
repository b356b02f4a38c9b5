/**
 * apimachinery types whose Go JSON form is not their struct fields: times, durations,
 * quantities, int-or-string and the raw-JSON carriers. Each decoder gets the bytes of the
 * message and returns its JSON value; `undefined` stands for Go's `null` (the field is left out).
 */
import { readFields, toInt64, type WireField } from './wire.js';

const utf8 = new TextDecoder('utf-8', { fatal: false });

/** A message the decoder must refuse (the request is answered with 415, nothing is dropped). */
export class UnrepresentableProtobuf extends Error {}

function field(fields: WireField[], num: number): WireField | undefined {
  let last: WireField | undefined;
  for (const f of fields) if (f.num === num) last = f;
  return last;
}

/** Go's time.Unix(seconds, nanos) normalised: whole seconds and 0 <= nanos < 1e9. */
function unixTime(bytes: Uint8Array): { seconds: bigint; nanos: number } | undefined {
  // An empty message is Go's zero time, which metav1 marshals as null.
  if (bytes.length === 0) return undefined;
  const fields = readFields(bytes);
  let seconds = toInt64(field(fields, 1)?.varint ?? 0n);
  let nanos = toInt64(field(fields, 2)?.varint ?? 0n);
  seconds += nanos / 1_000_000_000n;
  nanos %= 1_000_000_000n;
  if (nanos < 0n) {
    nanos += 1_000_000_000n;
    seconds -= 1n;
  }
  return { seconds, nanos: Number(nanos) };
}

/** RFC 3339 in UTC with `fraction` digits of sub-second (0 for metav1.Time, 6 for MicroTime). */
function rfc3339(t: { seconds: bigint; nanos: number }, fraction: number): string {
  const date = new Date(Number(t.seconds) * 1000);
  if (Number.isNaN(date.getTime())) throw new Error(`time out of range: ${t.seconds}s`);
  const year = date.getUTCFullYear();
  if (year < 0 || year > 9999) throw new Error(`time out of range: year ${year}`);
  const base = date.toISOString().slice(0, 19);
  const frac = fraction ? `.${String(t.nanos).padStart(9, '0').slice(0, fraction)}` : '';
  return `${base}${frac}Z`;
}

/** Formats nanoseconds as Go's time.Duration.String() does ("1h0m0s", "1.5s", "300ms", "0s"). */
export function goDuration(ns: bigint): string {
  if (ns === 0n) return '0s';
  const neg = ns < 0n;
  let u = neg ? -ns : ns;
  const sign = neg ? '-' : '';
  const frac = (value: bigint, digits: number): string => {
    const scale = 10n ** BigInt(digits);
    const whole = value / scale;
    const rest = (value % scale).toString().padStart(digits, '0').replace(/0+$/, '');
    return rest ? `${whole}.${rest}` : `${whole}`;
  };
  if (u < 1_000_000_000n) {
    if (u < 1_000n) return `${sign}${u}ns`;
    if (u < 1_000_000n) return `${sign}${frac(u, 3)}µs`;
    return `${sign}${frac(u, 6)}ms`;
  }
  const hours = u / 3_600_000_000_000n;
  u -= hours * 3_600_000_000_000n;
  const minutes = u / 60_000_000_000n;
  u -= minutes * 60_000_000_000n;
  const seconds = `${frac(u, 9)}s`;
  if (hours > 0n) return `${sign}${hours}h${minutes}m${seconds}`;
  if (minutes > 0n) return `${sign}${minutes}m${seconds}`;
  return `${sign}${seconds}`;
}

function rawJson(bytes: Uint8Array, what: string): unknown {
  const raw = readFields(bytes).filter((f) => f.num === 1);
  const last = raw[raw.length - 1];
  if (!last?.bytes || last.bytes.length === 0) return undefined;
  const text = utf8.decode(last.bytes);
  try {
    return JSON.parse(text);
  } catch {
    // Raw bytes that are not JSON (e.g. a nested protobuf object) have no JSON form here.
    throw new UnrepresentableProtobuf(`${what} holds bytes that are not JSON`);
  }
}

function quantity(bytes: Uint8Array): string {
  const s = field(readFields(bytes), 1);
  const text = utf8.decode(s?.bytes ?? new Uint8Array()).trim();
  // Go's zero Quantity marshals as "0".
  return text === '' ? '0' : text;
}

function intOrString(bytes: Uint8Array): number | string {
  const fields = readFields(bytes);
  const type = field(fields, 1)?.varint ?? 0n;
  if (type === 1n) return utf8.decode(field(fields, 3)?.bytes ?? new Uint8Array());
  return Number(toInt64(field(fields, 2)?.varint ?? 0n));
}

/** Custom-JSON messages by table name. */
export const SPECIAL_MESSAGES: Record<string, (bytes: Uint8Array) => unknown> = {
  '~apis/meta/v1.Time': (b) => {
    const t = unixTime(b);
    return t && rfc3339(t, 0);
  },
  '~apis/meta/v1.MicroTime': (b) => {
    const t = unixTime(b);
    return t && rfc3339(t, 6);
  },
  '~apis/meta/v1.Duration': (b) => goDuration(toInt64(field(readFields(b), 1)?.varint ?? 0n)),
  '~apis/meta/v1.FieldsV1': (b) => rawJson(b, 'FieldsV1'),
  '~api/resource.Quantity': quantity,
  '~util/intstr.IntOrString': intOrString,
  '~runtime.RawExtension': (b) => rawJson(b, 'RawExtension'),
  '+apiextensions/v1.JSON': (b) => rawJson(b, 'JSON'),
};

type Obj = Record<string, unknown>;
const nonEmpty = (v: unknown): v is unknown[] => Array.isArray(v) && v.length > 0;

/**
 * apiextensions' schema unions: decoded as their Go structs (field names as Go spells them,
 * having no json tags), then printed as their MarshalJSON does. `undefined` is Go's null.
 */
export const RESHAPED_MESSAGES: Record<string, (decoded: Obj) => unknown> = {
  // A list of schemas when it has any, else the single schema.
  '+apiextensions/v1.JSONSchemaPropsOrArray': (o) => (nonEmpty(o.JSONSchemas) ? o.JSONSchemas : o.Schema),
  // The schema when set, else the boolean.
  '+apiextensions/v1.JSONSchemaPropsOrBool': (o) => o.Schema ?? o.Allows === true,
  // The string list when it has any, else the schema.
  '+apiextensions/v1.JSONSchemaPropsOrStringArray': (o) => (nonEmpty(o.Property) ? o.Property : o.Schema),
};
