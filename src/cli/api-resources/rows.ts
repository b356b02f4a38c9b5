/**
 * `kubectl api-resources`: the server's preferred resources (one row per group + resource, no
 * subresources, none without verbs), filtered and sorted as kubectl does (by group then name
 * unless --sort-by name|kind), printed as a table, names, or an APIResourceList (json/yaml).
 */
import type { APIResource, DiscoverySnapshot } from '../../client/discovery/types.js';
import { splitGroupVersion } from '../../client/discovery/types.js';
import { type Output, printerForFlags, TabWriter } from '../../printers/index.js';
import { typedJson } from '../output/typed-json.js';

export interface ApiResourceRow {
  group: string;
  groupVersion: string;
  resource: APIResource;
}

export interface RowFilter {
  /** Exact group ('' = core); undefined = all groups. */
  apiGroup?: string;
  namespaced?: boolean;
  verbs?: string[];
  categories?: string[];
  sortBy?: string;
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Preferred-version resources (ServerPreferredResources), filtered and sorted. */
export function apiResourceRows(s: DiscoverySnapshot, f: RowFilter): ApiResourceRow[] {
  const byGv = new Map(s.resources.map((l) => [l.groupVersion, l]));
  const rows: ApiResourceRow[] = [];
  for (const g of s.groups) {
    const seen = new Set<string>();
    const preferred = g.preferredVersion?.version ?? g.versions[0]?.version;
    const versions = [...g.versions].sort((a, b) => (a.version === preferred ? -1 : b.version === preferred ? 1 : 0));
    for (const v of versions) {
      const list = byGv.get(v.groupVersion);
      for (const r of list?.resources ?? []) {
        if (r.name.includes('/') || seen.has(r.name)) continue;
        seen.add(r.name);
        rows.push({ group: splitGroupVersion(v.groupVersion).group, groupVersion: v.groupVersion, resource: r });
      }
    }
  }
  const kept = rows.filter(({ group, resource: r }) => {
    if ((r.verbs ?? []).length === 0) return false;
    if (f.apiGroup !== undefined && f.apiGroup !== group) return false;
    if (f.namespaced !== undefined && f.namespaced !== r.namespaced) return false;
    if (f.verbs?.length && !f.verbs.every((v) => r.verbs.includes(v))) return false;
    if (f.categories?.length && !f.categories.every((c) => (r.categories ?? []).includes(c))) return false;
    return true;
  });
  const key = (row: ApiResourceRow) =>
    f.sortBy === 'name' ? row.resource.name : f.sortBy === 'kind' ? row.resource.kind : row.group;
  // A stable sort, ties broken by name (kubectl's sortableResource).
  return kept
    .map((row, i) => ({ row, i }))
    .sort((a, b) => compare(key(a.row), key(b.row)) || compare(a.row.resource.name, b.row.resource.name) || a.i - b.i)
    .map((x) => x.row);
}

/** The APIResource as kubectl prints it in -o json/yaml (Go struct field order, empties omitted). */
function resourceObject(row: ApiResourceRow): Record<string, unknown> {
  const r = row.resource;
  const gv = splitGroupVersion(row.groupVersion);
  const o: Record<string, unknown> = { name: r.name, singularName: r.singularName, namespaced: r.namespaced };
  const group = r.group ?? gv.group;
  if (group) o.group = group;
  const version = r.version ?? gv.version;
  if (version) o.version = version;
  o.kind = r.kind;
  o.verbs = r.verbs;
  if (r.shortNames?.length) o.shortNames = r.shortNames;
  if (r.categories?.length) o.categories = r.categories;
  if (r.storageVersionHash) o.storageVersionHash = r.storageVersionHash;
  return o;
}

export function printApiResources(
  rows: ApiResourceRow[],
  o: { output: string; noHeaders?: boolean },
  out: Output,
): void {
  if (o.output === 'json' || o.output === 'yaml') {
    const list = { kind: 'APIResourceList', apiVersion: 'v1', groupVersion: '', resources: rows.map(resourceObject) };
    if (o.output === 'json') out.write(typedJson(list));
    else printerForFlags({ output: o.output }).print(list, out);
    return;
  }
  const w = new TabWriter((s: string) => out.write(s));
  if (!o.noHeaders && o.output !== 'name') {
    const cols = ['NAME', 'SHORTNAMES', 'APIVERSION', 'NAMESPACED', 'KIND'];
    if (o.output === 'wide') cols.push('VERBS', 'CATEGORIES');
    w.write(`${cols.join('\t')}\n`);
  }
  for (const { group, groupVersion, resource: r } of rows) {
    if (o.output === 'name') {
      w.write(`${group ? `${r.name}.${group}` : r.name}\n`);
      continue;
    }
    const cells = [r.name, (r.shortNames ?? []).join(','), groupVersion, String(r.namespaced), r.kind];
    if (o.output === 'wide') cells.push(r.verbs.join(','), (r.categories ?? []).join(','));
    w.write(`${cells.join('\t')}\n`);
  }
  w.flush();
}
