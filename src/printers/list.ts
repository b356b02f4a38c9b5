/**
 * Object shaping kubectl does before printing: managedFields stripped (unless
 * --show-managed-fields), `*List` results turned into kubectl's `kind: List` with each item
 * carrying its apiVersion/kind, and the List wrapper kubectl builds for multi-object output.
 */
import { isObject, type JsonObject } from './types.js';

/** The `List` kubectl prints for several objects: apiVersion v1, metadata.resourceVersion "". */
export function kubectlList(items: unknown[]): JsonObject {
  return { apiVersion: 'v1', items, kind: 'List', metadata: { resourceVersion: '' } };
}

/** True for `List` and `*List` objects with an items array. */
export function isListObject(obj: unknown): obj is JsonObject & { items: unknown[] } {
  return isObject(obj) && Array.isArray(obj.items) && typeof obj.kind === 'string' && obj.kind.endsWith('List');
}

/**
 * A server list (e.g. PodList) as kubectl prints it: `kind: List`, items stamped with the list's
 * apiVersion and kind minus "List" when they lack them (servers omit them in list items).
 */
export function normalizeList(list: JsonObject & { items: unknown[] }): JsonObject {
  const kind = String(list.kind);
  const itemKind = kind === 'List' ? undefined : kind.slice(0, -'List'.length);
  const items = list.items.map((item) => {
    if (!isObject(item) || !itemKind) return item;
    const out: JsonObject = { ...item };
    if (out.kind === undefined) out.kind = itemKind;
    if (out.apiVersion === undefined && list.apiVersion !== undefined) out.apiVersion = list.apiVersion;
    return out;
  });
  return kubectlList(items);
}

function stripOne(obj: unknown): unknown {
  if (!isObject(obj) || !isObject(obj.metadata) || !('managedFields' in obj.metadata)) return obj;
  const { managedFields: _dropped, ...metadata } = obj.metadata;
  return { ...obj, metadata };
}

/** Removes metadata.managedFields from an object or from each item of a list (copy-on-write). */
export function stripManagedFields(obj: unknown): unknown {
  if (isListObject(obj)) return { ...(stripOne(obj) as JsonObject), items: obj.items.map(stripOne) };
  return stripOne(obj);
}

/** Items of a list, or the object itself. */
export function itemsOf(obj: unknown): unknown[] {
  return isListObject(obj) ? obj.items : [obj];
}
