/**
 * `kubectl create role|clusterrole`: one rule per API group (groups sorted) holding the given
 * verbs, the resources of that group (in the order given, subresources as `pods/status`) and the
 * resource names; a ClusterRole may add one rule of non-resource URLs, or instead carry only an
 * aggregation rule. Resources are resolved through the server's resource types (`deploy` becomes
 * `deployments` in group `apps`) by a resolver the caller passes in, so this file stays free of
 * any client.
 */

const RBAC_VERSION = 'rbac.authorization.k8s.io/v1';

/** kubectl's standard resource verbs: others are allowed, with a warning. */
export const RESOURCE_VERBS = [
  '*',
  'get',
  'delete',
  'list',
  'create',
  'update',
  'patch',
  'watch',
  'proxy',
  'deletecollection',
  'use',
  'bind',
  'escalate',
  'impersonate',
];

/** The only verbs a non-resource URL rule may hold. */
export const NON_RESOURCE_VERBS = ['*', 'get', 'post', 'put', 'delete', 'patch', 'head', 'options'];

export interface GroupResource {
  group: string;
  resource: string;
}

/** Verbs that only make sense on particular resources (kubectl refuses them elsewhere). */
const SPECIAL_VERBS: Record<string, GroupResource[]> = {
  use: [
    { group: 'policy', resource: 'podsecuritypolicies' },
    { group: 'extensions', resource: 'podsecuritypolicies' },
  ],
  bind: [
    { group: 'rbac.authorization.k8s.io', resource: 'roles' },
    { group: 'rbac.authorization.k8s.io', resource: 'clusterroles' },
  ],
  escalate: [
    { group: 'rbac.authorization.k8s.io', resource: 'roles' },
    { group: 'rbac.authorization.k8s.io', resource: 'clusterroles' },
  ],
  impersonate: [
    { group: '', resource: 'users' },
    { group: '', resource: 'serviceaccounts' },
    { group: '', resource: 'groups' },
    { group: 'authentication.k8s.io', resource: 'userextras' },
  ],
};

/** One --resource value: `resource[.group][/subresource]`. */
export interface RoleResource extends GroupResource {
  subresource: string;
}

/**
 * Resolves a resource as the user typed it (short names, singular) to the served plural name
 * and group; returns an Error when the server has no such type.
 */
export type ResourceResolver = (r: GroupResource) => Promise<GroupResource | Error>;

/** pflag's string-slice values: each flag value is comma-separated; an empty value adds nothing. */
export function splitSliceFlag(values: string[] | undefined): string[] {
  return (values ?? []).flatMap((v) => (v === '' ? [] : v.split(',')));
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}

/** --verb values without duplicates; `*` alone replaces everything (kubectl stops at it). */
export function normaliseVerbs(verbs: string[]): string[] {
  const out: string[] = [];
  for (const v of verbs) {
    if (v === '*') return ['*'];
    if (!out.includes(v)) out.push(v);
  }
  return out;
}

/**
 * Parses --resource values. The group is everything after the first dot and the subresource
 * everything after the first slash. A bare `*` replaces the whole list (kubectl stops there).
 */
export function parseRoleResources(values: string[]): RoleResource[] {
  const out: RoleResource[] = [];
  for (const value of values) {
    const slash = value.indexOf('/');
    const head = slash < 0 ? value : value.slice(0, slash);
    const subresource = slash < 0 ? '' : value.slice(slash + 1);
    const dot = head.indexOf('.');
    const resource = dot < 0 ? head : head.slice(0, dot);
    const group = dot < 0 ? '' : head.slice(dot + 1);
    if (resource === '*' && dot < 0 && slash < 0) return [{ group: '', resource: '*', subresource: '' }];
    out.push({ group, resource, subresource });
  }
  return out;
}

/**
 * kubectl's validateResource: an empty resource name is an error; `*` ends the checks; verbs
 * with a fixed set of resources (use, bind, escalate, impersonate) must name one of them; any
 * other resource the server does not serve is the resolver's error.
 */
export async function validateRoleResources(
  resources: RoleResource[],
  verbs: string[],
  resolve: ResourceResolver,
): Promise<void> {
  for (const r of resources) {
    if (!r.resource) throw new Error('resource must be specified if apiGroup/subresource specified');
    if (r.resource === '*') return;
    const resolved = await resolve(r);
    const target = resolved instanceof Error ? { group: r.group, resource: r.resource } : resolved;
    let unknown = resolved instanceof Error ? resolved : undefined;
    for (const v of verbs) {
      const allowed = SPECIAL_VERBS[v];
      if (!allowed) continue;
      if (!allowed.some((a) => a.group === target.group && a.resource === target.resource)) {
        throw new Error(`can not perform '${v}' on '${target.resource}' in group '${target.group}'`);
      }
      unknown = undefined;
    }
    if (unknown) throw unknown;
  }
}

/** The rules: one per API group (sorted), then one for non-resource URLs. Field order is Go's. */
export async function policyRules(
  verbs: string[],
  resources: RoleResource[],
  resourceNames: string[],
  nonResourceURLs: string[],
  resolve: ResourceResolver,
): Promise<Record<string, unknown>[]> {
  const byGroup = new Map<string, string[]>();
  for (const r of resources) {
    const resolved = r.resource === '*' ? undefined : await resolve(r);
    const target = resolved && !(resolved instanceof Error) ? resolved : { group: r.group, resource: r.resource };
    const name = r.subresource ? `${target.resource}/${r.subresource}` : target.resource;
    const list = byGroup.get(target.group) ?? [];
    if (!list.includes(name)) list.push(name);
    byGroup.set(target.group, list);
  }
  const rules: Record<string, unknown>[] = [];
  for (const group of [...byGroup.keys()].sort()) {
    const rule: Record<string, unknown> = { verbs, apiGroups: [group], resources: byGroup.get(group) };
    if (resourceNames.length > 0) rule.resourceNames = resourceNames;
    rules.push(rule);
  }
  if (nonResourceURLs.length > 0) rules.push({ verbs, nonResourceURLs });
  return rules;
}

export interface RoleOptions {
  name: string;
  /** Set only when -n was given. */
  namespace?: string;
  verbs: string[];
  resources: RoleResource[];
  resourceNames: string[];
  /** Where kubectl's non-standard verb warnings go. */
  warn: (line: string) => void;
  resolve: ResourceResolver;
}

function warnNonStandard(verbs: string[], warn: (line: string) => void): void {
  for (const v of verbs) if (!RESOURCE_VERBS.includes(v)) warn(`Warning: '${v}' is not a standard resource verb\n`);
}

/** A Role with a single rule per group; throws kubectl's validation errors. */
export async function roleObject(o: RoleOptions): Promise<Record<string, unknown>> {
  const verbs = normaliseVerbs(o.verbs);
  if (!o.name) throw new Error('name must be specified');
  if (verbs.length === 0) throw new Error('at least one verb must be specified');
  warnNonStandard(verbs, o.warn);
  if (o.resources.length === 0) throw new Error('at least one resource must be specified');
  await validateRoleResources(o.resources, verbs, o.resolve);
  const metadata: Record<string, unknown> = { name: o.name };
  if (o.namespace) metadata.namespace = o.namespace;
  const rules = await policyRules(verbs, o.resources, unique(o.resourceNames), [], o.resolve);
  return { kind: 'Role', apiVersion: RBAC_VERSION, metadata, rules };
}

export interface ClusterRoleOptions extends Omit<RoleOptions, 'namespace'> {
  nonResourceURLs: string[];
  /** --aggregation-rule labels (already parsed); non-empty excludes every other rule flag. */
  aggregationLabels: Record<string, string>;
}

/**
 * --aggregation-rule values as kubectl's map flag reads them: comma-separated `key=value` pairs,
 * trimmed, later keys winning. Throws pflag's error for a pair without `=`.
 */
export function parseAggregationRule(values: string[] | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const value of values ?? []) {
    for (const pair of value.split(',')) {
      if (pair === '' && value === '') continue;
      const eq = pair.indexOf('=');
      if (eq < 0) {
        throw new Error(
          `invalid argument "${value}" for "--aggregation-rule" flag: malformed pair, expect string=string`,
        );
      }
      out[pair.slice(0, eq).trim()] = pair.slice(eq + 1).trim();
    }
  }
  return out;
}

function checkNonResourceURLs(verbs: string[], urls: string[]): void {
  for (const v of verbs) {
    if (!NON_RESOURCE_VERBS.includes(v)) throw new Error(`invalid verb: '${v}' for nonResourceURL`);
  }
  for (const url of urls) {
    if (url === '*') continue;
    if (!url.startsWith('/')) throw new Error('nonResourceURL should start with /');
    if (url.slice(0, -1).includes('*')) {
      throw new Error("nonResourceURL only supports wildcard matches when '*' is at the end");
    }
  }
}

/** A ClusterRole: rules as for a Role plus non-resource URLs, or only an aggregation rule. */
export async function clusterRoleObject(o: ClusterRoleOptions): Promise<Record<string, unknown>> {
  const verbs = normaliseVerbs(o.verbs);
  const urls = unique(o.nonResourceURLs);
  if (!o.name) throw new Error('name must be specified');
  const metadata = { name: o.name };
  const labels = Object.keys(o.aggregationLabels);
  if (labels.length > 0) {
    if (urls.length > 0 || verbs.length > 0 || o.resources.length > 0 || o.resourceNames.length > 0) {
      throw new Error('aggregation rule must be specified without nonResourceURLs, verbs, resources or resourceNames');
    }
    // Go marshals map keys sorted; `rules` has no omitempty, so it shows as null.
    const matchLabels = Object.fromEntries(labels.sort().map((k) => [k, o.aggregationLabels[k]]));
    return {
      kind: 'ClusterRole',
      apiVersion: RBAC_VERSION,
      metadata,
      rules: null,
      aggregationRule: { clusterRoleSelectors: [{ matchLabels }] },
    };
  }
  if (verbs.length === 0) throw new Error('at least one verb must be specified');
  if (o.resources.length === 0 && urls.length === 0) {
    throw new Error('one of resource or nonResourceURL must be specified');
  }
  if (o.resources.length > 0) {
    warnNonStandard(verbs, o.warn);
    await validateRoleResources(o.resources, verbs, o.resolve);
  }
  if (urls.length > 0) checkNonResourceURLs(verbs, urls);
  const rules = await policyRules(verbs, o.resources, unique(o.resourceNames), urls, o.resolve);
  return { kind: 'ClusterRole', apiVersion: RBAC_VERSION, metadata, rules };
}
