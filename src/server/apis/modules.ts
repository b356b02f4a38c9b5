import { appsModule } from './apps/module.js';
import { autoscalingDefinitions } from './autoscaling/definitions.js';
import { batchModule } from './batch/module.js';
import { coreModule } from './core/module.js';
import { policyDefinitions } from './policy/definitions.js';
import type { CatalogModule } from './types.js';

/** The built-in API groups, core first (the order discovery lists them in). */
export function builtinModules(): CatalogModule[] {
  return [
    coreModule(),
    appsModule(),
    batchModule(),
    // Subresource bodies (deployments/scale, pods/eviction) whose groups serve no kinds yet.
    { kinds: [], definitions: { ...autoscalingDefinitions, ...policyDefinitions } },
  ];
}
