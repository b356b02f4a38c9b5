/**
 * kube's garbage collector, in-process: follows metadata.ownerReferences (by uid).
 * - A dependent whose owners are all gone is deleted (background propagation).
 * - A dependent with some owners alive loses the references to the dead ones.
 * - An owner deleted with propagationPolicy=Foreground (finalizer foregroundDeletion) has its
 *   dependents deleted first; the finalizer goes when none is left.
 * - An owner deleted with propagationPolicy=Orphan (finalizer orphan) has its references
 *   removed from its dependents, then the finalizer goes.
 * An owner reference to a kind the catalog does not know is treated as alive (kube leaves such
 * dependents alone too).
 */
import { isConflict, isNotFound } from '../../api/status.js';
import type { KubeObject, OwnerReference } from '../apis/types.js';
import { FOREGROUND_FINALIZER, ORPHAN_FINALIZER } from '../registry/delete-flow.js';
import type { GenericStore } from '../registry/generic-store.js';
import type { ServerRegistry } from '../registry/registry.js';
import type { RegistryEvent } from '../registry/registry-events.js';
import { SYSTEM_CONTEXT } from '../registry/system-context.js';
import type { Controller } from './types.js';
import { WorkQueue } from './work-queue.js';

/** One object the collector tracks. */
interface Node {
  group: string;
  resource: string;
  namespace: string;
  name: string;
  uid: string;
}

const write = { dryRun: false, fieldValidation: 'Ignore' as const, fieldManager: 'kube-controller-manager' };

const nodeKey = (n: Node): string => n.uid;

function splitApiVersion(apiVersion: string): { group: string; version: string } {
  const i = apiVersion.indexOf('/');
  return i < 0
    ? { group: '', version: apiVersion }
    : { group: apiVersion.slice(0, i), version: apiVersion.slice(i + 1) };
}

export class GarbageCollector implements Controller {
  readonly name = 'garbage-collector';
  /** owner uid -> dependents. */
  private readonly dependents = new Map<string, Map<string, Node>>();
  /** uid -> owner uids it references (to update the index on change). */
  private readonly ownersOf = new Map<string, string[]>();
  private readonly queue = new WorkQueue<Node>(
    (n) => this.process(n),
    (e) => (isConflict(e) ? 50 : 500),
  );
  private unsubscribe?: () => void;

  constructor(private readonly registry: ServerRegistry) {}

  async start(): Promise<void> {
    this.unsubscribe = this.registry.events.subscribe((e) => this.onEvent(e));
    const seen = new Set<string>();
    for (const k of this.registry.catalog.kinds) {
      const id = `${k.group}/${k.resource}`;
      if (seen.has(id)) continue;
      seen.add(id);
      const store = this.registry.storeFor(k.group, k.resource);
      if (!store) continue;
      const list = await store.list(SYSTEM_CONTEXT(), {});
      for (const obj of list.items) this.observe(store, obj, false);
    }
  }

  private toNode(store: GenericStore, obj: KubeObject): Node {
    const m = obj.metadata ?? {};
    return {
      group: store.kind.group,
      resource: store.kind.resource,
      namespace: m.namespace ?? '',
      name: m.name ?? '',
      uid: m.uid ?? '',
    };
  }

  /** Updates the owner index for `obj` and queues it when there is something to check. */
  private observe(store: GenericStore, obj: KubeObject, deleted: boolean): void {
    const node = this.toNode(store, obj);
    if (!node.uid) return;
    for (const owner of this.ownersOf.get(node.uid) ?? []) this.dependents.get(owner)?.delete(node.uid);
    this.ownersOf.delete(node.uid);
    if (deleted) {
      // Dependents may now be dangling; owners waiting in foreground may be done.
      for (const dep of this.dependents.get(node.uid)?.values() ?? []) this.queue.add(nodeKey(dep), dep);
      for (const ref of obj.metadata?.ownerReferences ?? []) this.queueOwner(node, ref);
      return;
    }
    const refs = obj.metadata?.ownerReferences ?? [];
    const uids = refs.map((r) => r.uid).filter(Boolean);
    this.ownersOf.set(node.uid, uids);
    for (const u of uids) {
      let deps = this.dependents.get(u);
      if (!deps) this.dependents.set(u, (deps = new Map()));
      deps.set(node.uid, node);
    }
    const fins = obj.metadata?.finalizers ?? [];
    const deleting =
      !!obj.metadata?.deletionTimestamp && (fins.includes(FOREGROUND_FINALIZER) || fins.includes(ORPHAN_FINALIZER));
    if (refs.length || deleting) this.queue.add(nodeKey(node), node);
  }

  private queueOwner(dependent: Node, ref: OwnerReference): void {
    const target = this.resolve(ref);
    if (!target) return;
    const owner: Node = {
      ...target,
      namespace: target.namespaced ? dependent.namespace : '',
      name: ref.name,
      uid: ref.uid,
    };
    this.queue.add(nodeKey(owner), owner);
  }

  private resolve(ref: OwnerReference): { group: string; resource: string; namespaced: boolean } | undefined {
    const { group, version } = splitApiVersion(ref.apiVersion ?? '');
    const kind = this.registry.catalog.byKind(group, version, ref.kind);
    return kind ? { group: kind.group, resource: kind.resource, namespaced: kind.namespaced } : undefined;
  }

  private onEvent(e: RegistryEvent): void {
    const store = this.registry.storeFor(e.kind.group, e.kind.resource);
    if (store) this.observe(store, e.object, e.type === 'DELETED');
  }

  private async process(node: Node): Promise<number | undefined> {
    const store = this.registry.storeFor(node.group, node.resource);
    if (!store) return undefined;
    const obj = await this.registry.lookup.get(node.group, node.resource, node.namespace, node.name);
    if (!obj || obj.metadata?.uid !== node.uid) return undefined;
    const fins = obj.metadata?.finalizers ?? [];
    if (obj.metadata?.deletionTimestamp && fins.includes(ORPHAN_FINALIZER)) return this.orphanDependents(store, obj);
    if (obj.metadata?.deletionTimestamp && fins.includes(FOREGROUND_FINALIZER))
      return this.deleteDependentsFirst(store, obj);
    return this.checkOwners(store, obj);
  }

  private liveDependents(uid: string): Node[] {
    return [...(this.dependents.get(uid)?.values() ?? [])];
  }

  private async orphanDependents(store: GenericStore, owner: KubeObject): Promise<undefined> {
    const uid = owner.metadata?.uid ?? '';
    for (const dep of this.liveDependents(uid)) {
      await this.editDependent(dep, (refs) => refs.filter((r) => r.uid !== uid));
    }
    await this.removeFinalizer(store, owner, ORPHAN_FINALIZER);
    return undefined;
  }

  private async deleteDependentsFirst(store: GenericStore, owner: KubeObject): Promise<number | undefined> {
    const uid = owner.metadata?.uid ?? '';
    const deps = this.liveDependents(uid);
    if (deps.length === 0) {
      await this.removeFinalizer(store, owner, FOREGROUND_FINALIZER);
      return undefined;
    }
    for (const dep of deps) this.queue.add(nodeKey(dep), dep);
    // Deleted dependents re-queue the owner; poll slowly in case one is stuck elsewhere.
    return 1000;
  }

  /** A dependent: delete it when no owner is alive, drop references to dead owners otherwise. */
  private async checkOwners(store: GenericStore, obj: KubeObject): Promise<undefined> {
    const refs = obj.metadata?.ownerReferences ?? [];
    if (refs.length === 0 || obj.metadata?.deletionTimestamp) return undefined;
    const solid: OwnerReference[] = [];
    const dangling: OwnerReference[] = [];
    const waiting: OwnerReference[] = [];
    for (const ref of refs) {
      const target = this.resolve(ref);
      if (!target) {
        solid.push(ref);
        continue;
      }
      const owner = await this.registry.lookup.get(
        target.group,
        target.resource,
        target.namespaced ? (obj.metadata?.namespace ?? '') : '',
        ref.name,
      );
      if (!owner || owner.metadata?.uid !== ref.uid) dangling.push(ref);
      else if (owner.metadata?.deletionTimestamp && (owner.metadata.finalizers ?? []).includes(FOREGROUND_FINALIZER))
        waiting.push(ref);
      else solid.push(ref);
    }
    const node = this.toNode(store, obj);
    if (solid.length > 0) {
      if (dangling.length || waiting.length) {
        const drop = new Set([...dangling, ...waiting].map((r) => r.uid));
        await this.editDependent(node, (rs) => rs.filter((r) => !drop.has(r.uid)));
      }
      return undefined;
    }
    const hasDependents = this.liveDependents(node.uid).length > 0;
    const policy = waiting.length > 0 && hasDependents ? 'Foreground' : 'Background';
    try {
      await store.delete(SYSTEM_CONTEXT(node.namespace), node.name, {
        dryRun: false,
        propagationPolicy: policy,
        preconditions: { uid: node.uid },
      });
    } catch (e) {
      if (!isNotFound(e) && !isConflict(e)) throw e;
    }
    return undefined;
  }

  private async editDependent(dep: Node, edit: (refs: OwnerReference[]) => OwnerReference[]): Promise<void> {
    const store = this.registry.storeFor(dep.group, dep.resource);
    if (!store) return;
    try {
      await store.writeUpdate(SYSTEM_CONTEXT(dep.namespace), dep.name, write, (cur) => {
        const m = (cur.metadata ??= {});
        const refs = edit(m.ownerReferences ?? []);
        if (refs.length) m.ownerReferences = refs;
        else delete m.ownerReferences;
        return cur;
      });
    } catch (e) {
      if (!isNotFound(e)) throw e;
    }
  }

  private async removeFinalizer(store: GenericStore, obj: KubeObject, finalizer: string): Promise<void> {
    const m = obj.metadata ?? {};
    try {
      await store.writeUpdate(SYSTEM_CONTEXT(m.namespace ?? ''), m.name ?? '', write, (cur) => {
        const meta = (cur.metadata ??= {});
        const rest = (meta.finalizers ?? []).filter((f) => f !== finalizer);
        if (rest.length) meta.finalizers = rest;
        else delete meta.finalizers;
        return cur;
      });
    } catch (e) {
      if (!isNotFound(e)) throw e;
    }
  }

  async stop(): Promise<void> {
    this.unsubscribe?.();
    this.queue.stop();
  }

  idle(): Promise<void> {
    return this.queue.idle();
  }

  busy(): boolean {
    return this.queue.busy;
  }
}
