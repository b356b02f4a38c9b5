/**
 * The typed shape of Kubernetes objects (meta/v1 ObjectMeta, TypeMeta, ListMeta) and small
 * accessors that never throw on malformed input (a missing metadata reads as empty).
 */

export interface OwnerReference {
  apiVersion: string;
  kind: string;
  name: string;
  uid: string;
  controller?: boolean;
  blockOwnerDeletion?: boolean;
}

export interface ManagedFieldsEntry {
  manager?: string;
  operation?: string;
  apiVersion?: string;
  time?: string;
  fieldsType?: string;
  fieldsV1?: unknown;
  subresource?: string;
}

export interface ObjectMeta {
  name?: string;
  generateName?: string;
  namespace?: string;
  selfLink?: string;
  uid?: string;
  resourceVersion?: string;
  generation?: number;
  creationTimestamp?: string | null;
  deletionTimestamp?: string | null;
  deletionGracePeriodSeconds?: number | null;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
  ownerReferences?: OwnerReference[];
  finalizers?: string[];
  managedFields?: ManagedFieldsEntry[];
}

export interface ListMeta {
  selfLink?: string;
  resourceVersion?: string;
  continue?: string;
  remainingItemCount?: number;
}

/** Any API object: TypeMeta + ObjectMeta + kind-specific fields. */
export interface KubeObject {
  apiVersion: string;
  kind: string;
  metadata: ObjectMeta;
  [key: string]: unknown;
}

/** A `*List` object (PodList, List, ...). */
export interface KubeList<T = KubeObject> {
  apiVersion: string;
  kind: string;
  metadata: ListMeta;
  items: T[];
  [key: string]: unknown;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** True for a JSON object with string apiVersion and kind (metadata may be missing). */
export function isKubeObject(v: unknown): v is KubeObject {
  return isRecord(v) && typeof v.apiVersion === 'string' && typeof v.kind === 'string';
}

/**
 * True for list objects: kind ends in `List` and `items` is an array (or null/absent, as an
 * empty list is often serialised), like meta.IsListType.
 */
export function isList(v: unknown): v is KubeList<unknown> {
  if (!isRecord(v)) return false;
  const kind = v.kind;
  if (typeof kind !== 'string' || !kind.endsWith('List')) return false;
  return Array.isArray(v.items) || v.items === undefined || v.items === null;
}

/** The items of a list (empty for a null/missing `items`); throws for a non-list. */
export function listItems<T = KubeObject>(v: unknown): T[] {
  if (!isList(v)) throw new TypeError('object is not a list');
  return (Array.isArray(v.items) ? v.items : []) as T[];
}

/** The metadata object, or an empty one when absent/invalid (read-only use). */
export function metaOf(obj: unknown): ObjectMeta {
  if (isRecord(obj) && isRecord(obj.metadata)) return obj.metadata as ObjectMeta;
  return {};
}

/** The metadata object, created when absent, for writing. */
function writableMeta(obj: { metadata?: ObjectMeta }): ObjectMeta {
  if (!isRecord(obj.metadata)) obj.metadata = {};
  return obj.metadata as ObjectMeta;
}

export const getName = (obj: unknown): string => metaOf(obj).name ?? '';
export const getNamespace = (obj: unknown): string => metaOf(obj).namespace ?? '';
export const getUID = (obj: unknown): string => metaOf(obj).uid ?? '';
export const getResourceVersion = (obj: unknown): string => metaOf(obj).resourceVersion ?? '';

export function setName(obj: { metadata?: ObjectMeta }, name: string): void {
  writableMeta(obj).name = name;
}
/** Sets the namespace; "" removes it (cluster-scoped objects carry none). */
export function setNamespace(obj: { metadata?: ObjectMeta }, namespace: string): void {
  const meta = writableMeta(obj);
  if (namespace) meta.namespace = namespace;
  else delete meta.namespace;
}

/** The labels, `{}` when none. The returned map is the object's own when present. */
export const getLabels = (obj: unknown): Record<string, string> => metaOf(obj).labels ?? {};
/** The annotations, `{}` when none. */
export const getAnnotations = (obj: unknown): Record<string, string> => metaOf(obj).annotations ?? {};

/** Replaces the labels; an empty map removes the field (kube omits empty maps). */
export function setLabels(obj: { metadata?: ObjectMeta }, labels: Record<string, string>): void {
  const meta = writableMeta(obj);
  if (Object.keys(labels).length) meta.labels = { ...labels };
  else delete meta.labels;
}
/** Replaces the annotations; an empty map removes the field. */
export function setAnnotations(obj: { metadata?: ObjectMeta }, annotations: Record<string, string>): void {
  const meta = writableMeta(obj);
  if (Object.keys(annotations).length) meta.annotations = { ...annotations };
  else delete meta.annotations;
}

export function setLabel(obj: { metadata?: ObjectMeta }, key: string, value: string): void {
  setLabels(obj, { ...getLabels(obj), [key]: value });
}
export function removeLabel(obj: { metadata?: ObjectMeta }, key: string): void {
  const { [key]: _gone, ...rest } = getLabels(obj);
  setLabels(obj, rest);
}
export function setAnnotation(obj: { metadata?: ObjectMeta }, key: string, value: string): void {
  setAnnotations(obj, { ...getAnnotations(obj), [key]: value });
}
export function removeAnnotation(obj: { metadata?: ObjectMeta }, key: string): void {
  const { [key]: _gone, ...rest } = getAnnotations(obj);
  setAnnotations(obj, rest);
}

/** `namespace/name`, or `name` for cluster-scoped objects (cache.MetaNamespaceKeyFunc). */
export function namespacedName(obj: unknown): string {
  const ns = getNamespace(obj);
  return ns ? `${ns}/${getName(obj)}` : getName(obj);
}
