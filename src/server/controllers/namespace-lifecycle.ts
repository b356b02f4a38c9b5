/**
 * kube's namespace controller: a namespace with a deletionTimestamp and the `kubernetes`
 * finalizer has all its namespaced content deleted; its status conditions report progress
 * (kube's NamespaceDeletion* / NamespaceContentRemaining / NamespaceFinalizersRemaining); once
 * nothing is left the finalizer is removed through namespaces/finalize and the registry deletes
 * the namespace.
 */
import { isConflict, isNotFound, qualifiedResource } from '../../api/status.js';
import type { KubeObject } from '../apis/types.js';
import type { GenericStore } from '../registry/generic-store.js';
import { rfc3339 } from '../registry/object-meta.js';
import type { RegistryEvent } from '../registry/registry-events.js';
import { SYSTEM_CONTEXT } from '../registry/system-context.js';
import { NamespaceQueueController } from './namespace-queue-controller.js';

export const KUBERNETES_FINALIZER = 'kubernetes';
const MAX_RETRY_MS = 5000;

interface Condition {
  type: string;
  status: 'True' | 'False';
  reason: string;
  message: string;
  lastTransitionTime?: string;
}

const write = { dryRun: false, fieldValidation: 'Ignore' as const, fieldManager: 'kube-controller-manager' };

const specFinalizers = (ns: KubeObject): string[] =>
  (ns.spec as { finalizers?: string[] } | undefined)?.finalizers ?? [];

/** The conditions kube's deleter reports; `remaining` and `finalizers` describe what is left. */
export function deletionConditions(remaining: Map<string, number>, finalizers: Map<string, number>): Condition[] {
  const conds: Condition[] = [
    {
      type: 'NamespaceDeletionDiscoveryFailure',
      status: 'False',
      reason: 'ResourcesDiscovered',
      message: 'All resources successfully discovered',
    },
    {
      type: 'NamespaceDeletionGroupVersionParsingFailure',
      status: 'False',
      reason: 'ParsedGroupVersions',
      message: 'All legacy kube types successfully parsed',
    },
    {
      type: 'NamespaceDeletionContentFailure',
      status: 'False',
      reason: 'ContentDeleted',
      message: 'All content successfully deleted, may be waiting on finalization',
    },
  ];
  if (remaining.size) {
    const parts = [...remaining]
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([gr, n]) => `${gr} has ${n} resource instances`);
    conds.push({
      type: 'NamespaceContentRemaining',
      status: 'True',
      reason: 'SomeResourcesRemain',
      message: `Some resources are remaining: ${parts.join(', ')}`,
    });
  } else {
    conds.push({
      type: 'NamespaceContentRemaining',
      status: 'False',
      reason: 'ContentRemoved',
      message: 'All content successfully removed',
    });
  }
  if (finalizers.size) {
    const parts = [...finalizers]
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([f, n]) => `${f} in ${n} resource instances`);
    conds.push({
      type: 'NamespaceFinalizersRemaining',
      status: 'True',
      reason: 'SomeFinalizersRemain',
      message: `Some content in the namespace has finalizers remaining: ${parts.join(', ')}`,
    });
  } else {
    conds.push({
      type: 'NamespaceFinalizersRemaining',
      status: 'False',
      reason: 'ContentHasNoFinalizers',
      message: 'All content-preserving finalizers finished',
    });
  }
  return conds;
}

export class NamespaceLifecycleController extends NamespaceQueueController {
  readonly name = 'namespace-lifecycle';
  private readonly attempts = new Map<string, number>();

  protected wantsAtStart(ns: KubeObject): boolean {
    return !!ns.metadata?.deletionTimestamp;
  }

  protected onEvent(e: RegistryEvent): void {
    const meta = e.object.metadata ?? {};
    if (e.kind.group === '' && e.kind.resource === 'namespaces') {
      if (e.type !== 'DELETED' && meta.deletionTimestamp) this.enqueue(meta.name ?? '');
      return;
    }
    // Content leaving a namespace may unblock its deletion.
    if (e.type === 'DELETED' && e.kind.namespaced && meta.namespace && this.attempts.has(meta.namespace)) {
      this.enqueue(meta.namespace);
    }
  }

  /** The preferred store of every namespaced group/resource (one per resource, not per version). */
  private namespacedStores(): GenericStore[] {
    const seen = new Set<string>();
    const out: GenericStore[] = [];
    for (const k of this.registry.catalog.kinds) {
      const id = `${k.group}/${k.resource}`;
      if (!k.namespaced || seen.has(id)) continue;
      seen.add(id);
      const s = this.registry.storeFor(k.group, k.resource);
      if (s && (!k.verbs || k.verbs.includes('deletecollection') || k.verbs.includes('delete'))) out.push(s);
    }
    return out;
  }

  protected async sync(name: string): Promise<number | undefined> {
    const ns = await this.registry.lookup.get('', 'namespaces', '', name);
    if (!ns?.metadata?.deletionTimestamp || !specFinalizers(ns).includes(KUBERNETES_FINALIZER)) {
      this.attempts.delete(name);
      return undefined;
    }
    this.attempts.set(name, (this.attempts.get(name) ?? 0) + 1);
    const ctx = SYSTEM_CONTEXT(name);
    const remaining = new Map<string, number>();
    const finalizers = new Map<string, number>();
    for (const store of this.namespacedStores()) {
      const list = await store.list(ctx, {});
      if (list.items.length === 0) continue;
      for (const item of list.items) {
        if (item.metadata?.deletionTimestamp) continue;
        try {
          await store.delete(ctx, item.metadata?.name ?? '', { dryRun: false, propagationPolicy: 'Background' });
        } catch (e) {
          if (!isNotFound(e) && !isConflict(e)) throw e;
        }
      }
      const left = await store.list(ctx, {});
      if (left.items.length) {
        remaining.set(qualifiedResource(store.gr), left.items.length);
        for (const item of left.items) {
          for (const f of item.metadata?.finalizers ?? []) finalizers.set(f, (finalizers.get(f) ?? 0) + 1);
        }
      }
    }
    await this.setConditions(name, deletionConditions(remaining, finalizers));
    if (remaining.size) {
      const base = this.opts.namespaceRetryMs ?? 100;
      return Math.min(MAX_RETRY_MS, base * 2 ** Math.min(10, (this.attempts.get(name) ?? 1) - 1));
    }
    await this.finalize(name);
    this.attempts.delete(name);
    return undefined;
  }

  private async setConditions(name: string, conds: Condition[]): Promise<void> {
    const store = this.registry.storeFor('', 'namespaces');
    if (!store) return;
    const now = rfc3339(store.now());
    try {
      await store.writeUpdate(SYSTEM_CONTEXT(), name, { ...write, subresource: 'status' }, (ns) => {
        const status = (ns.status ??= {}) as { conditions?: Condition[] };
        const old = status.conditions ?? [];
        status.conditions = conds.map((c) => {
          const prev = old.find((o) => o.type === c.type);
          const same = prev && prev.status === c.status && prev.reason === c.reason && prev.message === c.message;
          return { ...c, lastTransitionTime: same && prev.lastTransitionTime ? prev.lastTransitionTime : now };
        });
        for (const o of old) if (!conds.some((c) => c.type === o.type)) status.conditions.push(o);
        return ns;
      });
    } catch (e) {
      if (!isNotFound(e)) throw e;
    }
  }

  private async finalize(name: string): Promise<void> {
    const store = this.registry.storeFor('', 'namespaces');
    if (!store) return;
    try {
      await store.writeUpdate(SYSTEM_CONTEXT(), name, { ...write, subresource: 'finalize' }, (ns) => {
        const spec = (ns.spec ??= {}) as { finalizers?: string[] };
        spec.finalizers = (spec.finalizers ?? []).filter((f) => f !== KUBERNETES_FINALIZER);
        return ns;
      });
    } catch (e) {
      if (!isNotFound(e)) throw e;
    }
  }
}
