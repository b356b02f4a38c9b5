/**
 * The autoscaling module: horizontalpodautoscalers in v2 (preferred, the storage version) and
 * v1, plus the Scale body every /scale subresource uses. Objects move between the two
 * versions with `convertHPA` (hpa-conversion.ts).
 */
import type { CatalogModule } from '../types.js';
import { autoscalingDefinitions } from './definitions.js';
import { horizontalpodautoscalersV1, horizontalpodautoscalersV2 } from './hpa.js';
import { hpaDefinitions } from './hpa-definitions.js';

export { convertHPA } from './hpa-conversion.js';

export function autoscalingModule(): CatalogModule {
  return {
    // v2 first: the catalog lists a group's versions in registration order, preferred first.
    kinds: [horizontalpodautoscalersV2, horizontalpodautoscalersV1],
    definitions: { ...autoscalingDefinitions, ...hpaDefinitions },
  };
}
