import { admissionregistrationModule } from './admissionregistration/kinds.js';
import { apiextensionsModule } from './apiextensions/crds.js';
import { apiregistrationModule } from './apiregistration/module.js';
import { appsModule } from './apps/module.js';
import { authenticationModule } from './authentication/reviews.js';
import { authorizationModule } from './authorization/module.js';
import { autoscalingModule } from './autoscaling/module.js';
import { batchModule } from './batch/module.js';
import { certificatesModule } from './certificates/module.js';
import { coordinationModule } from './coordination/module.js';
import { coreModule } from './core/module.js';
import { discoveryModule } from './discovery/module.js';
import { eventsModule } from './events/module.js';
import { flowcontrolModule } from './flowcontrol/module.js';
import { networkingModule } from './networking/kinds.js';
import { nodeModule } from './node/module.js';
import { policyModule } from './policy/pdb.js';
import { rbacModule } from './rbac/module.js';
import { resourceModule } from './resource/kinds.js';
import { schedulingModule } from './scheduling/module.js';
import { storageModule } from './storage/module.js';
import type { CatalogModule } from './types.js';

/**
 * The built-in API groups, core first, then in kube-apiserver's discovery order (the group
 * priorities of its built-in APIServices).
 */
export function builtinModules(): CatalogModule[] {
  return [
    coreModule(),
    apiregistrationModule(),
    appsModule(),
    eventsModule(),
    authenticationModule(),
    authorizationModule(),
    autoscalingModule(),
    batchModule(),
    certificatesModule(),
    networkingModule(),
    policyModule(),
    rbacModule(),
    storageModule(),
    admissionregistrationModule(),
    apiextensionsModule(),
    schedulingModule(),
    coordinationModule(),
    nodeModule(),
    discoveryModule(),
    flowcontrolModule(),
    resourceModule(),
  ];
}
