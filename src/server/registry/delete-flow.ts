/**
 * DELETE (kube's Store.Delete with BeforeDelete, graceful deletion and the garbage-collection
 * finalizers). Outcomes:
 * - the object has (or gets) finalizers, or a graceful period > 0: deletionTimestamp is set
 *   and the object stays ("pending"); it goes when the last finalizer is removed;
 * - otherwise it is removed from storage at once.
 * propagationPolicy Orphan / Foreground add the `orphan` / `foregroundDeletion` finalizers the
 * garbage collector works off; Background deletes now and lets the collector delete dependents.
 * Namespaces always pass through Terminating (status.phase) while spec.finalizers remain.
 */
import { conflict, type GroupResource, qualifiedKind, StatusError } from '../../api/status.js';
import type { KubeObject } from '../apis/types.js';
import type { GenericStore } from './generic-store.js';
import { rfc3339 } from './object-meta.js';
import { toStatusError, translating } from './storage-errors.js';
import type { DeleteOptions, RequestContext } from './types.js';

export const ORPHAN_FINALIZER = 'orphan';
export const FOREGROUND_FINALIZER = 'foregroundDeletion';

export interface DeleteOutcome {
  object: KubeObject;
  /** Removed from storage (false: pending on finalizers or grace). */
  deleted: boolean;
  /** Pending and changed by this call (deletionTimestamp or finalizers set). */
  modified: boolean;
}

const isNamespace = (s: GenericStore) => s.kind.group === '' && s.kind.resource === 'namespaces';
const isPod = (s: GenericStore) => s.kind.group === '' && s.kind.resource === 'pods';

/**
 * kube's BeforeDelete precondition check, which names the group/KIND (an upstream quirk):
 * `Operation cannot be fulfilled on Pod "x": the UID in the precondition (a) does not match ...`.
 */
function checkPreconditions(store: GenericStore, obj: KubeObject, opts: DeleteOptions, name: string): void {
  const p = opts.preconditions;
  const gr: GroupResource = { group: store.kind.group, resource: store.kind.kind };
  const meta = obj.metadata ?? {};
  if (p?.uid && p.uid !== meta.uid) {
    throw conflict(
      gr,
      name,
      `the UID in the precondition (${p.uid}) does not match the UID in record (${meta.uid ?? ''}). The object might have been deleted and then recreated`,
    );
  }
  if (p?.resourceVersion && p.resourceVersion !== meta.resourceVersion) {
    throw conflict(
      gr,
      name,
      `the ResourceVersion in the precondition (${p.resourceVersion}) does not match the ResourceVersion in record (${meta.resourceVersion ?? ''}). The object might have been modified`,
    );
  }
}

/** The finalizers a deletion with this policy leaves on the object (kube's deletionFinalizersForGarbageCollection). */
function finalizersFor(obj: KubeObject, opts: DeleteOptions): string[] {
  const current = obj.metadata?.finalizers ?? [];
  let policy = opts.propagationPolicy;
  if (!policy && opts.orphanDependents !== undefined) policy = opts.orphanDependents ? 'Orphan' : 'Background';
  if (policy === 'Orphan')
    return [...current.filter((f) => f !== FOREGROUND_FINALIZER && f !== ORPHAN_FINALIZER), ORPHAN_FINALIZER];
  if (policy === 'Foreground') {
    return [...current.filter((f) => f !== FOREGROUND_FINALIZER && f !== ORPHAN_FINALIZER), FOREGROUND_FINALIZER];
  }
  if (policy === 'Background') return current.filter((f) => f !== FOREGROUND_FINALIZER && f !== ORPHAN_FINALIZER);
  return current;
}

/**
 * Pods' graceful period (pod strategy CheckGracefulDelete): 0 for pods never scheduled or
 * already finished, else the request's or the pod's terminationGracePeriodSeconds (30). With no
 * kubelet in this server, a pod bound to a node that does not exist is removed at once too
 * (what kube's pod garbage collector does for orphaned pods).
 */
async function podGracePeriod(store: GenericStore, pod: KubeObject, opts: DeleteOptions): Promise<number> {
  const spec = (pod.spec ?? {}) as { nodeName?: string; terminationGracePeriodSeconds?: number };
  const phase = (pod.status as { phase?: string } | undefined)?.phase;
  if (!spec.nodeName || phase === 'Succeeded' || phase === 'Failed') return 0;
  const node = await store.deps.lookup.get('', 'nodes', '', spec.nodeName);
  if (!node) return 0;
  const requested = opts.gracePeriodSeconds ?? spec.terminationGracePeriodSeconds ?? 30;
  // kube turns a requested 0 into 1 for a bound pod unless forced; only a kubelet would finish it.
  return Math.max(0, requested);
}

export async function deleteObject(
  store: GenericStore,
  ctx: RequestContext,
  name: string,
  opts: DeleteOptions,
): Promise<DeleteOutcome> {
  const current = await store.read(ctx.namespace, name);
  checkPreconditions(store, current, opts, name);
  await store.deps.admission.admit(store.attrs(ctx, 'DELETE', name, undefined, current, opts.dryRun));
  await store.deps.admission.validate(store.attrs(ctx, 'DELETE', name, undefined, current, opts.dryRun));

  const meta = current.metadata ?? {};
  const finalizers = finalizersFor(current, opts);
  const nsFinalizers = isNamespace(store)
    ? ((current.spec as { finalizers?: string[] } | undefined)?.finalizers ?? [])
    : [];
  const grace = isPod(store) ? await podGracePeriod(store, current, opts) : 0;
  const alreadyDeleting = !!meta.deletionTimestamp;
  const finalizersChanged = JSON.stringify(finalizers) !== JSON.stringify(meta.finalizers ?? []);

  if (alreadyDeleting) {
    // A second delete may only change the GC finalizers or shorten the grace period.
    const shorter = grace < (meta.deletionGracePeriodSeconds ?? 0);
    if (!finalizersChanged && !shorter) {
      if (finalizers.length === 0 && nsFinalizers.length === 0 && (meta.deletionGracePeriodSeconds ?? 0) === 0) {
        return removeNow(store, current, opts, name);
      }
      return { object: current, deleted: false, modified: false };
    }
  }
  const pending = finalizers.length > 0 || nsFinalizers.length > 0 || grace > 0;
  if (!pending) return removeNow(store, current, opts, name);

  const now = store.now();
  const markDeleting = (obj: KubeObject): KubeObject => {
    const m = (obj.metadata ??= {});
    if (!m.deletionTimestamp || grace < (m.deletionGracePeriodSeconds ?? 0)) {
      m.deletionTimestamp = rfc3339(new Date(now.getTime() + grace * 1000));
      m.deletionGracePeriodSeconds = grace;
      if (typeof m.generation === 'number' && m.generation > 0) m.generation += 1;
    }
    if (finalizers.length) m.finalizers = finalizers;
    else delete m.finalizers;
    if (isNamespace(store)) obj.status = { ...((obj.status as object | undefined) ?? {}), phase: 'Terminating' };
    return obj;
  };
  if (opts.dryRun) return { object: markDeleting(structuredClone(current)), deleted: false, modified: false };
  const updated = await translating(store.gr, name, 'update', () =>
    store.storage.guaranteedUpdate(store.key(ctx.namespace, name), (cur) => {
      const obj = structuredClone(cur) as KubeObject;
      if ((obj.metadata?.uid ?? '') !== meta.uid) throw new StatusError(conflict(store.gr, name).status);
      return store.goShape(markDeleting(obj));
    }),
  );
  return { object: store.withTypeMeta(updated), deleted: false, modified: true };
}

async function removeNow(
  store: GenericStore,
  current: KubeObject,
  opts: DeleteOptions,
  name: string,
): Promise<DeleteOutcome> {
  const meta = current.metadata ?? {};
  try {
    const deleted = await store.storage.delete(store.key(meta.namespace ?? '', name), {
      preconditions: {
        uid: meta.uid ?? '',
        ...(opts.preconditions?.resourceVersion ? { resourceVersion: opts.preconditions.resourceVersion } : {}),
      },
      dryRun: opts.dryRun,
    });
    return { object: store.withTypeMeta(deleted), deleted: true, modified: false };
  } catch (e) {
    throw toStatusError(e, store.gr, name, 'delete');
  }
}

/** For messages that name a kind: `Pod`, `Deployment.apps`. */
export const kindName = (store: GenericStore): string => qualifiedKind(store.gk);
