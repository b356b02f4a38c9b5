import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { convertHPA } from '../../../src/server/apis/autoscaling/module.js';
import { ago, catalog, cells, create, headers, kindOf } from './strategy-harness.js';

const meta = (name: string) => ({ name, namespace: 'default', creationTimestamp: ago(300) });
const ref = { apiVersion: 'apps/v1', kind: 'Deployment', name: 'web' };

describe('autoscaling horizontalpodautoscalers', () => {
  it('serves v2 (preferred) and v1', () => {
    expect(catalog.groupVersions().find((g) => g.group === 'autoscaling')?.versions).toEqual(['v2', 'v1']);
    expect(kindOf('autoscaling', 'v2', 'horizontalpodautoscalers').shortNames).toEqual(['hpa']);
  });

  it('defaults v2: one replica, CPU 80%, behavior rules', () => {
    const k = kindOf('autoscaling', 'v2', 'horizontalpodautoscalers');
    const { obj, errors } = create(k, {
      metadata: meta('web'),
      spec: { scaleTargetRef: ref, maxReplicas: 5, behavior: { scaleDown: { stabilizationWindowSeconds: 60 } } },
    });
    expect(errors).toEqual([]);
    const spec = obj.spec as Record<string, any>;
    expect(spec.minReplicas).toBe(1);
    expect(spec.metrics).toEqual([
      { type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 80 } } },
    ]);
    expect(spec.behavior.scaleDown).toEqual({
      stabilizationWindowSeconds: 60,
      selectPolicy: 'Max',
      policies: [{ type: 'Percent', value: 100, periodSeconds: 15 }],
    });
    expect(spec.behavior.scaleUp.policies).toHaveLength(2);
    expect(headers(k)).toBe('NAME REFERENCE TARGETS MINPODS MAXPODS REPLICAS AGE');
    expect(cells(k, obj)).toEqual(['web', 'Deployment/web', 'cpu: <unknown>/80%', '1', 5, 0, '5m']);
  });

  it('rejects bad replica bounds with kube messages', () => {
    const k = kindOf('autoscaling', 'v2', 'horizontalpodautoscalers');
    expect(
      create(k, { metadata: meta('x'), spec: { scaleTargetRef: ref, minReplicas: 3, maxReplicas: 2 } }).errors,
    ).toEqual(['spec.maxReplicas: Invalid value: 2: must be greater than or equal to `minReplicas`']);
    const v1 = kindOf('autoscaling', 'v1', 'horizontalpodautoscalers');
    expect(
      create(v1, {
        metadata: meta('x'),
        spec: { scaleTargetRef: { kind: 'Deployment' }, maxReplicas: 2, targetCPUUtilizationPercentage: 0 },
      }).errors,
    ).toEqual([
      'spec.scaleTargetRef.name: Required value',
      'spec.targetCPUUtilizationPercentage: Invalid value: 0: must be greater than 0',
    ]);
  });

  it('converts v2 to v1 and back as kube does', () => {
    const v2 = {
      apiVersion: 'autoscaling/v2',
      kind: 'HorizontalPodAutoscaler',
      metadata: { name: 'web' },
      spec: {
        scaleTargetRef: ref,
        minReplicas: 2,
        maxReplicas: 10,
        metrics: [
          { type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 70 } } },
          { type: 'Pods', pods: { metric: { name: 'qps' }, target: { type: 'AverageValue', averageValue: '10' } } },
        ],
      },
      status: {
        currentReplicas: 3,
        desiredReplicas: 3,
        currentMetrics: [{ type: 'Resource', resource: { name: 'cpu', current: { averageUtilization: 55 } } }],
      },
    };
    const v1 = convertHPA(v2, 'v1');
    expect(v1.spec).toEqual({
      scaleTargetRef: ref,
      minReplicas: 2,
      maxReplicas: 10,
      targetCPUUtilizationPercentage: 70,
    });
    expect(v1.status).toMatchObject({ currentReplicas: 3, desiredReplicas: 3, currentCPUUtilizationPercentage: 55 });
    expect(v1.metadata?.annotations?.['autoscaling.alpha.kubernetes.io/metrics']).toContain('qps');
    expect(convertHPA(v1, 'v2')).toEqual(v2);
    const table = kindOf('autoscaling', 'v1', 'horizontalpodautoscalers');
    expect(cells(table, { ...v1, metadata: { ...v1.metadata, creationTimestamp: ago(60) } })).toEqual([
      'web',
      'Deployment/web',
      'cpu: 55%/70%, <unknown>/10',
      '2',
      10,
      3,
      '60s',
    ]);
  });

  it('round-trips any v2 spec through v1', () => {
    const metric = fc.oneof(
      fc.integer({ min: 1, max: 100 }).map((u) => ({
        type: 'Resource',
        resource: { name: 'memory', target: { type: 'Utilization', averageUtilization: u } },
      })),
      fc.string({ minLength: 1, maxLength: 8 }).map((name) => ({
        type: 'External',
        external: { metric: { name }, target: { type: 'Value', value: '1' } },
      })),
    );
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 100 }),
        fc.array(metric, { maxLength: 3 }),
        fc.option(fc.integer({ min: 0, max: 3600 }), { nil: undefined }),
        (cpu, others, window) => {
          const spec: Record<string, unknown> = {
            scaleTargetRef: ref,
            minReplicas: 1,
            maxReplicas: 4,
            metrics: [
              { type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: cpu } } },
              ...others,
            ],
          };
          if (window !== undefined) spec.behavior = { scaleDown: { stabilizationWindowSeconds: window } };
          const v2 = { apiVersion: 'autoscaling/v2', kind: 'HorizontalPodAutoscaler', metadata: { name: 'h' }, spec };
          expect(convertHPA(convertHPA(v2, 'v1'), 'v2')).toEqual(v2);
        },
      ),
    );
  });
});
