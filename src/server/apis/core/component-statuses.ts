/**
 * core/v1 componentstatuses (read-only: kube computes them from health probes, nothing is
 * stored) and bindings (create-only: assigns a pod to a node).
 */
import { type FieldError, fieldNotSupported, fieldRequired } from '../../../api/status.js';
import { mapAt, mapsAt, strAt } from '../object-access.js';
import { plainHooks } from '../status-split.js';
import { column, nameColumn, nameOf } from '../table-columns.js';
import type { KindDefinition, KubeObject } from '../types.js';

/** printComponentStatus: the Healthy condition decides Status, Message and Error. */
export function componentStatusCells(cs: KubeObject): [string, string, string] {
  for (const c of mapsAt(cs, 'conditions'))
    if (c.type === 'Healthy')
      return [c.status === 'True' ? 'Healthy' : 'Unhealthy', strAt(c, 'message') ?? '', strAt(c, 'error') ?? ''];
  return ['Unknown', '', ''];
}

export const componentstatuses: KindDefinition = {
  group: '',
  version: 'v1',
  kind: 'ComponentStatus',
  resource: 'componentstatuses',
  singular: 'componentstatus',
  namespaced: false,
  shortNames: ['cs'],
  verbs: ['get', 'list'],
  definition: 'io.k8s.api.core.v1.ComponentStatus',
  strategy: plainHooks(),
  table: {
    columns: [
      nameColumn(),
      column('Status', 'Status of the component conditions'),
      column('Message', 'Message of the component conditions'),
      column('Error', 'Error of the component conditions'),
    ],
    cells: (cs) => [nameOf(cs), ...componentStatusCells(cs)],
  },
};

const healthy = (name: string, message: string): KubeObject => ({
  apiVersion: 'v1',
  kind: 'ComponentStatus',
  metadata: { name },
  conditions: [{ type: 'Healthy', status: 'True', message, error: '' }],
});

/** What a healthy single-node control plane reports (kube-apiserver computes these on read). */
export const builtinComponentStatuses: KubeObject[] = [
  healthy('controller-manager', 'ok'),
  healthy('etcd-0', 'ok'),
  healthy('scheduler', 'ok'),
];

/** ValidatePodBinding. */
function validateBinding(b: KubeObject): FieldError[] {
  const target = mapAt(b, 'target') ?? {};
  const errs: FieldError[] = [];
  const kind = strAt(target, 'kind') ?? '';
  if (kind && kind !== 'Node') errs.push(fieldNotSupported('target.kind', kind, ['Node', '<empty>']));
  if (!strAt(target, 'name')) errs.push(fieldRequired('target.name'));
  return errs;
}

export const bindings: KindDefinition = {
  group: '',
  version: 'v1',
  kind: 'Binding',
  resource: 'bindings',
  singular: 'binding',
  namespaced: true,
  verbs: ['create'],
  definition: 'io.k8s.api.core.v1.Binding',
  strategy: { ...plainHooks(), validate: validateBinding },
};
