/**
 * Small, total accessors for JSON-shaped objects, so strategies can read and fill nested fields
 * of untrusted input without crashing on a wrong type (a string where an object belongs is left
 * alone; validation or schema decoding reports it).
 */

export type JsonMap = Record<string, unknown>;

export const isMap = (v: unknown): v is JsonMap => typeof v === 'object' && v !== null && !Array.isArray(v);

/** `o[key]` if it is an object, else undefined. */
export const mapAt = (o: unknown, key: string): JsonMap | undefined => {
  if (!isMap(o)) return undefined;
  const v = o[key];
  return isMap(v) ? v : undefined;
};

/** `o[key]` if it is an array, else []. */
export const listAt = (o: unknown, key: string): unknown[] => {
  if (!isMap(o)) return [];
  const v = o[key];
  return Array.isArray(v) ? v : [];
};

/** The objects of `o[key]`, skipping non-object entries. */
export const mapsAt = (o: unknown, key: string): JsonMap[] => listAt(o, key).filter(isMap);

export const strAt = (o: unknown, key: string): string | undefined => {
  if (!isMap(o)) return undefined;
  const v = o[key];
  return typeof v === 'string' ? v : undefined;
};

export const numAt = (o: unknown, key: string): number | undefined => {
  if (!isMap(o)) return undefined;
  const v = o[key];
  return typeof v === 'number' ? v : undefined;
};

export const boolAt = (o: unknown, key: string): boolean | undefined => {
  if (!isMap(o)) return undefined;
  const v = o[key];
  return typeof v === 'boolean' ? v : undefined;
};

/**
 * `o[key]` as an object, created empty when missing or null. Returns undefined when `o` is not
 * an object or `o[key]` holds something else (we never overwrite a user's wrongly typed value).
 */
export function ensureMap(o: unknown, key: string): JsonMap | undefined {
  if (!isMap(o)) return undefined;
  const v = o[key];
  if (v === undefined || v === null) {
    const created: JsonMap = {};
    o[key] = created;
    return created;
  }
  return isMap(v) ? v : undefined;
}

/** Sets `o[key] = value` when the field is missing (undefined or null): kube's `if x == nil { x = default }`. */
export function setDefault(o: JsonMap, key: string, value: unknown): void {
  if (o[key] === undefined || o[key] === null) o[key] = value;
}

/** Like setDefault, but also replaces an empty string (kube's `if x == "" { x = default }`). */
export function setDefaultString(o: JsonMap, key: string, value: string): void {
  if (o[key] === undefined || o[key] === null || o[key] === '') o[key] = value;
}

/** Deep copy of JSON data. */
export const clone = <T>(v: T): T => (v === undefined ? v : structuredClone(v));

/** Deep equality of JSON data (key order ignored). */
export function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    return a.every((x, i) => jsonEqual(x, b[i]));
  }
  if (isMap(a) && isMap(b)) {
    const ka = Object.keys(a).filter((k) => a[k] !== undefined);
    const kb = Object.keys(b).filter((k) => b[k] !== undefined);
    if (ka.length !== kb.length) return false;
    return ka.every((k) => jsonEqual(a[k], b[k]));
  }
  return false;
}
