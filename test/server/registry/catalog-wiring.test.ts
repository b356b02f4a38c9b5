import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { StatusError } from '../../../src/api/status.js';
import { builtinSeeds } from '../../../src/server/apis/seeds.js';
import type { KubeObject } from '../../../src/server/apis/types.js';
import { seedCatalogObjects } from '../../../src/server/controllers/seed.js';
import { ctx, type Fixture, openRegistry, write } from './registry-fixture.js';

let f: Fixture;
beforeAll(async () => {
  f = await openRegistry();
});
afterAll(async () => {
  await f.close();
});

const store = (group: string, version: string, resource: string) => {
  const s = f.registry.store(group, version, resource);
  if (!s) throw new Error(`no store ${group}/${version}/${resource}`);
  return s;
};

async function failure(p: Promise<unknown>): Promise<StatusError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof StatusError) return e;
    throw e;
  }
  throw new Error('expected a StatusError');
}

describe('seeded catalog objects', () => {
  it('creates every builtin seed on start', async () => {
    for (const g of builtinSeeds()) {
      const s = f.registry.storeFor(g.group, g.resource);
      expect(s, g.resource).toBeDefined();
      const names = (await s?.list(ctx(''), {}))?.items.map((o) => o.metadata?.name) ?? [];
      for (const o of g.objects) expect(names, `${g.resource}`).toContain(o.metadata?.name);
    }
  });

  it('keeps a user change across a restart of the seeding', async () => {
    const pcs = store('scheduling.k8s.io', 'v1', 'priorityclasses');
    const cur = await pcs.get(ctx(''), 'system-cluster-critical');
    const labels = { ...(cur.metadata?.labels ?? {}), mine: 'yes' };
    await pcs.update(ctx(''), 'system-cluster-critical', { ...cur, metadata: { ...cur.metadata, labels } }, write());
    expect(await seedCatalogObjects(f.registry)).toEqual([]);
    const after = await pcs.get(ctx(''), 'system-cluster-critical');
    expect(after.metadata?.labels?.mine).toBe('yes');
  });
});

describe('componentstatuses', () => {
  it('lists and gets the computed objects', async () => {
    const cs = store('', 'v1', 'componentstatuses');
    const list = await cs.list(ctx(''), {});
    expect(list.kind).toBe('ComponentStatusList');
    expect(list.items.map((o) => o.metadata?.name)).toContain('etcd-0');
    expect((await cs.get(ctx(''), 'scheduler')).kind).toBe('ComponentStatus');
    expect((await failure(cs.get(ctx(''), 'nope'))).status.code).toBe(404);
  });
});

describe('review kinds', () => {
  it('answers a SelfSubjectAccessReview for system:masters without storing it', async () => {
    const s = store('authorization.k8s.io', 'v1', 'selfsubjectaccessreviews');
    const out = await s.create(
      ctx(''),
      {
        apiVersion: 'authorization.k8s.io/v1',
        kind: 'SelfSubjectAccessReview',
        spec: { resourceAttributes: { verb: 'get', resource: 'pods' } },
      },
      write(),
    );
    expect(out.status).toEqual({ allowed: true });
    expect(out.kind).toBe('SelfSubjectAccessReview');
  });

  it('denies a SubjectAccessReview for a user outside system:masters', async () => {
    const s = store('authorization.k8s.io', 'v1', 'subjectaccessreviews');
    const out = await s.create(
      ctx(''),
      {
        apiVersion: 'authorization.k8s.io/v1',
        kind: 'SubjectAccessReview',
        spec: { user: 'jane', resourceAttributes: { verb: 'get', resource: 'pods' } },
      },
      write(),
    );
    expect((out.status as { allowed: boolean }).allowed).toBe(false);
  });

  it('rejects an invalid review with the kind validation', async () => {
    const s = store('authentication.k8s.io', 'v1', 'tokenreviews');
    const e = await failure(
      s.create(ctx(''), { apiVersion: 'authentication.k8s.io/v1', kind: 'TokenReview', spec: {} }, write()),
    );
    expect(e.status.code).toBe(422);
    expect(e.status.message).toContain('spec.token: Required value');
  });

  it('returns the requesting user for a SelfSubjectReview', async () => {
    const s = store('authentication.k8s.io', 'v1', 'selfsubjectreviews');
    const out = await s.create(ctx(''), { apiVersion: 'authentication.k8s.io/v1', kind: 'SelfSubjectReview' }, write());
    expect((out.status as { userInfo: { username: string } }).userInfo.username).toBe('admin');
  });

  it('binds a pod through core/v1 bindings', async () => {
    const pods = store('', 'v1', 'pods');
    await pods.create(
      ctx(),
      {
        apiVersion: 'v1',
        kind: 'Pod',
        metadata: { name: 'bind-me' },
        spec: { containers: [{ name: 'c', image: 'nginx' }] },
      },
      write(),
    );
    const b = store('', 'v1', 'bindings');
    const out = await b.create(
      ctx(),
      { apiVersion: 'v1', kind: 'Binding', metadata: { name: 'bind-me' }, target: { kind: 'Node', name: 'node-1' } },
      write(),
    );
    expect(out.status).toBe('Success');
    expect(((await pods.get(ctx(), 'bind-me')).spec as { nodeName?: string }).nodeName).toBe('node-1');
  });
});

describe('cross-version storage', () => {
  const hpaV1 = (name: string): KubeObject => ({
    apiVersion: 'autoscaling/v1',
    kind: 'HorizontalPodAutoscaler',
    metadata: { name },
    spec: {
      scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'web' },
      minReplicas: 1,
      maxReplicas: 5,
      targetCPUUtilizationPercentage: 70,
    },
  });

  it('stores a v1 HPA as v2 and reads it back in both versions', async () => {
    const v1 = store('autoscaling', 'v1', 'horizontalpodautoscalers');
    const v2 = store('autoscaling', 'v2', 'horizontalpodautoscalers');
    const created = await v1.create(ctx(), hpaV1('web'), write());
    expect(created.apiVersion).toBe('autoscaling/v1');
    expect((created.spec as Record<string, unknown>).targetCPUUtilizationPercentage).toBe(70);
    const raw = await f.registry.lookup.get('autoscaling', 'horizontalpodautoscalers', 'default', 'web');
    expect(raw?.apiVersion).toBe('autoscaling/v2');
    const asV2 = await v2.get(ctx(), 'web');
    expect((asV2.spec as { metrics?: unknown[] }).metrics).toEqual([
      { type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 70 } } },
    ]);
    expect((await v1.list(ctx(), {})).items.map((o) => o.apiVersion)).toEqual(['autoscaling/v1']);
    const patched = await v1.patch(ctx(), 'web', 'merge', { spec: { maxReplicas: 9 } }, write());
    expect((patched.spec as { maxReplicas: number }).maxReplicas).toBe(9);
    expect(((await v2.get(ctx(), 'web')).spec as { maxReplicas: number }).maxReplicas).toBe(9);
  });

  it('converts watch events of the v1 store', async () => {
    const v1 = store('autoscaling', 'v1', 'horizontalpodautoscalers');
    const v2 = store('autoscaling', 'v2', 'horizontalpodautoscalers');
    const ac = new AbortController();
    const start = (await v1.list(ctx(), {})).metadata.resourceVersion;
    const seen: KubeObject[] = [];
    const watching = (async () => {
      for await (const ev of v1.watch(ctx(), { resourceVersion: start, signal: ac.signal })) {
        seen.push(ev.object);
        ac.abort();
      }
    })();
    const v2Obj = { ...hpaV1('watched') };
    await v2.create(
      ctx(),
      {
        apiVersion: 'autoscaling/v2',
        kind: 'HorizontalPodAutoscaler',
        metadata: v2Obj.metadata,
        spec: {
          scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'web' },
          maxReplicas: 4,
          metrics: [
            { type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 50 } } },
          ],
        },
      },
      write(),
    );
    await watching;
    expect(seen[0]?.apiVersion).toBe('autoscaling/v1');
    expect((seen[0]?.spec as Record<string, unknown> | undefined)?.targetCPUUtilizationPercentage).toBe(50);
  });

  it('serves events.k8s.io events from the core events', async () => {
    const core = store('', 'v1', 'events');
    const ev = store('events.k8s.io', 'v1', 'events');
    await ev.create(
      ctx(),
      {
        apiVersion: 'events.k8s.io/v1',
        kind: 'Event',
        metadata: { name: 'e1' },
        eventTime: '2026-01-01T00:00:00.000000Z',
        type: 'Normal',
        reason: 'Started',
        action: 'Start',
        note: 'hello',
        reportingController: 'me',
        reportingInstance: 'me-1',
        regarding: { kind: 'Pod', name: 'p', namespace: 'default' },
      },
      write(),
    );
    const asCore = await core.get(ctx(), 'e1');
    expect(asCore.message).toBe('hello');
    expect(asCore.involvedObject).toMatchObject({ kind: 'Pod', name: 'p' });
    const back = await ev.get(ctx(), 'e1');
    expect(back.note).toBe('hello');
    expect(back.apiVersion).toBe('events.k8s.io/v1');
    const sel = await ev.list(ctx(), { fieldSelector: 'regarding.name=p' });
    expect(sel.items.map((o) => o.metadata?.name)).toEqual(['e1']);
    const none = await ev.list(ctx(), { fieldSelector: 'regarding.name=q' });
    expect(none.items).toEqual([]);
  });
});

describe('name rules', () => {
  it('requires an IP as an IPAddress name', async () => {
    const s = store('networking.k8s.io', 'v1', 'ipaddresses');
    const e = await failure(
      s.create(
        ctx(''),
        {
          apiVersion: 'networking.k8s.io/v1',
          kind: 'IPAddress',
          metadata: { name: 'not-an-ip' },
          spec: { parentRef: { resource: 'services', name: 'x', namespace: 'default' } },
        },
        write(),
      ),
    );
    expect(e.status.message).toContain('must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)');
  });

  it('accepts path-segment names for flowschemas (dots, capitals)', async () => {
    const s = store('flowcontrol.apiserver.k8s.io', 'v1', 'flowschemas');
    const out = await s.create(
      ctx(''),
      {
        apiVersion: 'flowcontrol.apiserver.k8s.io/v1',
        kind: 'FlowSchema',
        metadata: { name: 'My_Schema' },
        spec: { priorityLevelConfiguration: { name: 'global-default' }, matchingPrecedence: 5000 },
      },
      write(),
    );
    expect(out.metadata?.name).toBe('My_Schema');
  });

  it('shows an RC selector map as the scale selector', async () => {
    const rcs = store('', 'v1', 'replicationcontrollers');
    await rcs.create(
      ctx(),
      {
        apiVersion: 'v1',
        kind: 'ReplicationController',
        metadata: { name: 'rc1' },
        spec: {
          replicas: 2,
          selector: { app: 'web', tier: 'fe' },
          template: {
            metadata: { labels: { app: 'web', tier: 'fe' } },
            spec: { containers: [{ name: 'c', image: 'nginx' }] },
          },
        },
      },
      write(),
    );
    const scale = await rcs.get(ctx(), 'rc1', { subresource: 'scale' });
    expect((scale.status as { selector?: string }).selector).toBe('app=web,tier=fe');
  });
});
