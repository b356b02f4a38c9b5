/**
 * The update rules every kind shares (kube's rest.BeforeUpdate and the status/finalize/binding
 * subresource strategies): what users cannot change, which hook prepares which subresource, and
 * when an update completes a pending deletion.
 */
import type { KindDefinition, KubeObject, StrategyContext } from '../apis/types.js';

/** rest.BeforeUpdate: what users cannot change through an update. */
export function carrySystemMeta(next: KubeObject, current: KubeObject): void {
  const meta = (next.metadata ??= {});
  const cur = current.metadata ?? {};
  meta.resourceVersion = cur.resourceVersion;
  if (!meta.uid) meta.uid = cur.uid;
  if (cur.creationTimestamp) meta.creationTimestamp = cur.creationTimestamp;
  for (const f of ['deletionTimestamp', 'deletionGracePeriodSeconds', 'generation'] as const) {
    if (cur[f] === undefined) delete meta[f];
    else (meta as Record<string, unknown>)[f] = cur[f];
  }
  if (cur.managedFields) meta.managedFields = cur.managedFields;
  else delete meta.managedFields;
}

export function prepareUpdate(
  kind: KindDefinition,
  next: KubeObject,
  current: KubeObject,
  sub: string,
  sctx: StrategyContext,
): void {
  const s = kind.strategy;
  // pods/binding writes spec.nodeName and a condition itself; the pod's update rules don't apply.
  if (sub === 'binding') return;
  if (sub === 'status') {
    if (s.prepareForStatusUpdate) s.prepareForStatusUpdate(next, current, sctx);
    else {
      for (const k of Object.keys(next)) if (!['apiVersion', 'kind', 'metadata', 'status'].includes(k)) delete next[k];
      for (const [k, v] of Object.entries(current))
        if (!['metadata', 'status'].includes(k)) next[k] = structuredClone(v);
    }
    return;
  }
  if (sub === 'finalize') {
    // namespaces/finalize: only spec.finalizers may change.
    const finalizers = (next.spec as { finalizers?: unknown } | undefined)?.finalizers;
    for (const k of Object.keys(next)) if (k !== 'metadata') delete next[k];
    for (const [k, v] of Object.entries(current)) if (k !== 'metadata') next[k] = structuredClone(v);
    next.metadata = structuredClone(current.metadata);
    next.spec = { ...((next.spec as object | undefined) ?? {}), finalizers: finalizers ?? [] };
    return;
  }
  if (sub && kind.subresources?.custom?.[sub] && s.prepareForSubresourceUpdate) {
    s.prepareForSubresourceUpdate(sub, next, current, sctx);
    return;
  }
  s.prepareForUpdate?.(next, current, sctx);
}

/** kube's shouldDeleteDuringUpdate: a deleted object whose last finalizer just went away. */
export function shouldDeleteAfterUpdate(kind: KindDefinition, obj: KubeObject): boolean {
  const m = obj.metadata ?? {};
  if (!m.deletionTimestamp || (m.finalizers?.length ?? 0) > 0) return false;
  if ((m.deletionGracePeriodSeconds ?? 0) > 0) return false;
  if (kind.group === '' && kind.resource === 'namespaces') {
    return ((obj.spec as { finalizers?: string[] } | undefined)?.finalizers?.length ?? 0) === 0;
  }
  return true;
}
