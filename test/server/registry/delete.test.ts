import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SERVICE_ACCOUNT_MOUNT_PATH } from '../../../src/server/admission/index.js';
import { configMap, ctx, type Fixture, failure, openRegistry, pod, write } from './registry-fixture.js';

let f: Fixture;
beforeEach(async () => {
  f = await openRegistry();
});
afterEach(async () => {
  await f.close();
});

const cms = () => f.registry.store('', 'v1', 'configmaps')!;
const pods = () => f.registry.store('', 'v1', 'pods')!;

describe('delete', () => {
  it('removes an object at once and reports it', async () => {
    await cms().create(ctx(), configMap('a'), write());
    const r = await cms().delete(ctx(), 'a', { dryRun: false });
    expect(r.pending).toBe(false);
    expect(r.object.metadata?.name).toBe('a');
    expect(cms().returnDeletedObject).toBe(false);
    expect(pods().returnDeletedObject).toBe(true);
    expect((await failure(() => cms().get(ctx(), 'a'))).code).toBe(404);
    expect((await failure(() => cms().delete(ctx(), 'a', { dryRun: false }))).message).toBe('configmaps "a" not found');
  });

  it('keeps an object with finalizers until the last one is removed', async () => {
    await cms().create(ctx(), configMap('f', {}, { finalizers: ['example.com/hold'] }), write());
    const r = await cms().delete(ctx(), 'f', { dryRun: false });
    expect(r.pending).toBe(true);
    expect(r.object.metadata?.deletionTimestamp).toBeTruthy();
    expect(r.object.metadata?.deletionGracePeriodSeconds).toBe(0);
    const held = await cms().get(ctx(), 'f');
    expect(held.metadata?.deletionTimestamp).toBe(r.object.metadata?.deletionTimestamp);
    // A second delete changes nothing.
    const again = await cms().delete(ctx(), 'f', { dryRun: false });
    expect(again.object.metadata?.resourceVersion).toBe(held.metadata?.resourceVersion);
    await cms().patch(ctx(), 'f', 'merge', { metadata: { finalizers: null } }, write());
    expect((await failure(() => cms().get(ctx(), 'f'))).code).toBe(404);
  });

  it('checks preconditions with kube’s texts', async () => {
    const a = await cms().create(ctx(), configMap('p'), write());
    const e = await failure(() => cms().delete(ctx(), 'p', { dryRun: false, preconditions: { uid: 'other' } }));
    expect(e.code).toBe(409);
    expect(e.message).toBe(
      `Operation cannot be fulfilled on ConfigMap "p": the UID in the precondition (other) does not match the UID in record (${a.metadata?.uid}). The object might have been deleted and then recreated`,
    );
  });

  it('dryRun deletes nothing', async () => {
    await cms().create(ctx(), configMap('d'), write());
    await cms().delete(ctx(), 'd', { dryRun: true });
    expect((await cms().get(ctx(), 'd')).metadata?.name).toBe('d');
  });

  it('deletes unscheduled pods at once, and pods bound to a missing node too', async () => {
    await pods().create(ctx(), pod('p1'), write());
    expect((await pods().delete(ctx(), 'p1', { dryRun: false })).pending).toBe(false);
    await pods().create(ctx(), pod('p2', { nodeName: 'ghost' }), write());
    expect((await pods().delete(ctx(), 'p2', { dryRun: false })).pending).toBe(false);
  });

  it('deleteCollection deletes what the selector matches', async () => {
    await cms().create(ctx(), configMap('x1', {}, { labels: { del: 'y' } }), write());
    await cms().create(ctx(), configMap('x2', {}, { labels: { del: 'y' } }), write());
    await cms().create(ctx(), configMap('keep'), write());
    const r = await cms().deleteCollection(ctx(), { labelSelector: 'del=y' }, { dryRun: false });
    expect(r.items.map((i) => i.metadata?.name).sort()).toEqual(['x1', 'x2']);
    expect((await cms().get(ctx(), 'keep')).metadata?.name).toBe('keep');
  });
});

describe('pod subresources and admission', () => {
  it('defaults the service account and mounts the token volume', async () => {
    const p = await pods().create(ctx(), pod('sa'), write());
    const spec = p.spec as any;
    expect(spec.serviceAccountName).toBe('default');
    const vol = spec.volumes.find((v: { name: string }) => v.name.startsWith('kube-api-access-'));
    expect(vol.projected.sources).toHaveLength(3);
    expect(spec.containers[0].volumeMounts).toEqual([
      { name: vol.name, readOnly: true, mountPath: SERVICE_ACCOUNT_MOUNT_PATH },
    ]);
    const e = await failure(() => pods().create(ctx(), pod('x', { serviceAccountName: 'missing' }), write()));
    expect(e.code).toBe(403);
    expect(e.message).toBe(
      'pods "x" is forbidden: error looking up service account default/missing: serviceaccount "missing" not found',
    );
    // Admission runs before names are generated: kube names the object by its generateName.
    const g = await failure(() =>
      pods().create(
        ctx(),
        {
          ...pod(''),
          metadata: { generateName: 'web-' },
          spec: { serviceAccountName: 'missing', containers: [{ name: 'a', image: 'b' }] },
        },
        write(),
      ),
    );
    expect(g.message).toMatch(/^pods "web-" is forbidden: /);
  });

  it('binds a pod once and evicts it', async () => {
    await pods().create(ctx(), pod('b'), write());
    const s = await pods().createSubresource!(
      ctx(),
      'b',
      'binding',
      { metadata: { name: 'b' }, target: { kind: 'Node', name: 'n1' } },
      write(),
    );
    expect(s).toMatchObject({ kind: 'Status', status: 'Success', code: 201 });
    const bound = await pods().get(ctx(), 'b');
    expect((bound.spec as { nodeName: string }).nodeName).toBe('n1');
    expect((bound.status as any).conditions).toEqual([
      expect.objectContaining({ type: 'PodScheduled', status: 'True' }),
    ]);
    const again = await failure(() =>
      pods().createSubresource!(ctx(), 'b', 'binding', { target: { kind: 'Node', name: 'n2' } }, write()),
    );
    expect(again.message).toBe(
      'Operation cannot be fulfilled on pods/binding "b": pod b is already assigned to node "n1"',
    );
    // The HTTP layer POSTs subresource bodies through create() with opts.subresource.
    await pods().create(
      ctx(),
      { apiVersion: 'policy/v1', kind: 'Eviction', metadata: { name: 'b' } },
      write({ subresource: 'eviction' }),
    );
    expect((await failure(() => pods().get(ctx(), 'b'))).code).toBe(404);
    expect(await pods().log!(ctx(), 'sa-missing', {}).catch((e) => e.status.code)).toBe(404);
  });

  it('refuses to delete immortal namespaces and new content in terminating ones', async () => {
    const nss = f.registry.store('', 'v1', 'namespaces')!;
    const e = await failure(() => nss.delete(ctx(''), 'default', { dryRun: false }));
    expect(e.message).toBe('namespaces "default" is forbidden: this namespace may not be deleted');
    await nss.create(ctx(''), { metadata: { name: 'gone' } }, write());
    await cms().create(ctx('gone'), configMap('held', {}, { finalizers: ['example.com/x'] }), write());
    const del = await nss.delete(ctx(''), 'gone', { dryRun: false });
    expect(del.pending).toBe(true);
    expect((del.object.status as { phase: string }).phase).toBe('Terminating');
    const t = await failure(() => cms().create(ctx('gone'), configMap('new'), write()));
    expect(t.code).toBe(403);
    expect(t.message).toBe(
      'configmaps "new" is forbidden: unable to create new content in namespace gone because it is being terminated',
    );
  });
});
