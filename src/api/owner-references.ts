/**
 * Owner references (meta/v1 OwnerReference) as the garbage collector and controllers use them:
 * identity is the owner's uid; at most one reference is the controller.
 */
import { formatGroupVersion, type GroupVersionKind } from './gvk.js';
import { metaOf, type ObjectMeta, type OwnerReference } from './object-meta.js';

type WithMeta = { metadata?: ObjectMeta };

/** The object's owner references (empty when none). */
export const ownerReferences = (obj: unknown): OwnerReference[] => metaOf(obj).ownerReferences ?? [];

/** metav1.GetControllerOf: the reference with `controller: true`, if any. */
export function controllerRef(obj: unknown): OwnerReference | undefined {
  return ownerReferences(obj).find((r) => r.controller === true);
}

/** metav1.IsControlledBy: the controller reference points at `owner` (by uid). */
export function isControlledBy(obj: unknown, owner: unknown): boolean {
  const ref = controllerRef(obj);
  const uid = metaOf(owner).uid;
  return ref !== undefined && uid !== undefined && uid !== '' && ref.uid === uid;
}

/** True when some reference has this uid. */
export const hasOwnerReference = (obj: unknown, uid: string): boolean =>
  ownerReferences(obj).some((r) => r.uid === uid);

/**
 * metav1.NewControllerRef: a reference to `owner` with controller and blockOwnerDeletion set.
 * The owner must have a name and uid.
 */
export function newControllerRef(owner: unknown, gvk: GroupVersionKind): OwnerReference {
  const meta = metaOf(owner);
  if (!meta.name || !meta.uid) throw new Error('owner must have metadata.name and metadata.uid');
  return {
    apiVersion: formatGroupVersion(gvk),
    kind: gvk.kind,
    name: meta.name,
    uid: meta.uid,
    controller: true,
    blockOwnerDeletion: true,
  };
}

/**
 * Adds `ref`, replacing an existing reference with the same uid (so re-adding is idempotent).
 * Throws when `ref` is a controller and a different controller reference already exists
 * (kube allows only one).
 */
export function addOwnerReference(obj: WithMeta, ref: OwnerReference): void {
  const refs = ownerReferences(obj).filter((r) => r.uid !== ref.uid);
  if (ref.controller === true) {
    const other = refs.find((r) => r.controller === true);
    if (other) throw new Error(`object already has a controller reference to ${other.kind} "${other.name}"`);
  }
  refs.push({ ...ref });
  obj.metadata = { ...(obj.metadata ?? {}), ownerReferences: refs };
}

/** Removes every reference with this uid; drops the field when none remain. Returns whether one was removed. */
export function removeOwnerReference(obj: WithMeta, uid: string): boolean {
  const refs = ownerReferences(obj);
  const kept = refs.filter((r) => r.uid !== uid);
  if (kept.length === refs.length) return false;
  const meta = { ...(obj.metadata ?? {}) };
  if (kept.length) meta.ownerReferences = kept;
  else delete meta.ownerReferences;
  obj.metadata = meta;
  return true;
}

/** True when both references point at the same owner (same uid). */
export const sameOwner = (a: OwnerReference, b: OwnerReference): boolean => a.uid === b.uid;
