/**
 * ObjectMeta handling shared by every kind (kube's rest.BeforeCreate / BeforeUpdate and
 * apimachinery's ValidateObjectMeta / ValidateObjectMetaUpdate): system fields, generated names
 * and the validation of names, labels, annotations, owner references and finalizers.
 */
import { randomInt, randomUUID } from 'node:crypto';
import { isQualifiedName, validateLabels } from '../../api/labels/label-validation.js';
import { type FieldError, fieldInvalid, fieldTooLong, OMIT_VALUE } from '../../api/status.js';
import { byteLength, type ValidateNameFunc, validateObjectMetaName } from '../../api/validation/names.js';
import type { KubeObject, ObjectMeta } from '../apis/types.js';

/** utilrand's alphabet: no vowels (no words) and no confusable characters. */
export const NAME_SUFFIX_ALPHABET = 'bcdfghjklmnpqrstvwxz2456789';
const RANDOM_LENGTH = 5;
const MAX_GENERATED_BASE = 63 - RANDOM_LENGTH;

/** kube's SimpleNameGenerator: the base cut to 58 characters plus 5 random characters. */
export function generateName(
  base: string,
  random: () => number = () => randomInt(NAME_SUFFIX_ALPHABET.length),
): string {
  let out = base.length > MAX_GENERATED_BASE ? base.slice(0, MAX_GENERATED_BASE) : base;
  for (let i = 0; i < RANDOM_LENGTH; i++) out += NAME_SUFFIX_ALPHABET[random() % NAME_SUFFIX_ALPHABET.length];
  return out;
}

export const newUid = (): string => randomUUID();

/** RFC 3339 with second precision, as metav1.Time serializes (`2024-01-02T03:04:05Z`). */
export const rfc3339 = (d: Date): string => `${d.toISOString().slice(0, 19)}Z`;

/** The total size kube allows for all annotations (keys + values), 256 KiB. */
export const TOTAL_ANNOTATION_SIZE_LIMIT = 256 * 1024;

const STANDARD_FINALIZERS = new Set(['kubernetes', 'orphan', 'foregroundDeletion']);

/** The ObjectMeta part of a kind's validation; `requiresNamespace` follows the kind's scope. */
export function validateObjectMeta(meta: ObjectMeta, nameFn: ValidateNameFunc, namespaced: boolean): FieldError[] {
  const errs: FieldError[] = validateObjectMetaName(meta, nameFn, { requiresNamespace: namespaced });
  if (typeof meta.generation === 'number' && meta.generation < 0) {
    errs.push(fieldInvalid('metadata.generation', meta.generation, 'must be greater than or equal to 0'));
  }
  errs.push(...validateLabels(meta.labels, 'metadata.labels'));
  errs.push(...validateAnnotations(meta.annotations, 'metadata.annotations'));
  errs.push(...validateOwnerReferences(meta.ownerReferences));
  errs.push(...validateFinalizers(meta.finalizers));
  return errs;
}

/** Keys are qualified names (checked lower-cased, as kube does); the total size is capped. */
export function validateAnnotations(annotations: Record<string, string> | undefined, path: string): FieldError[] {
  const errs: FieldError[] = [];
  let total = 0;
  for (const [k, v] of Object.entries(annotations ?? {})) {
    for (const msg of isQualifiedName(k.toLowerCase())) errs.push(fieldInvalid(path, k, msg));
    total += byteLength(k) + byteLength(String(v));
  }
  if (total > TOTAL_ANNOTATION_SIZE_LIMIT) errs.push(fieldTooLong(path, TOTAL_ANNOTATION_SIZE_LIMIT));
  return errs;
}

function validateOwnerReferences(refs: ObjectMeta['ownerReferences']): FieldError[] {
  const errs: FieldError[] = [];
  let controllers = 0;
  (refs ?? []).forEach((r, i) => {
    const p = `metadata.ownerReferences[${i}]`;
    if (!r.apiVersion) errs.push(fieldInvalid(`${p}.apiVersion`, r.apiVersion ?? '', 'version must not be empty'));
    if (!r.kind) errs.push(fieldInvalid(`${p}.kind`, r.kind ?? '', 'kind must not be empty'));
    if (!r.name) errs.push(fieldInvalid(`${p}.name`, r.name ?? '', 'name must not be empty'));
    if (!r.uid) errs.push(fieldInvalid(`${p}.uid`, r.uid ?? '', 'uid must not be empty'));
    if (r.controller) controllers++;
  });
  if (controllers > 1) {
    errs.push({
      type: 'FieldValueInvalid',
      field: 'metadata.ownerReferences',
      value: OMIT_VALUE,
      detail: 'Only one reference can have Controller set to true',
    });
  }
  return errs;
}

function validateFinalizers(finalizers: string[] | undefined): FieldError[] {
  const errs: FieldError[] = [];
  const list = finalizers ?? [];
  for (const f of list) {
    const problems = isQualifiedName(f);
    for (const msg of problems) errs.push(fieldInvalid('metadata.finalizers', f, msg));
    if (problems.length === 0 && !f.includes('/') && !STANDARD_FINALIZERS.has(f)) {
      errs.push(
        fieldInvalid('metadata.finalizers', f, 'name is neither a standard finalizer name nor is it fully qualified'),
      );
    }
  }
  if (list.includes('orphan') && list.includes('foregroundDeletion')) {
    errs.push(fieldInvalid('metadata.finalizers', list, 'finalizer orphan and foregroundDeletion cannot be both set'));
  }
  return errs;
}

/** ValidateObjectMetaUpdate: identity fields may not change. */
export function validateObjectMetaUpdate(meta: ObjectMeta, old: ObjectMeta): FieldError[] {
  const errs: FieldError[] = [];
  const immutable = (field: 'name' | 'namespace' | 'uid' | 'creationTimestamp') => {
    if ((meta[field] ?? '') !== (old[field] ?? '')) {
      errs.push(fieldInvalid(`metadata.${field}`, meta[field] ?? '', 'field is immutable'));
    }
  };
  immutable('name');
  immutable('namespace');
  immutable('uid');
  immutable('creationTimestamp');
  return errs;
}

// ObjectMeta's Go field order, which kube's JSON encoder follows.
const META_ORDER = [
  'name',
  'generateName',
  'namespace',
  'selfLink',
  'uid',
  'resourceVersion',
  'generation',
  'creationTimestamp',
  'deletionTimestamp',
  'deletionGracePeriodSeconds',
  'labels',
  'annotations',
  'ownerReferences',
  'finalizers',
  'managedFields',
];
const TOP_ORDER = ['apiVersion', 'kind', 'metadata'];

/**
 * Reorders top-level fields (apiVersion, kind, metadata first) and metadata fields into kube's
 * serialization order, so stored and served bytes read like kube-apiserver's.
 */
export function canonicalOrder(obj: KubeObject): KubeObject {
  const out: KubeObject = {};
  for (const k of TOP_ORDER) if (obj[k] !== undefined) out[k] = obj[k];
  for (const [k, v] of Object.entries(obj)) if (!TOP_ORDER.includes(k)) out[k] = v;
  if (obj.metadata) {
    const m: ObjectMeta = {};
    const src = obj.metadata;
    for (const k of META_ORDER) if (src[k] !== undefined) m[k] = src[k];
    for (const [k, v] of Object.entries(src)) if (!META_ORDER.includes(k)) m[k] = v;
    out.metadata = m;
  }
  return out;
}

/** A shallow copy of `obj` with a copied metadata object (callers mutate metadata freely). */
export function withMeta(obj: KubeObject): KubeObject & { metadata: ObjectMeta } {
  return { ...obj, metadata: { ...(obj.metadata ?? {}) } };
}
