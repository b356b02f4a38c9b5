/** The apps/v1 module. */
import type { CatalogModule } from '../types.js';
import { controllerRevisionDefinitions, controllerrevisions } from './controller-revisions.js';
import { appsDefinitions } from './definitions.js';
import { deployments, replicasets } from './deployments.js';
import { daemonsets, statefulsets } from './statefulsets.js';

export function appsModule(): CatalogModule {
  return {
    kinds: [controllerrevisions, daemonsets, deployments, replicasets, statefulsets],
    definitions: { ...appsDefinitions, ...controllerRevisionDefinitions },
  };
}
