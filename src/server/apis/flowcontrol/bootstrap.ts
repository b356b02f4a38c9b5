/**
 * The API Priority and Fairness configuration kube-apiserver maintains
 * (k8s.io/apiserver/pkg/apis/flowcontrol/bootstrap): the mandatory exempt and catch-all
 * objects plus the suggested levels and schemas. Data only; the registry seeds them.
 */
import type { KubeObject } from '../types.js';

const API_VERSION = 'flowcontrol.apiserver.k8s.io/v1';
const AUTOUPDATE = { 'apf.kubernetes.io/autoupdate-spec': 'true' };
const ALL = ['*'];

function limited(name: string, shares: number, lendable: number, queuing?: [number, number, number]): KubeObject {
  return {
    apiVersion: API_VERSION,
    kind: 'PriorityLevelConfiguration',
    metadata: { name, annotations: { ...AUTOUPDATE } },
    spec: {
      type: 'Limited',
      limited: {
        nominalConcurrencyShares: shares,
        lendablePercent: lendable,
        limitResponse: queuing
          ? { type: 'Queue', queuing: { queues: queuing[0], handSize: queuing[1], queueLengthLimit: queuing[2] } }
          : { type: 'Reject' },
      },
    },
  };
}

export const bootstrapPriorityLevels: KubeObject[] = [
  {
    apiVersion: API_VERSION,
    kind: 'PriorityLevelConfiguration',
    metadata: { name: 'exempt', annotations: { ...AUTOUPDATE } },
    spec: { type: 'Exempt', exempt: { nominalConcurrencyShares: 0, lendablePercent: 0 } },
  },
  limited('catch-all', 5, 0),
  limited('system', 30, 33, [64, 6, 50]),
  limited('node-high', 40, 25, [64, 6, 50]),
  limited('leader-election', 10, 0, [16, 4, 50]),
  limited('workload-high', 40, 50, [128, 6, 50]),
  limited('workload-low', 100, 90, [128, 6, 50]),
  limited('global-default', 20, 50, [128, 6, 50]),
];

type Subject = Record<string, unknown>;
const group = (name: string): Subject => ({ kind: 'Group', group: { name } });
const user = (name: string): Subject => ({ kind: 'User', user: { name } });
const sa = (namespace: string, name: string): Subject => ({
  kind: 'ServiceAccount',
  serviceAccount: { namespace, name },
});

const allResources = { verbs: ALL, apiGroups: ALL, resources: ALL, clusterScope: true, namespaces: ALL };
const allNonResources = { verbs: ALL, nonResourceURLs: ALL };

function schema(
  name: string,
  level: string,
  precedence: number,
  distinguisher: 'ByUser' | 'ByNamespace' | undefined,
  rules: Record<string, unknown>[],
): KubeObject {
  return {
    apiVersion: API_VERSION,
    kind: 'FlowSchema',
    metadata: { name, annotations: { ...AUTOUPDATE } },
    spec: {
      matchingPrecedence: precedence,
      priorityLevelConfiguration: { name: level },
      ...(distinguisher ? { distinguisherMethod: { type: distinguisher } } : {}),
      rules,
    },
  };
}

const everything = (subjects: Subject[]) => ({
  subjects,
  resourceRules: [allResources],
  nonResourceRules: [allNonResources],
});

export const bootstrapFlowSchemas: KubeObject[] = [
  schema('exempt', 'exempt', 1, undefined, [everything([group('system:masters')])]),
  schema('probes', 'exempt', 2, undefined, [
    {
      subjects: [group('system:unauthenticated'), group('system:authenticated')],
      nonResourceRules: [{ verbs: ['get'], nonResourceURLs: ['/healthz', '/readyz', '/livez'] }],
    },
  ]),
  schema('system-leader-election', 'leader-election', 100, 'ByUser', [
    {
      subjects: [user('system:kube-controller-manager'), user('system:kube-scheduler')],
      resourceRules: [
        {
          verbs: ['get', 'create', 'update'],
          apiGroups: ['coordination.k8s.io'],
          resources: ['leases'],
          namespaces: ALL,
        },
      ],
    },
  ]),
  schema('endpoint-controller', 'workload-high', 150, 'ByUser', [
    {
      subjects: [user('system:kube-controller-manager'), sa('kube-system', 'endpoint-controller')],
      resourceRules: [
        { verbs: ['get', 'create', 'update'], apiGroups: [''], resources: ['endpoints'], namespaces: ALL },
      ],
    },
  ]),
  schema('workload-leader-election', 'leader-election', 200, 'ByUser', [
    {
      subjects: [group('system:serviceaccounts:kube-system')],
      resourceRules: [
        {
          verbs: ['get', 'create', 'update'],
          apiGroups: ['coordination.k8s.io'],
          resources: ['leases'],
          namespaces: ALL,
        },
      ],
    },
  ]),
  schema('system-node-high', 'node-high', 400, 'ByUser', [
    {
      subjects: [group('system:nodes')],
      resourceRules: [
        { verbs: ALL, apiGroups: [''], resources: ['nodes', 'nodes/status'], clusterScope: true },
        { verbs: ALL, apiGroups: ['coordination.k8s.io'], resources: ['leases'], namespaces: ALL },
      ],
    },
  ]),
  schema('system-nodes', 'system', 500, 'ByUser', [everything([group('system:nodes')])]),
  schema('kube-scheduler', 'workload-high', 600, 'ByNamespace', [everything([user('system:kube-scheduler')])]),
  schema('kube-controller-manager', 'workload-high', 800, 'ByNamespace', [
    everything([user('system:kube-controller-manager')]),
  ]),
  schema('kube-system-service-accounts', 'workload-high', 900, 'ByNamespace', [
    everything([group('system:serviceaccounts:kube-system')]),
  ]),
  schema('service-accounts', 'workload-low', 9000, 'ByUser', [everything([group('system:serviceaccounts')])]),
  schema('global-default', 'global-default', 9900, 'ByUser', [
    everything([group('system:unauthenticated'), group('system:authenticated')]),
  ]),
  schema('catch-all', 'catch-all', 10000, 'ByUser', [
    everything([group('system:unauthenticated'), group('system:authenticated')]),
  ]),
];
