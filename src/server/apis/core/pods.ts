/** core/v1 pods: discovery data, strategy (defaults, status split, validation), table, field selectors. */
import { type FieldError, fieldForbidden } from '../../../api/status.js';
import { clone, isMap, type JsonMap, jsonEqual, mapsAt, strAt } from '../object-access.js';
import { statusSplitHooks } from '../status-split.js';
import type { KindDefinition, KubeObject } from '../types.js';
import { defaultPod, podQOSClass } from './pod-defaults.js';
import { podTable } from './pod-table.js';
import { validatePodSpec } from './pod-validation.js';

const core = (kind: string) => ({ group: '', version: 'v1', kind });

const POD_UPDATE_FORBIDDEN =
  'pod updates may not change fields other than `spec.containers[*].image`,`spec.initContainers[*].image`,`spec.activeDeadlineSeconds`,`spec.tolerations` (only additions to existing tolerations),`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)';

/** The spec with the fields a pod update may change blanked, so the rest can be compared. */
function immutablePart(spec: unknown, old: unknown): unknown {
  if (!isMap(spec)) return spec;
  const s = clone(spec);
  for (const key of ['containers', 'initContainers']) for (const c of mapsAt(s, key)) delete c.image;
  delete s.activeDeadlineSeconds;
  delete s.tolerations;
  // A negative grace period may be moved to 1; any other change is forbidden.
  const oldGrace = isMap(old) ? old.terminationGracePeriodSeconds : undefined;
  if (typeof oldGrace === 'number' && oldGrace < 0 && s.terminationGracePeriodSeconds === 1)
    s.terminationGracePeriodSeconds = oldGrace;
  return s;
}

function validatePodUpdate(obj: KubeObject, old: KubeObject): FieldError[] {
  const errs: FieldError[] = [];
  if (!jsonEqual(immutablePart(obj.spec, old.spec), immutablePart(old.spec, old.spec)))
    errs.push(fieldForbidden('spec', POD_UPDATE_FORBIDDEN));
  const oldTolerations = isMap(old.spec) ? mapsAt(old.spec, 'tolerations') : [];
  const newTolerations = isMap(obj.spec) ? mapsAt(obj.spec, 'tolerations') : [];
  const removed = oldTolerations.some((t) => !newTolerations.some((n) => jsonEqual(n, t)));
  if (removed && !errs.length)
    errs.push(
      fieldForbidden('spec.tolerations', 'existing toleration can not be modified except its tolerationSeconds'),
    );
  return errs;
}

/** kube's pod GetAttrs fields (pkg/registry/core/pod/strategy.go). */
export function podFieldSelectors(pod: KubeObject): Record<string, string> {
  const spec: JsonMap = isMap(pod.spec) ? pod.spec : {};
  const status: JsonMap = isMap(pod.status) ? pod.status : {};
  return {
    'spec.nodeName': strAt(spec, 'nodeName') ?? '',
    'spec.restartPolicy': strAt(spec, 'restartPolicy') ?? '',
    'spec.schedulerName': strAt(spec, 'schedulerName') ?? '',
    'spec.serviceAccountName': strAt(spec, 'serviceAccountName') ?? '',
    'spec.hostNetwork': String(spec.hostNetwork === true),
    'status.phase': strAt(status, 'phase') ?? '',
    'status.podIP': strAt(mapsAt(status, 'podIPs')[0], 'ip') ?? '',
    'status.nominatedNodeName': strAt(status, 'nominatedNodeName') ?? '',
  };
}

export const pods: KindDefinition = {
  group: '',
  version: 'v1',
  kind: 'Pod',
  resource: 'pods',
  singular: 'pod',
  namespaced: true,
  shortNames: ['po'],
  categories: ['all'],
  definition: 'io.k8s.api.core.v1.Pod',
  subresources: {
    status: true,
    custom: {
      attach: { kind: core('PodAttachOptions'), verbs: ['create', 'get'] },
      binding: { kind: core('Binding'), verbs: ['create'] },
      ephemeralcontainers: { kind: core('Pod'), verbs: ['get', 'patch', 'update'] },
      eviction: { kind: { group: 'policy', version: 'v1', kind: 'Eviction' }, verbs: ['create'] },
      exec: { kind: core('PodExecOptions'), verbs: ['create', 'get'] },
      log: { kind: core('Pod'), verbs: ['get'] },
      portforward: { kind: core('PodPortForwardOptions'), verbs: ['create', 'get'] },
      proxy: { kind: core('PodProxyOptions'), verbs: ['create', 'delete', 'get', 'patch', 'update'] },
      resize: { kind: core('Pod'), verbs: ['get', 'patch', 'update'] },
    },
  },
  strategy: {
    defaults: (obj) => defaultPod(obj),
    ...statusSplitHooks({
      generation: true,
      initialStatus: (obj) => ({ phase: 'Pending', qosClass: podQOSClass(isMap(obj.spec) ? obj.spec : undefined) }),
    }),
    validate: (obj) => validatePodSpec(obj.spec, 'spec'),
    validateUpdate: validatePodUpdate,
  },
  table: podTable,
  fieldSelectors: podFieldSelectors,
};
