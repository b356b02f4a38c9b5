import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { connect } from 'node:http2';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningServer, startServer } from '../../../src/server/serve.js';
import { client } from './support/client.js';
import { memoryRegistry, testCatalog } from './support/fixtures.js';

let server: RunningServer;
let dir: string;
let get: ReturnType<typeof client>;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'kctl-http-'));
  server = await startServer({
    port: 0,
    dataDir: dir,
    catalog: testCatalog(),
    openRegistry: memoryRegistry,
    log: () => {},
  });
  get = client(server.url, dir);
});
afterAll(async () => {
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

const cm = (name: string, labels: Record<string, string> = {}) =>
  JSON.stringify({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name, labels }, data: { a: '1' } });

describe('health and version', () => {
  it('answers /healthz, /livez?verbose and per-check paths like kube', async () => {
    expect((await get('/healthz')).text).toBe('ok');
    const v = await get('/livez?verbose');
    expect(v.text).toBe('[+]ping ok\n[+]log ok\n[+]etcd ok\nlivez check passed\n');
    expect((await get('/readyz/ping')).text).toBe('ok');
    expect((await get('/readyz?verbose&exclude=etcd')).text).toContain('[+]etcd excluded: ok\n');
    expect((await get('/livez/nope')).status).toBe(404);
  });
  it('serves /version without credentials, indented', async () => {
    const r = await get('/version', { anonymous: true });
    expect(r.status).toBe(200);
    expect(r.json().major).toBe('1');
    expect(r.text).toContain('\n  "minor"');
  });
});

describe('authentication', () => {
  it('refuses an anonymous API request with a 401 Status', async () => {
    const r = await get('/api/v1/namespaces', { anonymous: true });
    expect(r.status).toBe(401);
    expect(r.json()).toEqual({
      kind: 'Status',
      apiVersion: 'v1',
      metadata: {},
      status: 'Failure',
      message: 'Unauthorized',
      reason: 'Unauthorized',
      code: 401,
    });
  });
  it('accepts the bootstrap token and rejects a wrong one', async () => {
    expect(
      (await get('/api/v1/namespaces', { anonymous: true, headers: { Authorization: `Bearer ${server.token}` } }))
        .status,
    ).toBe(200);
    expect(
      (
        await get('/api/v1/namespaces', {
          anonymous: true,
          headers: { Authorization: 'Bearer abcdef.0123456789abcdef' },
        })
      ).status,
    ).toBe(401);
  });
});

describe('routing', () => {
  it('answers unknown paths with kube NotFound Status', async () => {
    for (const p of ['/nope', '/api/v1/foos', '/apis/nope.io/v1/things', '/api/v1/namespaces/x/namespaces']) {
      const r = await get(p);
      expect(r.status, p).toBe(404);
      expect(r.json()).toMatchObject({
        reason: 'NotFound',
        message: 'the server could not find the requested resource',
        details: {},
      });
    }
  });
  it('answers 405 for a method a path does not serve', async () => {
    const r = await get('/api/v1/namespaces/default/configmaps/x', { method: 'POST', body: cm('x') });
    expect(r.status).toBe(405);
    expect(r.json().message).toBe('the server does not allow this method on the requested resource');
    expect((await get('/api/v1/configmaps', { method: 'POST', body: cm('x') })).status).toBe(405);
  });
});

describe('resources', () => {
  it('creates (201), gets, lists and conflicts', async () => {
    const c = await get('/api/v1/namespaces/default/configmaps?fieldValidation=Strict', {
      method: 'POST',
      body: cm('one', { app: 'a' }),
      headers: { 'Content-Type': 'application/json' },
    });
    expect(c.status).toBe(201);
    const again = await get('/api/v1/namespaces/default/configmaps', { method: 'POST', body: cm('one') });
    expect(again.status).toBe(409);
    expect(again.json().message).toBe('configmaps "one" already exists');
    const g = await get('/api/v1/namespaces/default/configmaps/one');
    expect(g.json().metadata.name).toBe('one');
    const stale = JSON.parse(cm('one'));
    stale.metadata.resourceVersion = '1';
    const u = await get('/api/v1/namespaces/default/configmaps/one', { method: 'PUT', body: JSON.stringify(stale) });
    expect(u.status).toBe(409);
    expect(u.json().reason).toBe('Conflict');
  });
  it('rejects a body whose namespace differs from the URL', async () => {
    const body = JSON.parse(cm('two'));
    body.metadata.namespace = 'other';
    const r = await get('/api/v1/namespaces/default/configmaps', { method: 'POST', body: JSON.stringify(body) });
    expect(r.status).toBe(400);
    expect(r.json().message).toBe(
      'the namespace of the provided object does not match the namespace sent on the request',
    );
  });
  it('indents JSON for ?pretty and curl, as kube does', async () => {
    const compact = await get('/api/v1/namespaces/default/configmaps/one');
    expect(compact.text).toMatch(/^\{"apiVersion":"v1"/);
    const curl = await get('/api/v1/namespaces/default/configmaps/one', { headers: { 'User-Agent': 'curl/8.5.0' } });
    expect(curl.text).toMatch(/^\{\n {2}"apiVersion": "v1",\n/);
    expect((await get('/api/v1/namespaces/default/configmaps/one?pretty=true')).text).toContain(
      '\n  "kind": "ConfigMap"',
    );
    expect(
      (await get('/api/v1/namespaces/default/configmaps/one?pretty=false', { headers: { 'User-Agent': 'curl/8' } }))
        .text,
    ).not.toContain('\n ');
  });
  it('sends warnings as Warning headers', async () => {
    const r = await get('/api/v1/namespaces/default/configmaps', { method: 'POST', body: cm('warned', { warn: 'x' }) });
    expect(r.headers.warning).toBe('299 - "warned \\"x\\""');
  });
  it('answers YAML when asked and reads YAML bodies', async () => {
    const r = await get('/api/v1/namespaces/default/configmaps', {
      method: 'POST',
      body: 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: yml\n',
      headers: { 'Content-Type': 'application/yaml', Accept: 'application/yaml' },
    });
    expect(r.status).toBe(201);
    expect(r.headers['content-type']).toBe('application/yaml');
    expect(r.text).toMatch(/^apiVersion: v1\nkind: ConfigMap\nmetadata:\n/);
  });
  it('refuses protobuf: 406 when only protobuf is accepted, 415 for protobuf bodies', async () => {
    const a = await get('/api/v1/namespaces/default/configmaps', {
      headers: { Accept: 'application/vnd.kubernetes.protobuf' },
    });
    expect(a.status).toBe(406);
    expect(a.json().message).toBe('only the following media types are accepted: application/json, application/yaml');
    const b = await get('/api/v1/namespaces/default/configmaps', {
      headers: { Accept: 'application/vnd.kubernetes.protobuf, application/json' },
    });
    expect(b.status).toBe(200);
    // A protobuf kind the server cannot read (the envelope says v1 Pod).
    const envelope = Buffer.from('6b3873000a090a0276311203506f64', 'hex');
    const c = await get('/api/v1/namespaces/default/configmaps', {
      method: 'POST',
      body: envelope,
      headers: { 'Content-Type': 'application/vnd.kubernetes.protobuf' },
    });
    expect(c.status).toBe(415);
    expect(c.json().reason).toBe('UnsupportedMediaType');
  });
  it('gzips bodies over 128 KiB only when the client accepts gzip', async () => {
    const big = JSON.stringify({
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'big' },
      data: { k: 'x'.repeat(200 * 1024) },
    });
    await get('/api/v1/namespaces/default/configmaps', { method: 'POST', body: big });
    const zipped = await get('/api/v1/namespaces/default/configmaps/big', { headers: { 'Accept-Encoding': 'gzip' } });
    expect(zipped.headers['content-encoding']).toBe('gzip');
    expect(Number(zipped.headers['content-length'])).toBeLessThan(64 * 1024);
    expect(zipped.json().data.k).toHaveLength(200 * 1024);
    const plain = await get('/api/v1/namespaces/default/configmaps/big');
    expect(plain.headers['content-encoding']).toBeUndefined();
    const small = await get('/api/v1/namespaces/default/configmaps/one', { headers: { 'Accept-Encoding': 'gzip' } });
    expect(small.headers['content-encoding']).toBeUndefined();
    await get('/api/v1/namespaces/default/configmaps/big', { method: 'DELETE' });
  });
  it('answers 413 for bodies over 3 MiB', async () => {
    const big = Buffer.alloc(3 * 1024 * 1024 + 1, 'a');
    const r = await get('/api/v1/namespaces/default/configmaps', { method: 'POST', body: big });
    expect(r.status).toBe(413);
    expect(r.json().message).toBe('Request entity too large: limit is 3145728');
  });
  it('converts to Table with includeObject and to PartialObjectMetadataList', async () => {
    const t = await get('/api/v1/namespaces/default/configmaps?labelSelector=app%3Da', {
      headers: { Accept: 'application/json;as=Table;v=v1;g=meta.k8s.io,application/json' },
    });
    const table = t.json();
    expect(table.kind).toBe('Table');
    expect(table.apiVersion).toBe('meta.k8s.io/v1');
    expect(table.columnDefinitions.map((c: { name: string }) => c.name)).toEqual(['Name', 'Data']);
    expect(table.rows).toEqual([
      {
        cells: ['one', 1],
        object: expect.objectContaining({ kind: 'PartialObjectMetadata', apiVersion: 'meta.k8s.io/v1' }),
      },
    ]);
    const none = await get('/api/v1/namespaces/default/configmaps/one?includeObject=None', {
      headers: { Accept: 'application/json;as=Table;v=v1beta1;g=meta.k8s.io' },
    });
    expect(none.json().apiVersion).toBe('meta.k8s.io/v1beta1');
    expect(none.json().rows[0].object).toBeNull();
    const full = await get('/api/v1/namespaces/default/configmaps/one?includeObject=Object', {
      headers: { Accept: 'application/json;as=Table;v=v1;g=meta.k8s.io' },
    });
    expect(full.json().rows[0].object).toMatchObject({ kind: 'ConfigMap', data: { a: '1' } });
    const p = await get('/api/v1/namespaces/default/configmaps', {
      headers: { Accept: 'application/json;as=PartialObjectMetadataList;v=v1;g=meta.k8s.io' },
    });
    expect(p.json().kind).toBe('PartialObjectMetadataList');
    expect(p.json().items[0]).not.toHaveProperty('data');
  });
  it('answers an immediate delete with a success Status naming the object', async () => {
    await get('/api/v1/namespaces/default/configmaps', { method: 'POST', body: cm('gone') });
    const r = await get('/api/v1/namespaces/default/configmaps/gone', {
      method: 'DELETE',
      body: '{"propagationPolicy":"Background"}',
    });
    expect(r.json()).toEqual({
      kind: 'Status',
      apiVersion: 'v1',
      metadata: {},
      status: 'Success',
      details: { name: 'gone', kind: 'configmaps', uid: 'uid-gone' },
    });
  });
  it('rejects an unknown patch content type with 415 listing the patch types', async () => {
    const r = await get('/api/v1/namespaces/default/configmaps/one', {
      method: 'PATCH',
      body: '{}',
      headers: { 'Content-Type': 'text/plain' },
    });
    expect(r.status).toBe(415);
    expect(r.json().message).toContain('application/strategic-merge-patch+json');
  });
});

describe('watch', () => {
  it('streams newline-delimited events and ends at timeoutSeconds', async () => {
    const started = get('/api/v1/namespaces/default/configmaps?watch=true&timeoutSeconds=1');
    const r = await started;
    const lines = r.text
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines.length).toBeGreaterThan(0);
    expect(lines.every((e: { type: string }) => e.type === 'ADDED')).toBe(true);
  });
  it('sends 410 as an ERROR event and bad selectors as a 400 response', async () => {
    const r = await get('/api/v1/namespaces/default/configmaps?watch=1&resourceVersion=1');
    expect(r.status).toBe(200);
    expect(JSON.parse(r.text.trim())).toMatchObject({
      type: 'ERROR',
      object: { kind: 'Status', code: 410, reason: 'Expired' },
    });
    const b = await get('/api/v1/namespaces/default/configmaps?watch=1&labelSelector=!!bad');
    expect(b.status).toBe(400);
  });
  it('sends Table events with column definitions only on the first', async () => {
    const r = await get('/api/v1/namespaces/default/configmaps?watch=1&timeoutSeconds=1', {
      headers: { Accept: 'application/json;as=Table;v=v1;g=meta.k8s.io' },
    });
    const events = r.text
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(events.length).toBeGreaterThan(1);
    expect(events[0].object.columnDefinitions).toHaveLength(2);
    expect(events[1].object.columnDefinitions).toBeNull();
  });
});

describe('HTTP/2', () => {
  it('negotiates h2 over ALPN and serves requests on it', async () => {
    const session = connect(server.url, {
      ca: readFileSync(join(dir, 'pki', 'ca.crt')),
      cert: readFileSync(join(dir, 'pki', 'admin.crt')),
      key: readFileSync(join(dir, 'pki', 'admin.key')),
    });
    const body = await new Promise<string>((resolve, reject) => {
      const req = session.request({ ':path': '/api/v1/namespaces/default/configmaps/one' });
      let text = '';
      req.setEncoding('utf8');
      req.on('data', (c: string) => (text += c));
      req.on('end', () => resolve(text));
      req.on('error', reject);
    });
    session.close();
    expect(JSON.parse(body).metadata.name).toBe('one');
  });
});

describe('discovery and openapi over HTTP', () => {
  const AGG = 'application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList,application/json';
  it('serves legacy discovery shapes', async () => {
    const api = (await get('/api')).json();
    expect(api.kind).toBe('APIVersions');
    expect(api.versions).toEqual(['v1']);
    expect(api.serverAddressByClientCIDRs[0].clientCIDR).toBe('0.0.0.0/0');
    const v1 = (await get('/api/v1')).json();
    expect(v1.kind).toBe('APIResourceList');
    expect(v1.groupVersion).toBe('v1');
    expect(v1.resources.map((r: { name: string }) => r.name)).toEqual([
      'configmaps',
      'namespaces',
      'namespaces/status',
    ]);
    const apis = (await get('/apis')).json();
    expect(apis).toEqual({
      kind: 'APIGroupList',
      apiVersion: 'v1',
      groups: [
        {
          name: 'apps',
          versions: [{ groupVersion: 'apps/v1', version: 'v1' }],
          preferredVersion: { groupVersion: 'apps/v1', version: 'v1' },
        },
      ],
    });
    expect((await get('/apis/apps')).json().kind).toBe('APIGroup');
    expect((await get('/apis/apps/v1')).json().groupVersion).toBe('apps/v1');
    expect((await get('/apis/apps/v2')).status).toBe(404);
  });
  it('serves aggregated discovery with ETag, Vary and 304', async () => {
    const r = await get('/apis', { headers: { Accept: AGG } });
    expect(r.headers['content-type']).toBe('application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList');
    expect(r.headers.vary).toBe('Accept');
    expect(r.headers.etag).toMatch(/^"[0-9A-F]{128}"$/);
    const doc = r.json();
    expect(doc.kind).toBe('APIGroupDiscoveryList');
    expect(doc.items[0].metadata).toEqual({ name: 'apps', creationTimestamp: null });
    expect(doc.items[0].versions[0].freshness).toBe('Current');
    const again = await get('/apis', { headers: { Accept: AGG, 'If-None-Match': String(r.headers.etag) } });
    expect(again.status).toBe(304);
    const core = (
      await get('/api', {
        headers: { Accept: 'application/json;g=apidiscovery.k8s.io;v=v2beta1;as=APIGroupDiscoveryList' },
      })
    ).json();
    expect(core.apiVersion).toBe('apidiscovery.k8s.io/v2beta1');
    expect(core.items[0].metadata).toEqual({ creationTimestamp: null });
  });
  it('serves /openapi/v3 with hashed per group-version documents', async () => {
    const root = (await get('/openapi/v3')).json();
    const url: string = root.paths['apis/apps/v1'].serverRelativeURL;
    expect(url).toMatch(/^\/openapi\/v3\/apis\/apps\/v1\?hash=[0-9A-F]+$/);
    const doc = await get(url);
    expect(doc.headers['cache-control']).toBe('public, immutable');
    expect(doc.json().openapi).toBe('3.0.0');
    const stale = await get('/openapi/v3/apis/apps/v1?hash=ABC');
    expect(stale.status).toBe(301);
    expect(stale.headers.location).toBe(url);
    expect((await get('/openapi/v2')).json().swagger).toBe('2.0');
  });
});
