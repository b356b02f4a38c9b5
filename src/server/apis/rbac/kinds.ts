/**
 * rbac.authorization.k8s.io/v1 roles, clusterroles, rolebindings and clusterrolebindings:
 * kube's defaults (apiGroup of roleRef and of User/Group subjects), validation
 * (pkg/apis/rbac/validation) and tables. Stored here; enforced by the authorizer.
 */
import { goQuote } from '../../../api/labels/go-format.js';
import { type FieldError, fieldNotSupported, fieldRequired } from '../../../api/status.js';
import { isValidPathSegmentName, nameIsDNSLabel } from '../../../api/validation/names.js';
import { goStrings, idx, invalidGo } from '../field-checks.js';
import { type JsonMap, jsonEqual, listAt, mapAt, mapsAt, strAt } from '../object-access.js';
import { plainHooks } from '../status-split.js';
import { age, ageColumn, column, nameColumn, nameOf } from '../table-columns.js';
import type { KindDefinition, KubeObject } from '../types.js';
import { RBAC } from './definitions.js';

export const RBAC_GROUP = 'rbac.authorization.k8s.io';

/** SetDefaults_Subject and the roleRef.apiGroup default of (Cluster)RoleBinding. */
function defaultBinding(b: KubeObject): void {
  const ref = mapAt(b, 'roleRef');
  if (ref && !ref.apiGroup) ref.apiGroup = RBAC_GROUP;
  for (const s of mapsAt(b, 'subjects'))
    if (!s.apiGroup && (s.kind === 'User' || s.kind === 'Group')) s.apiGroup = RBAC_GROUP;
}

const nonEmpty = (v: unknown) => Array.isArray(v) && v.length > 0;

/** ValidatePolicyRule. */
export function validatePolicyRule(rule: JsonMap, namespaced: boolean, path: string): FieldError[] {
  const errs: FieldError[] = [];
  if (!nonEmpty(rule.verbs)) errs.push(fieldRequired(`${path}.verbs`, 'verbs must contain at least one value'));
  if (nonEmpty(rule.nonResourceURLs)) {
    const urls = goStrings(rule.nonResourceURLs);
    if (namespaced)
      errs.push(invalidGo(`${path}.nonResourceURLs`, urls, 'namespaced rules cannot apply to non-resource URLs'));
    if (nonEmpty(rule.apiGroups) || nonEmpty(rule.resources) || nonEmpty(rule.resourceNames))
      errs.push(
        invalidGo(
          `${path}.nonResourceURLs`,
          urls,
          'rules cannot apply to both regular resources and non-resource URLs',
        ),
      );
    return errs;
  }
  if (!nonEmpty(rule.apiGroups))
    errs.push(fieldRequired(`${path}.apiGroups`, 'resource rules must supply at least one api group'));
  if (!nonEmpty(rule.resources))
    errs.push(fieldRequired(`${path}.resources`, 'resource rules must supply at least one resource'));
  return errs;
}

const validateRules = (o: KubeObject, namespaced: boolean): FieldError[] =>
  mapsAt(o, 'rules').flatMap((r, i) => validatePolicyRule(r, namespaced, idx('rules', i)));

function validateClusterRole(o: KubeObject): FieldError[] {
  const errs = validateRules(o, false);
  const agg = mapAt(o, 'aggregationRule');
  if (agg && listAt(agg, 'clusterRoleSelectors').length === 0)
    errs.push(
      fieldRequired(
        'aggregationRule.clusterRoleSelectors',
        'at least one clusterRoleSelector required if aggregationRule is non-nil',
      ),
    );
  return errs;
}

/** ValidateRoleBindingSubject. */
function validateSubject(s: JsonMap, namespaced: boolean, path: string): FieldError[] {
  const errs: FieldError[] = [];
  const name = strAt(s, 'name') ?? '';
  if (!name) errs.push(fieldRequired(`${path}.name`));
  const apiGroup = strAt(s, 'apiGroup') ?? '';
  switch (s.kind) {
    case 'ServiceAccount':
      if (name) for (const m of nameIsDNSLabel(name, false)) errs.push(invalidGo(`${path}.name`, goQuote(name), m));
      if (apiGroup) errs.push(fieldNotSupported(`${path}.apiGroup`, apiGroup, ['']));
      if (!namespaced && !s.namespace) errs.push(fieldRequired(`${path}.namespace`));
      break;
    case 'User':
    case 'Group':
      if (apiGroup !== RBAC_GROUP) errs.push(fieldNotSupported(`${path}.apiGroup`, apiGroup, [RBAC_GROUP]));
      break;
    default:
      errs.push(fieldNotSupported(`${path}.kind`, s.kind ?? '', ['ServiceAccount', 'User', 'Group']));
  }
  return errs;
}

function validateBinding(b: KubeObject, namespaced: boolean): FieldError[] {
  const errs: FieldError[] = [];
  const ref = mapAt(b, 'roleRef') ?? {};
  const apiGroup = strAt(ref, 'apiGroup') ?? '';
  if (apiGroup !== RBAC_GROUP) errs.push(fieldNotSupported('roleRef.apiGroup', apiGroup, [RBAC_GROUP]));
  const kinds = namespaced ? ['Role', 'ClusterRole'] : ['ClusterRole'];
  if (!kinds.includes(String(ref.kind ?? ''))) errs.push(fieldNotSupported('roleRef.kind', ref.kind ?? '', kinds));
  const name = strAt(ref, 'name') ?? '';
  if (!name) errs.push(fieldRequired('roleRef.name'));
  else for (const m of isValidPathSegmentName(name)) errs.push(invalidGo('roleRef.name', goQuote(name), m));
  mapsAt(b, 'subjects').forEach((s, i) => {
    errs.push(...validateSubject(s, namespaced, idx('subjects', i)));
  });
  return errs;
}

/** Go's `%#v` of an rbac.RoleRef, as kube prints it in "cannot change roleRef". */
const goRoleRef = (r: JsonMap): string =>
  `rbac.RoleRef{APIGroup:${goQuote(String(r.apiGroup ?? ''))}, Kind:${goQuote(String(r.kind ?? ''))}, Name:${goQuote(String(r.name ?? ''))}}`;

function validateRoleRefUnchanged(b: KubeObject, old: KubeObject): FieldError[] {
  const ref = mapAt(b, 'roleRef') ?? {};
  return jsonEqual(ref, mapAt(old, 'roleRef') ?? {})
    ? []
    : [invalidGo('roleRef', goRoleRef(ref), 'cannot change roleRef')];
}

/** rbac.SubjectsStrings: users, groups and service accounts (`namespace:name`). */
export function subjectCells(b: KubeObject): [string, string, string] {
  const users: string[] = [];
  const groups: string[] = [];
  const sas: string[] = [];
  for (const s of mapsAt(b, 'subjects')) {
    const name = String(s.name ?? '');
    if (s.kind === 'User') users.push(name);
    else if (s.kind === 'Group') groups.push(name);
    else if (s.kind === 'ServiceAccount') sas.push(s.namespace ? `${String(s.namespace)}:${name}` : name);
  }
  return [users.join(', '), groups.join(', '), sas.join(', ')];
}

const ROLE_REF_DOC: Record<string, string> = {
  roleBinding:
    'RoleRef can reference a Role in the current namespace or a ClusterRole in the global namespace. If the RoleRef cannot be resolved, the Authorizer must return an error.',
  clusterRoleBinding:
    'RoleRef can only reference a ClusterRole in the global namespace. If the RoleRef cannot be resolved, the Authorizer must return an error.',
};

const bindingTable = (what: string) => ({
  columns: [
    nameColumn(),
    column('Role', ROLE_REF_DOC[what] ?? ''),
    ageColumn(),
    column('Users', `Users in the ${what}`, { wide: true }),
    column('Groups', `Groups in the ${what}`, { wide: true }),
    column('ServiceAccounts', `ServiceAccounts in the ${what}`, { wide: true }),
  ],
  cells(b: KubeObject, now: Date) {
    const ref = mapAt(b, 'roleRef') ?? {};
    return [
      nameOf(b),
      `${String(ref.kind ?? '')}/${String(ref.name ?? '')}`,
      age(b.metadata?.creationTimestamp, now),
      ...subjectCells(b),
    ];
  },
});

const base = (kind: string, resource: string, namespaced: boolean) => ({
  group: RBAC_GROUP,
  version: 'v1',
  kind,
  resource,
  singular: kind.toLowerCase(),
  namespaced,
  definition: `${RBAC}${kind}`,
});

// Roles and ClusterRoles have no printer in kube: they get the default Name / Created At table.
export const roles: KindDefinition = {
  ...base('Role', 'roles', true),
  strategy: { ...plainHooks(), validate: (o) => validateRules(o, true) },
};

export const clusterroles: KindDefinition = {
  ...base('ClusterRole', 'clusterroles', false),
  strategy: { ...plainHooks(), validate: validateClusterRole },
};

export const rolebindings: KindDefinition = {
  ...base('RoleBinding', 'rolebindings', true),
  strategy: {
    ...plainHooks(),
    defaults: defaultBinding,
    validate: (o) => validateBinding(o, true),
    validateUpdate: validateRoleRefUnchanged,
  },
  table: bindingTable('roleBinding'),
};

export const clusterrolebindings: KindDefinition = {
  ...base('ClusterRoleBinding', 'clusterrolebindings', false),
  strategy: {
    ...plainHooks(),
    defaults: defaultBinding,
    validate: (o) => validateBinding(o, false),
    validateUpdate: validateRoleRefUnchanged,
  },
  table: bindingTable('clusterRoleBinding'),
};
