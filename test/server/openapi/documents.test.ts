import { describe, expect, it } from 'vitest';
import { buildOpenApiV2, buildOpenApiV3, reachable, toV3Schema } from '../../../src/server/openapi/documents.js';
import { groupCamel, kindPaths } from '../../../src/server/openapi/operations.js';
import { configMaps, deployments, namespaces, testCatalog } from '../http/support/fixtures.js';

describe('operations', () => {
  it('names operations as kube does', () => {
    expect(groupCamel('')).toBe('Core');
    expect(groupCamel('rbac.authorization.k8s.io')).toBe('RbacAuthorization');
    expect(groupCamel('apps')).toBe('Apps');
    const ids = kindPaths(deployments, 'x').flatMap((p) =>
      p.operations.map((o) => `${o.method} ${p.path} ${o.operationId} ${o.action}`),
    );
    expect(ids).toContain('get /apis/apps/v1/namespaces/{namespace}/deployments listAppsV1NamespacedDeployment list');
    expect(ids).toContain(
      'delete /apis/apps/v1/namespaces/{namespace}/deployments deleteAppsV1CollectionNamespacedDeployment deletecollection',
    );
    expect(ids).toContain(
      'patch /apis/apps/v1/namespaces/{namespace}/deployments/{name}/scale patchAppsV1NamespacedDeploymentScale patch',
    );
    expect(ids).toContain('get /apis/apps/v1/deployments listAppsV1DeploymentForAllNamespaces list');
    expect(ids).toContain(
      'get /apis/apps/v1/watch/namespaces/{namespace}/deployments/{name} watchAppsV1NamespacedDeployment watch',
    );
    const ns = kindPaths(namespaces, 'x').flatMap((p) => p.operations.map((o) => o.operationId));
    expect(ns).toContain('readCoreV1Namespace');
    expect(ns).not.toContain('deleteCoreV1CollectionNamespace');
    const scale = kindPaths(deployments, 'x').find((p) => p.path.endsWith('/scale'));
    expect(scale?.operations[0]?.gvk).toEqual({ group: 'autoscaling', version: 'v1', kind: 'Scale' });
    const patch = kindPaths(configMaps, 'x')
      .flatMap((p) => p.operations)
      .find((o) => o.action === 'patch');
    expect(patch?.parameters.map((p) => p.name)).toEqual([
      'body',
      'dryRun',
      'fieldManager',
      'fieldValidation',
      'force',
    ]);
  });
});

describe('documents', () => {
  it('marks kinds with x-kubernetes-group-version-kind in v2', () => {
    const doc = buildOpenApiV2(testCatalog(), 'v1.35.0') as {
      definitions: Record<string, Record<string, unknown>>;
      paths: Record<string, unknown>;
    };
    expect(doc.definitions['io.k8s.api.core.v1.ConfigMap']?.['x-kubernetes-group-version-kind']).toEqual([
      { group: '', version: 'v1', kind: 'ConfigMap' },
    ]);
    expect(doc.definitions['io.k8s.api.core.v1.ConfigMapList']?.['x-kubernetes-group-version-kind']).toEqual([
      { group: '', version: 'v1', kind: 'ConfigMapList' },
    ]);
    expect(Object.keys(doc.paths)).toContain('/api/v1/namespaces/{namespace}/configmaps/{name}');
  });
  it('keeps per group-version v3 documents to what their paths reach', () => {
    const core = buildOpenApiV3(testCatalog(), '', 'v1') as { components: { schemas: Record<string, unknown> } };
    expect(Object.keys(core.components.schemas)).toContain('io.k8s.api.core.v1.ConfigMap');
    expect(Object.keys(core.components.schemas)).not.toContain('io.k8s.api.apps.v1.Deployment');
    expect(buildOpenApiV3(testCatalog(), 'nope', 'v1')).toBeUndefined();
  });
  it('rewrites refs for OpenAPI 3, wrapping refs with siblings in allOf', () => {
    expect(toV3Schema({ $ref: '#/definitions/a.B' })).toEqual({ $ref: '#/components/schemas/a.B' });
    expect(toV3Schema({ $ref: '#/definitions/a.B', description: 'd' })).toEqual({
      description: 'd',
      allOf: [{ $ref: '#/components/schemas/a.B' }],
    });
    expect(toV3Schema({ type: 'array', items: { $ref: '#/definitions/a.B' } })).toEqual({
      type: 'array',
      items: { $ref: '#/components/schemas/a.B' },
    });
  });
  it('follows refs transitively and tolerates cycles and dangling refs', () => {
    const defs = {
      a: { $ref: '#/definitions/b' },
      b: { properties: { x: { $ref: '#/definitions/a' }, y: { $ref: '#/definitions/missing' } } },
      c: {},
    };
    expect(reachable(defs, ['a'])).toEqual(['a', 'b']);
  });
});
