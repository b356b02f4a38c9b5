/**
 * How Go prints decoded JSON values in the error texts of kube's patch packages: `%v` of an
 * `interface{}` (`map[a:1 b:[x y]]`, `<nil>`) and `reflect.TypeOf(v)` names
 * (`map[string]interface {}`). Clients match on these texts, so they are reproduced here.
 */
import { isObject } from './json-value.js';

/** Go's shortest `%v` of a float64: exponent form below 1e-4 and from 1e21 up (`1e+21`, `1e-05`). */
function goNumber(n: number): string {
  const abs = Math.abs(n);
  if (n === 0 || (abs >= 1e-4 && abs < 1e21)) return String(n);
  // JS writes `1e-7` / `1e+21`; Go pads the exponent to two digits.
  return n.toExponential().replace(/e([+-])(\d)$/, 'e$10$2');
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
