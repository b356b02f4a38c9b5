/**
 * The server's admission plugins in kube's order. Webhooks (Mutating/ValidatingAdmissionWebhook)
 * and policy plugins join this list in later issues; authorization (RBAC) is a filter, not a
 * plugin.
 */
import { AdmissionChain } from './chain.js';
import { NamespaceLifecyclePlugin } from './namespace-lifecycle.js';
import { ServiceAccountPlugin, type ServiceAccountPluginOptions } from './service-account.js';
import type { AdmissionPlugin } from './types.js';

export { AdmissionChain } from './chain.js';
export { IMMORTAL_NAMESPACES, NamespaceLifecyclePlugin } from './namespace-lifecycle.js';
export { SERVICE_ACCOUNT_MOUNT_PATH, ServiceAccountPlugin } from './service-account.js';
export type * from './types.js';

export interface DefaultAdmissionOptions {
  serviceAccount?: ServiceAccountPluginOptions;
  /** Extra plugins appended after the built-in ones (webhooks later). */
  extra?: AdmissionPlugin[];
}

export function defaultAdmissionChain(opts: DefaultAdmissionOptions = {}): AdmissionChain {
  return new AdmissionChain([
    new NamespaceLifecyclePlugin(),
    new ServiceAccountPlugin(opts.serviceAccount),
    ...(opts.extra ?? []),
  ]);
}
