import { once } from 'node:events';
import http from 'node:http';
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RestClient } from '../../../src/client/rest/client.js';
import { proxyFromEnvironment } from '../../../src/client/rest/proxy.js';
import { testConfig } from '../support/config.js';
import { sendJson, startServer, type TestServer } from '../support/http-server.js';
import { makePki } from '../support/tls.js';

describe('proxyFromEnvironment', () => {
  const env = {
    HTTPS_PROXY: 'proxy:3128',
    HTTP_PROXY: 'http://p2:80',
    NO_PROXY: '.internal,10.0.0.0/8,exact.example:8443',
  };
  it.each([
    ['https://api.example:6443', 'http://proxy:3128'],
    ['http://api.example:8080', 'http://p2:80'],
    ['https://127.0.0.1:6443', undefined],
    ['https://localhost:6443', undefined],
    ['https://k8s.internal:6443', undefined],
    ['https://10.1.2.3:6443', undefined],
    ['https://11.1.2.3:6443', 'http://proxy:3128'],
    ['https://exact.example:8443', undefined],
    ['https://exact.example:6443', 'http://proxy:3128'],
  ])('%s -> %s', (target, want) => {
    expect(proxyFromEnvironment(target, env)).toBe(want);
  });
  it('honours NO_PROXY=* and lower-case variables', () => {
    expect(proxyFromEnvironment('https://a.b', { https_proxy: 'http://x:1', no_proxy: '*' })).toBeUndefined();
    expect(proxyFromEnvironment('https://a.b', { https_proxy: 'http://x:1' })).toBe('http://x:1');
    expect(proxyFromEnvironment('https://a.b', {})).toBeUndefined();
  });
});

describe('proxy-url', () => {
  let target: TestServer;
  let proxy: http.Server;
  let proxyUrl: string;
  let pki: Awaited<ReturnType<typeof makePki>>;
  const connects: { path: string; auth?: string }[] = [];

  beforeAll(async () => {
    pki = await makePki();
    target = await startServer((_req, res) => sendJson(res, 200, { via: 'tunnel' }), {
      cert: pki.server.cert,
      key: pki.server.key,
    });
    proxy = http.createServer((_req, res) => {
      res.statusCode = 405;
      res.end();
    });
    proxy.on('connect', (req: http.IncomingMessage, client: net.Socket) => {
      connects.push({ path: req.url ?? '', auth: req.headers['proxy-authorization'] });
      const [host, port] = (req.url ?? '').split(':');
      const upstream = net.connect(Number(port), host, () => {
        client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
        upstream.pipe(client);
        client.pipe(upstream);
      });
      upstream.on('error', () => client.destroy());
      client.on('error', () => upstream.destroy());
    });
    proxy.listen(0, '127.0.0.1');
    await once(proxy, 'listening');
    proxyUrl = `http://user:p%40ss@127.0.0.1:${(proxy.address() as net.AddressInfo).port}`;
  });
  afterAll(async () => {
    await target.close();
    proxy.closeAllConnections?.();
    await new Promise<void>((r) => proxy.close(() => r()));
  });

  it('tunnels TLS requests through an http proxy with credentials', async () => {
    const client = new RestClient(
      testConfig(target.url, { tls: { insecure: false, ca: Buffer.from(pki.ca.cert) }, proxyUrl }),
    );
    try {
      expect(await client.json({ path: '/version' })).toEqual({ via: 'tunnel' });
    } finally {
      client.close();
    }
    expect(connects).toEqual([
      { path: `127.0.0.1:${target.port}`, auth: `Basic ${Buffer.from('user:p@ss').toString('base64')}` },
    ]);
  });

  it('rejects proxy schemes it cannot speak', async () => {
    const client = new RestClient(
      testConfig(target.url, { tls: { insecure: true }, proxyUrl: 'socks5://127.0.0.1:1' }),
    );
    try {
      await expect(client.request({ path: '/version' })).rejects.toThrow(
        /proxy scheme "socks5" is not supported by kctl/,
      );
    } finally {
      client.close();
    }
  });
});
