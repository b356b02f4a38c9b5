import type http from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { StatusError } from '../../../src/api/status.js';
import { RestClient } from '../../../src/client/rest/client.js';
import type { WatchEvent } from '../../../src/client/watch/event-decoder.js';
import { watch } from '../../../src/client/watch/http-watch.js';
import { listWatch } from '../../../src/client/watch/list-watch.js';
import { testConfig } from '../support/config.js';
import { sendJson, startServer, type TestServer } from '../support/http-server.js';

const pod = (name: string, rv: string) => ({
  kind: 'Pod',
  apiVersion: 'v1',
  metadata: { name, namespace: 'd', resourceVersion: rv },
});
const line = (type: string, obj: unknown) => `${JSON.stringify({ type, object: obj })}\n`;

let server: TestServer | undefined;
let client: RestClient | undefined;
afterEach(async () => {
  client?.close();
  await server?.close();
});

async function setup(handler: (req: http.IncomingMessage, res: http.ServerResponse, url: URL) => void) {
  server = await startServer((req, res) => handler(req, res, new URL(req.url ?? '/', 'http://x')));
  client = new RestClient(testConfig(server.url));
  return { server, client };
}

async function take(it: AsyncIterable<WatchEvent>, n: number, ac?: AbortController): Promise<WatchEvent[]> {
  const out: WatchEvent[] = [];
  for await (const e of it) {
    out.push(e);
    if (out.length === n) {
      ac?.abort();
      break;
    }
  }
  return out;
}

describe('watch over HTTP', () => {
  it('streams events and resumes from the last resourceVersion after a dropped connection', async () => {
    let conn = 0;
    const { server, client } = await setup((_req, res) => {
      conn++;
      res.writeHead(200, { 'content-type': 'application/json' });
      if (conn === 1) {
        // Two events, the second split across writes, then the connection drops.
        res.write(line('ADDED', pod('a', '5')));
        const second = line('MODIFIED', pod('a', '6'));
        res.write(second.slice(0, 10));
        setTimeout(() => {
          res.write(second.slice(10));
          setTimeout(() => res.socket?.destroy(), 20);
        }, 20);
      } else {
        res.write(line('DELETED', pod('a', '7')));
      }
    });
    const ac = new AbortController();
    const events = await take(
      watch(client, {
        path: '/api/v1/namespaces/d/pods',
        labelSelector: 'app=x',
        resourceVersion: '4',
        signal: ac.signal,
        reconnectDelayMs: 1,
      }),
      3,
      ac,
    );
    expect(
      events.map((e) => `${e.type}:${(e.object.metadata as { resourceVersion: string }).resourceVersion}`),
    ).toEqual(['ADDED:5', 'MODIFIED:6', 'DELETED:7']);
    const queries = server.requests.map((r) => new URL(r.url, 'http://x').searchParams);
    expect(queries[0].get('resourceVersion')).toBe('4');
    expect(queries[0].get('labelSelector')).toBe('app=x');
    expect(queries[0].get('watch')).toBe('true');
    expect(queries[1].get('resourceVersion')).toBe('6');
  });

  it('ends with a StatusError on an ERROR event', async () => {
    const { client } = await setup((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(
        line('ERROR', {
          kind: 'Status',
          apiVersion: 'v1',
          status: 'Failure',
          message: 'too old resource version: 1 (5)',
          reason: 'Expired',
          code: 410,
        }),
      );
    });
    const err = await take(watch(client, { path: '/api/v1/pods', resourceVersion: '1' }), 1).catch((e) => e);
    expect(err).toBeInstanceOf(StatusError);
    expect(err.code).toBe(410);
    expect(err.message).toBe('too old resource version: 1 (5)');
  });

  it('surfaces an error status when opening the watch', async () => {
    const { client } = await setup((_req, res) =>
      sendJson(res, 403, {
        kind: 'Status',
        apiVersion: 'v1',
        status: 'Failure',
        message: 'pods is forbidden',
        reason: 'Forbidden',
        code: 403,
      }),
    );
    await expect(take(watch(client, { path: '/api/v1/pods' }), 1)).rejects.toThrow('pods is forbidden');
  });
});

describe('listWatch', () => {
  it('lists, watches, and re-lists with a diff after 410', async () => {
    let lists = 0;
    let watches = 0;
    const { server, client } = await setup((_req, res, url) => {
      if (url.searchParams.get('watch') !== 'true') {
        lists++;
        const items = lists === 1 ? [pod('a', '1'), pod('b', '2')] : [pod('b', '9'), pod('c', '8')];
        return sendJson(res, 200, {
          kind: 'PodList',
          apiVersion: 'v1',
          metadata: { resourceVersion: lists === 1 ? '2' : '9' },
          items,
        });
      }
      watches++;
      res.writeHead(200, { 'content-type': 'application/json' });
      if (watches === 1) {
        res.end(
          line('ERROR', {
            kind: 'Status',
            apiVersion: 'v1',
            status: 'Failure',
            message: 'too old',
            reason: 'Expired',
            code: 410,
          }),
        );
      } else res.write(line('ADDED', pod('d', '10')));
    });
    const ac = new AbortController();
    const events = await take(listWatch(client, { path: '/api/v1/pods', signal: ac.signal }), 6, ac);
    expect(events.map((e) => `${e.type}:${(e.object.metadata as { name: string }).name}`)).toEqual([
      'ADDED:a',
      'ADDED:b',
      'MODIFIED:b',
      'ADDED:c',
      'DELETED:a',
      'ADDED:d',
    ]);
    const watchRvs = server.requests
      .map((r) => new URL(r.url, 'http://x').searchParams)
      .filter((q) => q.get('watch') === 'true')
      .map((q) => q.get('resourceVersion'));
    expect(watchRvs).toEqual(['2', '9']);
    expect(server.requests.filter((r) => !r.url.includes('watch=true')).every((r) => r.url.includes('limit=500'))).toBe(
      true,
    );
  });
});
