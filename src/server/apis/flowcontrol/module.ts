/** The flowcontrol.apiserver.k8s.io/v1 module. */
import type { CatalogModule, KubeObject } from '../types.js';
import { bootstrapFlowSchemas, bootstrapPriorityLevels } from './bootstrap.js';
import { flowcontrolDefinitions } from './definitions.js';
import { flowschemas, prioritylevelconfigurations } from './kinds.js';

export function flowcontrolModule(): CatalogModule {
  return { kinds: [flowschemas, prioritylevelconfigurations], definitions: flowcontrolDefinitions };
}

/** kube-apiserver's mandatory and suggested priority levels and flow schemas. */
export const seedObjects: KubeObject[] = [...bootstrapPriorityLevels, ...bootstrapFlowSchemas];
