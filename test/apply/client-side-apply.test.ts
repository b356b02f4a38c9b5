/**
 * The three-way patch of client-side apply, computed offline with patch metadata from a minimal
 * OpenAPI v2 document: deletions come from the last-applied configuration, changes from the live
 * object, others' fields survive; custom resources get a JSON merge patch.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyMergePatch, applyStrategicMergePatch } from '../../src/api/patch/index.js';
import { computeApplyPatch } from '../../src/apply/client-side-apply.js';
import { LAST_APPLIED, lastAppliedValue, withLastApplied } from '../../src/apply/last-applied.js';
import { PatchMetaSource } from '../../src/apply/patch-meta-source.js';
import type { RestClient } from '../../src/client/rest/client.js';
import type { Info, KubeObject } from '../../src/resource/info.js';

const defs = {
  'io.k8s.api.apps.v1.Deployment': {
    type: 'object',
    'x-kubernetes-group-version-kind': [{ group: 'apps', version: 'v1', kind: 'Deployment' }],
    properties: { metadata: { type: 'object' }, spec: { $ref: '#/definitions/io.k8s.api.apps.v1.DeploymentSpec' } },
  },
  'io.k8s.api.apps.v1.DeploymentSpec': {
    type: 'object',
    properties: {
      replicas: { type: 'integer' },
      template: { $ref: '#/definitions/io.k8s.api.core.v1.PodTemplateSpec' },
    },
  },
  'io.k8s.api.core.v1.PodTemplateSpec': {
    type: 'object',
    properties: { spec: { $ref: '#/definitions/io.k8s.api.core.v1.PodSpec' } },
  },
  'io.k8s.api.core.v1.PodSpec': {
    type: 'object',
    properties: {
      containers: {
        type: 'array',
        items: { $ref: '#/definitions/io.k8s.api.core.v1.Container' },
        'x-kubernetes-patch-merge-key': 'name',
        'x-kubernetes-patch-strategy': 'merge',
      },
    },
  },
  'io.k8s.api.core.v1.Container': {
    type: 'object',
    properties: { name: { type: 'string' }, image: { type: 'string' } },
  },
};

let openapiFetches = 0;
const fakeRest = {
  json: async () => {
    openapiFetches++;
    return { definitions: defs };
  },
} as unknown as RestClient;

const deployInfo = {
  mapping: { gvk: { group: 'apps', version: 'v1', kind: 'Deployment' } },
  namespace: 'default',
  name: 'web',
} as unknown as Info;

const widgetInfo = {
  mapping: { gvk: { group: 'example.com', version: 'v1', kind: 'Widget' } },
  namespace: 'default',
  name: 'w',
} as unknown as Info;

function deploy(replicas: number, containers: { name: string; image: string }[], labels?: Record<string, string>) {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'web', namespace: 'default', ...(labels ? { labels } : {}) },
    spec: { replicas, template: { spec: { containers } } },
  };
}

describe('computeApplyPatch', () => {
  it('is {} when the configuration did not change', async () => {
    const metas = new PatchMetaSource(fakeRest);
    const applied = withLastApplied(deploy(2, [{ name: 'c', image: 'nginx' }])) as KubeObject;
    const { patch, contentType } = await computeApplyPatch(metas, deployInfo, applied, applied);
    expect(patch).toEqual({});
    expect(contentType).toBe('application/strategic-merge-patch+json');
  });

  it('deletes what left the configuration, keeps what others added, merges containers by name', async () => {
    const metas = new PatchMetaSource(fakeRest);
    const before = withLastApplied(deploy(2, [{ name: 'c', image: 'nginx' }], { tier: 'front' }));
    // Someone else added a label and a sidecar on the live object.
    const live = {
      ...before,
      metadata: { ...(before.metadata as object), labels: { tier: 'front', team: 'x' } },
      spec: {
        replicas: 2,
        template: {
          spec: {
            containers: [
              { name: 'c', image: 'nginx' },
              { name: 'side', image: 'b' },
            ],
          },
        },
      },
    } as KubeObject;
    // An empty labels map removes only what was applied before (no labels key would null the whole map).
    const next = withLastApplied(deploy(3, [{ name: 'c', image: 'nginx:2' }], {})) as KubeObject;
    const { patch } = await computeApplyPatch(metas, deployInfo, next, live);
    const result = applyStrategicMergePatch(live, patch, (await metas.metaFor(deployInfo.mapping.gvk))!) as KubeObject;
    const spec = result.spec as {
      replicas: number;
      template: { spec: { containers: { name: string; image: string }[] } };
    };
    expect(spec.replicas).toBe(3);
    expect(spec.template.spec.containers).toEqual([
      { name: 'c', image: 'nginx:2' },
      { name: 'side', image: 'b' },
    ]);
    expect(result.metadata?.labels).toEqual({ team: 'x' });
    expect(JSON.parse((result.metadata as { annotations: Record<string, string> }).annotations[LAST_APPLIED]!)).toEqual(
      JSON.parse(lastAppliedValue(next as Record<string, unknown>)),
    );
    expect(openapiFetches).toBeGreaterThan(0);
  });

  it('uses a JSON merge patch for kinds outside the built-in groups', async () => {
    const metas = new PatchMetaSource(fakeRest);
    const old = withLastApplied({
      apiVersion: 'example.com/v1',
      kind: 'Widget',
      metadata: { name: 'w' },
      spec: { a: [1, 2] },
    });
    const next = withLastApplied({
      apiVersion: 'example.com/v1',
      kind: 'Widget',
      metadata: { name: 'w' },
      spec: { a: [3] },
    });
    const { patch, contentType } = await computeApplyPatch(metas, widgetInfo, next as KubeObject, old as KubeObject);
    expect(contentType).toBe('application/merge-patch+json');
    expect((patch as { spec: unknown }).spec).toEqual({ a: [3] });
  });

  it('property: the merged data map is the configuration plus what only others added', async () => {
    const metas = new PatchMetaSource(fakeRest);
    const key = fc.constantFrom('a', 'b', 'c', 'd', 'e');
    const map = fc.dictionary(key, fc.constantFrom('1', '2', '3'));
    await fc.assert(
      fc.asyncProperty(map, map, map, async (original, others, config) => {
        const mk = (data: Record<string, string>) => ({
          apiVersion: 'example.com/v1',
          kind: 'Widget',
          metadata: { name: 'w' },
          data,
        });
        const orig = withLastApplied(mk(original));
        const live = { ...orig, data: { ...others, ...original } } as KubeObject;
        const next = withLastApplied(mk(config)) as KubeObject;
        const { patch } = await computeApplyPatch(metas, widgetInfo, next, live);
        const merged = applyMergePatch(live, patch) as { data?: Record<string, string> };
        const expected: Record<string, string> = {};
        for (const [k, v] of Object.entries(others)) if (!(k in original) && !(k in config)) expected[k] = v;
        Object.assign(expected, config);
        expect(merged.data ?? {}).toEqual(expected);
      }),
      { numRuns: 100 },
    );
  });
});

describe('last-applied annotation', () => {
  it('encodes manifests with sorted keys and empty annotations, generators in field order', () => {
    const obj = {
      kind: 'ConfigMap',
      apiVersion: 'v1',
      metadata: { name: 'c', labels: { b: '1' } },
      data: { z: '<', a: '1' },
    };
    expect(lastAppliedValue(obj)).toBe(
      '{"apiVersion":"v1","data":{"a":"1","z":"\\u003c"},"kind":"ConfigMap","metadata":{"annotations":{},"labels":{"b":"1"},"name":"c"}}\n',
    );
    expect(lastAppliedValue(obj, true)).toBe(
      '{"kind":"ConfigMap","apiVersion":"v1","metadata":{"name":"c","labels":{"b":"1"}},"data":{"z":"\\u003c","a":"1"}}\n',
    );
  });

  it('never nests a previous annotation', () => {
    const once = withLastApplied({ kind: 'X', metadata: { name: 'n' } });
    const twice = withLastApplied(once);
    expect(lastAppliedValue(twice)).toBe(lastAppliedValue(once));
    expect((twice.metadata as { annotations: Record<string, string> }).annotations[LAST_APPLIED]).not.toContain(
      LAST_APPLIED,
    );
  });
});
