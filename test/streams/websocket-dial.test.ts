/** dialWebSocket + runRemoteCommand against a real `ws` server on 127.0.0.1 (plain HTTP). */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocketServer } from 'ws';
import { StatusError } from '../../src/api/status.js';
import { RestClient } from '../../src/client/rest/client.js';
import type { RestConfig } from '../../src/client/rest-config.js';
import {
  decodeFrame,
  encodeFrame,
  exitCodeStatus,
  PROTOCOL_V5,
  REMOTE_COMMAND_PROTOCOLS,
  STREAM_ERROR,
  STREAM_STDOUT,
} from '../../src/streams/channel-protocol.js';
import { type ChannelSocket, ExitCodeError, runRemoteCommand } from '../../src/streams/remote-command.js';
import { dialWebSocket } from '../../src/streams/websocket-dial.js';

let server: Server;
let rest: RestClient;
const seen: Array<{ url: string; auth?: string; protocol?: string }> = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ kind: 'Pod', path: req.url }));
  });
  const wss = new WebSocketServer({
    noServer: true,
    handleProtocols: (p) => (p.has(PROTOCOL_V5) ? PROTOCOL_V5 : false),
  });
  server.on('upgrade', (req, socket, head) => {
    seen.push({ url: req.url ?? '', auth: req.headers.authorization, protocol: req.headers['sec-websocket-protocol'] });
    if (req.url?.includes('/pods/refused/')) {
      const body = JSON.stringify({
        kind: 'Status',
        apiVersion: 'v1',
        status: 'Failure',
        message: 'pod refused does not have a host assigned',
        reason: 'BadRequest',
        code: 400,
      });
      socket.end(
        `HTTP/1.1 400 Bad Request\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
      );
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => {
      const code = Number(new URL(req.url ?? '/', 'http://x').searchParams.get('code') ?? '0');
      ws.send(encodeFrame(STREAM_STDOUT, 'out'));
      ws.send(encodeFrame(STREAM_ERROR, exitCodeStatus(code)));
      ws.close();
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const port = (server.address() as AddressInfo).port;
  const config: RestConfig = {
    server: `http://127.0.0.1:${port}`,
    tls: { insecure: false },
    auth: { type: 'token', token: 'secret' },
    namespace: 'default',
    explicitNamespace: false,
    timeoutMs: 0,
    disableCompression: false,
    qps: 100,
    burst: 100,
    contextName: 'c',
    clusterName: 'c',
    userName: 'u',
  };
  rest = new RestClient(config, { env: {} });
});

afterAll(async () => {
  rest?.close();
  await new Promise((r) => server?.close(r));
});

const dial = (pod: string, query: Record<string, string | string[]> = {}) =>
  dialWebSocket(rest, {
    path: `/api/v1/namespaces/default/pods/${pod}/exec`,
    query: { command: ['ls', '-l'], stdout: 'true', ...query },
    protocols: REMOTE_COMMAND_PROTOCOLS,
  });

describe('dialWebSocket', () => {
  it('sends credentials, the query and the offered protocols; runs the session', async () => {
    const socket = await dial('ok');
    expect(socket.protocol).toBe(PROTOCOL_V5);
    const out = new PassThrough();
    await runRemoteCommand(socket as unknown as ChannelSocket, { stdout: out });
    expect(out.read()?.toString()).toBe('out');
    const last = seen.at(-1);
    expect(last?.auth).toBe('Bearer secret');
    expect(last?.protocol).toBe('v5.channel.k8s.io,v4.channel.k8s.io');
    expect(last?.url).toBe('/api/v1/namespaces/default/pods/ok/exec?command=ls&command=-l&stdout=true');
  });

  it('turns exit codes into ExitCodeError', async () => {
    const socket = await dial('ok', { code: '7' });
    const err = await runRemoteCommand(socket as unknown as ChannelSocket, {}).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ExitCodeError);
    expect((err as ExitCodeError).code).toBe(7);
  });

  it('a refused upgrade is the Status, and the client stays usable afterwards', async () => {
    const err = await dial('refused').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(StatusError);
    expect((err as StatusError).status.message).toBe('pod refused does not have a host assigned');
    const again = await rest.json<{ path: string }>({ path: '/api/v1/namespaces/default/pods/x' });
    expect(again.path).toBe('/api/v1/namespaces/default/pods/x');
    expect(decodeFrame(encodeFrame(1, 'x'))?.stream).toBe(1);
  });
});
