import { describe, expect, it } from 'vitest';
import { podSpecFor } from '../../src/set/pod-template.js';
import { typedLocalObject } from '../../src/set/typed-local.js';

describe('podSpecFor', () => {
  it('finds the pod spec of each pod-template kind', () => {
    const spec = { containers: [] };
    expect(podSpecFor({ apiVersion: 'v1', kind: 'Pod', spec })).toBe(spec);
    expect(podSpecFor({ apiVersion: 'apps/v1', kind: 'Deployment', spec: { template: { spec } } })).toBe(spec);
    expect(
      podSpecFor({ apiVersion: 'batch/v1', kind: 'CronJob', spec: { jobTemplate: { spec: { template: { spec } } } } }),
    ).toBe(spec);
  });

  it('creates a missing template and refuses other kinds with the Go type', () => {
    const rc: Record<string, unknown> = { apiVersion: 'v1', kind: 'ReplicationController', spec: {} };
    podSpecFor(rc).serviceAccountName = 'x';
    expect(rc.spec).toEqual({ template: { spec: { serviceAccountName: 'x' } } });
    expect(() => podSpecFor({ apiVersion: 'v1', kind: 'Service' })).toThrow(
      'the object is not a pod or does not have a pod template: *v1.Service',
    );
    expect(() => podSpecFor({ apiVersion: 'example.com/v1', kind: 'Deployment' })).toThrow('*v1.Deployment');
  });
});

describe('typedLocalObject', () => {
  it('adds what the Go types always encode, keeps given values, leaves the input alone', () => {
    const input = {
      apiVersion: 'apps/v1',
      kind: 'StatefulSet',
      metadata: { name: 's' },
      spec: { template: { spec: { containers: [{ name: 'c', resources: { limits: { cpu: '1' } } }, { name: 'd' }] } } },
    };
    const out = typedLocalObject(input) as Record<string, any>;
    expect(out.spec.serviceName).toBe('');
    expect(out.spec.updateStrategy).toEqual({});
    expect(out.spec.template.metadata).toEqual({});
    expect(out.spec.template.spec.containers).toEqual([
      { name: 'c', resources: { limits: { cpu: '1' } } },
      { name: 'd', resources: {} },
    ]);
    expect(out.status).toEqual({ replicas: 0, availableReplicas: 0 });
    expect(input).not.toHaveProperty('status');
  });

  it('shapes services and leaves unknown kinds as they are', () => {
    const svc = typedLocalObject({ apiVersion: 'v1', kind: 'Service', spec: { ports: [{ port: 80 }] } });
    expect(svc).toEqual({
      apiVersion: 'v1',
      kind: 'Service',
      spec: { ports: [{ port: 80, targetPort: 0 }] },
      status: { loadBalancer: {} },
    });
    const cm = { apiVersion: 'v1', kind: 'ConfigMap', data: { a: 'b' } };
    expect(typedLocalObject(cm)).toEqual(cm);
  });
});
