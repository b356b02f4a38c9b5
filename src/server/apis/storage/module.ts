/** The storage.k8s.io/v1 module. */
import type { CatalogModule } from '../types.js';
import { storageDefinitions } from './definitions.js';
import {
  csidrivers,
  csinodes,
  csistoragecapacities,
  storageclasses,
  volumeattachments,
  volumeattributesclasses,
} from './kinds.js';

export function storageModule(): CatalogModule {
  return {
    kinds: [csidrivers, csinodes, csistoragecapacities, storageclasses, volumeattachments, volumeattributesclasses],
    definitions: storageDefinitions,
  };
}
