/**
 * autoscaling/v1 and autoscaling/v2 HorizontalPodAutoscaler
 * (staging/src/k8s.io/api/autoscaling/{v1,v2}/types.go). v2 is the storage version.
 */
import type { Definitions } from '../../../api/openapi-schema.js';
import {
  AUTOSCALING,
  atomic,
  int32,
  int64,
  kindObj,
  listKind,
  mapList,
  meta,
  obj,
  quantity,
  ref,
  str,
  time,
} from '../schema-dsl.js';

export const AUTOSCALING_V2 = 'io.k8s.api.autoscaling.v2.';
const v1 = (name: string, description?: string) => ref(AUTOSCALING + name, description);
const v2 = (name: string, description?: string) => ref(AUTOSCALING_V2 + name, description);
const gvk = (version: string, kind: string) => ({ group: 'autoscaling', version, kind });

// v1's reference is `+structType=atomic`; v2's is not.
const crossVersionRef = (atomicStruct: boolean) =>
  obj(
    { apiVersion: str(), kind: str(), name: str() },
    { required: ['kind', 'name'], ...(atomicStruct ? { mapType: 'atomic' as const } : {}) },
  );

const v1Definitions: Definitions = {
  [`${AUTOSCALING}HorizontalPodAutoscaler`]: kindObj(
    gvk('v1', 'HorizontalPodAutoscaler'),
    { spec: v1('HorizontalPodAutoscalerSpec'), status: v1('HorizontalPodAutoscalerStatus') },
    { description: 'Configuration of a horizontal pod autoscaler.' },
  ),
  [`${AUTOSCALING}HorizontalPodAutoscalerList`]: listKind(
    gvk('v1', 'HorizontalPodAutoscalerList'),
    `${AUTOSCALING}HorizontalPodAutoscaler`,
  ),
  [`${AUTOSCALING}HorizontalPodAutoscalerSpec`]: obj(
    {
      maxReplicas: int32(),
      minReplicas: int32(),
      scaleTargetRef: v1('CrossVersionObjectReference'),
      targetCPUUtilizationPercentage: int32(),
    },
    { required: ['scaleTargetRef', 'maxReplicas'] },
  ),
  [`${AUTOSCALING}HorizontalPodAutoscalerStatus`]: obj(
    {
      currentCPUUtilizationPercentage: int32(),
      currentReplicas: int32(),
      desiredReplicas: int32(),
      lastScaleTime: time(),
      observedGeneration: int64(),
    },
    { required: ['currentReplicas', 'desiredReplicas'] },
  ),
  [`${AUTOSCALING}CrossVersionObjectReference`]: crossVersionRef(true),
};

const metricSources: [string, string, string[]][] = [
  ['ContainerResourceMetricSource', 'container name target', ['name', 'target', 'container']],
  ['ExternalMetricSource', 'metric target', ['metric', 'target']],
  ['ObjectMetricSource', 'describedObject metric target', ['describedObject', 'target', 'metric']],
  ['PodsMetricSource', 'metric target', ['metric', 'target']],
  ['ResourceMetricSource', 'name target', ['name', 'target']],
];
const metricStatuses: [string, string, string[]][] = [
  ['ContainerResourceMetricStatus', 'container current name', ['name', 'current', 'container']],
  ['ExternalMetricStatus', 'current metric', ['metric', 'current']],
  ['ObjectMetricStatus', 'current describedObject metric', ['metric', 'current', 'describedObject']],
  ['PodsMetricStatus', 'current metric', ['metric', 'current']],
  ['ResourceMetricStatus', 'current name', ['name', 'current']],
];
const FIELD_TYPES: Record<string, () => ReturnType<typeof str>> = {
  container: () => str(),
  name: () => str(),
  target: () => v2('MetricTarget'),
  metric: () => v2('MetricIdentifier'),
  describedObject: () => v2('CrossVersionObjectReference'),
  current: () => v2('MetricValueStatus'),
};
const structOf = (fields: string, required: string[]) =>
  obj(Object.fromEntries(fields.split(' ').map((f) => [f, (FIELD_TYPES[f] ?? str)()])), { required });

const v2Definitions: Definitions = {
  [`${AUTOSCALING_V2}HorizontalPodAutoscaler`]: kindObj(
    gvk('v2', 'HorizontalPodAutoscaler'),
    { spec: v2('HorizontalPodAutoscalerSpec'), status: v2('HorizontalPodAutoscalerStatus') },
    { description: 'Automatically manages the replica count of a scalable resource from metrics.' },
  ),
  [`${AUTOSCALING_V2}HorizontalPodAutoscalerList`]: listKind(
    gvk('v2', 'HorizontalPodAutoscalerList'),
    `${AUTOSCALING_V2}HorizontalPodAutoscaler`,
  ),
  [`${AUTOSCALING_V2}HorizontalPodAutoscalerSpec`]: obj(
    {
      behavior: v2('HorizontalPodAutoscalerBehavior'),
      maxReplicas: int32(),
      metrics: atomic(v2('MetricSpec')),
      minReplicas: int32(),
      scaleTargetRef: v2('CrossVersionObjectReference'),
    },
    { required: ['scaleTargetRef', 'maxReplicas'] },
  ),
  [`${AUTOSCALING_V2}CrossVersionObjectReference`]: crossVersionRef(false),
  [`${AUTOSCALING_V2}HorizontalPodAutoscalerBehavior`]: obj({
    scaleDown: v2('HPAScalingRules'),
    scaleUp: v2('HPAScalingRules'),
  }),
  [`${AUTOSCALING_V2}HPAScalingRules`]: obj({
    policies: atomic(v2('HPAScalingPolicy')),
    selectPolicy: str(),
    stabilizationWindowSeconds: int32(),
    tolerance: quantity(),
  }),
  [`${AUTOSCALING_V2}HPAScalingPolicy`]: obj(
    { periodSeconds: int32(), type: str(), value: int32() },
    { required: ['type', 'value', 'periodSeconds'] },
  ),
  [`${AUTOSCALING_V2}MetricSpec`]: obj(
    {
      containerResource: v2('ContainerResourceMetricSource'),
      external: v2('ExternalMetricSource'),
      object: v2('ObjectMetricSource'),
      pods: v2('PodsMetricSource'),
      resource: v2('ResourceMetricSource'),
      type: str('ContainerResource, External, Object, Pods or Resource.'),
    },
    { required: ['type'] },
  ),
  ...Object.fromEntries(metricSources.map(([n, f, r]) => [AUTOSCALING_V2 + n, structOf(f, r)])),
  [`${AUTOSCALING_V2}MetricIdentifier`]: obj({ name: str(), selector: meta('LabelSelector') }, { required: ['name'] }),
  [`${AUTOSCALING_V2}MetricTarget`]: obj(
    { averageUtilization: int32(), averageValue: quantity(), type: str(), value: quantity() },
    { required: ['type'] },
  ),
  [`${AUTOSCALING_V2}HorizontalPodAutoscalerStatus`]: obj(
    {
      conditions: mapList(v2('HorizontalPodAutoscalerCondition'), ['type']),
      currentMetrics: atomic(v2('MetricStatus')),
      currentReplicas: int32(),
      desiredReplicas: int32(),
      lastScaleTime: time(),
      observedGeneration: int64(),
    },
    { required: ['desiredReplicas'] },
  ),
  [`${AUTOSCALING_V2}HorizontalPodAutoscalerCondition`]: obj(
    { lastTransitionTime: time(), message: str(), reason: str(), status: str(), type: str() },
    { required: ['type', 'status'] },
  ),
  [`${AUTOSCALING_V2}MetricStatus`]: obj(
    {
      containerResource: v2('ContainerResourceMetricStatus'),
      external: v2('ExternalMetricStatus'),
      object: v2('ObjectMetricStatus'),
      pods: v2('PodsMetricStatus'),
      resource: v2('ResourceMetricStatus'),
      type: str(),
    },
    { required: ['type'] },
  ),
  ...Object.fromEntries(metricStatuses.map(([n, f, r]) => [AUTOSCALING_V2 + n, structOf(f, r)])),
  [`${AUTOSCALING_V2}MetricValueStatus`]: obj({
    averageUtilization: int32(),
    averageValue: quantity(),
    value: quantity(),
  }),
};

export const hpaDefinitions: Definitions = { ...v1Definitions, ...v2Definitions };
