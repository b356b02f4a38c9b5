/**
 * Go's fmt `%v` (fmt.Sprint) of a JSON-decoded value, as kubectl prints table cells and go-template
 * values: integers in decimal (kube decodes integral JSON numbers to int64), other numbers with
 * strconv 'g' shortest formatting, nil as `<nil>`, slices as `[a b]`, maps as `map[k:v]` with
 * sorted keys.
 */
import { compareBytes } from './json/go-json.js';

/** strconv.FormatFloat(f, 'g', -1, 64) (also what %v prints for a float64). */
export function formatGoFloat(n: number): string {
  if (Number.isNaN(n)) return 'NaN';
  if (n === Number.POSITIVE_INFINITY) return '+Inf';
  if (n === Number.NEGATIVE_INFINITY) return '-Inf';
  if (n === 0) return Object.is(n, -0) ? '-0' : '0';
  const [mant, expText] = n.toExponential().split('e') as [string, string];
  const exp = Number(expText);
  // Shortest formatting decides on %e with precision 6: exponent < -4 or >= 6.
  if (exp < -4 || exp >= 6) return `${mant}e${exp < 0 ? '-' : '+'}${String(Math.abs(exp)).padStart(2, '0')}`;
  return String(n);
}

/** A JSON number as kube's decoder hands it to Go code: int64 when integral, else float64. */
export function formatJsonNumber(n: number): string {
  if (Number.isInteger(n) && n >= -(2 ** 63) && n < 2 ** 63) return String(n);
  return formatGoFloat(n);
}

/** fmt.Sprint(v) for JSON-like values. */
export function goSprint(v: unknown): string {
  if (v === null || v === undefined) return '<nil>';
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return formatJsonNumber(v);
  if (typeof v === 'boolean' || typeof v === 'bigint') return String(v);
  if (Array.isArray(v)) return `[${v.map(goSprint).join(' ')}]`;
  if (typeof v === 'object') {
    const obj = v as Record<string, unknown>;
    const keys = Object.keys(obj).sort(compareBytes);
    return `map[${keys.map((k) => `${k}:${goSprint(obj[k])}`).join(' ')}]`;
  }
  return String(v);
}
