import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sendPatch, twoWayPatch } from '../../src/apply/client-patch.js';
import { PatchMetaSource } from '../../src/apply/patch-meta-source.js';
import type { ClientContext } from '../../src/client/index.js';
import type { Info, KubeObject } from '../../src/resource/info.js';

function info(group: string, version: string, kind: string, resource: string, namespaced = true): Info {
  return {
    mapping: {
      resource: { group, version, resource },
      gvk: { group, version, kind },
      namespaced,
      singular: kind.toLowerCase(),
      shortNames: [],
      categories: [],
      verbs: [],
    },
    namespace: 'shop',
    name: 'web',
  };
}

const deploy = info('apps', 'v1', 'Deployment', 'deployments');
const widget = info('example.com', 'v1', 'Widget', 'widgets');

function deployment(images: Record<string, string>): KubeObject {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'web' },
    spec: { template: { spec: { containers: Object.entries(images).map(([name, image]) => ({ name, image })) } } },
  };
}

describe('twoWayPatch', () => {
  const metas = PatchMetaSource.builtin();

  it('sends a strategic merge patch keyed by container name for a built-in kind', async () => {
    const p = await twoWayPatch(metas, deploy, deployment({ a: 'x', b: 'y' }), deployment({ a: 'x', b: 'z' }));
    expect(p.contentType).toBe('application/strategic-merge-patch+json');
    const containers = JSON.parse(p.text).spec.template.spec.containers;
    expect(containers).toEqual([{ name: 'b', image: 'z' }]);
  });

  it('sends a JSON merge patch (lists replaced whole) for a custom resource', async () => {
    const before = { apiVersion: 'example.com/v1', kind: 'Widget', spec: { items: [1, 2], keep: true } };
    const after = { apiVersion: 'example.com/v1', kind: 'Widget', spec: { items: [1], keep: true } };
    const p = await twoWayPatch(metas, widget, before, after);
    expect(p.contentType).toBe('application/merge-patch+json');
    expect(JSON.parse(p.text)).toEqual({ spec: { items: [1] } });
  });

  it('is `{}` exactly when nothing changed', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.dictionary(fc.constantFrom('a', 'b', 'c'), fc.constantFrom('x', 'y')),
        fc.dictionary(fc.constantFrom('a', 'b', 'c'), fc.constantFrom('x', 'y')),
        async (m1, m2) => {
          const before = { kind: 'Widget', metadata: { labels: m1 } };
          const after = { kind: 'Widget', metadata: { labels: m2 } };
          const p = await twoWayPatch(metas, widget, before, after);
          const same = JSON.stringify(Object.entries(m1).sort()) === JSON.stringify(Object.entries(m2).sort());
          expect(p.text === '{}').toBe(same);
        },
      ),
      { numRuns: 50 },
    );
  });
});

describe('sendPatch', () => {
  function fakeCtx() {
    const seen: Record<string, unknown>[] = [];
    const ctx = {
      rest: {
        json: async (req: Record<string, unknown>) => {
          seen.push(req);
          return { kind: 'Deployment', metadata: { name: 'web', resourceVersion: '7' } };
        },
      },
    } as unknown as ClientContext;
    return { ctx, seen };
  }
  const patch = { text: '{"spec":{}}', contentType: 'application/merge-patch+json' as const };

  it('PATCHes the object path with dryRun=All and the field manager', async () => {
    const { ctx, seen } = fakeCtx();
    const got = await sendPatch(ctx, deploy, patch, 'server', 'kubectl-set');
    expect(got.metadata?.resourceVersion).toBe('7');
    expect(seen).toHaveLength(1);
    const req = seen[0]!;
    expect(req.method).toBe('PATCH');
    expect(req.path).toBe('/apis/apps/v1/namespaces/shop/deployments/web');
    expect(req.query).toEqual({ dryRun: 'All', fieldManager: 'kubectl-set' });
    expect(req.contentType).toBe('application/merge-patch+json');
    expect(String(req.body)).toBe('{"spec":{}}');
  });

  it('leaves out an empty field manager and dryRun when not server-side', async () => {
    const { ctx, seen } = fakeCtx();
    await sendPatch(ctx, deploy, patch, 'none', '');
    expect(seen[0]!.query).toEqual({});
  });

  it('passes a server error through unchanged', async () => {
    const boom = new Error('conflict');
    const ctx = {
      rest: {
        json: async () => {
          throw boom;
        },
      },
    } as unknown as ClientContext;
    await expect(sendPatch(ctx, deploy, patch, 'none', 'm')).rejects.toBe(boom);
  });
});
