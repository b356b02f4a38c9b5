import { describe, expect, it } from 'vitest';
import { builtinCatalog } from '../../../src/server/apis/catalog.js';
import { atomic, int32, listOf, mapList, obj, ref, str } from '../../../src/server/apis/schema-dsl.js';

const catalog = builtinCatalog();
const fieldsOf = (group: string, resource: string, obj: Record<string, unknown>) =>
  catalog.byResource(group, 'v1', resource)?.fieldSelectors?.(obj) ?? {};

describe('field selectors', () => {
  it('exposes kube pod fields', () => {
    expect(
      fieldsOf('', 'pods', {
        spec: { nodeName: 'n1', restartPolicy: 'Always', schedulerName: 'default-scheduler', hostNetwork: true },
        status: { phase: 'Running', podIPs: [{ ip: '10.0.0.1' }] },
      }),
    ).toEqual({
      'spec.nodeName': 'n1',
      'spec.restartPolicy': 'Always',
      'spec.schedulerName': 'default-scheduler',
      'spec.serviceAccountName': '',
      'spec.hostNetwork': 'true',
      'status.phase': 'Running',
      'status.podIP': '10.0.0.1',
      'status.nominatedNodeName': '',
    });
  });

  it('exposes secret type, namespace phase, node schedulability, replica counts', () => {
    expect(fieldsOf('', 'secrets', { type: 'kubernetes.io/tls' })).toEqual({ type: 'kubernetes.io/tls' });
    expect(fieldsOf('', 'namespaces', { metadata: { name: 'a' }, status: { phase: 'Active' } })).toEqual({
      'status.phase': 'Active',
      name: 'a',
    });
    expect(fieldsOf('', 'nodes', { spec: {} })).toEqual({ 'spec.unschedulable': 'false' });
    expect(fieldsOf('apps', 'replicasets', { status: { replicas: 3 } })).toEqual({ 'status.replicas': '3' });
    expect(fieldsOf('batch', 'jobs', { status: { succeeded: 2 } })).toEqual({ 'status.successful': '2' });
  });

  it('exposes event fields, with source falling back to the reporting component', () => {
    const f = fieldsOf('', 'events', {
      involvedObject: { kind: 'Pod', name: 'web', namespace: 'default', uid: 'u1', apiVersion: 'v1' },
      reason: 'Scheduled',
      reportingComponent: 'default-scheduler',
      type: 'Normal',
    });
    expect(f['involvedObject.kind']).toBe('Pod');
    expect(f['involvedObject.uid']).toBe('u1');
    expect(f['involvedObject.fieldPath']).toBe('');
    expect(f.source).toBe('default-scheduler');
    expect(f.reportingComponent).toBe('default-scheduler');
  });
});

describe('schema DSL', () => {
  it('builds kube-shaped schemas', () => {
    expect(
      obj(
        {
          name: str(),
          ports: listOf(ref('io.k8s.api.core.v1.ContainerPort'), {
            listType: 'map',
            mapKeys: ['containerPort', 'protocol'],
            mergeKey: 'containerPort',
            strategy: 'merge',
          }),
          args: atomic(str()),
          env: mapList(ref('io.k8s.api.core.v1.EnvVar'), ['name']),
          n: int32('a count'),
        },
        { required: ['name'] },
      ),
    ).toEqual({
      type: 'object',
      properties: {
        name: { type: 'string' },
        ports: {
          type: 'array',
          items: { $ref: '#/definitions/io.k8s.api.core.v1.ContainerPort' },
          'x-kubernetes-list-type': 'map',
          'x-kubernetes-list-map-keys': ['containerPort', 'protocol'],
          'x-kubernetes-patch-merge-key': 'containerPort',
          'x-kubernetes-patch-strategy': 'merge',
        },
        args: { type: 'array', items: { type: 'string' }, 'x-kubernetes-list-type': 'atomic' },
        env: {
          type: 'array',
          items: { $ref: '#/definitions/io.k8s.api.core.v1.EnvVar' },
          'x-kubernetes-list-type': 'map',
          'x-kubernetes-list-map-keys': ['name'],
          'x-kubernetes-patch-merge-key': 'name',
          'x-kubernetes-patch-strategy': 'merge',
        },
        n: { type: 'integer', format: 'int32', description: 'a count' },
      },
      required: ['name'],
    });
  });
});
