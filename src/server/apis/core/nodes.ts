/**
 * core/v1 nodes: unlike most kinds a node may carry status on create (kubelets register that
 * way); allocatable defaults to capacity; Go's zero values of the non-optional status structs
 * are filled so objects print as kube's do.
 */
import { isMap, type JsonMap, mapAt, mapsAt, strAt } from '../object-access.js';
import { dropGeneration, keepOldSpec, keepOldStatus } from '../status-split.js';
import { age, ageColumn, column, nameColumn, nameOf } from '../table-columns.js';
import type { KindDefinition, KubeObject } from '../types.js';

const NODE_INFO_FIELDS = [
  'machineID',
  'systemUUID',
  'bootID',
  'kernelVersion',
  'osImage',
  'containerRuntimeVersion',
  'kubeletVersion',
  'kubeProxyVersion',
  'operatingSystem',
  'architecture',
];

function defaultNode(node: KubeObject): void {
  if (node.status !== undefined && !isMap(node.status)) return;
  const status: JsonMap = isMap(node.status) ? node.status : {};
  node.status = status;
  if (status.allocatable === undefined && isMap(status.capacity)) status.allocatable = { ...status.capacity };
  // NodeDaemonEndpoints and NodeSystemInfo are plain structs in Go: they always serialize.
  const daemon: JsonMap = isMap(status.daemonEndpoints) ? status.daemonEndpoints : {};
  status.daemonEndpoints = daemon;
  const kubelet: JsonMap = isMap(daemon.kubeletEndpoint) ? daemon.kubeletEndpoint : {};
  daemon.kubeletEndpoint = kubelet;
  if (kubelet.Port === undefined) kubelet.Port = 0;
  const info: JsonMap = isMap(status.nodeInfo) ? status.nodeInfo : {};
  status.nodeInfo = info;
  for (const f of NODE_INFO_FIELDS) if (info[f] === undefined) info[f] = '';
}

/** findNodeRoles: `node-role.kubernetes.io/<role>` label keys and the `kubernetes.io/role` value, sorted. */
export function nodeRoles(node: KubeObject): string[] {
  const roles = new Set<string>();
  for (const [k, v] of Object.entries(node.metadata?.labels ?? {})) {
    if (k.startsWith('node-role.kubernetes.io/')) {
      const role = k.slice('node-role.kubernetes.io/'.length);
      if (role) roles.add(role);
    } else if (k === 'kubernetes.io/role' && v) roles.add(v);
  }
  return [...roles].sort();
}

/** The STATUS cell: Ready/NotReady/Unknown, plus SchedulingDisabled for cordoned nodes. */
export function nodeStatus(node: KubeObject): string {
  const ready = mapsAt(mapAt(node, 'status'), 'conditions').find((c) => c.type === 'Ready');
  const parts = ready ? [ready.status === 'True' ? 'Ready' : 'NotReady'] : ['Unknown'];
  if (mapAt(node, 'spec')?.unschedulable === true) parts.push('SchedulingDisabled');
  return parts.join(',');
}

const addressOf = (node: KubeObject, type: string): string =>
  strAt(
    mapsAt(mapAt(node, 'status'), 'addresses').find((a) => a.type === type),
    'address',
  ) ?? '<none>';

export const nodes: KindDefinition = {
  group: '',
  version: 'v1',
  kind: 'Node',
  resource: 'nodes',
  singular: 'node',
  namespaced: false,
  shortNames: ['no'],
  definition: 'io.k8s.api.core.v1.Node',
  subresources: {
    status: true,
    custom: {
      proxy: {
        kind: { group: '', version: 'v1', kind: 'NodeProxyOptions' },
        verbs: ['create', 'delete', 'get', 'patch', 'update'],
      },
    },
  },
  strategy: {
    defaults: defaultNode,
    prepareForCreate: dropGeneration,
    prepareForUpdate(obj, old) {
      keepOldStatus(obj, old);
      dropGeneration(obj);
    },
    prepareForStatusUpdate(obj, old) {
      keepOldSpec(obj, old);
      dropGeneration(obj);
    },
    specChanged: () => false,
  },
  table: {
    columns: [
      nameColumn(),
      column('Status', 'The status of the node'),
      column('Roles', 'The roles of the node'),
      ageColumn(),
      column('Version', 'Kubelet Version reported by the node.'),
      column('Internal-IP', 'List of addresses reachable to the node.', { wide: true }),
      column('External-IP', 'List of addresses reachable to the node.', { wide: true }),
      column('OS-Image', 'OS Image reported by the node from /etc/os-release.', { wide: true }),
      column('Kernel-Version', "Kernel Version reported by the node from 'uname -r'.", { wide: true }),
      column('Container-Runtime', 'ContainerRuntime Version reported by the node through runtime remote API.', {
        wide: true,
      }),
    ],
    cells(node, now) {
      const info = mapAt(mapAt(node, 'status'), 'nodeInfo');
      const roles = nodeRoles(node).join(',');
      return [
        nameOf(node),
        nodeStatus(node),
        roles || '<none>',
        age(node.metadata?.creationTimestamp, now),
        strAt(info, 'kubeletVersion') ?? '',
        addressOf(node, 'InternalIP'),
        addressOf(node, 'ExternalIP'),
        strAt(info, 'osImage') || '<unknown>',
        strAt(info, 'kernelVersion') || '<unknown>',
        strAt(info, 'containerRuntimeVersion') || '<unknown>',
      ];
    },
  },
  fieldSelectors: (node) => ({ 'spec.unschedulable': String(mapAt(node, 'spec')?.unschedulable === true) }),
};
