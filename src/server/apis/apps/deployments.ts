/** apps/v1 deployments and replicasets: defaults, validation, status/scale subresources, tables. */
import type { FieldError } from '../../../api/status.js';
import { fieldForbidden, fieldInvalid } from '../../../api/status.js';
import { defaultTemplate } from '../core/pod-defaults.js';
import { oneOf } from '../field-checks.js';
import {
  ensureMap,
  isMap,
  type JsonMap,
  jsonEqual,
  mapAt,
  numAt,
  setDefault,
  setDefaultString,
} from '../object-access.js';
import { specChanged, statusSplitHooks } from '../status-split.js';
import { age, ageColumn, column, nameColumn, nameOf } from '../table-columns.js';
import type { KindDefinition, KubeObject, Strategy } from '../types.js';
import {
  containerCells,
  immutableSelector,
  nonNegativeCounts,
  selectorCell,
  validateSelectorAndTemplate,
} from './workload-checks.js';

const specOf = (o: KubeObject): JsonMap => (isMap(o.spec) ? o.spec : {});
const statusNum = (o: KubeObject, k: string): number => numAt(mapAt(o, 'status'), k) ?? 0;

/** SetDefaults_Deployment. */
export function defaultDeployment(d: KubeObject): void {
  const spec = ensureMap(d, 'spec');
  if (!spec) return;
  setDefault(spec, 'replicas', 1);
  const strategy = ensureMap(spec, 'strategy');
  if (strategy) {
    setDefaultString(strategy, 'type', 'RollingUpdate');
    if (strategy.type === 'RollingUpdate') {
      const ru = ensureMap(strategy, 'rollingUpdate');
      if (ru) {
        setDefault(ru, 'maxUnavailable', '25%');
        setDefault(ru, 'maxSurge', '25%');
      }
    }
  }
  setDefault(spec, 'revisionHistoryLimit', 10);
  setDefault(spec, 'progressDeadlineSeconds', 600);
  defaultTemplate(spec.template);
}

const isZero = (v: unknown) => v === 0 || v === '0' || v === '0%';

function validateDeployment(d: KubeObject): FieldError[] {
  const spec = specOf(d);
  const errs = nonNegativeCounts(spec, 'spec');
  errs.push(...validateSelectorAndTemplate(spec, 'spec', { onlyAlways: true }));
  const strategy = mapAt(spec, 'strategy');
  if (strategy) {
    errs.push(...oneOf(strategy.type, 'spec.strategy.type', ['Recreate', 'RollingUpdate'], true));
    const ru = mapAt(strategy, 'rollingUpdate');
    if (strategy.type === 'Recreate' && ru)
      errs.push(
        fieldForbidden('spec.strategy.rollingUpdate', "may not be specified when strategy `type` is 'Recreate'"),
      );
    if (strategy.type === 'RollingUpdate' && ru && isZero(ru.maxUnavailable) && isZero(ru.maxSurge))
      errs.push(
        fieldInvalid(
          'spec.strategy.rollingUpdate.maxUnavailable',
          ru.maxUnavailable,
          'may not be 0 when `maxSurge` is 0',
        ),
      );
  }
  const pds = spec.progressDeadlineSeconds;
  if (typeof pds === 'number') {
    if (pds < 0) errs.push(fieldInvalid('spec.progressDeadlineSeconds', pds, 'must be greater than or equal to 0'));
    else if (pds <= (numAt(spec, 'minReadySeconds') ?? 0))
      errs.push(fieldInvalid('spec.progressDeadlineSeconds', pds, 'must be greater than minReadySeconds'));
  }
  return errs;
}

const deploymentHooks = statusSplitHooks({ generation: true, initialStatus: () => ({}) });

/** Deployments also move generation when annotations change: they are copied to replica sets. */
const deploymentSpecChanged = (obj: KubeObject, old: KubeObject): boolean =>
  specChanged(obj, old) || !jsonEqual(obj.metadata?.annotations ?? {}, old.metadata?.annotations ?? {});

const deploymentStrategy: Strategy = {
  defaults: defaultDeployment,
  ...deploymentHooks,
  prepareForUpdate(obj, old, ctx) {
    deploymentHooks.prepareForUpdate?.(obj, old, ctx);
    const prev = old.metadata?.generation ?? 0;
    obj.metadata ??= {};
    obj.metadata.generation = deploymentSpecChanged(obj, old) ? prev + 1 : prev;
  },
  specChanged: deploymentSpecChanged,
  validate: validateDeployment,
  validateUpdate: (obj, old) => immutableSelector(obj.spec, old.spec),
};

const SCALE = {
  specReplicasPath: '.spec.replicas',
  statusReplicasPath: '.status.replicas',
  labelSelectorPath: '.spec.selector',
};

export const deployments: KindDefinition = {
  group: 'apps',
  version: 'v1',
  kind: 'Deployment',
  resource: 'deployments',
  singular: 'deployment',
  namespaced: true,
  shortNames: ['deploy'],
  categories: ['all'],
  definition: 'io.k8s.api.apps.v1.Deployment',
  subresources: { status: true, scale: SCALE },
  strategy: deploymentStrategy,
  table: {
    columns: [
      nameColumn(),
      column('Ready', 'Number of the pod with ready state'),
      column(
        'Up-to-date',
        'Total number of non-terminated pods targeted by this deployment that have the desired template spec.',
      ),
      column(
        'Available',
        'Total number of available pods (ready for at least minReadySeconds) targeted by this deployment.',
      ),
      ageColumn(),
      column('Containers', 'Names of each container in the template.', { wide: true }),
      column('Images', 'Images referenced by each container in the template.', { wide: true }),
      column(
        'Selector',
        'Label selector for pods. Existing ReplicaSets whose pods are selected by this will be the ones affected by this deployment.',
        { wide: true },
      ),
    ],
    cells(d, now) {
      const spec = specOf(d);
      const [containers, images] = containerCells(mapAt(mapAt(spec, 'template'), 'spec'));
      return [
        nameOf(d),
        `${statusNum(d, 'readyReplicas')}/${numAt(spec, 'replicas') ?? 0}`,
        statusNum(d, 'updatedReplicas'),
        statusNum(d, 'availableReplicas'),
        age(d.metadata?.creationTimestamp, now),
        containers,
        images,
        selectorCell(spec.selector),
      ];
    },
  },
};

function validateReplicaSet(rs: KubeObject): FieldError[] {
  const spec = specOf(rs);
  return [...nonNegativeCounts(spec, 'spec'), ...validateSelectorAndTemplate(spec, 'spec', { onlyAlways: true })];
}

export const replicasets: KindDefinition = {
  group: 'apps',
  version: 'v1',
  kind: 'ReplicaSet',
  resource: 'replicasets',
  singular: 'replicaset',
  namespaced: true,
  shortNames: ['rs'],
  categories: ['all'],
  definition: 'io.k8s.api.apps.v1.ReplicaSet',
  subresources: { status: true, scale: SCALE },
  strategy: {
    defaults(rs) {
      const spec = ensureMap(rs, 'spec');
      if (!spec) return;
      setDefault(spec, 'replicas', 1);
      defaultTemplate(spec.template);
    },
    ...statusSplitHooks({ generation: true, initialStatus: () => ({ replicas: 0 }) }),
    validate: validateReplicaSet,
    validateUpdate: (obj, old) => immutableSelector(obj.spec, old.spec),
  },
  table: {
    columns: [
      nameColumn(),
      { ...column('Desired', 'Replicas is the number of desired pods.'), type: 'integer' },
      { ...column('Current', 'Replicas is the most recently observed number of replicas.'), type: 'integer' },
      { ...column('Ready', 'The number of ready replicas for this replica set.'), type: 'integer' },
      ageColumn(),
      column('Containers', 'Names of each container in the template.', { wide: true }),
      column('Images', 'Images referenced by each container in the template.', { wide: true }),
      column('Selector', 'Selector is a label query over pods that should match the replica count.', { wide: true }),
    ],
    cells(rs, now) {
      const spec = specOf(rs);
      const [containers, images] = containerCells(mapAt(mapAt(spec, 'template'), 'spec'));
      return [
        nameOf(rs),
        numAt(spec, 'replicas') ?? 0,
        statusNum(rs, 'replicas'),
        statusNum(rs, 'readyReplicas'),
        age(rs.metadata?.creationTimestamp, now),
        containers,
        images,
        selectorCell(spec.selector),
      ];
    },
  },
  fieldSelectors: (rs) => ({ 'status.replicas': String(statusNum(rs, 'replicas')) }),
};
