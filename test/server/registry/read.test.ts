import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RegistryWatchEvent } from '../../../src/server/registry/types.js';
import { configMap, ctx, type Fixture, failure, openRegistry, pod, write } from './registry-fixture.js';

let f: Fixture;
beforeEach(async () => {
  f = await openRegistry();
});
afterEach(async () => {
  await f.close();
});

const cms = () => f.registry.store('', 'v1', 'configmaps')!;

describe('list', () => {
  it('wraps items in a <Kind>List with typed items', async () => {
    await cms().create(ctx(), configMap('a', {}, { labels: { app: 'x' } }), write());
    await cms().create(ctx(), configMap('b', {}, { labels: { app: 'y' } }), write());
    const list = await cms().list(ctx(), {});
    expect(list.kind).toBe('ConfigMapList');
    expect(list.apiVersion).toBe('v1');
    expect(Number(list.metadata.resourceVersion)).toBeGreaterThan(0);
    const names = list.items.map((i) => i.metadata?.name);
    expect(names).toEqual(expect.arrayContaining(['a', 'b', 'kube-root-ca.crt']));
    expect(list.items.every((i) => i.kind === 'ConfigMap' && i.apiVersion === 'v1')).toBe(true);
  });

  it('filters by label and field selectors; unknown fields are 400', async () => {
    await cms().create(ctx(), configMap('a', {}, { labels: { app: 'x' } }), write());
    await cms().create(ctx(), configMap('b', {}, { labels: { app: 'y' } }), write());
    const byLabel = await cms().list(ctx(), { labelSelector: 'app in (x)' });
    expect(byLabel.items.map((i) => i.metadata?.name)).toEqual(['a']);
    const byField = await cms().list(ctx(), { fieldSelector: 'metadata.name!=a' });
    expect(byField.items.map((i) => i.metadata?.name)).not.toContain('a');
    const e = await failure(() => cms().list(ctx(), { fieldSelector: 'spec.foo=bar' }));
    expect(e.code).toBe(400);
    expect(e.message).toBe('field label not supported: spec.foo');
    const bad = await failure(() => cms().list(ctx(), { labelSelector: 'a in (' }));
    expect(bad.code).toBe(400);
  });

  it('supports the kind’s own selectable fields (pods spec.nodeName)', async () => {
    await f.registry.store('', 'v1', 'pods')!.create(ctx(), pod('p1', { nodeName: 'n1' }), write());
    await f.registry.store('', 'v1', 'pods')!.create(ctx(), pod('p2'), write());
    const l = await f.registry.store('', 'v1', 'pods')!.list(ctx(), { fieldSelector: 'spec.nodeName=n1' });
    expect(l.items.map((i) => i.metadata?.name)).toEqual(['p1']);
  });

  it('pages with limit/continue across namespaces', async () => {
    for (const n of ['a', 'b', 'c', 'd']) await cms().create(ctx(), configMap(n), write());
    const all = await cms().list(ctx(''), {});
    const seen: string[] = [];
    let cont: string | undefined;
    do {
      const page = await cms().list(ctx(''), { limit: 2, ...(cont ? { continue: cont } : {}) });
      expect(page.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.items.map((i) => `${i.metadata?.namespace}/${i.metadata?.name}`));
      cont = page.metadata.continue;
    } while (cont);
    expect(seen).toEqual(all.items.map((i) => `${i.metadata?.namespace}/${i.metadata?.name}`));
  });

  it('validates resourceVersionMatch like kube’s ListOptions', async () => {
    const e = await failure(() => cms().list(ctx(), { resourceVersionMatch: 'Exact' }));
    expect(e.code).toBe(422);
    expect(e.message).toBe(
      'ListOptions.meta.k8s.io "" is invalid: resourceVersionMatch: Forbidden: resourceVersionMatch is forbidden unless resourceVersion is provided',
    );
    const l = await cms().list(ctx(), {});
    const exact = await cms().list(ctx(), {
      resourceVersion: l.metadata.resourceVersion,
      resourceVersionMatch: 'Exact',
    });
    expect(exact.items.length).toBe(l.items.length);
  });

  it('get on a missing object is NotFound with kube’s text', async () => {
    const e = await failure(() => f.registry.store('apps', 'v1', 'deployments')!.get(ctx(), 'nope'));
    expect(e.code).toBe(404);
    expect(e.message).toBe('deployments.apps "nope" not found');
  });
});

describe('watch', () => {
  it('streams ADDED/MODIFIED/DELETED from a resourceVersion, filtered by selector', async () => {
    const start = await cms().list(ctx(), {});
    const ac = new AbortController();
    const events: RegistryWatchEvent[] = [];
    const done = (async () => {
      for await (const ev of cms().watch(ctx(), {
        resourceVersion: start.metadata.resourceVersion,
        labelSelector: 'w=1',
        signal: ac.signal,
      })) {
        events.push(ev);
        if (events.length === 3) ac.abort();
      }
    })();
    await cms().create(ctx(), configMap('skip'), write());
    const c = await cms().create(ctx(), configMap('w', {}, { labels: { w: '1' } }), write());
    await cms().update(ctx(), 'w', { ...c, data: { a: 'b' } }, write());
    await cms().delete(ctx(), 'w', { dryRun: false });
    await done;
    expect(events.map((e) => `${e.type} ${e.object.metadata?.name}`)).toEqual(['ADDED w', 'MODIFIED w', 'DELETED w']);
    expect(events[0]?.object.kind).toBe('ConfigMap');
  });

  it('sends initial events then a bookmark marking their end (sendInitialEvents)', async () => {
    await cms().create(ctx(), configMap('init'), write());
    const ac = new AbortController();
    const seen: string[] = [];
    for await (const ev of cms().watch(ctx(), {
      sendInitialEvents: true,
      allowWatchBookmarks: true,
      resourceVersionMatch: 'NotOlderThan',
      resourceVersion: '',
      signal: ac.signal,
    })) {
      seen.push(`${ev.type} ${ev.object.metadata?.name ?? ''}`);
      if (ev.type === 'BOOKMARK') {
        expect(ev.object.metadata?.annotations?.['k8s.io/initial-events-end']).toBe('true');
        expect(ev.object.kind).toBe('ConfigMap');
        ac.abort();
      }
    }
    expect(seen).toContain('ADDED init');
    expect(seen.at(-1)).toMatch(/^BOOKMARK/);
  });
});
