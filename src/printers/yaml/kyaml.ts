/**
 * `-o kyaml`: KYAML, the explicit YAML dialect of sigs.k8s.io/yaml/kyaml that kubectl 1.35 prints:
 * a `---` header per document, `{ … }` mappings and `[ … ]` sequences with trailing commas,
 * two-space indents, sequences of mappings/sequences "cuddled" as `[{ … }, { … }]`, every string
 * value double-quoted (multi-line strings folded with `\` line continuations), keys quoted only
 * when YAML could misread them. Keys follow the JSON (sorted) order; numbers keep their JSON text.
 */
import { compareBytes, goJson } from '../json/go-json.js';
import type { Output, ResourcePrinter } from '../types.js';

const FOLD = '\\\n';
const indentOf = (level: number) => '  '.repeat(level);

const SEXAGESIMAL = /^[+-]?[1-9][0-9_]*(:[0-5]?[0-9])+(\.[0-9_]*)?$/;
const GO_INT = /^[+-]?(0[xX][0-9a-fA-F]+|0[bB][01]+|0[oO]?[0-7]+|[1-9][0-9]*|0)$/;
// strconv.ParseFloat syntax: decimal/hex floats, inf/infinity/nan in any case.
const GO_FLOAT =
  /^[+-]?((\d+\.?\d*|\.\d+)([eE][+-]?\d+)?|0[xX]([0-9a-fA-F]+\.?[0-9a-fA-F]*|\.[0-9a-fA-F]+)[pP][+-]?\d+|inf|infinity)$|^nan$/i;
const TIMESTAMP =
  /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[Tt](\d{1,2}):(\d{1,2}):(\d{1,2})(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})| (\d{1,2}):(\d{1,2}):(\d{1,2})(?:\.\d+)?)?$/;

function isTimestamp(s: string): boolean {
  const m = TIMESTAMP.exec(s);
  if (!m) return false;
  const month = Number(m[2]);
  const day = Number(m[3]);
  const year = Number(m[1]);
  const days =
    month === 2
      ? (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0
        ? 29
        : 28
      : [4, 6, 9, 11].includes(month)
        ? 30
        : 31;
  if (month < 1 || month > 12 || day < 1 || day > days) return false;
  const h = m[4] ?? m[7];
  if (h === undefined) return true;
  return Number(h) < 24 && Number(m[5] ?? m[8]) < 60 && Number(m[6] ?? m[9]) < 60;
}

/** kyaml's yamlGuessesWrong: would some YAML parser read `s` as a non-string? */
function yamlGuessesWrong(s: string): boolean {
  const lower = s.toLowerCase();
  if (s.length <= 5 && ['null', '~', ''].includes(lower)) return true;
  if (['1', 't', 'T', 'TRUE', 'true', 'True', '0', 'f', 'F', 'FALSE', 'false', 'False'].includes(s)) return true;
  if (s.length <= 5 && ['true', 'y', 'yes', 'on', 'false', 'n', 'no', 'off'].includes(lower)) return true;
  const plain = s.replaceAll('_', '');
  if (GO_INT.test(plain)) return true;
  if (GO_FLOAT.test(plain) && !(/^[+-]?[\d.]/.test(plain) && !Number.isFinite(Number(plain)))) return true;
  if (SEXAGESIMAL.test(s)) return true;
  if (s.length <= 5 && ['.inf', '-.inf', '+.inf', '.nan'].includes(lower)) return true;
  return isTimestamp(s);
}

/** Whether a mapping key must be quoted. */
export function kyamlKeyNeedsQuotes(s: string): boolean {
  if (s === '' || yamlGuessesWrong(s)) return true;
  const runes = Array.from(s);
  return runes.some((r, i) => {
    if (/^[\p{L}\p{N}_]$/u.test(r)) return false;
    return !(i > 0 && i < runes.length - 1 && (r === '-' || r === '.' || r === '/'));
  });
}

/** Go's unicode.IsPrint: letters, marks, numbers, punctuation, symbols and the ASCII space. */
const isPrint = (r: string) => r === ' ' || /^[\p{L}\p{M}\p{N}\p{P}\p{S}]$/u.test(r);

const ESCAPES: Record<string, string> = {
  '\x07': '\\a',
  '\b': '\\b',
  '\f': '\\f',
  '\r': '\\r',
  '\t': '\\t',
  '\v': '\\v',
  '\0': '\\0',
  '\x1b': '\\e',
  '\x85': '\\N',
  '\xa0': '\\_',
  '\u2028': '\\L',
  '\u2029': '\\P',
};

function escapeRune(r: string, newline: string, compact: boolean): string {
  if (r === '"' || r === '\\') return `\\${r}`;
  if (r === '\n') return newline;
  // Observed from kubectl 1.35: tabs stay literal in (non-compact) values, escaped in keys.
  if (r === '\t' && !compact) return r;
  if (isPrint(r)) return r;
  const e = ESCAPES[r];
  if (e) return e;
  const cp = r.codePointAt(0)!;
  if (cp < 0x20 || cp === 0x7f) return `\\x${cp.toString(16).padStart(2, '0')}`;
  if (cp < 0x10000) return `\\u${cp.toString(16).padStart(4, '0')}`;
  return `\\U${cp.toString(16).padStart(8, '0')}`;
}

/** kyaml renderString. `level` is the indent level of continuation lines. */
function renderString(val: string, level: number, lazyQuote: boolean, compact: boolean): string {
  const multi = val.includes('\n');
  if (!multi && lazyQuote && !kyamlKeyNeedsQuotes(val)) return val;
  const newline = compact ? '\\n' : `\\n${FOLD}`;
  let buf = '"';
  if (multi && !compact) buf += FOLD;
  for (const r of val) {
    if (buf.endsWith('\n')) buf += indentOf(level) + (/^\s$/u.test(r) && r !== '\n' ? '\\' : ' ');
    buf += escapeRune(r, newline, compact);
  }
  if (multi && !compact) {
    if (!buf.endsWith('\n')) buf += FOLD;
    buf += indentOf(level);
  }
  return `${buf}"`;
}

const isCollection = (v: unknown) => v !== null && typeof v === 'object';

function renderNode(v: unknown, level: number): string {
  if (Array.isArray(v)) {
    if (v.length === 0) return '[]';
    if (v.every(isCollection)) return `[${v.map((c) => renderNode(c, level)).join(', ')}]`;
    let out = `[\n${indentOf(level)}`;
    for (const c of v) out += `${indentOf(1)}${renderNode(c, level + 1)},\n${indentOf(level)}`;
    return `${out}]`;
  }
  if (isCollection(v)) {
    const obj = v as Record<string, unknown>;
    const keys = Object.keys(obj)
      .filter((k) => obj[k] !== undefined)
      .sort(compareBytes);
    if (keys.length === 0) return '{}';
    let out = '{\n';
    for (const k of keys) {
      out += `${indentOf(level + 1)}${renderString(k, level + 1, true, true)}: ${renderNode(obj[k], level + 1)},\n`;
    }
    return `${out}${indentOf(level)}}`;
  }
  if (typeof v === 'string') return renderString(v, level + 1, false, false);
  // Numbers, booleans and null keep their JSON text.
  return goJson(v);
}

/** One KYAML document for `value`, with its `---` header and a final newline. */
export function toKyaml(value: unknown): string {
  return `---\n${renderNode(value, 0)}\n`;
}

export class KyamlPrinter implements ResourcePrinter {
  print(obj: unknown, out: Output): void {
    out.write(toKyaml(obj));
  }
}
