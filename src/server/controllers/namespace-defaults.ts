/**
 * Per-namespace defaults kube's controllers maintain: the `default` ServiceAccount
 * (serviceaccounts-controller) and the `kube-root-ca.crt` ConfigMap with the cluster CA
 * (root-ca-cert-publisher), created in every active namespace and re-created when deleted.
 */
import { isAlreadyExists, isForbidden, isNotFound } from '../../api/status.js';
import type { KubeObject } from '../apis/types.js';
import type { ServerRegistry } from '../registry/registry.js';
import type { RegistryEvent } from '../registry/registry-events.js';
import { SYSTEM_CONTEXT } from '../registry/system-context.js';
import type { Controller, ControllerOptions } from './types.js';
import { WorkQueue } from './work-queue.js';

export const ROOT_CA_CONFIGMAP = 'kube-root-ca.crt';
export const ROOT_CA_DESCRIPTION =
  'Contains a CA bundle that can be used to verify the kube-apiserver when using internal endpoints such as the internal service IP or kubernetes.default.svc. No other usage is guaranteed across distributions of Kubernetes clusters.';

const write = { dryRun: false, fieldValidation: 'Ignore' as const, fieldManager: 'kube-controller-manager' };

const isActive = (ns: KubeObject | undefined): boolean =>
  !!ns && !ns.metadata?.deletionTimestamp && (ns.status as { phase?: string } | undefined)?.phase !== 'Terminating';

export class NamespaceDefaultsController implements Controller {
  readonly name = 'namespace-defaults';
  private readonly queue = new WorkQueue<string>((ns) => this.sync(ns));
  private unsubscribe?: () => void;

  constructor(
    private readonly registry: ServerRegistry,
    private readonly opts: ControllerOptions,
  ) {}

  async start(): Promise<void> {
    this.unsubscribe = this.registry.events.subscribe((e) => this.onEvent(e));
    const namespaces = this.registry.storeFor('', 'namespaces');
    if (!namespaces) return;
    const list = await namespaces.list(SYSTEM_CONTEXT(), {});
    for (const ns of list.items) if (isActive(ns)) this.queue.add(ns.metadata?.name ?? '', ns.metadata?.name ?? '');
  }

  private onEvent(e: RegistryEvent): void {
    const { group, resource } = e.kind;
    const meta = e.object.metadata ?? {};
    if (group === '' && resource === 'namespaces' && e.type === 'ADDED')
      this.queue.add(meta.name ?? '', meta.name ?? '');
    if (e.type !== 'DELETED' || group !== '') return;
    if (
      (resource === 'serviceaccounts' && meta.name === 'default') ||
      (resource === 'configmaps' && meta.name === ROOT_CA_CONFIGMAP)
    ) {
      this.queue.add(meta.namespace ?? '', meta.namespace ?? '');
    }
  }

  private async sync(namespace: string): Promise<undefined> {
    const ns = await this.registry.lookup.get('', 'namespaces', '', namespace);
    if (!isActive(ns)) return undefined;
    await this.ensure('serviceaccounts', namespace, {
      apiVersion: 'v1',
      kind: 'ServiceAccount',
      metadata: { name: 'default', namespace },
    });
    if (this.opts.caPem) {
      await this.ensure('configmaps', namespace, {
        apiVersion: 'v1',
        kind: 'ConfigMap',
        metadata: {
          name: ROOT_CA_CONFIGMAP,
          namespace,
          annotations: { 'kubernetes.io/description': ROOT_CA_DESCRIPTION },
        },
        data: { 'ca.crt': this.opts.caPem },
      });
    }
    return undefined;
  }

  private async ensure(resource: string, namespace: string, obj: KubeObject): Promise<void> {
    const store = this.registry.storeFor('', resource);
    if (!store) return;
    if (await this.registry.lookup.get('', resource, namespace, obj.metadata?.name ?? '')) return;
    try {
      await store.create(SYSTEM_CONTEXT(namespace), obj, write);
    } catch (e) {
      // The namespace went away or started terminating meanwhile, or someone else created it.
      if (!isAlreadyExists(e) && !isForbidden(e) && !isNotFound(e)) throw e;
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
