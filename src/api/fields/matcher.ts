/**
 * Field selectors against objects. Each kind exposes a few selectable fields (Pods:
 * `spec.nodeName`, `status.phase`; every kind: `metadata.name`, `metadata.namespace`) through an
 * accessor returning them as strings; anything else is rejected the way kube-apiserver does.
 */
import { type FieldSelector, FieldSelectorError, type Fields, parseFieldSelector } from './selector.js';

/** A kind's selectable fields of one object, e.g. `{ 'metadata.name': 'web', 'status.phase': 'Running' }`. */
export type FieldAccessor<T = unknown> = (obj: T) => Fields;

interface MetaLike {
  metadata?: { name?: string; namespace?: string };
}

/**
 * generic.ObjectMetaFieldsSet: `metadata.name`, plus `metadata.namespace` for namespaced kinds.
 * Missing values read as "".
 */
export function objectMetaFields(obj: unknown, namespaced = true): Record<string, string> {
  const meta = (obj as MetaLike | null)?.metadata ?? {};
  const out: Record<string, string> = { 'metadata.name': meta.name ?? '' };
  if (namespaced) out['metadata.namespace'] = meta.namespace ?? '';
  return out;
}

/** The accessor of kinds with no extra selectable fields. */
export const defaultFieldAccessor =
  (namespaced = true): FieldAccessor =>
  (obj) =>
    objectMetaFields(obj, namespaced);

/**
 * Throws `field label not supported: <name>` for the first field outside `allowed`
 * (kube's field label conversion error; the server wraps it in a BadRequest).
 */
export function checkSelectableFields(selector: FieldSelector, allowed: Iterable<string>): void {
  const ok = new Set(allowed);
  for (const name of selector.fieldNames()) {
    if (!ok.has(name)) throw new FieldSelectorError(`field label not supported: ${name}`);
  }
}

/** A predicate over objects: the field selector applied to what `accessor` exposes. */
export function fieldMatcher<T>(selector: FieldSelector | string, accessor: FieldAccessor<T>): (obj: T) => boolean {
  const sel = typeof selector === 'string' ? parseFieldSelector(selector) : selector;
  if (sel.isEmpty()) return () => true;
  return (obj) => sel.matches(accessor(obj));
}
