/**
 * The core ("" group, v1) module: its kinds in discovery order, with the meta/v1 and
 * apimachinery definitions every group references.
 */
import { authenticationDefinitions } from '../authentication/definitions.js';
import { metaDefinitions } from '../meta/definitions.js';
import type { CatalogModule } from '../types.js';
import { clusterObjectDefinitions } from './cluster-object-definitions.js';
import { bindings, componentstatuses } from './component-statuses.js';
import { configmaps, secrets, serviceaccounts } from './config-kinds.js';
import { containerDefinitions } from './container-definitions.js';
import { endpoints, events } from './events.js';
import { namespaces } from './namespaces.js';
import { nodes } from './nodes.js';
import { objectDefinitions } from './object-definitions.js';
import { persistentVolumeDefinitions } from './persistent-volume-definitions.js';
import { persistentvolumeclaims, persistentvolumes } from './persistent-volumes.js';
import { podDefinitions } from './pod-definitions.js';
import { pods } from './pods.js';
import { podtemplates, replicationcontrollers } from './replication-controllers.js';
import { limitranges, resourcequotas } from './resource-quotas.js';
import { services } from './services.js';
import { volumeDefinitions } from './volume-definitions.js';

export function coreModule(): CatalogModule {
  return {
    kinds: [
      bindings,
      componentstatuses,
      configmaps,
      endpoints,
      events,
      limitranges,
      namespaces,
      nodes,
      persistentvolumeclaims,
      persistentvolumes,
      pods,
      podtemplates,
      replicationcontrollers,
      resourcequotas,
      secrets,
      serviceaccounts,
      services,
    ],
    definitions: {
      ...metaDefinitions,
      ...containerDefinitions,
      ...podDefinitions,
      ...volumeDefinitions,
      ...objectDefinitions,
      ...persistentVolumeDefinitions,
      ...clusterObjectDefinitions,
      // TokenRequest is the body of serviceaccounts/token, served from the core group.
      ...authenticationDefinitions,
    },
  };
}
