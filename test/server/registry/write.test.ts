import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { KubeObject } from '../../../src/server/apis/types.js';
import { configMap, ctx, deployment, type Fixture, failure, openRegistry, write } from './registry-fixture.js';

let f: Fixture;
beforeEach(async () => {
  f = await openRegistry();
});
afterEach(async () => {
  await f.close();
});

const cms = () => f.registry.store('', 'v1', 'configmaps')!;
const deps = () => f.registry.store('apps', 'v1', 'deployments')!;

describe('update', () => {
  it('conflicts on a stale resourceVersion with kube’s message', async () => {
    const a = await cms().create(ctx(), configMap('a', { k: '1' }), write());
    await cms().update(ctx(), 'a', { ...a, data: { k: '2' } }, write());
    const e = await failure(() => cms().update(ctx(), 'a', { ...a, data: { k: '3' } }, write()));
    expect(e.code).toBe(409);
    expect(e.message).toBe(
      'Operation cannot be fulfilled on configmaps "a": the object has been modified; please apply your changes to the latest version and try again',
    );
  });

  it('accepts an update without resourceVersion, keeps uid/creationTimestamp, and no-ops keep the RV', async () => {
    const a = await cms().create(ctx(), configMap('a', { k: '1' }), write());
    const { metadata, ...rest } = a;
    const u = await cms().update(
      ctx(),
      'a',
      { ...rest, metadata: { name: 'a' }, data: { k: '2' } },
      write({ fieldManager: 'other' }),
    );
    expect(u.created).toBe(false);
    expect(u.object.metadata?.uid).toBe(metadata?.uid);
    expect(u.object.metadata?.creationTimestamp).toBe(metadata?.creationTimestamp);
    // An Update moves only the fields it changed to its manager.
    const mf = u.object.metadata?.managedFields as Array<{ manager: string; fieldsV1: unknown }>;
    expect(mf.map((m) => m.manager)).toEqual(['kubectl-create', 'other']);
    expect(mf[1]?.fieldsV1).toEqual({ 'f:data': { 'f:k': {} } });
    const again = await cms().update(ctx(), 'a', u.object, write({ fieldManager: 'other' }));
    expect(again.object.metadata?.resourceVersion).toBe(u.object.metadata?.resourceVersion);
  });

  it('refuses a changed uid and a name that differs from the URL', async () => {
    const a = await cms().create(ctx(), configMap('a'), write());
    const e = await failure(() => cms().update(ctx(), 'a', { ...a, metadata: { ...a.metadata, uid: 'x' } }, write()));
    expect(e.message).toBe('ConfigMap "a" is invalid: metadata.uid: Invalid value: "x": field is immutable');
    const n = await failure(() => cms().update(ctx(), 'b', a, write()));
    expect(n.message).toBe('the name of the object (a) does not match the name on the URL (b)');
  });

  it('is NotFound for a missing configmap, but creates a missing service (create-on-update)', async () => {
    const e = await failure(() => cms().update(ctx(), 'zz', configMap('zz'), write()));
    expect(e.code).toBe(404);
    const svc: KubeObject = {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: 's' },
      spec: { ports: [{ port: 80 }] },
    };
    const r = await f.registry.store('', 'v1', 'services')!.update(ctx(), 's', svc, write());
    expect(r.created).toBe(true);
  });

  it('bumps generation on spec changes only; status writes ignore spec and the reverse', async () => {
    const d = await deps().create(ctx(), deployment('web', 1), write());
    const labeled = await deps().update(
      ctx(),
      'web',
      { ...d, metadata: { ...d.metadata, labels: { a: 'b' } } },
      write(),
    );
    expect(labeled.object.metadata?.generation).toBe(1);
    const spec = labeled.object.spec as Record<string, unknown>;
    const scaled = await deps().update(
      ctx(),
      'web',
      { ...labeled.object, spec: { ...spec, replicas: 3 }, status: { replicas: 9 } },
      write(),
    );
    expect(scaled.object.metadata?.generation).toBe(2);
    expect((scaled.object.status as { replicas?: number }).replicas).toBeUndefined();
    const st = await deps().update(
      ctx(),
      'web',
      { ...scaled.object, spec: { ...spec, replicas: 7 }, status: { replicas: 3 } },
      write({ subresource: 'status' }),
    );
    expect((st.object.spec as { replicas: number }).replicas).toBe(3);
    expect((st.object.status as { replicas: number }).replicas).toBe(3);
    expect(st.object.metadata?.generation).toBe(2);
  });
});

describe('subresources', () => {
  it('answers 404 for subresources the kind does not have', async () => {
    await cms().create(ctx(), configMap('s'), write());
    const e = await failure(() => cms().update(ctx(), 's', configMap('s'), write({ subresource: 'status' })));
    expect(e.code).toBe(404);
    expect(e.message).toBe('the server could not find the requested resource');
    expect((await failure(() => cms().get(ctx(), 's', { subresource: 'scale' }))).code).toBe(404);
  });
});

describe('patch', () => {
  it('applies merge, strategic and JSON patches', async () => {
    await deps().create(ctx(), deployment('web'), write());
    const m = await deps().patch(ctx(), 'web', 'merge', { metadata: { labels: { a: 'b' } } }, write());
    expect(m.metadata?.labels).toEqual({ a: 'b' });
    const s = await deps().patch(
      ctx(),
      'web',
      'strategic',
      { spec: { template: { spec: { containers: [{ name: 'side', image: 'busybox' }] } } } },
      write(),
    );
    const containers = ((s.spec as any).template.spec.containers as Array<{ name: string }>).map((c) => c.name);
    expect(containers.sort()).toEqual(['app', 'side']);
    const j = await deps().patch(ctx(), 'web', 'json', [{ op: 'replace', path: '/spec/replicas', value: 4 }], write());
    expect((j.spec as { replicas: number }).replicas).toBe(4);
    expect(j.metadata?.generation).toBe(3);
  });

  it('dryRun patches answer the patched object without storing it', async () => {
    const d = await deps().create(ctx(), deployment('web'), write());
    const dry = await deps().patch(ctx(), 'web', 'merge', { spec: { replicas: 5 } }, write({ dryRun: true }));
    expect((dry.spec as { replicas: number }).replicas).toBe(5);
    expect(dry.metadata?.generation).toBe(2);
    const stored = await deps().get(ctx(), 'web');
    expect(stored.metadata?.resourceVersion).toBe(d.metadata?.resourceVersion);
    expect((stored.spec as { replicas: number }).replicas).toBe(1);
  });

  it('answers kube’s errors for bad patches, stale RVs, unknown fields and apply', async () => {
    await deps().create(ctx(), deployment('web'), write());
    const test = await failure(() =>
      deps().patch(ctx(), 'web', 'json', [{ op: 'test', path: '/spec/replicas', value: 9 }], write()),
    );
    expect(test.code).toBe(422);
    const stale = await failure(() =>
      deps().patch(ctx(), 'web', 'merge', { metadata: { resourceVersion: '1' } }, write()),
    );
    expect(stale.code).toBe(409);
    const unknown = await failure(() => deps().patch(ctx(), 'web', 'merge', { spec: { foo: 1 } }, write()));
    expect(unknown.message).toBe('strict decoding error: unknown field "spec.foo"');
    const c = ctx();
    await deps().patch(c, 'web', 'merge', { spec: { bar: 1 } }, write({ fieldValidation: 'Warn' }));
    expect(c.warnings).toEqual(['unknown field "spec.bar"']);
    const apply = await failure(() => deps().patch(ctx(), 'web', 'apply', {}, write()));
    expect(apply.code).toBe(415);
    const missing = await failure(() => deps().patch(ctx(), 'nope', 'merge', {}, write()));
    expect(missing.code).toBe(404);
  });
});

describe('scale subresource', () => {
  it('reads and writes spec.replicas as autoscaling/v1 Scale', async () => {
    await deps().create(ctx(), deployment('web', 2), write());
    const scale = await deps().get(ctx(), 'web', { subresource: 'scale' });
    expect(scale).toMatchObject({
      kind: 'Scale',
      apiVersion: 'autoscaling/v1',
      metadata: { name: 'web', namespace: 'default' },
      spec: { replicas: 2 },
      status: { replicas: 0, selector: 'app=web' },
    });
    const up = await deps().update(ctx(), 'web', { ...scale, spec: { replicas: 5 } }, write({ subresource: 'scale' }));
    expect((up.object.spec as { replicas: number }).replicas).toBe(5);
    const patched = await deps().patch(
      ctx(),
      'web',
      'merge',
      { spec: { replicas: 1 } },
      write({ subresource: 'scale' }),
    );
    expect((patched.spec as { replicas: number }).replicas).toBe(1);
    const d = await deps().get(ctx(), 'web');
    expect((d.spec as { replicas: number }).replicas).toBe(1);
    expect(d.metadata?.generation).toBe(3);
    const stale = await failure(() =>
      deps().update(ctx(), 'web', { ...scale, spec: { replicas: 4 } }, write({ subresource: 'scale' })),
    );
    expect(stale.code).toBe(409);
  });
});
