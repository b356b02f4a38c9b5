/**
 * Conversion of HorizontalPodAutoscaler between autoscaling/v1 and autoscaling/v2 (the storage
 * version), as kube's autoscaling/v1 conversion does: v1 only has a CPU utilization target, so
 * everything else v2 holds (other metrics, behavior, conditions, current metrics) travels in
 * `autoscaling.alpha.kubernetes.io/*` annotations and comes back on the way to v2.
 *
 * Deviation: kube writes those annotations in its autoscaling/v1 annotation structs; we write
 * the v2 JSON shapes (round trips through this module are lossless either way).
 */
import { clone, isMap, type JsonMap, mapAt, mapsAt, numAt } from '../object-access.js';
import type { KubeObject } from '../types.js';

export const METRICS_ANNOTATION = 'autoscaling.alpha.kubernetes.io/metrics';
export const CURRENT_METRICS_ANNOTATION = 'autoscaling.alpha.kubernetes.io/current-metrics';
export const CONDITIONS_ANNOTATION = 'autoscaling.alpha.kubernetes.io/conditions';
export const BEHAVIOR_ANNOTATION = 'autoscaling.alpha.kubernetes.io/behavior';
const ANNOTATIONS = [METRICS_ANNOTATION, CURRENT_METRICS_ANNOTATION, CONDITIONS_ANNOTATION, BEHAVIOR_ANNOTATION];

const isCpuUtilization = (m: JsonMap): boolean =>
  m.type === 'Resource' &&
  mapAt(m, 'resource')?.name === 'cpu' &&
  mapAt(mapAt(m, 'resource'), 'target')?.type === 'Utilization';

const parseJSON = (s: unknown): unknown => {
  if (typeof s !== 'string') return undefined;
  try {
    return JSON.parse(s);
  } catch {
    return undefined;
  }
};

function toV1(obj: KubeObject): KubeObject {
  const out = clone(obj);
  out.apiVersion = 'autoscaling/v1';
  const spec: JsonMap = isMap(out.spec) ? out.spec : {};
  const status: JsonMap = isMap(out.status) ? out.status : {};
  const annotations: Record<string, string> = { ...(out.metadata?.annotations ?? {}) };
  const metrics = mapsAt(spec, 'metrics');
  const cpu = metrics.find(isCpuUtilization);
  const others = metrics.filter((m) => m !== cpu);
  const newSpec: JsonMap = {};
  for (const k of ['maxReplicas', 'minReplicas', 'scaleTargetRef']) if (spec[k] !== undefined) newSpec[k] = spec[k];
  const target = numAt(mapAt(mapAt(cpu, 'resource'), 'target'), 'averageUtilization');
  if (target !== undefined) newSpec.targetCPUUtilizationPercentage = target;
  if (others.length) annotations[METRICS_ANNOTATION] = JSON.stringify(others);
  if (isMap(spec.behavior)) annotations[BEHAVIOR_ANNOTATION] = JSON.stringify(spec.behavior);
  out.spec = newSpec;

  const newStatus: JsonMap = {};
  for (const k of ['observedGeneration', 'lastScaleTime', 'currentReplicas', 'desiredReplicas'])
    if (status[k] !== undefined) newStatus[k] = status[k];
  newStatus.currentReplicas ??= 0;
  newStatus.desiredReplicas ??= 0;
  const current = mapsAt(status, 'currentMetrics');
  const cpuNow = current.find((m) => m.type === 'Resource' && mapAt(m, 'resource')?.name === 'cpu');
  const util = numAt(mapAt(mapAt(cpuNow, 'resource'), 'current'), 'averageUtilization');
  if (util !== undefined) newStatus.currentCPUUtilizationPercentage = util;
  const otherCurrent = current.filter((m) => m !== cpuNow);
  if (otherCurrent.length) annotations[CURRENT_METRICS_ANNOTATION] = JSON.stringify(otherCurrent);
  if (Array.isArray(status.conditions) && status.conditions.length)
    annotations[CONDITIONS_ANNOTATION] = JSON.stringify(status.conditions);
  if (out.status !== undefined) out.status = newStatus;
  out.metadata ??= {};
  if (Object.keys(annotations).length) out.metadata.annotations = annotations;
  return out;
}

function toV2(obj: KubeObject): KubeObject {
  const out = clone(obj);
  out.apiVersion = 'autoscaling/v2';
  const spec: JsonMap = isMap(out.spec) ? out.spec : {};
  const status: JsonMap = isMap(out.status) ? out.status : {};
  const annotations: Record<string, string> = { ...(out.metadata?.annotations ?? {}) };
  const newSpec: JsonMap = {};
  for (const k of ['maxReplicas', 'minReplicas', 'scaleTargetRef']) if (spec[k] !== undefined) newSpec[k] = spec[k];
  const metrics: unknown[] = [];
  if (typeof spec.targetCPUUtilizationPercentage === 'number')
    metrics.push({
      type: 'Resource',
      resource: {
        name: 'cpu',
        target: { type: 'Utilization', averageUtilization: spec.targetCPUUtilizationPercentage },
      },
    });
  const others = parseJSON(annotations[METRICS_ANNOTATION]);
  if (Array.isArray(others)) metrics.push(...others);
  if (metrics.length) newSpec.metrics = metrics;
  const behavior = parseJSON(annotations[BEHAVIOR_ANNOTATION]);
  if (isMap(behavior)) newSpec.behavior = behavior;
  out.spec = newSpec;

  if (out.status !== undefined) {
    const newStatus: JsonMap = {};
    for (const k of ['observedGeneration', 'lastScaleTime', 'currentReplicas', 'desiredReplicas'])
      if (status[k] !== undefined) newStatus[k] = status[k];
    const current: unknown[] = [];
    if (typeof status.currentCPUUtilizationPercentage === 'number')
      current.push({
        type: 'Resource',
        resource: { name: 'cpu', current: { averageUtilization: status.currentCPUUtilizationPercentage } },
      });
    const otherCurrent = parseJSON(annotations[CURRENT_METRICS_ANNOTATION]);
    if (Array.isArray(otherCurrent)) current.push(...otherCurrent);
    if (current.length) newStatus.currentMetrics = current;
    const conditions = parseJSON(annotations[CONDITIONS_ANNOTATION]);
    if (Array.isArray(conditions)) newStatus.conditions = conditions;
    out.status = newStatus;
  }
  for (const a of ANNOTATIONS) delete annotations[a];
  if (out.metadata) {
    if (Object.keys(annotations).length) out.metadata.annotations = annotations;
    else delete out.metadata.annotations;
  }
  return out;
}

/**
 * Converts an HPA to `toVersion` ('v1' or 'v2'). The input's version is read from its
 * apiVersion (missing = v2, the storage version); converting to the version it already has
 * returns a copy. Malformed metric annotations are ignored rather than failing the read.
 */
export function convertHPA(obj: KubeObject, toVersion: 'v1' | 'v2'): KubeObject {
  const from = obj.apiVersion === 'autoscaling/v1' ? 'v1' : 'v2';
  if (from === toVersion) return { ...clone(obj), apiVersion: `autoscaling/${toVersion}` };
  return toVersion === 'v1' ? toV1(obj) : toV2(obj);
}
