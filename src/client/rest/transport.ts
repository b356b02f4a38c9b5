import http from 'node:http';
import https from 'node:https';
import type { TlsConfig } from '../rest-config.js';
import { HttpsTunnelAgent, HttpTunnelAgent } from './proxy.js';

export interface Agents {
  http: http.Agent;
  https: https.Agent;
}

/**
 * Keep-alive agents carrying the TLS settings. They live on the agent (not on each request)
 * because Node merges agent options over request options, which is what makes `servername`
 * (--tls-server-name) take effect. `clientCert` overrides the configured client pair (exec
 * plugins may return one). With `proxyUrl` every connection is a CONNECT tunnel through it.
 */
export function createAgents(tls: TlsConfig, clientCert?: { cert: Buffer; key: Buffer }, proxyUrl?: string): Agents {
  const opts: https.AgentOptions = {
    keepAlive: true,
    rejectUnauthorized: !tls.insecure,
  };
  if (tls.ca && !tls.insecure) opts.ca = tls.ca;
  const cert = clientCert?.cert ?? tls.cert;
  const key = clientCert?.key ?? tls.key;
  if (cert) opts.cert = cert;
  if (key) opts.key = key;
  if (tls.serverName) opts.servername = tls.serverName;
  if (proxyUrl) {
    const proxy = new URL(proxyUrl);
    return { http: new HttpTunnelAgent(proxy, { keepAlive: true }), https: new HttpsTunnelAgent(proxy, opts) };
  }
  return { http: new http.Agent({ keepAlive: true }), https: new https.Agent(opts) };
}

export function destroyAgents(a: Agents): void {
  a.http.destroy();
  a.https.destroy();
}
