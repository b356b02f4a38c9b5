import { WebSocket as MockWebSocket, Server } from 'mock-socket';
import { afterEach, describe, expect, it } from 'vitest';
import { StatusError } from '../../../src/api/status.js';
import { RestClient } from '../../../src/client/rest/client.js';
import type { WatchEvent } from '../../../src/client/watch/event-decoder.js';
import { watchWebSocket } from '../../../src/client/watch/websocket-watch.js';
import { testConfig } from '../support/config.js';

const URL_BASE = 'ws://127.0.0.1:6443/api/v1/namespaces/d/pods';
let mock: Server | undefined;
afterEach(() => mock?.stop());

const client = () => new RestClient(testConfig('http://127.0.0.1:6443', { auth: { type: 'token', token: 'tok' } }));
const ev = (type: string, name: string) =>
  JSON.stringify({ type, object: { kind: 'Pod', metadata: { name, resourceVersion: '1' } } });

describe('watch over WebSocket (mock-socket)', () => {
  it('decodes one event per message, including split and batched frames, until close', async () => {
    mock = new Server(URL_BASE);
    let seenUrl = '';
    mock.on('connection', (socket) => {
      seenUrl = (socket as unknown as { url: string }).url;
      socket.send(`${ev('ADDED', 'a')}\n`);
      const b = ev('MODIFIED', 'a');
      socket.send(b.slice(0, 7));
      socket.send(`${b.slice(7)}\n${ev('DELETED', 'a')}\n`);
      setTimeout(() => socket.close(), 10);
    });
    let factoryArgs: unknown[] = [];
    const events: WatchEvent[] = [];
    for await (const e of watchWebSocket(client(), {
      path: '/api/v1/namespaces/d/pods',
      resourceVersion: '3',
      createSocket: (url, protocols, options) => {
        factoryArgs = [url, protocols, options.headers];
        return new MockWebSocket(url) as never;
      },
    })) {
      events.push(e);
    }
    expect(events.map((e) => e.type)).toEqual(['ADDED', 'MODIFIED', 'DELETED']);
    expect(factoryArgs[0]).toBe(`${URL_BASE}?resourceVersion=3&watch=true`);
    expect(seenUrl).toBe(`${URL_BASE}?resourceVersion=3&watch=true`);
    expect((factoryArgs[2] as Record<string, string>).authorization).toBe('Bearer tok');
  });

  it('throws the Status of an ERROR event', async () => {
    mock = new Server(URL_BASE);
    mock.on('connection', (socket) => {
      socket.send(
        JSON.stringify({
          type: 'ERROR',
          object: { kind: 'Status', status: 'Failure', code: 410, reason: 'Expired', message: 'too old' },
        }),
      );
    });
    const it = watchWebSocket(client(), {
      path: '/api/v1/namespaces/d/pods',
      createSocket: (url) => new MockWebSocket(url) as never,
    });
    const err = await (async () => {
      for await (const _ of it) {
        // no events expected
      }
    })().catch((e) => e);
    expect(err).toBeInstanceOf(StatusError);
    expect(err.code).toBe(410);
  });

  it('stops when aborted', async () => {
    mock = new Server(URL_BASE);
    mock.on('connection', (socket) => socket.send(`${ev('ADDED', 'a')}\n`));
    const ac = new AbortController();
    const got: WatchEvent[] = [];
    for await (const e of watchWebSocket(client(), {
      path: '/api/v1/namespaces/d/pods',
      signal: ac.signal,
      createSocket: (url) => new MockWebSocket(url) as never,
    })) {
      got.push(e);
      ac.abort();
    }
    expect(got).toHaveLength(1);
  });
});

describe('watch over WebSocket (real ws server)', () => {
  it('opens the upgrade with the watch query and auth, and decodes binary frames', async () => {
    const { WebSocketServer } = await import('ws');
    const http = await import('node:http');
    const server = http.createServer();
    const wss = new WebSocketServer({ server });
    const seen: { url?: string; auth?: string; protocol?: string } = {};
    wss.on('connection', (socket, req) => {
      seen.url = req.url;
      seen.auth = req.headers.authorization;
      seen.protocol = req.headers['sec-websocket-protocol'];
      socket.send(Buffer.from(`${ev('ADDED', 'a')}\n`));
      socket.send(`${ev('DELETED', 'a')}\n`);
      setTimeout(() => socket.close(), 10);
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
    const port = (server.address() as { port: number }).port;
    const rest = new RestClient(testConfig(`http://127.0.0.1:${port}`, { auth: { type: 'token', token: 'tok' } }));
    try {
      const types: string[] = [];
      for await (const e of watchWebSocket(rest, { path: '/api/v1/pods', labelSelector: 'app=web' }))
        types.push(e.type);
      expect(types).toEqual(['ADDED', 'DELETED']);
      expect(seen).toEqual({
        url: '/api/v1/pods?labelSelector=app%3Dweb&watch=true',
        auth: 'Bearer tok',
        protocol: undefined,
      });
    } finally {
      rest.close();
      wss.close();
      server.closeAllConnections();
      await new Promise<void>((r) => server.close(() => r()));
    }
  });
});
