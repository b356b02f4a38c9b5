/** Discovery documents (meta/v1 legacy forms and apidiscovery v2/v2beta1 aggregated form). */

export interface APIResource {
  name: string;
  singularName: string;
  namespaced: boolean;
  group?: string;
  version?: string;
  kind: string;
  verbs: string[];
  shortNames?: string[];
  categories?: string[];
  storageVersionHash?: string;
}

export interface APIResourceList {
  kind: 'APIResourceList';
  apiVersion: 'v1';
  groupVersion: string;
  resources: APIResource[];
}

export interface GroupVersionForDiscovery {
  groupVersion: string;
  version: string;
}

export interface APIGroup {
  name: string;
  versions: GroupVersionForDiscovery[];
  preferredVersion?: GroupVersionForDiscovery;
}

export interface APIGroupList {
  kind: 'APIGroupList';
  apiVersion: 'v1';
  groups: APIGroup[];
}

export interface APIVersions {
  kind: 'APIVersions';
  versions: string[];
}

export interface AggregatedSubresource {
  subresource: string;
  responseKind?: { group?: string; version?: string; kind?: string };
  verbs?: string[];
}

export interface AggregatedResource {
  resource: string;
  responseKind?: { group?: string; version?: string; kind?: string };
  scope: 'Namespaced' | 'Cluster';
  singularResource?: string;
  verbs?: string[];
  shortNames?: string[];
  categories?: string[];
  subresources?: AggregatedSubresource[];
}

export interface AggregatedVersion {
  version: string;
  resources?: AggregatedResource[];
  freshness?: 'Current' | 'Stale';
}

export interface APIGroupDiscovery {
  metadata?: { name?: string };
  versions?: AggregatedVersion[];
}

export interface APIGroupDiscoveryList {
  kind: 'APIGroupDiscoveryList';
  apiVersion: string;
  items?: APIGroupDiscovery[];
}

/**
 * What discovery yields, in the server's order: groups (core "" first) with versions in
 * preference order (first = preferred), and one APIResourceList per group version.
 */
export interface DiscoverySnapshot {
  groups: APIGroup[];
  resources: APIResourceList[];
  /** Group versions whose discovery failed (kubectl warns and carries on). */
  failed: { groupVersion: string; error: string }[];
}

export const gvString = (group: string, version: string): string => (group ? `${group}/${version}` : version);

export function splitGroupVersion(gv: string): { group: string; version: string } {
  const i = gv.indexOf('/');
  return i < 0 ? { group: '', version: gv } : { group: gv.slice(0, i), version: gv.slice(i + 1) };
}
