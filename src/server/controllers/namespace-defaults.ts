/**
 * Per-namespace defaults kube's controllers maintain: the `default` ServiceAccount
 * (serviceaccounts-controller) and the `kube-root-ca.crt` ConfigMap with the cluster CA
 * (root-ca-cert-publisher), created in every active namespace and re-created when deleted.
 */
import { isAlreadyExists, isForbidden, isNotFound } from '../../api/status.js';
import type { KubeObject } from '../apis/types.js';
import type { RegistryEvent } from '../registry/registry-events.js';
import { SYSTEM_CONTEXT } from '../registry/system-context.js';
import { NamespaceQueueController } from './namespace-queue-controller.js';

export const ROOT_CA_CONFIGMAP = 'kube-root-ca.crt';
export const ROOT_CA_DESCRIPTION =
  'Contains a CA bundle that can be used to verify the kube-apiserver when using internal endpoints such as the internal service IP or kubernetes.default.svc. No other usage is guaranteed across distributions of Kubernetes clusters.';

const write = { dryRun: false, fieldValidation: 'Ignore' as const, fieldManager: 'kube-controller-manager' };

const isActive = (ns: KubeObject | undefined): boolean =>
  !!ns && !ns.metadata?.deletionTimestamp && (ns.status as { phase?: string } | undefined)?.phase !== 'Terminating';

export class NamespaceDefaultsController extends NamespaceQueueController {
  readonly name = 'namespace-defaults';

  protected wantsAtStart(ns: KubeObject): boolean {
    return isActive(ns);
  }

  protected onEvent(e: RegistryEvent): void {
    const { group, resource } = e.kind;
    const meta = e.object.metadata ?? {};
    if (group === '' && resource === 'namespaces' && e.type === 'ADDED') this.enqueue(meta.name ?? '');
    if (e.type !== 'DELETED' || group !== '') return;
    if (
      (resource === 'serviceaccounts' && meta.name === 'default') ||
      (resource === 'configmaps' && meta.name === ROOT_CA_CONFIGMAP)
    ) {
      this.enqueue(meta.namespace ?? '');
    }
  }

  protected async sync(namespace: string): Promise<undefined> {
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
}
