/**
 * kube's NamespaceLifecycle plugin: no new content in a missing or terminating namespace, and
 * the system namespaces (default, kube-system, kube-public) can never be deleted.
 */
import { forbidden, notFound } from '../../api/status.js';
import { admissionForbidden } from './forbidden.js';
import type { AdmissionAttributes, AdmissionPlugin } from './types.js';

/** Namespaces kube refuses to delete. */
export const IMMORTAL_NAMESPACES: readonly string[] = ['default', 'kube-system', 'kube-public'];

const isNamespaceKind = (a: AdmissionAttributes) => a.kind.group === '' && a.kind.resource === 'namespaces';

export class NamespaceLifecyclePlugin implements AdmissionPlugin {
  readonly name = 'NamespaceLifecycle';

  async admit(a: AdmissionAttributes): Promise<void> {
    const gr = { group: a.kind.group, resource: a.kind.resource };
    if (a.operation === 'DELETE' && isNamespaceKind(a) && IMMORTAL_NAMESPACES.includes(a.name)) {
      throw forbidden(gr, a.name, 'this namespace may not be deleted');
    }
    // Only creation of namespaced content is gated; updates and deletes in a terminating
    // namespace must keep working so finalizers can finish.
    if (a.operation !== 'CREATE' || !a.kind.namespaced || !a.namespace) return;
    const ns = await a.lookup.get('', 'namespaces', '', a.namespace);
    if (!ns) throw notFound({ group: '', resource: 'namespaces' }, a.namespace);
    const phase = (ns.status as { phase?: string } | undefined)?.phase;
    if (phase === 'Terminating' || ns.metadata?.deletionTimestamp) {
      throw admissionForbidden(
        a,
        `unable to create new content in namespace ${a.namespace} because it is being terminated`,
      );
    }
  }
}
