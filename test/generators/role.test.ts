/**
 * The pure parts of `create role|clusterrole`: flag value parsing, verb de-duplication, rule
 * grouping and kubectl's validation texts, with a resolver standing in for the server's types.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  clusterRoleObject,
  type GroupResource,
  normaliseVerbs,
  parseAggregationRule,
  parseRoleResources,
  policyRules,
  type ResourceResolver,
  roleObject,
  splitSliceFlag,
  validateRoleResources,
} from '../../src/generators/role.js';

const served: Record<string, GroupResource> = {
  pods: { group: '', resource: 'pods' },
  po: { group: '', resource: 'pods' },
  deploy: { group: 'apps', resource: 'deployments' },
  deployments: { group: 'apps', resource: 'deployments' },
  roles: { group: 'rbac.authorization.k8s.io', resource: 'roles' },
};

const resolve: ResourceResolver = async ({ group, resource }) => {
  const hit = served[resource];
  if (hit && (!group || hit.group === group)) return hit;
  return new Error(`unknown ${resource}`);
};

const noWarn = () => {};
const name = fc.stringMatching(/^[a-z][a-z0-9-]{0,8}$/);
const group = fc.stringMatching(/^[a-z]{1,6}(\.[a-z]{1,6}){0,2}$/);

describe('flag values', () => {
  it('splits slice flags on commas and drops empty values', () => {
    expect(splitSliceFlag(['get,list', 'watch', ''])).toEqual(['get', 'list', 'watch']);
    expect(splitSliceFlag(undefined)).toEqual([]);
  });

  it('parses resource.group/subresource back from its parts', () => {
    fc.assert(
      fc.property(name, fc.option(group, { nil: '' }), fc.option(name, { nil: '' }), (resource, g, sub) => {
        const text = `${resource}${g ? `.${g}` : ''}${sub ? `/${sub}` : ''}`;
        expect(parseRoleResources([text])).toEqual([{ resource, group: g, subresource: sub }]);
      }),
    );
  });

  it('lets a bare * replace every resource', () => {
    expect(parseRoleResources(['pods', '*', 'deploy'])).toEqual([{ group: '', resource: '*', subresource: '' }]);
    expect(parseRoleResources(['*.apps'])).toEqual([{ group: 'apps', resource: '*', subresource: '' }]);
  });

  it('keeps the first occurrence of each verb, and * alone when given', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('get', 'list', 'watch', 'frob', '*')), (verbs) => {
        const out = normaliseVerbs(verbs);
        if (verbs.includes('*')) expect(out).toEqual(['*']);
        else expect(out).toEqual([...new Set(verbs)]);
      }),
    );
  });

  it("reads --aggregation-rule pairs with pflag's error", () => {
    expect(parseAggregationRule(['b=2, a = 1', 'c=3'])).toEqual({ a: '1', b: '2', c: '3' });
    expect(() => parseAggregationRule(['a'])).toThrow(
      'invalid argument "a" for "--aggregation-rule" flag: malformed pair, expect string=string',
    );
  });
});

describe('rules', () => {
  it('makes one rule per group, sorted, holding each resource once', async () => {
    const resources = parseRoleResources(['deploy', 'po', 'pods', 'pods/status', 'things.example.com']);
    const rules = await policyRules(['get'], resources, ['a'], ['/x'], resolve);
    expect(rules).toEqual([
      { verbs: ['get'], apiGroups: [''], resources: ['pods', 'pods/status'], resourceNames: ['a'] },
      { verbs: ['get'], apiGroups: ['apps'], resources: ['deployments'], resourceNames: ['a'] },
      { verbs: ['get'], apiGroups: ['example.com'], resources: ['things'], resourceNames: ['a'] },
      { verbs: ['get'], nonResourceURLs: ['/x'] },
    ]);
  });

  it("validates with kubectl's texts", async () => {
    const check = (values: string[], verbs: string[]) =>
      validateRoleResources(parseRoleResources(values), verbs, resolve);
    await expect(check(['.apps'], ['get'])).rejects.toThrow(
      'resource must be specified if apiGroup/subresource specified',
    );
    await expect(check(['pods'], ['use'])).rejects.toThrow("can not perform 'use' on 'pods' in group ''");
    await expect(check(['nope'], ['get'])).rejects.toThrow('unknown nope');
    // special verbs accept their resources even when the server does not serve them
    await expect(check(['users'], ['impersonate'])).resolves.toBeUndefined();
    // * ends the checks
    await expect(check(['*', 'nope'], ['get'])).resolves.toBeUndefined();
  });
});

describe('objects', () => {
  it('builds a Role in Go field order, namespaced only when asked', async () => {
    const warnings: string[] = [];
    const role = await roleObject({
      name: 'r',
      namespace: 'ns',
      verbs: ['frob', 'get'],
      resources: parseRoleResources(['pods']),
      resourceNames: [],
      warn: (l) => warnings.push(l),
      resolve,
    });
    expect(JSON.stringify(role)).toBe(
      '{"kind":"Role","apiVersion":"rbac.authorization.k8s.io/v1","metadata":{"name":"r","namespace":"ns"},"rules":[{"verbs":["frob","get"],"apiGroups":[""],"resources":["pods"]}]}',
    );
    expect(warnings).toEqual(["Warning: 'frob' is not a standard resource verb\n"]);
    const base = { name: 'r', resourceNames: [], warn: noWarn, resolve };
    await expect(roleObject({ ...base, verbs: [], resources: [] })).rejects.toThrow(
      'at least one verb must be specified',
    );
    await expect(roleObject({ ...base, verbs: ['get'], resources: [] })).rejects.toThrow(
      'at least one resource must be specified',
    );
  });

  it('builds aggregated and URL-only ClusterRoles and refuses mixed rules', async () => {
    const base = { name: 'c', verbs: [], resources: [], resourceNames: [], nonResourceURLs: [], warn: noWarn, resolve };
    expect(await clusterRoleObject({ ...base, aggregationLabels: { b: '1', a: '2' } })).toEqual({
      kind: 'ClusterRole',
      apiVersion: 'rbac.authorization.k8s.io/v1',
      metadata: { name: 'c' },
      rules: null,
      aggregationRule: { clusterRoleSelectors: [{ matchLabels: { a: '2', b: '1' } }] },
    });
    await expect(clusterRoleObject({ ...base, verbs: ['get'], aggregationLabels: { a: 'b' } })).rejects.toThrow(
      'aggregation rule must be specified without nonResourceURLs, verbs, resources or resourceNames',
    );
    const urls = { ...base, verbs: ['get'], aggregationLabels: {} };
    expect((await clusterRoleObject({ ...urls, nonResourceURLs: ['/a', '/a', '*'] })).rules).toEqual([
      { verbs: ['get'], nonResourceURLs: ['/a', '*'] },
    ]);
    await expect(clusterRoleObject({ ...urls, nonResourceURLs: ['a'] })).rejects.toThrow(
      'nonResourceURL should start with /',
    );
    await expect(clusterRoleObject({ ...urls, nonResourceURLs: ['/a*b'] })).rejects.toThrow(
      "nonResourceURL only supports wildcard matches when '*' is at the end",
    );
    await expect(clusterRoleObject({ ...urls, verbs: ['list'], nonResourceURLs: ['/a'] })).rejects.toThrow(
      "invalid verb: 'list' for nonResourceURL",
    );
    await expect(clusterRoleObject(urls)).rejects.toThrow('one of resource or nonResourceURL must be specified');
  });
});
