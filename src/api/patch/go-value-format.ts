/**
 * How Go prints decoded JSON values in the error texts of kube's patch packages: `%v` of an
 * `interface{}` (`map[a:1 b:[x y]]`, `<nil>`) and `reflect.TypeOf(v)` names
 * (`map[string]interface {}`). Clients match on these texts, so they are reproduced here.
 */
import { isObject } from './json-value.js';

/**
 * Go's `%v` of a decoded JSON number. kube decodes integers as int64 (plain digits); other
 * numbers are float64, which `%v` prints in exponent form below 1e-4 and from 1e6 up
 * (`1.5e+06`, `1e-05`), with at least two exponent digits.
 */
function goNumber(n: number): string {
  if (Number.isInteger(n)) return String(n);
  const [mantissa, exp] = n.toExponential().split('e');
  const e = Number(exp);
  if (e >= -4 && e < 6) return String(n);
  const digits = String(Math.abs(e)).padStart(2, '0');
  return `${mantissa}e${e < 0 ? '-' : '+'}${digits}`;
}

/** Go's `%v` of a JSON value held in an `interface{}`; map keys are printed sorted, as Go does. */
export function goValue(v: unknown): string {
  if (v === null || v === undefined) return '<nil>';
  if (Array.isArray(v)) return `[${v.map(goValue).join(' ')}]`;
  if (isObject(v)) {
    const parts = Object.keys(v)
      .sort()
      .map((k) => `${k}:${goValue(v[k])}`);
    return `map[${parts.join(' ')}]`;
  }
  if (typeof v === 'number') return goNumber(v);
  return String(v);
}

/** `reflect.TypeOf(v)` printed with `%s`, for kube's "expected a X, but received a Y" texts. */
export function goTypeName(v: unknown): string {
  if (v === null || v === undefined) return '%!s(<nil>)';
  if (Array.isArray(v)) return '[]interface {}';
  if (isObject(v)) return 'map[string]interface {}';
  if (typeof v === 'number') return Number.isInteger(v) ? 'int64' : 'float64';
  if (typeof v === 'boolean') return 'bool';
  return 'string';
}

/** The JSON kind name encoding/json uses in "cannot unmarshal X into Go value" errors. */
export function goJsonKindName(v: unknown): string {
  if (v === null || v === undefined) return 'null';
  if (Array.isArray(v)) return 'array';
  if (isObject(v)) return 'object';
  if (typeof v === 'boolean') return 'bool';
  return typeof v === 'number' ? 'number' : 'string';
}
