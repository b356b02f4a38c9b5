/**
 * The parts of Go's fmt that templates reach through printf/print/println, over JSON-like values:
 * verbs %v %+v %#v %s %q %d %t %f %F %e %E %g %G %x %X %o %b %c %T %%, flags `-+# 0`, width and
 * precision (also `*`), and Go's error forms (`%!d(string=x)`, `%!s(MISSING)`, `%!(EXTRA …)`).
 */
import { formatGoFloat, goSprint } from '../go-sprint.js';
import { goQuote, goSyntax } from '../go-syntax.js';
import { compareBytes } from '../json/go-json.js';
import { goExponent, goFixed, goGeneral } from './go-float-format.js';

/** A float literal from a template (`1.0`), kept apart from integers for %T and eq. */
export class GoFloat {
  constructor(readonly v: number) {}
}

/** An integer literal from a template: Go type `int` (JSON integers are `int64`). */
export class GoInt {
  constructor(readonly v: number) {}
}

/** Unwraps template literals to plain numbers. */
export function plain(v: unknown): unknown {
  return v instanceof GoFloat || v instanceof GoInt ? v.v : v;
}

export function goTypeOf(v: unknown): string {
  if (v instanceof GoFloat) return 'float64';
  if (v instanceof GoInt) return 'int';
  if (v === null || v === undefined) return '<nil>';
  if (typeof v === 'string') return 'string';
  if (typeof v === 'boolean') return 'bool';
  if (typeof v === 'number') return Number.isInteger(v) ? 'int64' : 'float64';
  if (Array.isArray(v)) return '[]interface {}';
  return 'map[string]interface {}';
}

/** fmt.Sprint of one operand (template values may be GoFloat). */
export function sprintValue(v: unknown): string {
  if (v instanceof GoFloat) return formatGoFloat(v.v);
  if (v instanceof GoInt) return String(v.v);
  return goSprint(v);
}

const isNumber = (v: unknown): boolean => typeof v === 'number' || v instanceof GoFloat || v instanceof GoInt;
const numOf = (v: unknown) => plain(v) as number;
const isIntVal = (v: unknown): boolean => v instanceof GoInt || (typeof v === 'number' && Number.isInteger(v));

/** fmt.Sprint: spaces between operands when neither side is a string. */
export function goPrint(args: unknown[]): string {
  let out = '';
  args.forEach((a, i) => {
    if (i > 0 && typeof a !== 'string' && typeof args[i - 1] !== 'string') out += ' ';
    out += sprintValue(a);
  });
  return out;
}

/** fmt.Sprintln: always spaces, trailing newline. */
export function goPrintln(args: unknown[]): string {
  return `${args.map(sprintValue).join(' ')}\n`;
}

interface Spec {
  minus: boolean;
  plus: boolean;
  sharp: boolean;
  space: boolean;
  zero: boolean;
  width?: number;
  prec?: number;
}

function pad(s: string, spec: Spec, numeric: boolean): string {
  if (spec.width === undefined || Array.from(s).length >= spec.width) return s;
  const n = spec.width - Array.from(s).length;
  if (spec.minus) return s + ' '.repeat(n);
  if (spec.zero) {
    // Numbers keep their sign in front of the zeros; Go zero-pads other text as is.
    const sign = numeric && /^[+-]/.test(s) ? s[0] : '';
    return sign + '0'.repeat(n) + s.slice(sign.length);
  }
  return ' '.repeat(n) + s;
}

/** A verb that does not fit the operand: `%!d(string=x)`; the value is printed with %v's padding. */
function bad(verb: string, v: unknown, spec?: Spec): string {
  return `%!${verb}(${goTypeOf(v)}=${spec ? formatOne('v', v, spec) : sprintValue(v)})`;
}

function fmtFloat(n: number, verb: string, spec: Spec): string {
  let s: string;
  const prec = spec.prec;
  switch (verb) {
    case 'f':
    case 'F':
      s = goFixed(n, prec ?? 6);
      break;
    case 'e':
    case 'E':
      s = goExponent(n, prec ?? 6);
      if (verb === 'E') s = s.toUpperCase();
      break;
    default:
      s = prec === undefined ? formatGoFloat(n) : goGeneral(n, prec);
      if (verb === 'G') s = s.toUpperCase();
  }
  if (spec.plus && n >= 0) s = `+${s}`;
  else if (spec.space && n >= 0) s = ` ${s}`;
  return pad(s, spec, true);
}

function fmtInt(n: number, verb: string, spec: Spec): string {
  const neg = n < 0;
  const abs = BigInt(Math.abs(n));
  let digits: string;
  switch (verb) {
    case 'x':
      digits = abs.toString(16);
      if (spec.sharp) digits = `0x${digits}`;
      break;
    case 'X':
      digits = abs.toString(16).toUpperCase();
      if (spec.sharp) digits = `0X${digits}`;
      break;
    case 'o':
      digits = abs.toString(8);
      if (spec.sharp) digits = `0${digits}`;
      break;
    case 'b':
      digits = abs.toString(2);
      break;
    default:
      digits = abs.toString(10);
  }
  if (spec.prec !== undefined) digits = digits.padStart(spec.prec, '0');
  const sign = neg ? '-' : spec.plus ? '+' : spec.space ? ' ' : '';
  // An explicit precision turns off zero padding for integers.
  return pad(sign + digits, spec.prec === undefined ? spec : { ...spec, zero: false }, true);
}

function formatOne(verb: string, v: unknown, spec: Spec): string {
  if (verb === 'T') return pad(goTypeOf(v), spec, false);
  if (verb === 'v' && spec.sharp) return pad(goSyntax(plain(v)), spec, false);
  if (v === null || v === undefined) return verb === 'v' ? pad('<nil>', spec, false) : `%!${verb}(<nil>)`;
  // Like fmt, a verb applies to each element of a slice and to each key and value of a map.
  if (Array.isArray(v)) return `[${v.map((x) => formatOne(verb, x, spec)).join(' ')}]`;
  if (typeof v === 'object' && !isNumber(v)) {
    const obj = v as Record<string, unknown>;
    const keys = Object.keys(obj).sort(compareBytes);
    return `map[${keys.map((k) => `${formatOne(verb, k, spec)}:${formatOne(verb, obj[k], spec)}`).join(' ')}]`;
  }
  switch (verb) {
    case 'v':
      if (isNumber(v)) return isIntVal(v) ? fmtInt(numOf(v), 'd', spec) : fmtFloat(numOf(v), 'g', spec);
      return pad(v === undefined ? '<nil>' : sprintValue(v), spec, false);
    case 'U':
      if (!isIntVal(v)) return bad(verb, v, spec);
      return pad(
        `U+${numOf(v).toString(16).toUpperCase().padStart(4, '0')}${spec.sharp ? ` '${String.fromCodePoint(numOf(v))}'` : ''}`,
        spec,
        false,
      );
    case 's':
      if (typeof v === 'string')
        return pad(spec.prec === undefined ? v : Array.from(v).slice(0, spec.prec).join(''), spec, false);
      if (Array.isArray(v) || (v !== null && typeof v === 'object' && !isNumber(v)))
        return pad(sprintValue(v), spec, false);
      return bad(verb, v, spec);
    case 'q':
      if (typeof v === 'string') return pad(goQuote(v), spec, false);
      if (isIntVal(v)) return pad(`'${String.fromCodePoint(numOf(v))}'`, spec, false);
      return bad(verb, v, spec);
    case 't':
      return typeof v === 'boolean' ? pad(String(v), spec, false) : bad(verb, v, spec);
    case 'd':
    case 'o':
    case 'b':
      return isIntVal(v) ? fmtInt(numOf(v), verb, spec) : bad(verb, v, spec);
    case 'x':
    case 'X':
      if (isIntVal(v)) return fmtInt(numOf(v), verb, spec);
      if (typeof v === 'string') {
        const hex = Buffer.from(v, 'utf8').toString('hex');
        return pad(verb === 'X' ? hex.toUpperCase() : hex, spec, false);
      }
      return bad(verb, v, spec);
    case 'c':
      return isIntVal(v) ? pad(String.fromCodePoint(numOf(v)), spec, false) : bad(verb, v, spec);
    case 'f':
    case 'F':
    case 'e':
    case 'E':
    case 'g':
    case 'G':
      return isNumber(v) && !isIntVal(v) ? fmtFloat(numOf(v), verb, spec) : bad(verb, v, spec);
    default:
      return `%!${verb}(${goTypeOf(v)}=${sprintValue(v)})`;
  }
}

/** fmt.Sprintf. */
export function goSprintf(format: string, args: unknown[]): string {
  let out = '';
  let argi = 0;
  const chars = Array.from(format);
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i]!;
    if (c !== '%') {
      out += c;
      continue;
    }
    const spec: Spec = { minus: false, plus: false, sharp: false, space: false, zero: false };
    i++;
    for (; i < chars.length; i++) {
      const f = chars[i];
      if (f === '-') spec.minus = true;
      else if (f === '+') spec.plus = true;
      else if (f === '#') spec.sharp = true;
      else if (f === ' ') spec.space = true;
      else if (f === '0') spec.zero = true;
      else break;
    }
    const readNum = (): number | undefined => {
      if (chars[i] === '*') {
        i++;
        const a = plain(args[argi++]);
        return typeof a === 'number' ? a : undefined;
      }
      let s = '';
      while (i < chars.length && /[0-9]/.test(chars[i]!)) s += chars[i++];
      return s === '' ? undefined : Number(s);
    };
    spec.width = readNum();
    if (chars[i] === '.') {
      i++;
      spec.prec = readNum() ?? 0;
    }
    const verb = chars[i];
    if (verb === undefined) {
      out += '%!(NOVERB)';
      break;
    }
    if (verb === '%') {
      out += '%';
      continue;
    }
    if (argi >= args.length) {
      out += `%!${verb}(MISSING)`;
      continue;
    }
    out += formatOne(verb, args[argi++], spec);
  }
  if (argi < args.length) {
    out += `%!(EXTRA ${args
      .slice(argi)
      .map((a) => `${goTypeOf(a)}=${sprintValue(a)}`)
      .join(', ')})`;
  }
  return out;
}
