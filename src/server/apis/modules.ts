import { appsModule } from './apps/module.js';
import { autoscalingModule } from './autoscaling/module.js';
import { batchModule } from './batch/module.js';
import { coordinationModule } from './coordination/module.js';
import { coreModule } from './core/module.js';
import { discoveryModule } from './discovery/module.js';
import { rbacModule } from './rbac/module.js';
import { networkingModule } from './networking/kinds.js';
import { policyModule } from './policy/pdb.js';
import { schedulingModule } from './scheduling/module.js';
import { nodeModule } from './node/module.js';
import { storageModule } from './storage/module.js';
import { certificatesModule } from './certificates/module.js';
import { flowcontrolModule } from './flowcontrol/module.js';
import { admissionregistrationModule } from './admissionregistration/kinds.js';
import { apiextensionsModule } from './apiextensions/crds.js';
import { apiregistrationModule } from './apiregistration/module.js';
import { eventsModule } from './events/module.js';
import { authenticationModule } from './authentication/reviews.js';
import { authorizationModule } from './authorization/module.js';
import type { CatalogModule } from './types.js';

/** The built-in API groups, core first (the order discovery lists them in). */
export function builtinModules(): CatalogModule[] {
  return [
    coreModule(),
    appsModule(),
    autoscalingModule(),
    batchModule(),
    rbacModule(),
    coordinationModule(),
    discoveryModule(),
    networkingModule(),
    policyModule(),
    schedulingModule(),
    nodeModule(),
    storageModule(),
    certificatesModule(),
    flowcontrolModule(),
    admissionregistrationModule(),
    apiextensionsModule(),
    apiregistrationModule(),
    eventsModule(),
    authenticationModule(),
    authorizationModule(),
  ];
}
