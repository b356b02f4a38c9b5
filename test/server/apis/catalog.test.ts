import { describe, expect, it } from 'vitest';
import { REF_PREFIX, type SchemaObject } from '../../../src/api/openapi-schema.js';
import { builtinCatalog } from '../../../src/server/apis/catalog.js';

const catalog = builtinCatalog();

function refsOf(schema: SchemaObject, out: string[] = []): string[] {
  if (schema.$ref) out.push(schema.$ref);
  for (const p of Object.values(schema.properties ?? {})) refsOf(p, out);
  if (schema.items) refsOf(schema.items, out);
  if (typeof schema.additionalProperties === 'object') refsOf(schema.additionalProperties, out);
  return out;
}

describe('catalog definitions', () => {
  it('has no dangling $ref', () => {
    const dangling: string[] = [];
    for (const [name, def] of Object.entries(catalog.definitions))
      for (const ref of refsOf(def)) {
        expect(ref.startsWith(REF_PREFIX)).toBe(true);
        if (!catalog.definitions[ref.slice(REF_PREFIX.length)]) dangling.push(`${name} -> ${ref}`);
      }
    expect(dangling).toEqual([]);
  });

  it('gives every kind a definition tagged with its group/version/kind', () => {
    for (const k of catalog.kinds) {
      const def = catalog.definitions[k.definition];
      expect(def, k.definition).toBeDefined();
      expect(def?.['x-kubernetes-group-version-kind']).toEqual([{ group: k.group, version: k.version, kind: k.kind }]);
      for (const f of ['apiVersion', 'kind', 'metadata']) expect(def?.properties?.[f], `${k.kind}.${f}`).toBeDefined();
    }
  });

  it('carries kube patch metadata on the lists strategic merge patch needs', () => {
    const d = catalog.definitions;
    const containers = d['io.k8s.api.core.v1.PodSpec']?.properties?.containers;
    expect(containers?.['x-kubernetes-patch-merge-key']).toBe('name');
    expect(containers?.['x-kubernetes-patch-strategy']).toBe('merge');
    expect(containers?.['x-kubernetes-list-type']).toBe('map');
    const volumes = d['io.k8s.api.core.v1.PodSpec']?.properties?.volumes;
    expect(volumes?.['x-kubernetes-patch-strategy']).toBe('merge,retainKeys');
    const ports = d['io.k8s.api.core.v1.Container']?.properties?.ports;
    expect(ports?.['x-kubernetes-list-map-keys']).toEqual(['containerPort', 'protocol']);
    expect(ports?.['x-kubernetes-patch-merge-key']).toBe('containerPort');
    expect(d['io.k8s.api.apps.v1.DeploymentSpec']?.properties?.strategy?.['x-kubernetes-patch-strategy']).toBe(
      'retainKeys',
    );
    expect(d['io.k8s.api.core.v1.Container']?.properties?.command?.['x-kubernetes-list-type']).toBe('atomic');
    expect(d['io.k8s.apimachinery.pkg.apis.meta.v1.LabelSelector']?.['x-kubernetes-map-type']).toBe('atomic');
  });

  it('uses kube formats for scalar types', () => {
    const d = catalog.definitions;
    expect(d['io.k8s.apimachinery.pkg.apis.meta.v1.Time']).toMatchObject({ type: 'string', format: 'date-time' });
    expect(d['io.k8s.apimachinery.pkg.util.intstr.IntOrString']).toMatchObject({
      type: 'string',
      format: 'int-or-string',
    });
    expect(d['io.k8s.api.core.v1.Secret']?.properties?.data?.additionalProperties).toEqual({
      type: 'string',
      format: 'byte',
    });
    expect(d['io.k8s.api.core.v1.PodSpec']?.properties?.terminationGracePeriodSeconds?.format).toBe('int64');
    expect(d['io.k8s.api.core.v1.ContainerPort']?.properties?.containerPort?.format).toBe('int32');
  });

  it('declares every subresource body kind it names', () => {
    for (const k of catalog.kinds)
      for (const [name, sub] of Object.entries(k.subresources?.custom ?? {})) {
        expect(sub.verbs.length, `${k.resource}/${name}`).toBeGreaterThan(0);
        expect(sub.kind.kind).not.toBe('');
      }
    expect(catalog.definitions['io.k8s.api.autoscaling.v1.Scale']).toBeDefined();
    expect(catalog.definitions['io.k8s.api.policy.v1.Eviction']).toBeDefined();
  });
});

describe('catalog discovery data', () => {
  // Written from `kubectl api-resources` of a v1.35 cluster.
  const expected: Record<string, [string, boolean, string[], string[]]> = {
    '/v1/configmaps': ['ConfigMap', true, ['cm'], []],
    '/v1/endpoints': ['Endpoints', true, ['ep'], []],
    '/v1/events': ['Event', true, ['ev'], []],
    '/v1/namespaces': ['Namespace', false, ['ns'], []],
    '/v1/nodes': ['Node', false, ['no'], []],
    '/v1/pods': ['Pod', true, ['po'], ['all']],
    '/v1/secrets': ['Secret', true, [], []],
    '/v1/serviceaccounts': ['ServiceAccount', true, ['sa'], []],
    '/v1/services': ['Service', true, ['svc'], ['all']],
    'apps/v1/daemonsets': ['DaemonSet', true, ['ds'], ['all']],
    'apps/v1/deployments': ['Deployment', true, ['deploy'], ['all']],
    'apps/v1/replicasets': ['ReplicaSet', true, ['rs'], ['all']],
    'apps/v1/statefulsets': ['StatefulSet', true, ['sts'], ['all']],
    'batch/v1/cronjobs': ['CronJob', true, ['cj'], ['all']],
    'batch/v1/jobs': ['Job', true, [], ['all']],
  };

  it.each(Object.entries(expected))('%s', (key, [kind, namespaced, shortNames, categories]) => {
    const [group, version, resource] = key.split('/') as [string, string, string];
    const k = catalog.byResource(group, version, resource);
    expect(k?.kind).toBe(kind);
    expect(k?.namespaced).toBe(namespaced);
    expect(k?.shortNames ?? []).toEqual(shortNames);
    expect(k?.categories ?? []).toEqual(categories);
    expect(catalog.byKind(group, version, kind)).toBe(k);
  });

  it('lists groups core first, then in kube-apiserver discovery order (modules.ts)', () => {
    expect(catalog.groupVersions().map((g) => g.group)).toEqual([
      '',
      'apiregistration.k8s.io',
      'apps',
      'events.k8s.io',
      'authentication.k8s.io',
      'authorization.k8s.io',
      'autoscaling',
      'batch',
      'certificates.k8s.io',
      'networking.k8s.io',
      'policy',
      'rbac.authorization.k8s.io',
      'storage.k8s.io',
      'admissionregistration.k8s.io',
      'apiextensions.k8s.io',
      'scheduling.k8s.io',
      'coordination.k8s.io',
      'node.k8s.io',
      'discovery.k8s.io',
      'flowcontrol.apiserver.k8s.io',
      'resource.k8s.io',
    ]);
  });

  it('gives namespaces no deletecollection, and pods their subresources', () => {
    expect(catalog.byResource('', 'v1', 'namespaces')?.verbs).not.toContain('deletecollection');
    const pods = catalog.byResource('', 'v1', 'pods');
    expect(Object.keys(pods?.subresources?.custom ?? {}).sort()).toEqual([
      'attach',
      'binding',
      'ephemeralcontainers',
      'eviction',
      'exec',
      'log',
      'portforward',
      'proxy',
      'resize',
    ]);
    expect(pods?.subresources?.status).toBe(true);
    expect(catalog.byResource('apps', 'v1', 'deployments')?.subresources?.scale?.specReplicasPath).toBe(
      '.spec.replicas',
    );
    expect(catalog.byResource('', 'v1', 'events')?.ttlSeconds).toBe(3600);
  });

  it('has one table cell per column for an empty object of every kind', () => {
    const now = new Date('2026-01-01T00:00:00Z');
    for (const k of catalog.kinds) {
      const cells = k.table?.cells({ metadata: { name: 'x' } }, now);
      expect(cells?.length, k.kind).toBe(k.table?.columns.length);
    }
  });
});
