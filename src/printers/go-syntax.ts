/**
 * Go's `%#v` of a JSON-decoded value (map[string]interface{} / []interface{} / scalars), which
 * kubectl embeds in its JSONPath execution errors ("object given to jsonpath engine was: …").
 */
import { formatGoFloat } from './go-sprint.js';
import { compareBytes } from './json/go-json.js';

/** strconv.Quote: a double-quoted Go string literal (non-printable runes escaped). */
export function goQuote(s: string): string {
  let out = '"';
  for (const ch of s) {
    const cp = ch.codePointAt(0)!;
    if (ch === '"' || ch === '\\') out += `\\${ch}`;
    else if (cp === 0x07) out += '\\a';
    else if (cp === 0x08) out += '\\b';
    else if (cp === 0x0c) out += '\\f';
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\t') out += '\\t';
    else if (cp === 0x0b) out += '\\v';
    else if (cp < 0x20 || cp === 0x7f) out += `\\x${cp.toString(16).padStart(2, '0')}`;
    else if (cp >= 0x80 && cp < 0xa0) out += `\\u${cp.toString(16).padStart(4, '0')}`;
    else if (cp >= 0xd800 && cp <= 0xdfff) out += '\\ufffd';
    else out += ch;
  }
  return `${out}"`;
}

function inner(v: unknown): string {
  if (v === null || v === undefined) return 'interface {}(nil)';
  if (typeof v === 'string') return goQuote(v);
  if (typeof v === 'number') return Number.isInteger(v) && Math.abs(v) < 2 ** 63 ? String(v) : formatGoFloat(v);
  if (typeof v === 'boolean') return String(v);
  if (Array.isArray(v)) return `[]interface {}{${v.map((x) => inner(x)).join(', ')}}`;
  if (typeof v === 'object') {
    const obj = v as Record<string, unknown>;
    const keys = Object.keys(obj).sort(compareBytes);
    return `map[string]interface {}{${keys.map((k) => `${goQuote(k)}:${inner(obj[k])}`).join(', ')}}`;
  }
  return String(v);
}

/** fmt.Sprintf("%#v", v) for JSON-like values. */
export function goSyntax(v: unknown): string {
  return inner(v);
}

/** The Go type name kube's decoder gives a JSON value (used in error texts). */
export function goTypeName(v: unknown): string {
  if (v === null || v === undefined) return 'interface {}';
  if (typeof v === 'string') return 'string';
  if (typeof v === 'boolean') return 'bool';
  if (typeof v === 'number') return Number.isInteger(v) ? 'int64' : 'float64';
  if (Array.isArray(v)) return '[]interface {}';
  return 'map[string]interface {}';
}
