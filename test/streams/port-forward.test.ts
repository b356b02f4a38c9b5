/** Port arguments as kubectl resolves them, and one forwarded connection over a mock-socket kubelet. */
import net from 'node:net';
import { Server, WebSocket } from 'mock-socket';
import { afterEach, describe, expect, it } from 'vitest';
import {
  decodeFrame,
  encodeFrame,
  encodePortPrefix,
  PORT_FORWARD_PROTOCOLS,
} from '../../src/streams/channel-protocol.js';
import type { Pod } from '../../src/streams/pod-target.js';
import { forwardPorts, parseAddresses, parsePortSpecs, translatePorts } from '../../src/streams/port-forward.js';
import { type ChannelSocket, toArrayBuffer } from '../../src/streams/remote-command.js';

const pod: Pod = {
  kind: 'Pod',
  metadata: { name: 'pp' },
  spec: {
    containers: [
      {
        name: 'a',
        ports: [
          { name: 'http', containerPort: 8080 },
          { name: 'dns', containerPort: 53, protocol: 'UDP' },
        ],
      },
    ],
  },
};
const svc = {
  kind: 'Service',
  metadata: { name: 'ppsvc' },
  spec: {
    ports: [
      { name: 'web', port: 80, targetPort: 'http' },
      { name: 'd', port: 53, protocol: 'UDP', targetPort: 53 },
      { name: 'plain', port: 90 },
    ],
  },
};

describe('port arguments', () => {
  it('resolves named pod ports and refuses UDP-only ones', () => {
    expect(translatePorts(['http', '9000:http', '7777', ':8080'], pod, pod)).toEqual([
      '8080',
      '9000:8080',
      '7777',
      ':8080',
    ]);
    expect(() => translatePorts(['53'], pod, pod)).toThrow('UDP protocol is not supported for 53');
    expect(() => translatePorts(['nope'], pod, pod)).toThrow("Pod 'pp' does not have a named port 'nope'");
  });

  it('maps service ports to target ports', () => {
    expect(translatePorts(['web', '80', '5000:web', '90'], svc, pod)).toEqual([
      '80:8080',
      '80:8080',
      '5000:8080',
      '90',
    ]);
    expect(() => translatePorts(['81'], svc, pod)).toThrow('Service ppsvc does not have a service port 81');
    expect(() => translatePorts(['x'], svc, pod)).toThrow("Service 'ppsvc' does not have a named port 'x'");
  });

  it('parses LOCAL:REMOTE forms with client-go errors', () => {
    expect(parsePortSpecs(['8080', '9000:80', ':443'])).toEqual([
      { local: 8080, remote: 8080 },
      { local: 9000, remote: 80 },
      { local: 0, remote: 443 },
    ]);
    expect(() => parsePortSpecs(['1:2:3'])).toThrow("invalid port format '1:2:3'");
    expect(() => parsePortSpecs(['abc:80'])).toThrow("error parsing local port 'abc'");
    expect(() => parsePortSpecs(['99999'])).toThrow('value out of range');
    expect(() => parsePortSpecs(['0'])).toThrow('remote port must be > 0');
  });

  it('localhost means both loopbacks; other addresses must be IPs', () => {
    expect(parseAddresses(['localhost']).map((a) => a.display)).toEqual(['127.0.0.1', '[::1]']);
    expect(parseAddresses(['0.0.0.0'])[0]?.optional).toBe(false);
    expect(() => parseAddresses(['foo'])).toThrow('foo is not a valid IP');
  });
});

let server: Server | undefined;
afterEach(() => server?.stop());

describe('forwardPorts', () => {
  it('copies a TCP connection over the WebSocket protocol, dropping port prefixes', async () => {
    const url = 'ws://kubelet.test:4001';
    server = new Server(url, { selectProtocol: () => PORT_FORWARD_PROTOCOLS[0] });
    const errors: string[] = [];
    server.on('connection', (conn: { send(d: ArrayBuffer): void; on(e: string, f: (d: unknown) => void): void }) => {
      setTimeout(() => {
        conn.send(toArrayBuffer(encodeFrame(0, encodePortPrefix(80))));
        conn.send(toArrayBuffer(encodeFrame(1, encodePortPrefix(80))));
      }, 5);
      conn.on('message', (d) => {
        const f = decodeFrame(Buffer.from(d as ArrayBuffer));
        if (f?.stream !== 0) return;
        conn.send(toArrayBuffer(encodeFrame(0, `echo:${f.data.toString()}`)));
        if (f.data.toString() === 'bad') conn.send(toArrayBuffer(encodeFrame(1, 'remote failure')));
      });
    });
    const stop = new AbortController();
    const out: string[] = [];
    let bound: Array<{ address: string; port: number }> = [];
    const ready = new Promise<void>((r) => {
      void forwardPorts({
        ports: [{ local: 0, remote: 80 }],
        addresses: ['127.0.0.1'],
        dial: async (remote) => {
          expect(remote).toBe(80);
          const ws = new WebSocket(url, [...PORT_FORWARD_PROTOCOLS]);
          await new Promise((ok) => ws.addEventListener('open', ok));
          return ws as unknown as ChannelSocket;
        },
        out: (s) => out.push(s),
        err: (s) => errors.push(s),
        signal: stop.signal,
        ready: (b) => {
          bound = b;
          r();
        },
      });
    });
    await ready;
    const port = bound[0]?.port as number;
    expect(out[0]).toBe(`Forwarding from 127.0.0.1:${port} -> 80\n`);
    const client = net.connect(port, '127.0.0.1');
    const got: string[] = [];
    client.on('data', (d) => got.push(d.toString()));
    await new Promise((r) => client.once('connect', r));
    await new Promise((r) => setTimeout(r, 30));
    client.write('bad');
    await new Promise((r) => setTimeout(r, 50));
    client.destroy();
    stop.abort();
    expect(got.join('')).toBe('echo:bad');
    expect(out).toContain(`Handling connection for ${port}\n`);
    expect(errors).toEqual([`error: an error occurred forwarding ${port} -> 80: remote failure\n`]);
  });
});
