import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from '../../../src/testing/index.js';
import { adminClient, openWatch } from '../../testing/admin-client.js';

const cm = (name: string) => ({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name }, data: { a: name } });
const CMS = '/api/v1/namespaces/default/configmaps';

describe('fault injection through a running server', () => {
  let server: TestServer;
  let http: ReturnType<typeof adminClient>;
  beforeAll(async () => {
    server = await startServer({ faultSeed: 42 });
    http = adminClient(server);
  });
  afterAll(() => server?.stop());
  beforeEach(() => server.reset());

  const listRv = async (): Promise<string> =>
    (await http.call('GET', CMS)).json<{ metadata: { resourceVersion: string } }>().metadata.resourceVersion;

  it('answers 429 with Retry-After for matching requests only, count times', async () => {
    server.faults.add({
      verbs: ['create'],
      resources: ['configmaps'],
      count: 2,
      action: { type: 'error', code: 429, retryAfterSeconds: 4 },
    });
    const first = await http.call('POST', CMS, cm('a'));
    expect(first.status).toBe(429);
    expect(first.headers['retry-after']).toBe('4');
    expect(first.json()).toMatchObject({ kind: 'Status', reason: 'TooManyRequests', code: 429 });
    expect((await http.call('GET', CMS)).status).toBe(200);
    expect((await http.call('POST', CMS, cm('a'))).status).toBe(429);
    expect((await http.call('POST', CMS, cm('a'))).status).toBe(201);
  });

  it('answers 5xx and 410 on lists', async () => {
    server.faults.add({ verbs: ['get'], names: ['kubernetes'], count: 1, action: { type: 'error', code: 503 } });
    expect((await http.call('GET', '/api/v1/namespaces/default/services/kubernetes')).status).toBe(503);
    expect((await http.call('GET', '/api/v1/namespaces/default/services/kubernetes')).status).toBe(200);
    server.faults.add({ verbs: ['list'], resources: ['configmaps'], count: 1, action: { type: 'expired' } });
    const gone = await http.call('GET', CMS);
    expect(gone.status).toBe(410);
    expect(gone.json()).toMatchObject({ reason: 'Expired' });
  });

  it('expires a new watch with an ERROR 410 event', async () => {
    server.faults.add({ verbs: ['watch'], count: 1, action: { type: 'expired' } });
    const w = openWatch(server, `${CMS}?watch=1&resourceVersion=${await listRv()}`);
    await w.ended;
    expect(w.events).toHaveLength(1);
    expect(w.events[0]).toMatchObject({ type: 'ERROR', object: { code: 410, reason: 'Expired' } });
  });

  it('drops a watch after N events', async () => {
    server.faults.add({ verbs: ['watch'], count: 1, action: { type: 'drop-watch', afterEvents: 2 } });
    const w = openWatch(server, `${CMS}?watch=1&resourceVersion=${await listRv()}`);
    for (const n of ['a', 'b', 'c']) await http.call('POST', CMS, cm(n));
    await w.ended;
    expect(w.events.map((e) => e.object.metadata?.name)).toEqual(['a', 'b']);
  });

  it('stalls open watches, then drops them on demand', async () => {
    const w = openWatch(server, `${CMS}?watch=1&resourceVersion=${await listRv()}`);
    await http.call('POST', CMS, cm('before'));
    await w.waitFor(1);
    expect(server.faults.stallWatches({ resources: ['configmaps'] })).toBe(1);
    await http.call('POST', CMS, cm('after'));
    await new Promise((r) => setTimeout(r, 50));
    expect(w.events.map((e) => e.object.metadata?.name)).toEqual(['before']);
    expect(server.faults.dropWatches()).toBe(1);
    await w.ended;
    expect(w.events.map((e) => e.object.metadata?.name)).toEqual(['before']);
  });

  it('expires open watches on demand, and compactNow makes old RVs 410', async () => {
    const rv = await listRv();
    const w = openWatch(server, `${CMS}?watch=1&resourceVersion=${rv}`);
    await http.call('POST', CMS, cm('x'));
    await w.waitFor(1);
    expect(server.faults.expireWatches()).toBe(1);
    await w.ended;
    expect(w.events.at(-1)).toMatchObject({ type: 'ERROR', object: { code: 410 } });

    await http.call('POST', CMS, cm('y'));
    await server.faults.compactNow();
    const old = await http.call('GET', `${CMS}?resourceVersion=${rv}&resourceVersionMatch=Exact`);
    expect(old.status).toBe(410);
  });
});
