/**
 * autoscaling/v2 and autoscaling/v1 horizontalpodautoscalers: kube's v2 defaults (min 1
 * replica, CPU 80% when no metric is given, scaling behavior rules), validation and table.
 * Both versions share one strategy working on the v2 shape; v1 objects are converted with
 * `convertHPA` (see hpa-conversion.ts).
 */
import { Quantity } from '../../../api/quantity.js';
import { type FieldError, fieldInvalid, fieldRequired } from '../../../api/status.js';
import { idx, oneOf } from '../field-checks.js';
import { ensureMap, isMap, type JsonMap, listAt, mapAt, mapsAt, numAt, setDefault, strAt } from '../object-access.js';
import { statusSplitHooks } from '../status-split.js';
import { age, ageColumn, column, nameColumn, nameOf } from '../table-columns.js';
import type { KindDefinition, KubeObject, Strategy } from '../types.js';
import { convertHPA } from './hpa-conversion.js';

const SCALE_UP = {
  stabilizationWindowSeconds: 0,
  selectPolicy: 'Max',
  policies: [
    { type: 'Pods', value: 4, periodSeconds: 15 },
    { type: 'Percent', value: 100, periodSeconds: 15 },
  ],
};
const SCALE_DOWN = {
  stabilizationWindowSeconds: 300,
  selectPolicy: 'Max',
  policies: [{ type: 'Percent', value: 100, periodSeconds: 15 }],
};

/** GenerateHPAScaleUpRules / GenerateHPAScaleDownRules: fill each unset field from kube's defaults. */
function fillRules(behavior: JsonMap, key: string, dflt: typeof SCALE_UP): void {
  const rules = ensureMap(behavior, key);
  if (!rules) return;
  setDefault(rules, 'stabilizationWindowSeconds', dflt.stabilizationWindowSeconds);
  setDefault(rules, 'selectPolicy', dflt.selectPolicy);
  if (rules.policies === undefined || rules.policies === null) rules.policies = structuredClone(dflt.policies);
}

/** SetDefaults_HorizontalPodAutoscaler (autoscaling/v2). */
export function defaultHPAv2(hpa: KubeObject): void {
  const spec = ensureMap(hpa, 'spec');
  if (!spec) return;
  setDefault(spec, 'minReplicas', 1);
  if (listAt(spec, 'metrics').length === 0)
    spec.metrics = [
      { type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 80 } } },
    ];
  if (isMap(spec.behavior)) {
    fillRules(spec.behavior, 'scaleUp', SCALE_UP);
    fillRules(spec.behavior, 'scaleDown', SCALE_DOWN);
  }
}

const METRIC_TYPES = ['ContainerResource', 'External', 'Object', 'Pods', 'Resource'];
const SOURCE_FIELD: Record<string, string> = {
  ContainerResource: 'containerResource',
  External: 'external',
  Object: 'object',
  Pods: 'pods',
  Resource: 'resource',
};

function validateMetric(m: JsonMap, path: string): FieldError[] {
  const errs = oneOf(m.type, `${path}.type`, METRIC_TYPES, true);
  const field = SOURCE_FIELD[String(m.type ?? '')];
  if (!field) return errs;
  const src = mapAt(m, field);
  if (!src) {
    errs.push(fieldRequired(`${path}.${field}`, `must populate information for the given metric source`));
    return errs;
  }
  const target = mapAt(src, 'target');
  if (!target) errs.push(fieldRequired(`${path}.${field}.target`, 'must specify a metric target'));
  else {
    errs.push(...oneOf(target.type, `${path}.${field}.target.type`, ['AverageValue', 'Utilization', 'Value'], true));
    const u = numAt(target, 'averageUtilization');
    if (u !== undefined && u < 1)
      errs.push(fieldInvalid(`${path}.${field}.target.averageUtilization`, u, 'must be greater than 0'));
  }
  if ((field === 'resource' || field === 'containerResource') && !strAt(src, 'name'))
    errs.push(fieldRequired(`${path}.${field}.name`, 'must specify a resource name'));
  return errs;
}

/** ValidateHorizontalPodAutoscalerSpec on the v2 shape. */
export function validateHPAv2(hpa: KubeObject): FieldError[] {
  const spec: JsonMap = mapAt(hpa, 'spec') ?? {};
  const errs: FieldError[] = [];
  const min = numAt(spec, 'minReplicas');
  const max = numAt(spec, 'maxReplicas') ?? 0;
  if (min !== undefined && min < 1)
    errs.push(fieldInvalid('spec.minReplicas', min, 'must be greater than or equal to 1'));
  if (max < 1) errs.push(fieldInvalid('spec.maxReplicas', max, 'must be greater than 0'));
  if (min !== undefined && max < min)
    errs.push(fieldInvalid('spec.maxReplicas', max, 'must be greater than or equal to `minReplicas`'));
  const ref = mapAt(spec, 'scaleTargetRef') ?? {};
  if (!strAt(ref, 'kind')) errs.push(fieldRequired('spec.scaleTargetRef.kind'));
  if (!strAt(ref, 'name')) errs.push(fieldRequired('spec.scaleTargetRef.name'));
  mapsAt(spec, 'metrics').forEach((m, i) => {
    errs.push(...validateMetric(m, idx('spec.metrics', i)));
  });
  return errs;
}

const qty = (v: unknown): string => {
  if (v === undefined || v === null) return '0';
  try {
    return Quantity.parse(String(v)).toString();
  } catch {
    return String(v);
  }
};

/** formatHPAMetrics: `current/target` per metric, two at most, `<none>` without metrics. */
export function hpaTargets(hpa: KubeObject): string {
  const specs = mapsAt(mapAt(hpa, 'spec'), 'metrics');
  if (specs.length === 0) return '<none>';
  const statuses = mapsAt(mapAt(hpa, 'status'), 'currentMetrics');
  const list = specs.map((spec, i) => {
    const field = SOURCE_FIELD[String(spec.type ?? '')];
    if (!field) return '<unknown type>';
    const src = mapAt(spec, field) ?? {};
    const target = mapAt(src, 'target') ?? {};
    const cur = mapAt(mapAt(statuses[i], field), 'current');
    const has = isMap(mapAt(statuses[i], field));
    const name = strAt(src, 'name') ?? '';
    if (field === 'resource' || field === 'containerResource') {
      if (target.averageValue !== undefined) {
        const current = has ? qty(cur?.averageValue) : '<unknown>';
        return `${name}: ${current}/${qty(target.averageValue)}`;
      }
      const u = numAt(cur, 'averageUtilization');
      const current = has && u !== undefined ? `${u}%` : '<unknown>';
      const t = numAt(target, 'averageUtilization');
      return `${name}: ${current}/${t !== undefined ? `${t}%` : '<auto>'}`;
    }
    if (field === 'pods') return `${has ? qty(cur?.averageValue) : '<unknown>'}/${qty(target.averageValue)}`;
    if (target.averageValue !== undefined) {
      const current = has && cur?.averageValue !== undefined ? qty(cur.averageValue) : '<unknown>';
      return `${current}/${qty(target.averageValue)} (avg)`;
    }
    return `${has ? qty(cur?.value) : '<unknown>'}/${qty(target.value)}`;
  });
  return list.length > 2 ? `${list.slice(0, 2).join(', ')} + ${list.length - 2} more...` : list.join(', ');
}

const hpaTable = (toV2: (o: KubeObject) => KubeObject) => ({
  columns: [
    nameColumn(),
    column(
      'Reference',
      'reference to scaled resource; horizontal pod autoscaler will learn the current resource consumption and will set the desired number of pods by using its Scale subresource.',
    ),
    column(
      'Targets',
      'the specifications for which to use to calculate the desired replica count (the maximum replica count across all metrics will be used).  The desired replica count is calculated multiplying the ratio between the target value and the current value by the current number of pods.  Ergo, metrics used must decrease as the pod count is increased, and vice-versa.  See the individual metric source types for more information about how each type of metric must respond.',
    ),
    column(
      'MinPods',
      'minReplicas is the lower limit for the number of replicas to which the autoscaler can scale down.  It defaults to 1 pod.  minReplicas is allowed to be 0 if the alpha feature gate HPAScaleToZero is enabled and at least one Object or External metric is configured.  Scaling is active as long as at least one metric value is available.',
    ),
    column(
      'MaxPods',
      'maxReplicas is the upper limit for the number of replicas to which the autoscaler can scale up. It cannot be less that minReplicas.',
    ),
    column(
      'Replicas',
      'currentReplicas is current number of replicas of pods managed by this autoscaler, as last seen by the autoscaler.',
    ),
    ageColumn(),
  ],
  cells(obj: KubeObject, now: Date) {
    const hpa = toV2(obj);
    const spec = mapAt(hpa, 'spec') ?? {};
    const ref = mapAt(spec, 'scaleTargetRef') ?? {};
    const min = numAt(spec, 'minReplicas');
    return [
      nameOf(hpa),
      `${String(ref.kind ?? '')}/${String(ref.name ?? '')}`,
      hpaTargets(hpa),
      min === undefined ? '<unset>' : String(min),
      numAt(spec, 'maxReplicas') ?? 0,
      numAt(mapAt(hpa, 'status'), 'currentReplicas') ?? 0,
      age(hpa.metadata?.creationTimestamp, now),
    ];
  },
});

// The status struct's desiredReplicas (and v1's currentReplicas) are not omitempty.
const hooks = statusSplitHooks({ generation: true, initialStatus: () => ({ currentReplicas: 0, desiredReplicas: 0 }) });

const v2Strategy: Strategy = { defaults: defaultHPAv2, ...hooks, validate: validateHPAv2 };

/** v1 objects are checked and defaulted through their v2 form, as kube does via its internal type. */
const v1Strategy: Strategy = {
  defaults(hpa) {
    const spec = ensureMap(hpa, 'spec');
    if (spec) setDefault(spec, 'minReplicas', 1);
  },
  ...hooks,
  validate: (hpa) =>
    validateHPAv2(convertHPA({ ...hpa, apiVersion: 'autoscaling/v1' }, 'v2')).map((e) => ({
      ...e,
      field: e.field.startsWith('spec.metrics[0].resource.target.averageUtilization')
        ? 'spec.targetCPUUtilizationPercentage'
        : e.field,
    })),
};

const base = {
  group: 'autoscaling',
  kind: 'HorizontalPodAutoscaler',
  resource: 'horizontalpodautoscalers',
  singular: 'horizontalpodautoscaler',
  namespaced: true,
  shortNames: ['hpa'],
  categories: ['all'],
  subresources: { status: true },
  storagePrefix: 'horizontalpodautoscalers',
} as const;

export const horizontalpodautoscalersV2: KindDefinition = {
  ...base,
  shortNames: [...base.shortNames],
  categories: [...base.categories],
  subresources: { status: true },
  version: 'v2',
  definition: 'io.k8s.api.autoscaling.v2.HorizontalPodAutoscaler',
  strategy: v2Strategy,
  // Until the registry converts on write, an object may still carry its v1 form: print it as v2.
  table: hpaTable((o) => convertHPA(o, 'v2')),
};

export const horizontalpodautoscalersV1: KindDefinition = {
  ...base,
  shortNames: [...base.shortNames],
  categories: [...base.categories],
  subresources: { status: true },
  version: 'v1',
  definition: 'io.k8s.api.autoscaling.v1.HorizontalPodAutoscaler',
  strategy: v1Strategy,
  table: hpaTable((o) => convertHPA({ ...o, apiVersion: 'autoscaling/v1' }, 'v2')),
};
