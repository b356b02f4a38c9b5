import http from 'node:http';
import https from 'node:https';
import type { Duplex } from 'node:stream';
import tls from 'node:tls';

/**
 * The proxy for a target URL, as Go's http.ProxyFromEnvironment decides (client-go uses it
 * unless the kubeconfig sets proxy-url): HTTPS_PROXY for https targets, HTTP_PROXY for http,
 * none for hosts matched by NO_PROXY (`*`, exact hosts, domain suffixes, IPs, CIDRs, optional
 * :port) and never for localhost / loopback addresses.
 */
export function proxyFromEnvironment(target: string, env: NodeJS.ProcessEnv = process.env): string | undefined {
  const url = new URL(target);
  const host = url.hostname.replace(/^\[|\]$/g, '').toLowerCase();
  if (host === 'localhost' || /^127\./.test(host) || host === '::1') return undefined;
  const proxy =
    url.protocol === 'https:' || url.protocol === 'wss:'
      ? (env.HTTPS_PROXY ?? env.https_proxy)
      : (env.HTTP_PROXY ?? env.http_proxy);
  if (!proxy) return undefined;
  const port = url.port || (url.protocol === 'https:' || url.protocol === 'wss:' ? '443' : '80');
  if (noProxyMatches(host, port, env.NO_PROXY ?? env.no_proxy ?? '')) return undefined;
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(proxy) ? proxy : `http://${proxy}`;
}

function noProxyMatches(host: string, port: string, list: string): boolean {
  for (let entry of list.split(',').map((s) => s.trim().toLowerCase())) {
    if (!entry) continue;
    if (entry === '*') return true;
    if (entry.includes('/')) {
      if (inCidr(host, entry)) return true;
      continue;
    }
    const m = /^(.*?)(?::(\d+))?$/.exec(entry)!;
    if (m[2] && m[2] !== port) continue;
    entry = m[1];
    if (entry.startsWith('*.')) entry = entry.slice(1);
    if (
      host === entry.replace(/^\./, '') ||
      (entry.startsWith('.') ? host.endsWith(entry) : host.endsWith(`.${entry}`))
    ) {
      return true;
    }
  }
  return false;
}

function inCidr(host: string, cidr: string): boolean {
  const [net, bitsText] = cidr.split('/');
  const toInt = (ip: string) => {
    const p = ip.split('.').map(Number);
    return p.length === 4 && p.every((n) => n >= 0 && n <= 255)
      ? ((p[0] << 24) | (p[1] << 16) | (p[2] << 8) | p[3]) >>> 0
      : undefined;
  };
  const a = toInt(host);
  const b = toInt(net);
  const bits = Number(bitsText);
  if (a === undefined || b === undefined || !(bits >= 0 && bits <= 32)) return false;
  const mask = bits === 0 ? 0 : (~0 << (32 - bits)) >>> 0;
  return (a & mask) === (b & mask);
}

type ConnectOptions = http.ClientRequestArgs & tls.ConnectionOptions & { host?: string; port?: number | string };
type Callback = (err: Error | null, socket?: Duplex) => void;

/** Opens a CONNECT tunnel through an http(s) proxy to host:port. */
function tunnel(
  proxy: URL,
  host: string,
  port: string | number,
  cb: (err: Error | null, socket?: Duplex) => void,
): void {
  if (proxy.protocol !== 'http:' && proxy.protocol !== 'https:') {
    cb(
      new Error(
        `proxy scheme "${proxy.protocol.replace(/:$/, '')}" is not supported by kctl (use an http or https proxy)`,
      ),
    );
    return;
  }
  const headers: http.OutgoingHttpHeaders = { host: `${host}:${port}` };
  if (proxy.username) {
    const cred = `${decodeURIComponent(proxy.username)}:${decodeURIComponent(proxy.password)}`;
    headers['proxy-authorization'] = `Basic ${Buffer.from(cred).toString('base64')}`;
  }
  const req = (proxy.protocol === 'https:' ? https : http).request({
    host: proxy.hostname,
    port: proxy.port || (proxy.protocol === 'https:' ? 443 : 80),
    method: 'CONNECT',
    path: `${host}:${port}`,
    headers,
    agent: false,
  });
  req.once('connect', (res, socket) => {
    if (res.statusCode !== 200) {
      socket.destroy();
      cb(new Error(`proxyconnect tcp: proxy answered ${res.statusCode} ${res.statusMessage ?? ''}`.trim()));
      return;
    }
    cb(null, socket);
  });
  req.once('error', (e) => cb(e));
  req.end();
}

/** An http.Agent whose sockets are CONNECT tunnels through `proxy`. */
export class HttpTunnelAgent extends http.Agent {
  constructor(
    private readonly proxy: URL,
    opts: http.AgentOptions,
  ) {
    super(opts);
  }
  override createConnection(options: ConnectOptions, cb: Callback): undefined {
    tunnel(this.proxy, String(options.host), options.port ?? 80, cb);
    return undefined;
  }
}

/** An https.Agent whose TLS sessions run inside CONNECT tunnels through `proxy`. */
export class HttpsTunnelAgent extends https.Agent {
  constructor(
    private readonly proxy: URL,
    opts: https.AgentOptions,
  ) {
    super(opts);
  }
  override createConnection(options: ConnectOptions, cb: Callback): undefined {
    let done = false;
    const finish: Callback = (err, socket) => {
      if (done) return;
      done = true;
      cb(err, socket);
    };
    tunnel(this.proxy, String(options.host), options.port ?? 443, (err, socket) => {
      if (err || !socket) return finish(err ?? new Error('proxy tunnel failed'));
      const secure = tls.connect({ ...options, socket });
      secure.once('secureConnect', () => finish(null, secure));
      secure.once('error', (e) => finish(e));
    });
    return undefined;
  }
}
