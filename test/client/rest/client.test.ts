import { afterEach, describe, expect, it } from 'vitest';
import { StatusError } from '../../../src/api/status.js';
import { isVerbatimError } from '../../../src/client/errors.js';
import { RestClient, userAgent } from '../../../src/client/rest/client.js';
import { testConfig } from '../support/config.js';
import { sendJson, startServer, type TestServer } from '../support/http-server.js';

const servers: TestServer[] = [];
const clients: RestClient[] = [];
afterEach(async () => {
  for (const c of clients.splice(0)) c.close();
  for (const s of servers.splice(0)) await s.close();
});

async function setup(
  handler: Parameters<typeof startServer>[0],
  extra = {},
  opts: ConstructorParameters<typeof RestClient>[1] = {},
) {
  const server = await startServer(handler);
  servers.push(server);
  const err: string[] = [];
  const client = new RestClient(testConfig(server.url, extra), {
    stderr: (s) => err.push(s),
    sleep: async () => {},
    ...opts,
  });
  clients.push(client);
  return { server, client, err };
}

const status = (code: number, reason: string, message: string) => ({
  kind: 'Status',
  apiVersion: 'v1',
  metadata: {},
  status: 'Failure',
  message,
  reason,
  code,
});

describe('RestClient requests', () => {
  it('sends kubectl-like headers, auth and impersonation', async () => {
    const { server, client } = await setup((_q, res) => sendJson(res, 200, { ok: true }), {
      auth: { type: 'token', token: 'T0k' },
      impersonate: { user: 'bob', uid: '7', groups: ['g1', 'g2'], extra: { scopes: ['a', 'b'] } },
    });
    expect(await client.json({ path: '/api/v1/pods', query: { limit: 500, labelSelector: 'app=web' } })).toEqual({
      ok: true,
    });
    const r = server.requests[0];
    expect(r.url).toBe('/api/v1/pods?labelSelector=app%3Dweb&limit=500');
    expect(r.headers.authorization).toBe('Bearer T0k');
    expect(r.headers['user-agent']).toBe(userAgent());
    expect(userAgent()).toMatch(/^kctl\/\d+\.\d+\.\d+\S* \([a-z0-9]+\/[a-z0-9]+\)$/);
    expect(r.headers.accept).toBe('application/json, */*');
    expect(r.headers['impersonate-user']).toBe('bob');
    expect(r.headers['impersonate-uid']).toBe('7');
    expect(r.headers['impersonate-group']).toBe('g1, g2');
    expect(r.headers['impersonate-extra-scopes']).toBe('a, b');
  });

  it('sends basic auth and JSON bodies, and adds timeout= for --request-timeout', async () => {
    const { server, client } = await setup((_q, res) => sendJson(res, 201, {}), {
      auth: { type: 'basic', username: 'u', password: 'p' },
      timeoutMs: 5000,
    });
    await client.request({ method: 'POST', path: '/api/v1/namespaces/a/pods', body: { kind: 'Pod' } });
    const r = server.requests[0];
    expect(r.headers.authorization).toBe(`Basic ${Buffer.from('u:p').toString('base64')}`);
    expect(r.headers['content-type']).toBe('application/json');
    expect(r.body).toBe('{"kind":"Pod"}');
    expect(r.url).toBe('/api/v1/namespaces/a/pods?timeout=5s');
  });

  it('decodes Status error bodies', async () => {
    const { client } = await setup((_q, res) => sendJson(res, 404, status(404, 'NotFound', 'pods "x" not found')));
    const err = await client.request({ path: '/api/v1/namespaces/d/pods/x' }).catch((e) => e);
    expect(err).toBeInstanceOf(StatusError);
    expect(err.code).toBe(404);
    expect(err.reason).toBe('NotFound');
    expect(err.message).toBe('pods "x" not found');
  });

  it('words non-Status error bodies as kubectl does', async () => {
    const { client } = await setup((req, res) => {
      if (req.url?.includes('/x')) {
        res.statusCode = 404;
        res.end('some plain text');
      } else if (req.url?.includes('/z')) {
        res.writeHead(403, { 'content-type': 'text/plain' });
        res.end('nope\n');
      } else if (req.url?.includes('/j')) {
        res.writeHead(500, { 'content-type': 'application/json' });
        res.end('{"not":"status"}');
      } else {
        res.writeHead(500, { 'content-type': 'text/html' });
        res.end('boom');
      }
    });
    const e1 = await client
      .request({ path: '/api/v1/pods/x', target: { resource: 'pods', name: 'x' } })
      .catch((e) => e);
    expect(e1.message).toBe('the server could not find the requested resource (get pods x)');
    expect(e1.reason).toBe('NotFound');
    expect(e1.status.details.causes).toEqual([{ reason: 'UnexpectedServerResponse', message: 'some plain text' }]);
    const e2 = await client
      .request({ path: '/api/v1/pods/z', target: { resource: 'pods', name: 'z' } })
      .catch((e) => e);
    expect(e2.message).toBe('nope (get pods z)');
    const e3 = await client
      .request({ path: '/apis/apps/v1/deployments/j', target: { group: 'apps', resource: 'deployments' } })
      .catch((e) => e);
    expect(e3.message).toBe(
      'an error on the server ("unknown") has prevented the request from succeeding (get deployments.apps)',
    );
    const e4 = await client.request({ path: '/other' }).catch((e) => e);
    expect(e4.message).toBe('an error on the server ("boom") has prevented the request from succeeding');
  });

  it('retries 429/5xx that carry Retry-After, for any verb, honouring the delay', async () => {
    let n = 0;
    const slept: number[] = [];
    const { server, client } = await setup(
      (_q, res) => {
        n++;
        if (n === 1) return sendJson(res, 429, status(429, 'TooManyRequests', 'slow down'), { 'retry-after': '2' });
        if (n === 2) return sendJson(res, 503, status(503, 'ServiceUnavailable', 'later'), { 'retry-after': '1' });
        return sendJson(res, 200, { done: n });
      },
      {},
      { sleep: async (ms) => void slept.push(ms) },
    );
    expect(await client.json({ method: 'POST', path: '/api/v1/x', body: {} })).toEqual({ done: 3 });
    expect(server.requests).toHaveLength(3);
    expect(server.requests.every((r) => r.body === '{}')).toBe(true);
    expect(slept).toEqual([2000, 1000]);
  });

  it('does not retry errors without Retry-After, and gives up after maxRetries', async () => {
    const a = await setup((_q, res) => sendJson(res, 500, status(500, 'InternalError', 'boom')));
    await expect(a.client.request({ path: '/x' })).rejects.toThrow('boom');
    expect(a.server.requests).toHaveLength(1);
    const b = await setup(
      (_q, res) => sendJson(res, 429, status(429, 'TooManyRequests', 'busy'), { 'retry-after': '0' }),
      {},
      { maxRetries: 3 },
    );
    const err = await b.client.request({ path: '/x' }).catch((e) => e);
    expect(err.reason).toBe('TooManyRequests');
    expect(b.server.requests).toHaveLength(4);
  });

  it('retries a GET whose connection is reset', async () => {
    let n = 0;
    const { server, client } = await setup((req, res) => {
      if (++n === 1) {
        req.socket.destroy();
        return;
      }
      sendJson(res, 200, { n });
    });
    expect(await client.json({ path: '/x' })).toEqual({ n: 2 });
    expect(server.requests).toHaveLength(2);
  });

  it('prints each distinct Warning once, kubectl style', async () => {
    const { client, err } = await setup((_q, res) => {
      res.setHeader('warning', ['299 - "deprecated thing"', '299 - "other \\"quoted\\" text"', '199 - "misc"']);
      sendJson(res, 200, {});
    });
    await client.request({ path: '/a' });
    await client.request({ path: '/b' });
    expect(err.join('')).toBe('Warning: deprecated thing\nWarning: other "quoted" text\n');
    expect(client.warnings.count).toBe(2);
  });

  it("reports a refused connection with kubectl's text", async () => {
    const server = await startServer((_q, res) => {
      res.end();
    });
    const url = server.url;
    await server.close();
    const client = new RestClient(testConfig(url));
    clients.push(client);
    const err = await client.request({ path: '/api' }).catch((e) => e);
    expect(err.message).toBe(
      `The connection to the server ${url.slice('http://'.length)} was refused - did you specify the right host or port?`,
    );
    expect(isVerbatimError(err)).toBe(true);
  });

  it('applies the per-request timeout', async () => {
    const { client } = await setup(
      () => {
        /* never answers */
      },
      { timeoutMs: 100 },
    );
    const err = await client.request({ path: '/slow' }).catch((e) => e);
    expect(err.message).toMatch(/^Unable to connect to the server: net\/http: request canceled/);
  });
});

describe('RestClient -v logging', () => {
  async function logs(v: number) {
    const lines: string[] = [];
    const { client } = await setup(
      (_q, res) => {
        res.setHeader('x-extra', 'yes');
        sendJson(res, 200, { kind: 'APIVersions', versions: ['v1'] });
      },
      {},
      {
        logger: {
          verbosity: v,
          info: (file, msg) => lines.push(`I1129 10:00:00.005000   12345 ${file}] ${msg}`),
        },
      },
    );
    await client.request({ path: '/api', accept: 'application/json' });
    return lines.join('\n').replace(/milliseconds=\d+/g, 'milliseconds=N');
  }

  it('-v=6 logs one Response line with verb, URL and status', async () => {
    const out = await logs(6);
    expect(out).toMatch(
      /^I1129 10:00:00\.005000 {3}12345 round_trippers\.go:632\] "Response" verb="GET" url="http:\/\/127\.0\.0\.1:\d+\/api" status="200 OK" milliseconds=N$/,
    );
  });

  it('-v=8 logs request and response headers and bodies', async () => {
    const out = await logs(8);
    expect(out).toContain('"Request" verb="GET" url="http://127.0.0.1:');
    expect(out).toContain(`headers=<\n\tAccept: application/json\n\tUser-Agent: ${userAgent()}\n >`);
    expect(out).toMatch(/"Response" status="200 OK" headers=<\n(\t.*\n)*\tX-Extra: yes\n >/);
    expect(out).toContain('"Response Body" body="{\\"kind\\":\\"APIVersions\\",\\"versions\\":[\\"v1\\"]}"');
  });
});
