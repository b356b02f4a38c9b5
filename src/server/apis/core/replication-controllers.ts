/**
 * core/v1 replicationcontrollers (+scale, +status) and podtemplates: defaults taken from the
 * template's labels, the workload validation shared with ReplicaSets, and their tables.
 */
import { type FieldError, fieldRequired } from '../../../api/status.js';
import { containerCells, nonNegativeCounts, validateSelectorAndTemplate } from '../apps/workload-checks.js';
import { ensureMap, isMap, type JsonMap, mapAt, numAt, setDefault } from '../object-access.js';
import { plainHooks, statusSplitHooks } from '../status-split.js';
import { age, ageColumn, column, nameColumn, nameOf } from '../table-columns.js';
import type { KindDefinition, KubeObject } from '../types.js';
import { defaultTemplate } from './pod-defaults.js';

const specOf = (o: KubeObject): JsonMap => mapAt(o, 'spec') ?? {};

/** labels.FormatLabels: `k=v` pairs sorted by key, `<none>` when empty. */
export function formatLabels(m: unknown): string {
  if (!isMap(m) || Object.keys(m).length === 0) return '<none>';
  return Object.keys(m)
    .sort()
    .map((k) => `${k}=${String(m[k])}`)
    .join(',');
}

/** SetDefaults_ReplicationController: selector and labels from the template, one replica. */
export function defaultRC(rc: KubeObject): void {
  const spec = ensureMap(rc, 'spec');
  if (!spec) return;
  const labels = mapAt(mapAt(spec.template, 'metadata'), 'labels');
  if (labels) {
    if (!isMap(spec.selector) || Object.keys(spec.selector).length === 0) spec.selector = { ...labels };
    rc.metadata ??= {};
    if (!rc.metadata.labels || Object.keys(rc.metadata.labels).length === 0)
      rc.metadata.labels = { ...(labels as Record<string, string>) };
  }
  setDefault(spec, 'replicas', 1);
  defaultTemplate(spec.template);
}

function validateRC(rc: KubeObject): FieldError[] {
  const spec = specOf(rc);
  const errs = nonNegativeCounts(spec, 'spec');
  const selector = mapAt(spec, 'selector');
  if (!selector || Object.keys(selector).length === 0) {
    errs.push(fieldRequired('spec.selector'));
    if (!isMap(spec.template)) errs.push(fieldRequired('spec.template'));
    return errs;
  }
  // The map selector behaves as a LabelSelector's matchLabels.
  errs.push(
    ...validateSelectorAndTemplate({ ...spec, selector: { matchLabels: selector } }, 'spec', { onlyAlways: true }).map(
      (e) =>
        e.detail === 'activeDeadlineSeconds in ReplicaSet is not Supported'
          ? { ...e, detail: 'activeDeadlineSeconds in ReplicationController is not Supported' }
          : e,
    ),
  );
  return errs;
}

export const replicationcontrollers: KindDefinition = {
  group: '',
  version: 'v1',
  kind: 'ReplicationController',
  resource: 'replicationcontrollers',
  singular: 'replicationcontroller',
  namespaced: true,
  shortNames: ['rc'],
  categories: ['all'],
  definition: 'io.k8s.api.core.v1.ReplicationController',
  subresources: {
    status: true,
    // The selector is a plain label map at .spec.selector (the scale handler must read it as matchLabels).
    scale: {
      specReplicasPath: '.spec.replicas',
      statusReplicasPath: '.status.replicas',
      labelSelectorPath: '.spec.selector',
    },
  },
  strategy: {
    defaults: defaultRC,
    ...statusSplitHooks({ generation: true, initialStatus: () => ({ replicas: 0 }) }),
    validate: validateRC,
  },
  table: {
    columns: [
      nameColumn(),
      {
        ...column(
          'Desired',
          'Replicas is the number of desired replicas. This is a pointer to distinguish between explicit zero and unspecified. Defaults to 1. More info: https://kubernetes.io/docs/concepts/workloads/controllers/replicationcontroller#what-is-a-replicationcontroller',
        ),
        type: 'integer',
      },
      {
        ...column(
          'Current',
          'Replicas is the most recently observed number of replicas. More info: https://kubernetes.io/docs/concepts/workloads/controllers/replicationcontroller#what-is-a-replicationcontroller',
        ),
        type: 'integer',
      },
      { ...column('Ready', 'The number of ready replicas for this replication controller.'), type: 'integer' },
      ageColumn(),
      column('Containers', 'Names of each container in the template.', { wide: true }),
      column('Images', 'Images referenced by each container in the template.', { wide: true }),
      column(
        'Selector',
        'Selector is a label query over pods that should match the Replicas count. If Selector is empty, it is defaulted to the labels present on the Pod template. Label keys and values that must match in order to be controlled by this replication controller, if empty defaulted to labels on Pod template. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/labels/#label-selectors',
        { wide: true },
      ),
    ],
    cells(rc, now) {
      const spec = specOf(rc);
      const status = mapAt(rc, 'status');
      const [containers, images] = containerCells(mapAt(mapAt(spec, 'template'), 'spec'));
      return [
        nameOf(rc),
        numAt(spec, 'replicas') ?? 0,
        numAt(status, 'replicas') ?? 0,
        numAt(status, 'readyReplicas') ?? 0,
        age(rc.metadata?.creationTimestamp, now),
        containers,
        images,
        formatLabels(spec.selector),
      ];
    },
  },
  fieldSelectors: (rc) => ({ 'status.replicas': String(numAt(mapAt(rc, 'status'), 'replicas') ?? 0) }),
};

export const podtemplates: KindDefinition = {
  group: '',
  version: 'v1',
  kind: 'PodTemplate',
  resource: 'podtemplates',
  singular: 'podtemplate',
  namespaced: true,
  definition: 'io.k8s.api.core.v1.PodTemplate',
  strategy: {
    defaults: (pt) => defaultTemplate(pt.template),
    ...plainHooks(),
    validate(pt) {
      if (!isMap(pt.template)) return [fieldRequired('template')];
      // ValidatePodTemplateSpec: the pod spec rules apply, any restart policy is allowed.
      const errs = validateSelectorAndTemplate({ template: pt.template }, 'x', { requireSelector: false });
      return errs.map((e) => ({ ...e, field: e.field.replace(/^x\./, '') }));
    },
  },
  table: {
    columns: [
      nameColumn(),
      column('Containers', 'Names of each container in the template.'),
      column('Images', 'Images referenced by each container in the template.'),
      column('Pod Labels', 'The labels for the pod template.'),
    ],
    cells(pt) {
      const t = mapAt(pt, 'template');
      const [containers, images] = containerCells(mapAt(t, 'spec'));
      return [nameOf(pt), containers, images, formatLabels(mapAt(mapAt(t, 'metadata'), 'labels'))];
    },
  },
};
