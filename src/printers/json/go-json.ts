/**
 * JSON text as Go's encoding/json writes an unstructured object (what kubectl prints for
 * `-o json` and what JSONPath prints for maps and lists): map keys sorted by byte order, `<`, `>`
 * and `&` escaped as \u003c \u003e \u0026, U+2028/U+2029 escaped, no escaping of other
 * non-ASCII text. Numbers use the same notation as JavaScript for finite doubles.
 */

/** Byte-order (UTF-8) comparison, which for strings equals code-point order. */
export function compareBytes(a: string, b: string): number {
  if (a === b) return 0;
  const ai = a[Symbol.iterator]();
  const bi = b[Symbol.iterator]();
  for (;;) {
    const x = ai.next();
    const y = bi.next();
    if (x.done) return y.done ? 0 : -1;
    if (y.done) return 1;
    const d = x.value.codePointAt(0)! - y.value.codePointAt(0)!;
    if (d !== 0) return d;
  }
}

const GO_ESCAPES: Record<string, string> = {
  '<': '\\u003c',
  '>': '\\u003e',
  '&': '\\u0026',
  '\u2028': '\\u2028',
  '\u2029': '\\u2029',
};

/** Applies Go's extra escapes to text produced by JSON.stringify (only inside strings matter). */
function goEscape(json: string): string {
  return json.replace(/[<>&\u2028\u2029]/g, (ch) => GO_ESCAPES[ch]!);
}

/** A JSON string literal escaped as Go's encoding/json does. */
export function goJsonString(s: string): string {
  return goEscape(JSON.stringify(s));
}

/**
 * Go's json.Marshal (indent '') or json.MarshalIndent(v, '', indent). Keys are sorted by bytes
 * (written by hand: JavaScript objects would put integer-like keys first). NaN and infinities,
 * which Go refuses to encode, come out as null like JSON.stringify; undefined members are dropped.
 */
export function goJson(value: unknown, indent = ''): string {
  return write(value, indent, '');
}

function write(value: unknown, indent: string, prefix: string): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'string') return goJsonString(value);
  if (typeof value === 'number') return Number.isFinite(value) ? JSON.stringify(value) : 'null';
  if (typeof value === 'boolean') return String(value);
  if (typeof value === 'bigint') return value.toString();
  const inner = prefix + indent;
  const nl = indent ? `\n${inner}` : '';
  const end = indent ? `\n${prefix}` : '';
  const colon = indent ? ': ' : ':';
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    return `[${nl}${value.map((v) => write(v, indent, inner)).join(`,${nl}`)}${end}]`;
  }
  const obj = value as Record<string, unknown>;
  const keys = Object.keys(obj)
    .filter((k) => obj[k] !== undefined)
    .sort(compareBytes);
  if (keys.length === 0) return '{}';
  const members = keys.map((k) => `${goJsonString(k)}${colon}${write(obj[k], indent, inner)}`);
  return `{${nl}${members.join(`,${nl}`)}${end}}`;
}
