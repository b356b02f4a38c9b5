/**
 * The catalog: every kind the server knows, with the OpenAPI definitions they use. Built-in
 * groups register their `CatalogModule` in `builtinModules` (src/server/apis/modules.ts); CRDs
 * will add modules at run time.
 */
import type { Definitions } from '../../api/openapi-schema.js';
import { builtinModules } from './modules.js';
import type { CatalogModule, KindDefinition } from './types.js';

export interface GroupVersions {
  group: string;
  /** Served versions, the preferred (storage) version first. */
  versions: string[];
}

export class Catalog {
  readonly kinds: KindDefinition[] = [];
  readonly definitions: Definitions = {};
  private readonly byGVR = new Map<string, KindDefinition>();
  private readonly byGVK = new Map<string, KindDefinition>();

  constructor(modules: readonly CatalogModule[]) {
    for (const m of modules) this.add(m);
  }

  add(module: CatalogModule): void {
    Object.assign(this.definitions, module.definitions);
    for (const k of module.kinds) {
      this.kinds.push(k);
      this.byGVR.set(`${k.group}/${k.version}/${k.resource}`, k);
      this.byGVK.set(`${k.group}/${k.version}/${k.kind}`, k);
    }
  }

  byResource(group: string, version: string, resource: string): KindDefinition | undefined {
    return this.byGVR.get(`${group}/${version}/${resource}`);
  }

  byKind(group: string, version: string, kind: string): KindDefinition | undefined {
    return this.byGVK.get(`${group}/${version}/${kind}`);
  }

  /** Groups in registration order (core first), versions in registration order (preferred first). */
  groupVersions(): GroupVersions[] {
    const out = new Map<string, string[]>();
    for (const k of this.kinds) {
      const vs = out.get(k.group) ?? [];
      if (!vs.includes(k.version)) vs.push(k.version);
      out.set(k.group, vs);
    }
    return [...out].map(([group, versions]) => ({ group, versions }));
  }
}

export function builtinCatalog(): Catalog {
  return new Catalog(builtinModules());
}
