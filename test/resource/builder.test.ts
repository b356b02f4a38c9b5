import { resolve } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { StatusError } from '../../src/api/status.js';
import { DiscoveryClient } from '../../src/client/discovery/client.js';
import { DeferredRestMapper } from '../../src/client/mapper.js';
import { RestClient } from '../../src/client/rest/client.js';
import { type BuilderOptions, buildResources, MISSING_RESOURCE_MESSAGE } from '../../src/resource/builder.js';
import type { Info } from '../../src/resource/info.js';
import { AggregateResultError } from '../../src/resource/result.js';
import { testConfig } from '../client/support/config.js';
import { type FakeApiServer, pod, startFakeApiServer } from '../client/support/fake-apiserver.js';
import { sendJson } from '../client/support/http-server.js';

const FIX = resolve('fixtures/manifests');
let server: FakeApiServer;
let client: RestClient;
let mapper: DeferredRestMapper;

beforeAll(async () => {
  server = await startFakeApiServer({
    objects: [
      pod('shop', 'a', { app: 'web' }),
      pod('shop', 'b', { app: 'web' }),
      pod('shop', 'c', { app: 'db' }),
      pod('shop', 'd'),
      pod('shop', 'e'),
      pod('other', 'x'),
      { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'api', namespace: 'shop', resourceVersion: '9' } },
      { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'web', namespace: 'shop', resourceVersion: '77' } },
      { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'shop' } },
    ],
    route: (req, res, url) => {
      if (url.pathname === '/manifests/pods.yaml') {
        res.writeHead(200, { 'content-type': 'text/plain' });
        res.end('apiVersion: v1\nkind: Pod\nmetadata: {name: from-url}\n');
        return true;
      }
      if (url.pathname === '/apis/batch/v1/namespaces/broken/jobs') {
        res.writeHead(404, { 'content-type': 'text/plain' });
        res.end('404 page not found');
        return true;
      }
      if (url.pathname.startsWith('/manifests/')) {
        sendJson(res, 404, {});
        return true;
      }
      void req;
      return false;
    },
  });
  client = new RestClient(testConfig(server.url));
  mapper = new DeferredRestMapper(new DiscoveryClient(client));
});
afterAll(async () => {
  client.close();
  await server.close();
});

const build = (o: Partial<BuilderOptions>) => buildResources({ mapper, client, namespace: 'shop', ...o });
const names = (infos: Info[]) => infos.map((i) => `${i.mapping.resource.resource}:${i.namespace}/${i.name}`);
const since = () => {
  const n = server.requests.length;
  return () => server.requests.slice(n).map((r) => r.url);
};

describe('buildResources: arguments', () => {
  it('lists a type in chunks, following continue, and flattens the pages', async () => {
    const urls = since();
    const r = await build({ args: ['po'], chunkSize: 2 });
    expect(names(await r.infos())).toEqual([
      'pods:shop/a',
      'pods:shop/b',
      'pods:shop/c',
      'pods:shop/d',
      'pods:shop/e',
      'pods:shop/web',
    ]);
    expect(urls().filter((u) => u.startsWith('/api/v1/namespaces/shop/pods'))).toEqual([
      '/api/v1/namespaces/shop/pods?limit=2',
      '/api/v1/namespaces/shop/pods?continue=2&limit=2',
      '/api/v1/namespaces/shop/pods?continue=4&limit=2',
    ]);
    expect(r.flags).toEqual({ singleItemImplied: false, targetsSingleItems: false });
    const first = (await r.infos())[0].object!;
    expect(first.kind).toBe('Pod');
    expect(first.apiVersion).toBe('v1');
  });

  it('keeps pages whole without flatten, with the requested Accept', async () => {
    const urls = since();
    const r = await build({
      args: ['pods'],
      flatten: false,
      accept: 'application/json;as=Table;v=v1;g=meta.k8s.io',
      labelSelector: 'app=web',
    });
    const infos = await r.infos();
    expect(infos).toHaveLength(1);
    expect(infos[0].object?.kind).toBe('PodList');
    expect(urls()).toContain('/api/v1/namespaces/shop/pods?labelSelector=app%3Dweb&limit=500');
    expect(server.requests.at(-1)?.headers.accept).toBe('application/json;as=Table;v=v1;g=meta.k8s.io');
  });

  it('lists across namespaces with -A', async () => {
    const urls = since();
    const infos = await (await build({ args: ['pods'], allNamespaces: true, labelSelector: 'app=web' })).infos();
    expect(names(infos)).toEqual(['pods:shop/a', 'pods:shop/b']);
    expect(urls()).toEqual(['/api/v1/pods?labelSelector=app%3Dweb&limit=500']);
  });

  it('expands the all category into its types, in discovery order', async () => {
    const urls = since();
    await (await build({ args: ['all'] })).infos();
    expect(urls().map((u) => u.split('?')[0])).toEqual([
      '/api/v1/namespaces/shop/pods',
      '/api/v1/namespaces/shop/services',
      '/apis/apps/v1/namespaces/shop/deployments',
      '/apis/batch/v1/namespaces/shop/jobs',
      '/apis/autoscaling/v2/namespaces/shop/horizontalpodautoscalers',
    ]);
  });

  it('GETs named objects and TYPE/NAME tuples', async () => {
    const r = await build({ args: ['pods', 'a', 'b'] });
    expect(names(await r.infos())).toEqual(['pods:shop/a', 'pods:shop/b']);
    expect(r.flags.targetsSingleItems).toBe(true);
    expect(r.flags.singleItemImplied).toBe(false);
    const t = await build({ args: ['pod/a', 'deploy.apps/api', 'ns/shop'] });
    const infos = await t.infos();
    expect(names(infos)).toEqual(['pods:shop/a', 'deployments:shop/api', 'namespaces:/shop']);
    expect(infos[1].object?.metadata?.resourceVersion).toBe('9');
    expect((await build({ args: ['pods', 'a'] })).flags.singleItemImplied).toBe(true);
  });

  it('continues on error and aggregates the errors', async () => {
    const r = await build({ args: ['pods', 'a', 'nope', 'b', 'gone'], continueOnError: true });
    const { infos, errors } = await r.settle();
    expect(names(infos)).toEqual(['pods:shop/a', 'pods:shop/b']);
    expect(errors.map((e) => e.message)).toEqual(['pods "nope" not found', 'pods "gone" not found']);
    expect(errors[0]).toBeInstanceOf(StatusError);
    const err = await r.infos().catch((e) => e);
    expect(err).toBeInstanceOf(AggregateResultError);
    expect(err.message).toBe('pods "nope" not found\npods "gone" not found');
    // Without continueOnError the first error stops the visit.
    await expect((await build({ args: ['pods', 'nope', 'a'] })).infos()).rejects.toThrow('pods "nope" not found');
  });

  it('rewords list failures as kubectl does, keeping them API errors', async () => {
    const err = await (await build({ args: ['jobs'], namespace: 'broken' })).infos().catch((e) => e);
    expect(err).toBeInstanceOf(StatusError);
    expect(err.reason).toBe('NotFound');
    expect(err.message).toBe(
      'Unable to list "batch/v1, Resource=jobs": the server could not find the requested resource (get jobs.batch)',
    );
    const sel = await (await build({ args: ['jobs'], namespace: 'broken', labelSelector: 'a=b' }))
      .infos()
      .catch((e) => e);
    expect(sel.message).toBe(
      'Unable to find "batch/v1, Resource=jobs" that match label selector "a=b", field selector "": the server could not find the requested resource (get jobs.batch)',
    );
  });

  it.each<[Partial<BuilderOptions>, string]>([
    [{ args: [] }, MISSING_RESOURCE_MESSAGE],
    [{ args: ['foo'] }, 'the server doesn\'t have a resource type "foo"'],
    [{ args: ['pods', 'x'], allNamespaces: true }, 'a resource cannot be retrieved by name across all namespaces'],
    [{ args: ['pods', 'x'], namespace: '' }, 'namespace may not be empty when retrieving a resource by name'],
    [{ args: ['pods'], allowEmptySelector: false }, 'resource(s) were provided, but no name was specified'],
    [{ args: ['pods', 'x'], labelSelector: 'a=b' }, 'name cannot be provided when a selector is specified'],
    [
      { args: ['pods/x'], labelSelector: 'a=b' },
      'selectors and the all flag cannot be used when passing resource/name arguments',
    ],
    [{ args: [], labelSelector: 'a=b' }, 'at least one resource must be specified to use a selector'],
    [{ args: ['pods,svc', 'x'], singleResourceType: true }, 'you may only specify a single resource type'],
    [
      { args: ['pods'], filenames: [`${FIX}/stream.json`] },
      'when paths, URLs, or stdin is provided as input, you may not specify resource arguments as well',
    ],
    [
      { args: ['pods/a'], filenames: [`${FIX}/stream.json`] },
      'resource/name arguments cannot be provided when a path is specified',
    ],
    [{ filenames: [`${FIX}/nope.yaml`] }, `the path "${FIX}/nope.yaml" does not exist`],
    [{ filenames: ['-', '-'] }, 'standard input cannot be used for multiple arguments'],
  ])('fails to build %j', async (o, message) => {
    const r = await build(o);
    expect(r.err?.message).toBe(message);
    await expect(r.infos()).rejects.toThrow(message);
  });
});

describe('buildResources: files', () => {
  it('reads only manifest files from a directory; -R descends; namespaces are defaulted or dropped', async () => {
    const flat = await (await build({ filenames: [`${FIX}/app`], requireObject: false })).infos();
    expect(names(flat)).toEqual(['configmaps:shop/settings', 'deployments:shop/api', 'pods:shop/web', 'pods:data/db']);
    expect(flat[0].source).toBe(`${FIX}/app/list.json`);
    expect(flat[2].object?.metadata?.namespace).toBe('shop');
    const deep = await (await build({ filenames: [`${FIX}/app`], recursive: true })).infos();
    expect(names(deep)).toContain('namespaces:/team-a');
    expect(deep.find((i) => i.name === 'team-a')?.object?.metadata).toEqual({ name: 'team-a' });
  });

  it('accepts globs and reports per-object errors', async () => {
    const r = await build({ filenames: [`${FIX}/*-kind.yaml`], continueOnError: true });
    const { errors } = await r.settle();
    expect(errors.map((e) => e.message)).toEqual([
      `unable to decode "${FIX}/missing-kind.yaml": Object 'Kind' is missing in '{"apiVersion":"v1","metadata":{"name":"nokind"}}'`,
      `resource mapping not found for name: "w1" namespace: "shop" from "${FIX}/unknown-kind.yaml": no matches for kind "Widget" in version "example.com/v1"\nensure CRDs are installed first`,
    ]);
  });

  it("enforces an explicit namespace with kubectl's text", async () => {
    const r = await build({ filenames: [`${FIX}/other-ns.yaml`], namespace: 'b', requireNamespace: true });
    await expect(r.infos()).rejects.toThrow(
      `the namespace from the provided object "a" does not match the namespace "b". You must pass '--namespace=a' to perform this operation.`,
    );
  });

  it('refetches the latest objects from the server and filters by label', async () => {
    const urls = since();
    const filtered = await (
      await build({
        filenames: [`${FIX}/app/pods.yaml`],
        latest: true,
        labelSelector: 'app=web',
        continueOnError: true,
      })
    ).settle();
    expect(urls()).toEqual(['/api/v1/namespaces/shop/pods/web', '/api/v1/namespaces/data/pods/db']);
    expect(filtered.infos).toHaveLength(0); // the server's copy of web has no labels
    const all = await (
      await build({ filenames: [`${FIX}/app/pods.yaml`], latest: true, continueOnError: true })
    ).settle();
    expect(all.infos.map((i) => i.object?.metadata?.resourceVersion)).toEqual(['77']);
    expect(all.errors.map((e) => e.message)).toEqual(['pods "db" not found']);
  });

  it('reads stdin and URLs', async () => {
    const stdin = Readable.from([Buffer.from('apiVersion: v1\nkind: ConfigMap\nmetadata: {name: piped}\n')]);
    const infos = await (await build({ filenames: ['-'], stdin, requireObject: false })).infos();
    expect(names(infos)).toEqual(['configmaps:shop/piped']);
    expect(infos[0].source).toBe('STDIN');
    const fromUrl = await (
      await build({ filenames: [`${server.url}/manifests/pods.yaml`], requireObject: false })
    ).infos();
    expect(names(fromUrl)).toEqual(['pods:shop/from-url']);
    const bad = await build({ filenames: [`${server.url}/manifests/none.yaml`] });
    await expect(bad.infos()).rejects.toThrow(
      `unable to read URL "${server.url}/manifests/none.yaml", server reported 404 Not Found, status code=404`,
    );
  });

  it('reports unmappable List items together', async () => {
    const stdin = Readable.from([
      JSON.stringify({
        apiVersion: 'v1',
        kind: 'List',
        items: [
          { apiVersion: 'x/v1', kind: 'A', metadata: { name: 'a' } },
          { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'ok' } },
          { apiVersion: 'y/v1', kind: 'B', metadata: { name: 'b' } },
        ],
      }),
    ]);
    const { infos, errors } = await (
      await build({ filenames: ['-'], stdin, requireObject: false, continueOnError: true })
    ).settle();
    expect(names(infos)).toEqual(['configmaps:shop/ok']);
    expect(errors.map((e) => e.message)).toEqual([
      '[unable to recognize no matches for kind "A" in version "x/v1", unable to recognize no matches for kind "B" in version "y/v1"]',
    ]);
  });
});
