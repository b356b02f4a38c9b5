/** The batch/v1 module. */
import type { CatalogModule } from '../types.js';
import { batchDefinitions } from './definitions.js';
import { cronjobs, jobs } from './jobs.js';

export function batchModule(): CatalogModule {
  return { kinds: [cronjobs, jobs], definitions: batchDefinitions };
}
