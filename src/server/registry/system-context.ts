import type { RequestContext } from './types.js';

/** The identity in-process controllers act as (kube-controller-manager's, in effect). */
export const SYSTEM_CONTEXT = (namespace = ''): RequestContext => ({
  namespace,
  user: { name: 'system:kube-controller-manager', groups: ['system:authenticated'] },
  warnings: [],
});
