/**
 * `kubectl autoscale`: an autoscaling/v2 HorizontalPodAutoscaler for a scalable object, built
 * the way kubectl 1.35 builds it (--min only when > 0; --cpu-percent, --cpu and --memory each add
 * a Resource metric; `N%` is a Utilization target, anything else an AverageValue).
 */

export interface HpaOptions {
  /** HPA name; defaults to the target's name. */
  name?: string;
  /** The target's namespace, printed in the HPA's metadata. */
  namespace?: string;
  targetName: string;
  targetApiVersion: string;
  targetKind: string;
  min: number;
  max: number;
  /** Deprecated --cpu-percent; < 0 = unset. */
  cpuPercent: number;
  cpu?: string;
  memory?: string;
}

/** Throws kubectl's Validate errors. */
export function validateHpa(o: Pick<HpaOptions, 'min' | 'max' | 'cpuPercent' | 'cpu'>): void {
  if (o.max < 1) throw new Error(`--max=MAXPODS is required and must be at least 1, max: ${o.max}`);
  if (o.max < o.min) {
    throw new Error(`--max=MAXPODS must be larger or equal to --min=MINPODS, max: ${o.max}, min: ${o.min}`);
  }
  if (o.cpuPercent >= 0 && o.cpu) {
    throw new Error(`--cpu-percent and --cpu are mutually exclusive, CPUPercent: ${o.cpuPercent}, CPU: ${o.cpu}`);
  }
}

/** A target like `80%` (Utilization), `500m` / `1Gi` (Value) or a bare number (m / Mi implied). */
function metricTarget(input: string, resource: 'cpu' | 'memory'): Record<string, unknown> {
  const m = /^(\d+\.?\d*)([a-zA-Z%]*)$/.exec(input);
  if (!m) throw new Error('invalid input format');
  const num = m[1]!;
  if (!/^\d+$/.test(num)) throw new Error(`strconv.ParseInt: parsing "${num}": invalid syntax`);
  // Go truncates to int32
  const value = Number(BigInt.asIntN(32, BigInt(num)));
  const unit = m[2]!;
  if (unit === '%') return { type: 'Utilization', averageUtilization: value };
  if ((unit === 'm' && resource === 'cpu') || ['M', 'Mi', 'Gi', 'Ki'].includes(unit)) {
    return { type: 'AverageValue', averageValue: input };
  }
  return { type: 'AverageValue', averageValue: resource === 'cpu' ? `${value}m` : `${value}Mi` };
}

export function hpaObject(o: HpaOptions): Record<string, unknown> {
  const metrics: Record<string, unknown>[] = [];
  const resourceMetric = (name: string, target: Record<string, unknown>) => ({
    type: 'Resource',
    resource: { name, target },
  });
  if (o.cpuPercent > 0) {
    metrics.push(resourceMetric('cpu', { type: 'Utilization', averageUtilization: o.cpuPercent }));
  }
  if (o.cpu) metrics.push(resourceMetric('cpu', metricTarget(o.cpu, 'cpu')));
  if (o.memory) metrics.push(resourceMetric('memory', metricTarget(o.memory, 'memory')));
  const metadata: Record<string, unknown> = { name: o.name || o.targetName };
  if (o.namespace) metadata.namespace = o.namespace;
  const spec: Record<string, unknown> = {
    scaleTargetRef: { kind: o.targetKind, name: o.targetName, apiVersion: o.targetApiVersion },
  };
  if (o.min > 0) spec.minReplicas = o.min;
  spec.maxReplicas = o.max;
  if (metrics.length > 0) spec.metrics = metrics;
  return {
    kind: 'HorizontalPodAutoscaler',
    apiVersion: 'autoscaling/v2',
    metadata,
    spec,
    status: { desiredReplicas: 0, currentMetrics: null },
  };
}
