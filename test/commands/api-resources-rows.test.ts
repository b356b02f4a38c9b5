import { describe, expect, it } from 'vitest';
import { apiResourceRows, printApiResources } from '../../src/cli/api-resources/rows.js';
import type { DiscoverySnapshot } from '../../src/client/discovery/types.js';

const res = (name: string, kind: string, namespaced: boolean, verbs = ['get', 'list'], extra = {}) => ({
  name,
  singularName: name.slice(0, -1),
  namespaced,
  kind,
  verbs,
  ...extra,
});

const SNAP: DiscoverySnapshot = {
  groups: [
    { name: '', versions: [{ groupVersion: 'v1', version: 'v1' }] },
    {
      name: 'apps',
      versions: [
        { groupVersion: 'apps/v1', version: 'v1' },
        { groupVersion: 'apps/v1beta1', version: 'v1beta1' },
      ],
    },
  ],
  resources: [
    {
      kind: 'APIResourceList',
      apiVersion: 'v1',
      groupVersion: 'v1',
      resources: [
        res('pods', 'Pod', true, ['get', 'list', 'create'], { shortNames: ['po'] }),
        res('pods/log', 'Pod', true),
        res('nodes', 'Node', false),
      ],
    },
    {
      kind: 'APIResourceList',
      apiVersion: 'v1',
      groupVersion: 'apps/v1',
      resources: [res('deployments', 'Deployment', true)],
    },
    {
      kind: 'APIResourceList',
      apiVersion: 'v1',
      groupVersion: 'apps/v1beta1',
      resources: [res('deployments', 'Deployment', true), res('olds', 'Old', true, [])],
    },
  ],
  failed: [],
};

describe('api-resources rows', () => {
  it('keeps preferred versions, drops subresources and verb-less types, sorts by group then name', () => {
    const rows = apiResourceRows(SNAP, {});
    expect(rows.map((r) => `${r.groupVersion}/${r.resource.name}`)).toEqual([
      'v1/nodes',
      'v1/pods',
      'apps/v1/deployments',
    ]);
  });
  it('filters by group, scope and verbs', () => {
    expect(apiResourceRows(SNAP, { apiGroup: '' }).map((r) => r.resource.name)).toEqual(['nodes', 'pods']);
    expect(apiResourceRows(SNAP, { namespaced: false }).map((r) => r.resource.name)).toEqual(['nodes']);
    expect(apiResourceRows(SNAP, { verbs: ['create'] }).map((r) => r.resource.name)).toEqual(['pods']);
  });
  it('prints kubectl columns and names', () => {
    let out = '';
    printApiResources(apiResourceRows(SNAP, { sortBy: 'kind' }), { output: '' }, { write: (s: string) => (out += s) });
    expect(out.split('\n')[0]).toBe('NAME          SHORTNAMES   APIVERSION   NAMESPACED   KIND');
    let names = '';
    printApiResources(apiResourceRows(SNAP, {}), { output: 'name' }, { write: (s: string) => (names += s) });
    expect(names).toBe('nodes\npods\ndeployments.apps\n');
  });
});
