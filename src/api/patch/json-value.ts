/**
 * The JSON value model the patch code works on: what `JSON.parse` returns. Objects are plain
 * records; every helper here treats arrays and `null` as non-objects, as Go's
 * `map[string]interface{}` type switch does.
 */

export type JsonObject = Record<string, unknown>;

/** True for a plain JSON object (not an array, not null). */
export function isObject(v: unknown): v is JsonObject {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Deep copy of a JSON value; functions and undefined are dropped as JSON would drop them. */
export function deepClone<T>(v: T): T {
  if (Array.isArray(v)) return v.map((x) => deepClone(x)) as T;
  if (isObject(v)) {
    const out: JsonObject = {};
    for (const [k, x] of Object.entries(v)) if (x !== undefined) setField(out, k, deepClone(x));
    return out as T;
  }
  return v;
}

/** Structural equality of two JSON values (key order of objects is ignored, array order is not). */
export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!deepEqual(a[i], b[i])) return false;
    return true;
  }
  if (isObject(a)) {
    if (!isObject(b)) return false;
    const ka = Object.keys(a);
    if (ka.length !== Object.keys(b).length) return false;
    for (const k of ka) if (!Object.hasOwn(b, k) || !deepEqual(a[k], b[k])) return false;
    return true;
  }
  return false;
}

/**
 * The coarse type of a JSON value, as Go's reflect.TypeOf distinguishes the values decoded by
 * encoding/json: two values "have the same type" for the merge algorithms when these match.
 */
export type JsonKind = 'object' | 'array' | 'string' | 'number' | 'boolean' | 'null';

export function jsonKind(v: unknown): JsonKind {
  if (v === null || v === undefined) return 'null';
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'object') return 'object';
  if (typeof v === 'string') return 'string';
  if (typeof v === 'number' || typeof v === 'bigint') return 'number';
  return 'boolean';
}

/** Copy of a JSON value with object keys sorted at every level, as Go's json.Marshal writes maps. */
export function sortKeysDeep<T>(v: T): T {
  if (Array.isArray(v)) return v.map((x) => sortKeysDeep(x)) as T;
  if (isObject(v)) {
    const out: JsonObject = {};
    for (const k of Object.keys(v).sort()) setField(out, k, sortKeysDeep(v[k]));
    return out as T;
  }
  return v;
}

/**
 * `obj[key] = value` that also works for a `__proto__` key (which JSON.parse creates as an own
 * property, but plain assignment would turn into a prototype change).
 */
export function setField(obj: JsonObject, key: string, value: unknown): void {
  if (key === '__proto__')
    Object.defineProperty(obj, key, { value, writable: true, enumerable: true, configurable: true });
  else obj[key] = value;
}

/** Own property `key` of `obj`, undefined when absent (never an inherited one). */
export const ownField = (obj: JsonObject, key: string): unknown => (Object.hasOwn(obj, key) ? obj[key] : undefined);
