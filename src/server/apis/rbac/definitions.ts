/** rbac.authorization.k8s.io/v1 (staging/src/k8s.io/api/rbac/v1/types.go). */
import type { Definitions } from '../../../api/openapi-schema.js';
import { atomic, kindObj, listKind, meta, obj, ref, str } from '../schema-dsl.js';

export const RBAC = 'io.k8s.api.rbac.v1.';
const gvk = (kind: string) => ({ group: 'rbac.authorization.k8s.io', version: 'v1', kind });
const rbac = (name: string, description?: string) => ref(RBAC + name, description);

export const rbacDefinitions: Definitions = {
  [`${RBAC}PolicyRule`]: obj(
    {
      apiGroups: atomic(str()),
      nonResourceURLs: atomic(str()),
      resourceNames: atomic(str()),
      resources: atomic(str()),
      verbs: atomic(str(), 'Verbs this rule applies to; `*` means all.'),
    },
    { required: ['verbs'] },
  ),
  [`${RBAC}Subject`]: obj(
    { apiGroup: str(), kind: str('User, Group or ServiceAccount.'), name: str(), namespace: str() },
    { required: ['kind', 'name'], mapType: 'atomic' },
  ),
  [`${RBAC}RoleRef`]: obj(
    { apiGroup: str(), kind: str(), name: str() },
    { required: ['apiGroup', 'kind', 'name'], mapType: 'atomic' },
  ),
  [`${RBAC}AggregationRule`]: obj({ clusterRoleSelectors: atomic(meta('LabelSelector')) }),
  [`${RBAC}Role`]: kindObj(
    gvk('Role'),
    { rules: atomic(rbac('PolicyRule')) },
    { description: 'A namespaced set of PolicyRules.' },
  ),
  [`${RBAC}RoleList`]: listKind(gvk('RoleList'), `${RBAC}Role`),
  [`${RBAC}ClusterRole`]: kindObj(
    gvk('ClusterRole'),
    { aggregationRule: rbac('AggregationRule'), rules: atomic(rbac('PolicyRule')) },
    { description: 'A cluster-level set of PolicyRules.' },
  ),
  [`${RBAC}ClusterRoleList`]: listKind(gvk('ClusterRoleList'), `${RBAC}ClusterRole`),
  [`${RBAC}RoleBinding`]: kindObj(
    gvk('RoleBinding'),
    { roleRef: rbac('RoleRef'), subjects: atomic(rbac('Subject')) },
    { required: ['roleRef'], description: 'Grants the permissions of a role to subjects within a namespace.' },
  ),
  [`${RBAC}RoleBindingList`]: listKind(gvk('RoleBindingList'), `${RBAC}RoleBinding`),
  [`${RBAC}ClusterRoleBinding`]: kindObj(
    gvk('ClusterRoleBinding'),
    { roleRef: rbac('RoleRef'), subjects: atomic(rbac('Subject')) },
    { required: ['roleRef'], description: 'Grants the permissions of a ClusterRole cluster-wide.' },
  ),
  [`${RBAC}ClusterRoleBindingList`]: listKind(gvk('ClusterRoleBindingList'), `${RBAC}ClusterRoleBinding`),
};
