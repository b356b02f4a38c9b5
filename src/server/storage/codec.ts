/**
 * JSON encoding of stored objects. metadata.resourceVersion is never stored (it is the revision);
 * it is set from the revision on every object handed out, as kube's versioner does.
 */
import type { StoredObject } from './interface.js';

/** Serializes without metadata.resourceVersion, keeping property order. */
export function encodeObject(obj: StoredObject): string {
  const md = obj.metadata;
  if (md && md.resourceVersion !== undefined) {
    const { resourceVersion: _rv, ...rest } = md;
    return JSON.stringify({ ...obj, metadata: rest });
  }
  return JSON.stringify(obj);
}

/** Parses a stored value and sets metadata.resourceVersion to `rev`. */
export function decodeObject(value: string, rev: number): StoredObject {
  const obj = JSON.parse(value) as StoredObject;
  return withResourceVersion(obj, rev);
}

export function withResourceVersion(obj: StoredObject, rev: number): StoredObject {
  if (typeof obj.metadata !== 'object' || obj.metadata === null) obj.metadata = {};
  obj.metadata.resourceVersion = String(rev);
  return obj;
}

/**
 * kube's APIObjectVersioner.ParseResourceVersion: '' and '0' are 0; anything else must be an
 * unsigned decimal. Returns the kube error text for bad input.
 */
export function parseResourceVersion(rv: string | undefined): number | { error: string } {
  if (rv === undefined || rv === '' || rv === '0') return 0;
  if (!/^[0-9]+$/.test(rv)) {
    return { error: `resourceVersion: Invalid value: "${rv}": strconv.ParseUint: parsing "${rv}": invalid syntax` };
  }
  const n = Number(rv);
  if (!Number.isSafeInteger(n)) {
    return { error: `resourceVersion: Invalid value: "${rv}": strconv.ParseUint: parsing "${rv}": value out of range` };
  }
  return n;
}
