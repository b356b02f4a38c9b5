/**
 * The functions a kubectl go-template can call: text/template's builtins (and, or, not, len,
 * index, slice, print, printf, println, html, js, urlquery, eq, ne, lt, le, gt, ge) and kubectl's
 * `exists` and `base64decode`. `and`/`or` short-circuit and live in the executor.
 */
import { GoFloat, GoInt, goPrint, goPrintln, goSprintf, goTypeOf, plain, sprintValue } from './go-fmt.js';

type Fn = (args: unknown[]) => unknown;

export function isNil(v: unknown): boolean {
  return v === null || v === undefined;
}

/** text/template's truth: false for zero values and empty collections. */
export function isTrue(v: unknown): boolean {
  if (isNil(v)) return false;
  if (v instanceof GoFloat || v instanceof GoInt) return v.v !== 0;
  if (typeof v === 'boolean') return v;
  if (typeof v === 'number') return v !== 0;
  if (typeof v === 'string') return v.length > 0;
  if (Array.isArray(v)) return v.length > 0;
  if (typeof v === 'object') return Object.keys(v as object).length > 0;
  return true;
}

type BasicKind = 'int' | 'float' | 'string' | 'bool' | 'other';

function basicKind(v: unknown): BasicKind {
  if (v instanceof GoFloat) return 'float';
  if (v instanceof GoInt) return 'int';
  if (typeof v === 'number') return Number.isInteger(v) ? 'int' : 'float';
  if (typeof v === 'string') return 'string';
  if (typeof v === 'boolean') return 'bool';
  return 'other';
}

const num = (v: unknown): number => plain(v) as number;

/** text/template's eq: basic kinds compare by value; nil (invalid) operands never error. */
function eq(args: unknown[]): boolean {
  if (args.length < 2) throw new Error('missing argument for comparison');
  const [a, ...rest] = args;
  for (const b of rest) {
    const ka = basicKind(a);
    const kb = basicKind(b);
    if (ka !== kb) {
      if (!isNil(a) && !isNil(b)) {
        throw new Error(`incompatible types for comparison: ${goTypeName(a)} and ${goTypeName(b)}`);
      }
      continue;
    }
    if (ka === 'other') {
      if (isNil(a) || isNil(b)) {
        if (isNil(a) && isNil(b)) return true;
        continue;
      }
      throw new Error(`non-comparable type ${sprintValue(b)}: ${goTypeName(b)}`);
    }
    if (ka === 'int' || ka === 'float' ? num(a) === num(b) : a === b) return true;
  }
  return false;
}

const goTypeName = goTypeOf;

function lt(a: unknown, b: unknown): boolean {
  const ka = basicKind(a);
  const kb = basicKind(b);
  if (ka === 'other' || ka === 'bool' || kb === 'other' || kb === 'bool')
    throw new Error('invalid type for comparison');
  if (ka !== kb) throw new Error(`incompatible types for comparison: ${goTypeName(a)} and ${goTypeName(b)}`);
  return ka === 'string' ? (a as string) < (b as string) : num(a) < num(b);
}

function length(v: unknown): number {
  if (typeof v === 'string') return Buffer.byteLength(v);
  if (Array.isArray(v)) return v.length;
  if (v !== null && typeof v === 'object' && !(v instanceof GoFloat) && !(v instanceof GoInt))
    return Object.keys(v).length;
  throw new Error(`len of type ${goTypeOf(v)}`);
}

function toIndex(x: unknown): number {
  const n = plain(x);
  if (typeof n === 'number' && Number.isInteger(n)) return n;
  throw new Error(`cannot index slice/array with type ${goTypeOf(x)}`);
}

function index(args: unknown[]): unknown {
  let item = args[0];
  if (isNil(item)) throw new Error('index of untyped nil');
  for (const ix of args.slice(1)) {
    if (Array.isArray(item) || typeof item === 'string') {
      const i = toIndex(ix);
      const len = typeof item === 'string' ? Buffer.byteLength(item) : item.length;
      if (i < 0 || i >= len) throw new Error(`index out of range: ${i}`);
      item = typeof item === 'string' ? Buffer.from(item)[i] : item[i];
    } else if (item !== null && typeof item === 'object') {
      if (typeof ix !== 'string') throw new Error(`value has type ${goTypeOf(ix)}; should be string`);
      item = Object.hasOwn(item, ix) ? (item as Record<string, unknown>)[ix] : null;
    } else if (isNil(item)) {
      throw new Error('index of nil pointer');
    } else {
      throw new Error(`can't index item of type ${goTypeOf(item)}`);
    }
  }
  return item;
}

/** kubectl's `exists`: could `index item indices…` be evaluated? */
function exists(args: unknown[]): boolean {
  let v = args[0];
  for (const raw of args.slice(1)) {
    const ix = plain(raw);
    if (isNil(v)) return false;
    if (Array.isArray(v) || typeof v === 'string') {
      if (typeof ix !== 'number' || !Number.isInteger(ix)) return false;
      const len = typeof v === 'string' ? Buffer.byteLength(v) : v.length;
      if (ix < 0 || ix >= len) return false;
      v = typeof v === 'string' ? Buffer.from(v)[ix] : v[ix];
    } else if (typeof v === 'object') {
      if (typeof ix !== 'string') return false;
      v = Object.hasOwn(v as object, ix) ? (v as Record<string, unknown>)[ix] : null;
    } else return false;
  }
  return !isNil(v);
}

function base64decode(args: unknown[]): string {
  const s = String(args[0] ?? '');
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(s) || s.length % 4 !== 0) {
    const bad = s.search(/[^A-Za-z0-9+/=]/);
    const at = bad >= 0 ? bad : s.length - (s.length % 4);
    throw new Error(`base64 decode failed: illegal base64 data at input byte ${at}`);
  }
  return Buffer.from(s, 'base64').toString('utf8');
}

function htmlEscape(s: string): string {
  return s.replace(/[<>&'"\0]/g, (c) =>
    c === '<'
      ? '&lt;'
      : c === '>'
        ? '&gt;'
        : c === '&'
          ? '&amp;'
          : c === "'"
            ? '&#39;'
            : c === '"'
              ? '&#34;'
              : '\uFFFD',
  );
}

function jsEscape(s: string): string {
  let out = '';
  for (const c of s) {
    const cp = c.codePointAt(0)!;
    if (c === '\\') out += '\\\\';
    else if (c === "'") out += "\\'";
    else if (c === '"') out += '\\"';
    else if (c === '<') out += '\\u003C';
    else if (c === '>') out += '\\u003E';
    else if (c === '&') out += '\\u0026';
    else if (c === '=') out += '\\u003D';
    else if (c === '\n') out += '\\n';
    else if (c === '\r') out += '\\r';
    else if (c === '\t') out += '\\t';
    else if (cp < 0x20) out += `\\u${cp.toString(16).toUpperCase().padStart(4, '0')}`;
    else out += c;
  }
  return out;
}

function urlQuery(s: string): string {
  return encodeURIComponent(s)
    .replace(/%20/g, '+')
    .replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

function evalArgsString(args: unknown[]): string {
  return args.length === 1 && typeof args[0] === 'string' ? args[0] : goPrint(args);
}

export const FUNCS: Record<string, Fn> = {
  not: (a) => !isTrue(a[0]),
  len: (a) => length(a[0]),
  index,
  slice: (a) => {
    const [item, ...ix] = a;
    const idx = ix.map(toIndex);
    let len: number;
    if (typeof item === 'string') len = Buffer.byteLength(item);
    else if (Array.isArray(item)) len = item.length;
    else throw new Error(`can't slice item of type ${goTypeOf(item)}`);
    for (const i of idx) if (i < 0 || i > len) throw new Error(`index out of range: ${i}`);
    if (idx.length >= 2 && idx[0]! > idx[1]!) throw new Error(`invalid slice index: ${idx[0]} > ${idx[1]}`);
    if (typeof item === 'string') {
      return Buffer.from(item)
        .subarray(idx[0] ?? 0, idx[1])
        .toString('utf8');
    }
    return (item as unknown[]).slice(idx[0] ?? 0, idx[1]);
  },
  print: (a) => goPrint(a),
  printf: (a) => goSprintf(String(a[0]), a.slice(1)),
  println: (a) => goPrintln(a),
  html: (a) => htmlEscape(evalArgsString(a)),
  js: (a) => jsEscape(evalArgsString(a)),
  urlquery: (a) => urlQuery(evalArgsString(a)),
  eq: (a) => eq(a),
  ne: (a) => !eq(a),
  lt: (a) => lt(a[0], a[1]),
  le: (a) => lt(a[0], a[1]) || eq([a[0], a[1]]),
  gt: (a) => !lt(a[0], a[1]) && !eq([a[0], a[1]]),
  ge: (a) => !lt(a[0], a[1]),
  exists,
  base64decode,
};

/** Names of the non-builtin functions kubectl adds. */
export const KUBECTL_FUNCS = new Set(['exists', 'base64decode']);
