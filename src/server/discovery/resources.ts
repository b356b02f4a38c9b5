/**
 * Discovery entries for the kinds of one group version, in both of kube's shapes: the legacy
 * APIResourceList (/api/v1, /apis/<g>/<v>) and the aggregated APIResourceDiscovery
 * (apidiscovery.k8s.io). Both derive from the catalog's KindDefinitions.
 */
import { createHash } from 'node:crypto';
import type { KindDefinition } from '../apis/types.js';

export const DEFAULT_VERBS = ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch'];
const SUBRESOURCE_RW = ['get', 'patch', 'update'];

export interface GVK {
  group: string;
  version: string;
  kind: string;
}

/** The legacy meta/v1 APIResource, fields in kube's order. */
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

export interface APISubresourceDiscovery {
  subresource: string;
  responseKind: GVK;
  verbs: string[];
}

/** apidiscovery.k8s.io APIResourceDiscovery, fields in kube's order. */
export interface APIResourceDiscovery {
  resource: string;
  responseKind: GVK;
  scope: 'Namespaced' | 'Cluster';
  singularResource: string;
  verbs: string[];
  shortNames?: string[];
  categories?: string[];
  subresources?: APISubresourceDiscovery[];
}

/** kube's StorageVersionHash: base64 of the first 8 bytes of sha256("group/version/kind"). */
export function storageVersionHash(group: string, version: string, kind: string): string {
  return createHash('sha256').update(`${group}/${version}/${kind}`).digest().subarray(0, 8).toString('base64');
}

interface Sub {
  name: string;
  kind: GVK;
  verbs: string[];
}

/** The subresources a kind serves, sorted by name. */
export function subresourcesOf(k: KindDefinition): Sub[] {
  const subs: Sub[] = [];
  const own: GVK = { group: k.group, version: k.version, kind: k.kind };
  if (k.subresources?.status) subs.push({ name: 'status', kind: own, verbs: SUBRESOURCE_RW });
  if (k.subresources?.scale)
    subs.push({ name: 'scale', kind: { group: 'autoscaling', version: 'v1', kind: 'Scale' }, verbs: SUBRESOURCE_RW });
  for (const [name, s] of Object.entries(k.subresources?.custom ?? {})) {
    subs.push({ name, kind: { ...s.kind }, verbs: [...s.verbs].sort() });
  }
  return subs.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

const verbsOf = (k: KindDefinition): string[] => [...(k.verbs ?? DEFAULT_VERBS)].sort();

/**
 * The legacy APIResourceList entries of one group version, sorted by name as kube's installer
 * sorts its paths (so `pods`, `pods/binding`, ..., `podtemplates`).
 */
export function legacyResources(kinds: readonly KindDefinition[]): APIResource[] {
  const out: APIResource[] = [];
  for (const k of kinds) {
    const r: APIResource = {
      name: k.resource,
      singularName: k.singular,
      namespaced: k.namespaced,
      kind: k.kind,
      verbs: verbsOf(k),
    };
    if (k.shortNames?.length) r.shortNames = [...k.shortNames];
    if (k.categories?.length) r.categories = [...k.categories];
    r.storageVersionHash = storageVersionHash(k.group, k.version, k.kind);
    out.push(r);
    for (const s of subresourcesOf(k)) {
      const sr: APIResource = {
        name: `${k.resource}/${s.name}`,
        singularName: '',
        namespaced: k.namespaced,
        kind: s.kind.kind,
        verbs: s.verbs,
      };
      if (s.kind.group !== k.group || s.kind.version !== k.version) {
        // Only a kind from another group version names its group and version (e.g. autoscaling/v1 Scale).
        const { kind, verbs, ...rest } = sr;
        out.push({ ...rest, group: s.kind.group, version: s.kind.version, kind, verbs });
      } else out.push(sr);
    }
  }
  return out.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/** The aggregated discovery entries of one group version, sorted by resource. */
export function aggregatedResources(kinds: readonly KindDefinition[]): APIResourceDiscovery[] {
  const out = kinds.map((k): APIResourceDiscovery => {
    const r: APIResourceDiscovery = {
      resource: k.resource,
      responseKind: { group: k.group, version: k.version, kind: k.kind },
      scope: k.namespaced ? 'Namespaced' : 'Cluster',
      singularResource: k.singular,
      verbs: verbsOf(k),
    };
    if (k.shortNames?.length) r.shortNames = [...k.shortNames];
    if (k.categories?.length) r.categories = [...k.categories];
    const subs = subresourcesOf(k);
    if (subs.length) r.subresources = subs.map((s) => ({ subresource: s.name, responseKind: s.kind, verbs: s.verbs }));
    return r;
  });
  return out.sort((a, b) => (a.resource < b.resource ? -1 : a.resource > b.resource ? 1 : 0));
}
