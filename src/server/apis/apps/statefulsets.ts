/** apps/v1 statefulsets and daemonsets: defaults, validation, status/scale subresources, tables. */
import { type FieldError, fieldForbidden } from '../../../api/status.js';
import { defaultTemplate } from '../core/pod-defaults.js';
import { formatLabels } from '../core/services.js';
import { oneOf } from '../field-checks.js';
import {
  ensureMap,
  isMap,
  type JsonMap,
  jsonEqual,
  mapAt,
  mapsAt,
  numAt,
  setDefault,
  setDefaultString,
} from '../object-access.js';
import { statusSplitHooks } from '../status-split.js';
import { age, ageColumn, column, nameColumn, nameOf } from '../table-columns.js';
import type { KindDefinition, KubeObject } from '../types.js';
import {
  containerCells,
  immutableSelector,
  nonNegativeCounts,
  selectorCell,
  validateSelectorAndTemplate,
} from './workload-checks.js';

const specOf = (o: KubeObject): JsonMap => (isMap(o.spec) ? o.spec : {});
const statusNum = (o: KubeObject, k: string): number => numAt(mapAt(o, 'status'), k) ?? 0;

/** SetDefaults_StatefulSet (MaxUnavailableStatefulSet is on by default in v1.35). */
export function defaultStatefulSet(s: KubeObject): void {
  const spec = ensureMap(s, 'spec');
  if (!spec) return;
  setDefaultString(spec, 'podManagementPolicy', 'OrderedReady');
  const strategy = ensureMap(spec, 'updateStrategy');
  if (strategy) {
    if (!strategy.type) {
      strategy.type = 'RollingUpdate';
      ensureMap(strategy, 'rollingUpdate');
    }
    const ru = mapAt(strategy, 'rollingUpdate');
    if (strategy.type === 'RollingUpdate' && ru) {
      setDefault(ru, 'partition', 0);
      setDefault(ru, 'maxUnavailable', 1);
    }
  }
  const retention = ensureMap(spec, 'persistentVolumeClaimRetentionPolicy');
  if (retention) {
    setDefaultString(retention, 'whenDeleted', 'Retain');
    setDefaultString(retention, 'whenScaled', 'Retain');
  }
  setDefault(spec, 'replicas', 1);
  setDefault(spec, 'revisionHistoryLimit', 10);
  for (const claim of mapsAt(spec, 'volumeClaimTemplates')) {
    setDefaultString(claim, 'apiVersion', 'v1');
    setDefaultString(claim, 'kind', 'PersistentVolumeClaim');
    const claimSpec = ensureMap(claim, 'spec');
    if (claimSpec) setDefaultString(claimSpec, 'volumeMode', 'Filesystem');
    // PersistentVolumeClaimStatus is a plain struct: a template prints `status: {phase: Pending}`.
    const status = ensureMap(claim, 'status');
    if (status) setDefaultString(status, 'phase', 'Pending');
  }
  defaultTemplate(spec.template);
}

const STS_MUTABLE = [
  'replicas',
  'ordinals',
  'template',
  'updateStrategy',
  'revisionHistoryLimit',
  'persistentVolumeClaimRetentionPolicy',
  'minReadySeconds',
];

function validateStatefulSet(s: KubeObject): FieldError[] {
  const spec = specOf(s);
  const errs = nonNegativeCounts(spec, 'spec');
  errs.push(...oneOf(spec.podManagementPolicy, 'spec.podManagementPolicy', ['OrderedReady', 'Parallel'], true));
  const strategy = mapAt(spec, 'updateStrategy');
  errs.push(...oneOf(strategy?.type, 'spec.updateStrategy.type', ['RollingUpdate', 'OnDelete'], true));
  if (strategy?.type === 'OnDelete' && mapAt(strategy, 'rollingUpdate'))
    errs.push(fieldForbidden('spec.updateStrategy.rollingUpdate', "only allowed for updateStrategy 'RollingUpdate'"));
  errs.push(...validateSelectorAndTemplate(spec, 'spec', { onlyAlways: true }));
  return errs;
}

function validateStatefulSetUpdate(s: KubeObject, old: KubeObject): FieldError[] {
  const strip = (spec: unknown) => {
    const copy: JsonMap = isMap(spec) ? { ...spec } : {};
    for (const k of STS_MUTABLE) delete copy[k];
    return copy;
  };
  if (jsonEqual(strip(s.spec), strip(old.spec))) return [];
  return [
    fieldForbidden(
      'spec',
      "updates to statefulset spec for fields other than 'replicas', 'ordinals', 'template', 'updateStrategy', 'revisionHistoryLimit', 'persistentVolumeClaimRetentionPolicy' and 'minReadySeconds' are forbidden",
    ),
  ];
}

export const statefulsets: KindDefinition = {
  group: 'apps',
  version: 'v1',
  kind: 'StatefulSet',
  resource: 'statefulsets',
  singular: 'statefulset',
  namespaced: true,
  shortNames: ['sts'],
  categories: ['all'],
  definition: 'io.k8s.api.apps.v1.StatefulSet',
  subresources: {
    status: true,
    scale: {
      specReplicasPath: '.spec.replicas',
      statusReplicasPath: '.status.replicas',
      labelSelectorPath: '.spec.selector',
    },
  },
  strategy: {
    defaults: defaultStatefulSet,
    ...statusSplitHooks({ generation: true, initialStatus: () => ({ availableReplicas: 0, replicas: 0 }) }),
    validate: validateStatefulSet,
    validateUpdate: validateStatefulSetUpdate,
  },
  table: {
    columns: [
      nameColumn(),
      column('Ready', 'Number of the pod with ready state'),
      ageColumn(),
      column('Containers', 'Names of each container in the template.', { wide: true }),
      column('Images', 'Images referenced by each container in the template.', { wide: true }),
    ],
    cells(s, now) {
      const spec = specOf(s);
      const [containers, images] = containerCells(mapAt(mapAt(spec, 'template'), 'spec'));
      return [
        nameOf(s),
        `${statusNum(s, 'readyReplicas')}/${numAt(spec, 'replicas') ?? 0}`,
        age(s.metadata?.creationTimestamp, now),
        containers,
        images,
      ];
    },
  },
};

/** SetDefaults_DaemonSet. */
export function defaultDaemonSet(ds: KubeObject): void {
  const spec = ensureMap(ds, 'spec');
  if (!spec) return;
  const strategy = ensureMap(spec, 'updateStrategy');
  if (strategy) {
    setDefaultString(strategy, 'type', 'RollingUpdate');
    if (strategy.type === 'RollingUpdate') {
      const ru = ensureMap(strategy, 'rollingUpdate');
      if (ru) {
        setDefault(ru, 'maxUnavailable', 1);
        setDefault(ru, 'maxSurge', 0);
      }
    }
  }
  setDefault(spec, 'revisionHistoryLimit', 10);
  defaultTemplate(spec.template);
}

function validateDaemonSet(ds: KubeObject): FieldError[] {
  const spec = specOf(ds);
  const errs = nonNegativeCounts(spec, 'spec');
  errs.push(...validateSelectorAndTemplate(spec, 'spec', { onlyAlways: true }));
  const strategy = mapAt(spec, 'updateStrategy');
  errs.push(...oneOf(strategy?.type, 'spec.updateStrategy.type', ['RollingUpdate', 'OnDelete'], true));
  return errs;
}

export const daemonsets: KindDefinition = {
  group: 'apps',
  version: 'v1',
  kind: 'DaemonSet',
  resource: 'daemonsets',
  singular: 'daemonset',
  namespaced: true,
  shortNames: ['ds'],
  categories: ['all'],
  definition: 'io.k8s.api.apps.v1.DaemonSet',
  subresources: { status: true },
  strategy: {
    defaults: defaultDaemonSet,
    ...statusSplitHooks({
      generation: true,
      initialStatus: () => ({
        currentNumberScheduled: 0,
        desiredNumberScheduled: 0,
        numberMisscheduled: 0,
        numberReady: 0,
      }),
    }),
    validate: validateDaemonSet,
    validateUpdate: (obj, old) => immutableSelector(obj.spec, old.spec),
  },
  table: {
    columns: [
      nameColumn(),
      { ...column('Desired', 'The total number of nodes that should be running the daemon pod.'), type: 'integer' },
      {
        ...column('Current', 'The number of nodes running at least one daemon pod that are supposed to.'),
        type: 'integer',
      },
      { ...column('Ready', 'The number of nodes running the daemon pod with a Ready condition.'), type: 'integer' },
      { ...column('Up-to-date', 'The number of nodes running the updated daemon pod.'), type: 'integer' },
      {
        ...column('Available', 'The number of nodes running the daemon pod available for minReadySeconds.'),
        type: 'integer',
      },
      column('Node Selector', 'NodeSelector is a selector which must be true for the pod to fit on a node.'),
      ageColumn(),
      column('Containers', 'Names of each container in the template.', { wide: true }),
      column('Images', 'Images referenced by each container in the template.', { wide: true }),
      column('Selector', 'A label query over pods that are managed by the daemon set.', { wide: true }),
    ],
    cells(ds, now) {
      const spec = specOf(ds);
      const podSpec = mapAt(mapAt(spec, 'template'), 'spec');
      const [containers, images] = containerCells(podSpec);
      return [
        nameOf(ds),
        statusNum(ds, 'desiredNumberScheduled'),
        statusNum(ds, 'currentNumberScheduled'),
        statusNum(ds, 'numberReady'),
        statusNum(ds, 'updatedNumberScheduled'),
        statusNum(ds, 'numberAvailable'),
        formatLabels(podSpec?.nodeSelector),
        age(ds.metadata?.creationTimestamp, now),
        containers,
        images,
        selectorCell(spec.selector),
      ];
    },
  },
};
