/**
 * The bootstrap RBAC objects kube-apiserver reconciles at start
 * (plugin/pkg/auth/authorizer/rbac/bootstrappolicy): the user-facing roles with their
 * aggregation, the discovery roles and the bindings that make them work. Data only: the
 * registry seeds them (see src/server/apis/seeds.ts).
 */
import type { KubeObject } from '../types.js';
import { RBAC_GROUP } from './kinds.js';

const API_VERSION = `${RBAC_GROUP}/v1`;
const BOOTSTRAP = { 'kubernetes.io/bootstrapping': 'rbac-defaults' };
const AUTOUPDATE = { 'rbac.authorization.kubernetes.io/autoupdate': 'true' };
const READ = ['get', 'list', 'watch'];

const clusterRole = (name: string, spec: Record<string, unknown>, labels: Record<string, string> = {}): KubeObject => ({
  apiVersion: API_VERSION,
  kind: 'ClusterRole',
  metadata: { name, labels: { ...BOOTSTRAP, ...labels }, annotations: { ...AUTOUPDATE } },
  ...spec,
});

const aggregated = (to: string): Record<string, unknown> => ({
  aggregationRule: {
    clusterRoleSelectors: [{ matchLabels: { [`rbac.authorization.k8s.io/aggregate-to-${to}`]: 'true' } }],
  },
  rules: [],
});

const binding = (name: string, role: string, subjects: Record<string, string>[]): KubeObject => ({
  apiVersion: API_VERSION,
  kind: 'ClusterRoleBinding',
  metadata: { name, labels: { ...BOOTSTRAP }, annotations: { ...AUTOUPDATE } },
  roleRef: { apiGroup: RBAC_GROUP, kind: 'ClusterRole', name: role },
  subjects,
});
const group = (name: string) => ({ apiGroup: RBAC_GROUP, kind: 'Group', name });

/** Rules of the aggregate-to-view role (read access to the namespaced user objects). */
const VIEW_RULES = [
  {
    apiGroups: [''],
    resources: [
      'configmaps',
      'endpoints',
      'persistentvolumeclaims',
      'persistentvolumeclaims/status',
      'pods',
      'replicationcontrollers',
      'replicationcontrollers/scale',
      'serviceaccounts',
      'services',
      'services/status',
    ],
    verbs: READ,
  },
  {
    apiGroups: [''],
    resources: [
      'bindings',
      'events',
      'limitranges',
      'namespaces/status',
      'pods/log',
      'pods/status',
      'replicationcontrollers/status',
      'resourcequotas',
      'resourcequotas/status',
    ],
    verbs: READ,
  },
  { apiGroups: [''], resources: ['namespaces'], verbs: READ },
  { apiGroups: ['discovery.k8s.io'], resources: ['endpointslices'], verbs: READ },
  {
    apiGroups: ['apps'],
    resources: [
      'controllerrevisions',
      'daemonsets',
      'daemonsets/status',
      'deployments',
      'deployments/scale',
      'deployments/status',
      'replicasets',
      'replicasets/scale',
      'replicasets/status',
      'statefulsets',
      'statefulsets/scale',
      'statefulsets/status',
    ],
    verbs: READ,
  },
  {
    apiGroups: ['autoscaling'],
    resources: ['horizontalpodautoscalers', 'horizontalpodautoscalers/status'],
    verbs: READ,
  },
  { apiGroups: ['batch'], resources: ['cronjobs', 'cronjobs/status', 'jobs', 'jobs/status'], verbs: READ },
  { apiGroups: ['policy'], resources: ['poddisruptionbudgets', 'poddisruptionbudgets/status'], verbs: READ },
  {
    apiGroups: ['networking.k8s.io'],
    resources: ['ingresses', 'ingresses/status', 'networkpolicies'],
    verbs: READ,
  },
];

const WRITE = ['create', 'delete', 'deletecollection', 'patch', 'update'];

/** Rules of the aggregate-to-edit role (write access to the namespaced user objects). */
const EDIT_RULES = [
  {
    apiGroups: [''],
    resources: ['pods/attach', 'pods/exec', 'pods/portforward', 'pods/proxy', 'secrets', 'services/proxy'],
    verbs: READ,
  },
  { apiGroups: [''], resources: ['serviceaccounts'], verbs: ['impersonate'] },
  {
    apiGroups: [''],
    resources: ['pods', 'pods/attach', 'pods/exec', 'pods/portforward', 'pods/proxy'],
    verbs: WRITE,
  },
  { apiGroups: [''], resources: ['pods/eviction'], verbs: ['create'] },
  {
    apiGroups: [''],
    resources: [
      'configmaps',
      'events',
      'persistentvolumeclaims',
      'replicationcontrollers',
      'replicationcontrollers/scale',
      'secrets',
      'serviceaccounts',
      'services',
      'services/proxy',
    ],
    verbs: WRITE,
  },
  { apiGroups: [''], resources: ['serviceaccounts/token'], verbs: ['create'] },
  {
    apiGroups: ['apps'],
    resources: [
      'daemonsets',
      'deployments',
      'deployments/rollback',
      'deployments/scale',
      'replicasets',
      'replicasets/scale',
      'statefulsets',
      'statefulsets/scale',
    ],
    verbs: WRITE,
  },
  { apiGroups: ['autoscaling'], resources: ['horizontalpodautoscalers'], verbs: WRITE },
  { apiGroups: ['batch'], resources: ['cronjobs', 'jobs'], verbs: WRITE },
  { apiGroups: ['networking.k8s.io'], resources: ['ingresses', 'networkpolicies'], verbs: WRITE },
  { apiGroups: ['policy'], resources: ['poddisruptionbudgets'], verbs: WRITE },
  { apiGroups: ['coordination.k8s.io'], resources: ['leases'], verbs: [...WRITE, ...READ].sort() },
];

const ADMIN_RULES = [
  { apiGroups: ['authorization.k8s.io'], resources: ['localsubjectaccessreviews'], verbs: ['create'] },
  {
    apiGroups: [RBAC_GROUP],
    resources: ['rolebindings', 'roles'],
    verbs: [...WRITE, ...READ].sort(),
  },
];

/** The bootstrap ClusterRoles and ClusterRoleBindings, in kube's names. */
export const bootstrapPolicy: KubeObject[] = [
  clusterRole('cluster-admin', {
    rules: [
      { apiGroups: ['*'], resources: ['*'], verbs: ['*'] },
      { nonResourceURLs: ['*'], verbs: ['*'] },
    ],
  }),
  clusterRole('admin', aggregated('admin')),
  clusterRole('edit', aggregated('edit'), { 'rbac.authorization.k8s.io/aggregate-to-admin': 'true' }),
  clusterRole('view', aggregated('view'), {
    'rbac.authorization.k8s.io/aggregate-to-edit': 'true',
  }),
  clusterRole(
    'system:aggregate-to-admin',
    { rules: ADMIN_RULES },
    { 'rbac.authorization.k8s.io/aggregate-to-admin': 'true' },
  ),
  clusterRole(
    'system:aggregate-to-edit',
    { rules: EDIT_RULES },
    { 'rbac.authorization.k8s.io/aggregate-to-edit': 'true' },
  ),
  clusterRole(
    'system:aggregate-to-view',
    { rules: VIEW_RULES },
    { 'rbac.authorization.k8s.io/aggregate-to-view': 'true' },
  ),
  clusterRole('system:discovery', {
    rules: [
      {
        nonResourceURLs: [
          '/api',
          '/api/*',
          '/apis',
          '/apis/*',
          '/healthz',
          '/livez',
          '/openapi',
          '/openapi/*',
          '/readyz',
          '/version',
          '/version/',
        ],
        verbs: ['get'],
      },
    ],
  }),
  clusterRole('system:basic-user', {
    rules: [
      {
        apiGroups: ['authorization.k8s.io'],
        resources: ['selfsubjectaccessreviews', 'selfsubjectrulesreviews'],
        verbs: ['create'],
      },
      { apiGroups: ['authentication.k8s.io'], resources: ['selfsubjectreviews'], verbs: ['create'] },
    ],
  }),
  clusterRole('system:public-info-viewer', {
    rules: [{ nonResourceURLs: ['/healthz', '/livez', '/readyz', '/version', '/version/'], verbs: ['get'] }],
  }),
  binding('cluster-admin', 'cluster-admin', [group('system:masters')]),
  binding('system:discovery', 'system:discovery', [group('system:authenticated')]),
  binding('system:basic-user', 'system:basic-user', [group('system:authenticated')]),
  binding('system:public-info-viewer', 'system:public-info-viewer', [
    group('system:authenticated'),
    group('system:unauthenticated'),
  ]),
];
