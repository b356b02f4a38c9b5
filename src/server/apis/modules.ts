import type { CatalogModule } from './types.js';

/** The built-in API groups, core first (the order discovery lists them in). */
export function builtinModules(): CatalogModule[] {
  return [];
}
