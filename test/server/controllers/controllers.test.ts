import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { KubeObject } from '../../../src/server/apis/types.js';
import { ROOT_CA_CONFIGMAP } from '../../../src/server/controllers/index.js';
import {
  configMap,
  ctx,
  deployment,
  type Fixture,
  failure,
  openRegistry,
  write,
} from '../registry/registry-fixture.js';

let f: Fixture;
beforeEach(async () => {
  f = await openRegistry();
});
afterEach(async () => {
  await f.close();
});

const nss = () => f.registry.store('', 'v1', 'namespaces')!;
const cms = () => f.registry.store('', 'v1', 'configmaps')!;
const deps = () => f.registry.store('apps', 'v1', 'deployments')!;

/** Waits until `check` passes, letting controllers (and their backoffs) run. */
async function eventually(check: () => Promise<void>, ms = 5000): Promise<void> {
  const end = Date.now() + ms;
  for (;;) {
    await f.registry.idle();
    try {
      await check();
      return;
    } catch (e) {
      if (Date.now() > end) throw e;
      await new Promise((r) => setTimeout(r, 20));
    }
  }
}

describe('seeding', () => {
  it('creates the system namespaces and the kubernetes Service/Endpoints', async () => {
    const names = (await nss().list(ctx(''), {})).items.map((n) => n.metadata?.name);
    expect(names).toEqual(['default', 'kube-node-lease', 'kube-public', 'kube-system']);
    const ns = await nss().get(ctx(''), 'default');
    expect(ns.spec).toEqual({ finalizers: ['kubernetes'] });
    const svc = await f.registry.store('', 'v1', 'services')!.get(ctx(), 'kubernetes');
    expect(svc.spec).toMatchObject({
      clusterIP: '10.96.0.1',
      ports: [{ name: 'https', port: 443, targetPort: 6443, protocol: 'TCP' }],
    });
    const ep = await f.registry.store('', 'v1', 'endpoints')!.get(ctx(), 'kubernetes');
    expect(ep.subsets).toEqual([
      { addresses: [{ ip: '127.0.0.1' }], ports: [{ name: 'https', port: 6443, protocol: 'TCP' }] },
    ]);
  });

  it('puts the default ServiceAccount and kube-root-ca.crt in every new namespace, and restores them', async () => {
    await nss().create(ctx(''), { metadata: { name: 'team' } }, write());
    await f.registry.idle();
    const sa = await f.registry.store('', 'v1', 'serviceaccounts')!.get(ctx('team'), 'default');
    expect(sa.metadata?.namespace).toBe('team');
    const ca = await cms().get(ctx('team'), ROOT_CA_CONFIGMAP);
    expect(ca.data).toEqual({ 'ca.crt': 'CA-PEM' });
    await cms().delete(ctx('team'), ROOT_CA_CONFIGMAP, { dryRun: false });
    await eventually(async () => {
      expect((await cms().get(ctx('team'), ROOT_CA_CONFIGMAP)).data).toEqual({ 'ca.crt': 'CA-PEM' });
    });
  });
});

describe('namespace lifecycle', () => {
  it('deletes the contents, then the namespace', async () => {
    await nss().create(ctx(''), { metadata: { name: 'doomed' } }, write());
    await cms().create(ctx('doomed'), configMap('c1'), write());
    await deps().create(ctx('doomed'), deployment('web'), write());
    const r = await nss().delete(ctx(''), 'doomed', { dryRun: false });
    expect(r.pending).toBe(true);
    await eventually(async () => {
      expect((await failure(() => nss().get(ctx(''), 'doomed'))).code).toBe(404);
    });
    expect((await cms().list(ctx('doomed'), {})).items).toEqual([]);
    expect((await deps().list(ctx('doomed'), {})).items).toEqual([]);
  });

  it('waits for finalizers, reporting them in conditions', async () => {
    await nss().create(ctx(''), { metadata: { name: 'held' } }, write());
    await cms().create(ctx('held'), configMap('hold', {}, { finalizers: ['example.com/keep'] }), write());
    await nss().delete(ctx(''), 'held', { dryRun: false });
    await eventually(async () => {
      const ns = await nss().get(ctx(''), 'held');
      const conds =
        (ns.status as { conditions?: Array<{ type: string; status: string; message: string }> }).conditions ?? [];
      expect(conds.find((c) => c.type === 'NamespaceContentRemaining')).toMatchObject({
        status: 'True',
        message: 'Some resources are remaining: configmaps has 1 resource instances',
      });
      expect(conds.find((c) => c.type === 'NamespaceFinalizersRemaining')).toMatchObject({
        status: 'True',
        message: 'Some content in the namespace has finalizers remaining: example.com/keep in 1 resource instances',
      });
    });
    await cms().patch(ctx('held'), 'hold', 'merge', { metadata: { finalizers: null } }, write());
    await eventually(async () => {
      expect((await failure(() => nss().get(ctx(''), 'held'))).code).toBe(404);
    });
  });
});

describe('garbage collector', () => {
  const owned = (name: string, owner: KubeObject): KubeObject =>
    configMap(
      name,
      {},
      {
        ownerReferences: [
          {
            apiVersion: 'apps/v1',
            kind: 'Deployment',
            name: owner.metadata!.name!,
            uid: owner.metadata!.uid!,
            blockOwnerDeletion: true,
          },
        ],
      },
    );

  it('background: deletes dependents after the owner is gone', async () => {
    const d = await deps().create(ctx(), deployment('owner'), write());
    await cms().create(ctx(), owned('dep1', d), write());
    await deps().delete(ctx(), 'owner', { dryRun: false, propagationPolicy: 'Background' });
    await eventually(async () => {
      expect((await failure(() => cms().get(ctx(), 'dep1'))).code).toBe(404);
    });
  });

  it('orphan: keeps dependents and strips their owner references', async () => {
    const d = await deps().create(ctx(), deployment('owner'), write());
    await cms().create(ctx(), owned('dep2', d), write());
    const r = await deps().delete(ctx(), 'owner', { dryRun: false, propagationPolicy: 'Orphan' });
    expect(r.object.metadata?.finalizers).toEqual(['orphan']);
    await eventually(async () => {
      expect((await failure(() => deps().get(ctx(), 'owner'))).code).toBe(404);
    });
    const dep = await cms().get(ctx(), 'dep2');
    expect(dep.metadata?.ownerReferences).toBeUndefined();
  });

  it('foreground: deletes dependents first, then the owner', async () => {
    const d = await deps().create(ctx(), deployment('owner'), write());
    await cms().create(ctx(), owned('dep3', d), write());
    const r = await deps().delete(ctx(), 'owner', { dryRun: false, propagationPolicy: 'Foreground' });
    expect(r.pending).toBe(true);
    expect(r.object.metadata?.finalizers).toEqual(['foregroundDeletion']);
    await eventually(async () => {
      expect((await failure(() => deps().get(ctx(), 'owner'))).code).toBe(404);
    });
    expect((await failure(() => cms().get(ctx(), 'dep3'))).code).toBe(404);
  });

  it('deletes a dependent created with a dangling owner', async () => {
    await cms().create(
      ctx(),
      configMap(
        'dangling',
        {},
        { ownerReferences: [{ apiVersion: 'apps/v1', kind: 'Deployment', name: 'ghost', uid: 'nope' }] },
      ),
      write(),
    );
    await eventually(async () => {
      expect((await failure(() => cms().get(ctx(), 'dangling'))).code).toBe(404);
    });
  });
});
