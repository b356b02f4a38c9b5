/**
 * Where client-side apply, edit and `patch` find strategic-merge patch metadata: the server's
 * OpenAPI v2 document (fetched once per command), looked up by group/version/kind. Offline
 * (`--local`) the built-in catalog's definitions stand in for the types compiled into kubectl. Kinds the
 * client does not know as built-in (custom resources, aggregated APIs) get JSON merge patch,
 * as kubectl does for types outside its scheme.
 */
import type { Definitions, SchemaObject } from '../api/openapi-schema.js';
import { type PatchMeta, patchMetaFromSchema } from '../api/patch/index.js';
import type { RestClient } from '../client/rest/client.js';

/** The API groups compiled into kubectl's scheme (kinds there use strategic merge patch). */
const BUILTIN_GROUPS = new Set([
  '',
  'admissionregistration.k8s.io',
  'apiextensions.k8s.io',
  'apiregistration.k8s.io',
  'apps',
  'authentication.k8s.io',
  'authorization.k8s.io',
  'autoscaling',
  'batch',
  'certificates.k8s.io',
  'coordination.k8s.io',
  'discovery.k8s.io',
  'events.k8s.io',
  'flowcontrol.apiserver.k8s.io',
  'internal.apiserver.k8s.io',
  'networking.k8s.io',
  'node.k8s.io',
  'policy',
  'rbac.authorization.k8s.io',
  'resource.k8s.io',
  'scheduling.k8s.io',
  'storage.k8s.io',
  'storagemigration.k8s.io',
]);

export interface Gvk {
  group: string;
  version: string;
  kind: string;
}

/** Whether kubectl would use a strategic merge patch for this kind. */
export function usesStrategicMerge(gvk: Gvk): boolean {
  return BUILTIN_GROUPS.has(gvk.group);
}

export class PatchMetaSource {
  private defs?: Promise<Definitions>;
  private readonly byGvk = new Map<string, PatchMeta | null>();

  /** `source`: the server to ask for /openapi/v2, or a loader of definitions (offline use). */
  constructor(private readonly source: RestClient | (() => Promise<Definitions>)) {}

  /** Patch metadata without a server: kubectl's compiled-in types are our built-in catalog. */
  static builtin(): PatchMetaSource {
    return new PatchMetaSource(async () => (await import('../server/apis/catalog.js')).builtinCatalog().definitions);
  }

  private definitions(): Promise<Definitions> {
    const s = this.source;
    this.defs ??=
      typeof s === 'function'
        ? s()
        : s
            .json<{ definitions?: Definitions }>({ path: '/openapi/v2', accept: 'application/json' })
            .then((d) => d.definitions ?? {});
    return this.defs;
  }

  /**
   * Patch metadata for a kind, or null when the kind should get a JSON merge patch (not
   * built-in, or the server publishes no schema for it).
   */
  async metaFor(gvk: Gvk): Promise<PatchMeta | null> {
    if (!usesStrategicMerge(gvk)) return null;
    const key = `${gvk.group}/${gvk.version}/${gvk.kind}`;
    if (this.byGvk.has(key)) return this.byGvk.get(key) ?? null;
    const defs = await this.definitions();
    const name = Object.keys(defs).find((n) =>
      ((defs[n] as SchemaObject)['x-kubernetes-group-version-kind'] ?? []).some(
        (g) => g.group === gvk.group && g.version === gvk.version && g.kind === gvk.kind,
      ),
    );
    const meta = name ? patchMetaFromSchema(defs, name) : null;
    this.byGvk.set(key, meta);
    return meta;
  }
}
