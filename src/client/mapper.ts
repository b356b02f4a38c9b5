import type { DiscoveryClient } from './discovery/client.js';
import { type DiscoverySnapshot, splitGroupVersion } from './discovery/types.js';

export interface GroupVersionResource {
  group: string;
  version: string;
  resource: string;
}
export interface GroupVersionKind {
  group: string;
  version: string;
  kind: string;
}

/** A resource type as the client uses it (meta.RESTMapping plus discovery facts). */
export interface RestMapping {
  resource: GroupVersionResource;
  gvk: GroupVersionKind;
  namespaced: boolean;
  singular: string;
  shortNames: string[];
  categories: string[];
  verbs: string[];
}

/** kubectl's NoResourceMatch/NoKindMatch, worded as the builder words it. */
export class NoMatchError extends Error {
  constructor(readonly resourceArg: string) {
    super(`the server doesn't have a resource type "${resourceArg}"`);
    this.name = 'NoMatchError';
  }
}

/** `deployments.v1.apps` -> full GVR; `deployments.apps` -> group `apps` (schema.ParseResourceArg). */
export function parseResourceArg(arg: string): { gvr?: GroupVersionResource; gr: { group: string; resource: string } } {
  const parts = arg.split('.');
  const gvr =
    parts.length >= 3 ? { resource: parts[0], version: parts[1], group: parts.slice(2).join('.') } : undefined;
  return { gvr, gr: { resource: parts[0], group: parts.slice(1).join('.') } };
}

/** The path of a collection or object for a mapping. */
export function resourcePath(m: RestMapping, namespace?: string, name?: string, subresource?: string): string {
  const { group, version, resource } = m.resource;
  let p = group ? `/apis/${group}/${version}` : `/api/${version}`;
  if (m.namespaced && namespace) p += `/namespaces/${encodeURIComponent(namespace)}`;
  p += `/${resource}`;
  if (name) p += `/${encodeURIComponent(name)}`;
  if (name && subresource) p += `/${subresource}`;
  return p;
}

/**
 * A RESTMapper over one discovery snapshot. Candidates are ordered like kubectl's priority
 * mapper: groups in discovery order (core first), each group's preferred version first, so
 * `events` is the core type and `deploy` the apps/v1 one. Matching of resource arguments is
 * case-insensitive on plural, singular and short names (the shortcut expander); a group given
 * in the argument must match exactly; a version must exist in that group.
 */
export class RestMapper {
  private readonly all: RestMapping[] = [];
  private readonly preferred: RestMapping[] = [];

  constructor(snapshot: DiscoverySnapshot) {
    const groupOrder = new Map<string, number>();
    const versionRank = new Map<string, number>();
    snapshot.groups.forEach((g, gi) => {
      groupOrder.set(g.name, gi);
      const preferred = g.preferredVersion?.version ?? g.versions[0]?.version;
      const ordered = [...g.versions].sort((a, b) => (a.version === preferred ? -1 : b.version === preferred ? 1 : 0));
      ordered.forEach((v, vi) => {
        versionRank.set(v.groupVersion, vi);
      });
    });
    const lists = [...snapshot.resources].sort((a, b) => {
      const ga = groupOrder.get(splitGroupVersion(a.groupVersion).group) ?? 1e9;
      const gb = groupOrder.get(splitGroupVersion(b.groupVersion).group) ?? 1e9;
      return ga - gb || (versionRank.get(a.groupVersion) ?? 1e9) - (versionRank.get(b.groupVersion) ?? 1e9);
    });
    const seenPreferred = new Set<string>();
    for (const list of lists) {
      const { group, version } = splitGroupVersion(list.groupVersion);
      for (const r of list.resources) {
        if (r.name.includes('/')) continue;
        const m: RestMapping = {
          resource: { group, version, resource: r.name },
          gvk: { group: r.group ?? group, version: r.version ?? version, kind: r.kind },
          namespaced: r.namespaced,
          singular: r.singularName || r.kind.toLowerCase(),
          shortNames: r.shortNames ?? [],
          categories: r.categories ?? [],
          verbs: r.verbs ?? [],
        };
        this.all.push(m);
        const key = `${group}/${r.name}`;
        if (!seenPreferred.has(key)) {
          seenPreferred.add(key);
          this.preferred.push(m);
        }
      }
    }
  }

  /** Every mapping, preferred versions first within each group. */
  mappings(): readonly RestMapping[] {
    return this.all;
  }

  /** One mapping per group+resource, at its preferred version, in discovery order. */
  preferredMappings(): readonly RestMapping[] {
    return this.preferred;
  }

  /**
   * Resolves a type argument as `kubectl get ARG` does (`pods`, `pod`, `po`, `Pod`,
   * `deployments.apps`, `deploy.apps`, `deployments.v1.apps`, `Deployment.v1.apps`); throws
   * NoMatchError (`the server doesn't have a resource type "X"`).
   */
  mappingFor(arg: string): RestMapping {
    const { gvr, gr } = parseResourceArg(arg.toLowerCase());
    if (gvr) {
      const hit = this.find(gvr.resource, gvr.group, gvr.version);
      if (hit) return hit;
    }
    const hit = this.find(gr.resource, gr.group, '');
    if (hit) return hit;
    // Kind forms: "Deployment.apps" / "Deployment.v1.apps" (the resource matchers already
    // cover kinds whose singular is the lower-cased kind; this catches the rest).
    const kindHit = this.findKind(arg);
    if (kindHit) return kindHit;
    throw new NoMatchError(parseResourceArg(arg).gr.resource);
  }

  /** The mapping for a kind (from a manifest's apiVersion + kind). */
  mappingForKind(group: string, version: string, kind: string): RestMapping | undefined {
    const candidates = this.all.filter((m) => m.gvk.group === group && m.gvk.kind === kind);
    return candidates.find((m) => m.gvk.version === version) ?? (version ? undefined : candidates[0]);
  }

  /** Resources in a category (`all`), at their preferred version, in discovery order. */
  expandCategory(category: string): RestMapping[] | undefined {
    const hits = this.preferred.filter((m) => m.categories.includes(category));
    return hits.length > 0 ? hits : undefined;
  }

  private find(resource: string, group: string, version: string): RestMapping | undefined {
    const pool = version ? this.all : this.preferred;
    const inGroup = (m: RestMapping) => !group || m.resource.group === group;
    const inVersion = (m: RestMapping) => !version || m.resource.version === version;
    const ok = (m: RestMapping) => inGroup(m) && inVersion(m);
    return (
      pool.find((m) => ok(m) && m.resource.resource === resource) ??
      pool.find((m) => ok(m) && m.singular === resource) ??
      pool.find((m) => ok(m) && m.shortNames.includes(resource)) ??
      pool.find((m) => ok(m) && m.gvk.kind.toLowerCase() === resource)
    );
  }

  private findKind(arg: string): RestMapping | undefined {
    const parts = arg.split('.');
    const kind = parts[0];
    const full = parts.length >= 3 ? { version: parts[1], group: parts.slice(2).join('.') } : undefined;
    const group = parts.slice(1).join('.');
    return (
      (full &&
        this.all.find((m) => m.gvk.kind === kind && m.gvk.group === full.group && m.gvk.version === full.version)) ||
      this.preferred.find((m) => m.gvk.kind === kind && (!group || m.gvk.group === group))
    );
  }
}

/**
 * A mapper that re-discovers once when a type is unknown and discovery came from the disk
 * cache (kubectl's DeferredDiscoveryRESTMapper: a CRD installed since the cache was written
 * becomes visible without waiting for the TTL).
 */
export class DeferredRestMapper {
  private mapper?: Promise<RestMapper>;
  private refreshed = false;

  constructor(private readonly discovery: DiscoveryClient) {}

  current(): Promise<RestMapper> {
    this.mapper ??= this.discovery.snapshot().then((s) => new RestMapper(s));
    return this.mapper;
  }

  async mappingFor(arg: string): Promise<RestMapping> {
    return this.retrying((m) => m.mappingFor(arg));
  }

  async mappingForKind(group: string, version: string, kind: string): Promise<RestMapping> {
    return this.retrying((m) => {
      const hit = m.mappingForKind(group, version, kind);
      if (!hit) throw new NoKindMatchError(group, version, kind);
      return hit;
    });
  }

  async expandCategory(category: string): Promise<RestMapping[] | undefined> {
    return (await this.current()).expandCategory(category);
  }

  private async retrying<T>(fn: (m: RestMapper) => T): Promise<T> {
    try {
      return fn(await this.current());
    } catch (e) {
      if (
        !(e instanceof NoMatchError || e instanceof NoKindMatchError) ||
        this.refreshed ||
        !this.discovery.fromCache
      ) {
        throw e;
      }
      this.refreshed = true;
      this.mapper = this.discovery.refresh().then((s) => new RestMapper(s));
      return fn(await this.mapper);
    }
  }
}

/** No resource serves a kind (apimachinery's NoKindMatchError text). */
export class NoKindMatchError extends Error {
  constructor(
    readonly group: string,
    readonly version: string,
    readonly kind: string,
  ) {
    super(`no matches for kind "${kind}" in version "${group ? `${group}/${version}` : version}"`);
    this.name = 'NoKindMatchError';
  }
}
