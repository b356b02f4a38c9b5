/**
 * The core ("" group, v1) module: its kinds in discovery order, with the meta/v1 and
 * apimachinery definitions every group references.
 */
import { authenticationDefinitions } from '../authentication/definitions.js';
import { metaDefinitions } from '../meta/definitions.js';
import type { CatalogModule } from '../types.js';
import { configmaps, secrets, serviceaccounts } from './config-kinds.js';
import { containerDefinitions } from './container-definitions.js';
import { endpoints, events } from './events.js';
import { namespaces } from './namespaces.js';
import { nodes } from './nodes.js';
import { objectDefinitions } from './object-definitions.js';
import { podDefinitions } from './pod-definitions.js';
import { pods } from './pods.js';
import { services } from './services.js';
import { volumeDefinitions } from './volume-definitions.js';

export function coreModule(): CatalogModule {
  return {
    kinds: [configmaps, endpoints, events, namespaces, nodes, pods, secrets, serviceaccounts, services],
    definitions: {
      ...metaDefinitions,
      ...containerDefinitions,
      ...podDefinitions,
      ...volumeDefinitions,
      ...objectDefinitions,
      // TokenRequest is the body of serviceaccounts/token, served from the core group.
      ...authenticationDefinitions,
    },
  };
}
