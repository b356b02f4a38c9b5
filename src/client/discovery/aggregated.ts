import type { APIGroup, APIGroupDiscoveryList, APIResource, APIResourceList, DiscoverySnapshot } from './types.js';
import { gvString } from './types.js';

/**
 * Converts an aggregated discovery document (v2 or v2beta1, same shape) to groups and per
 * group-version resource lists, as client-go's SplitGroupsAndResources does. Subresources
 * become `resource/sub` entries like in legacy discovery; versions whose freshness is Stale
 * are reported in `failed`.
 */
export function splitAggregated(doc: APIGroupDiscoveryList): DiscoverySnapshot {
  const groups: APIGroup[] = [];
  const resources: APIResourceList[] = [];
  const failed: DiscoverySnapshot['failed'] = [];
  for (const g of doc.items ?? []) {
    const name = g.metadata?.name ?? '';
    const versions = (g.versions ?? []).map((v) => ({ groupVersion: gvString(name, v.version), version: v.version }));
    if (versions.length === 0) continue;
    groups.push({ name, versions, preferredVersion: versions[0] });
    for (const v of g.versions ?? []) {
      const gv = gvString(name, v.version);
      if (v.freshness === 'Stale') {
        failed.push({ groupVersion: gv, error: 'stale GroupVersion discovery' });
        continue;
      }
      const list: APIResource[] = [];
      for (const r of v.resources ?? []) {
        const kind = r.responseKind?.kind ?? '';
        const base: APIResource = {
          name: r.resource,
          singularName: r.singularResource ?? '',
          namespaced: r.scope === 'Namespaced',
          kind,
          verbs: r.verbs ?? [],
          ...(r.shortNames?.length ? { shortNames: r.shortNames } : {}),
          ...(r.categories?.length ? { categories: r.categories } : {}),
        };
        if (r.responseKind?.group && r.responseKind.group !== name) base.group = r.responseKind.group;
        if (r.responseKind?.version && r.responseKind.version !== v.version) base.version = r.responseKind.version;
        list.push(base);
        for (const s of r.subresources ?? []) {
          list.push({
            name: `${r.resource}/${s.subresource}`,
            singularName: '',
            namespaced: r.scope === 'Namespaced',
            kind: s.responseKind?.kind ?? '',
            verbs: s.verbs ?? [],
            ...(s.responseKind?.group ? { group: s.responseKind.group } : {}),
            ...(s.responseKind?.version ? { version: s.responseKind.version } : {}),
          });
        }
      }
      resources.push({ kind: 'APIResourceList', apiVersion: 'v1', groupVersion: gv, resources: list });
    }
  }
  return { groups, resources, failed };
}
