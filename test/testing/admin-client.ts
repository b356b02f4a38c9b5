/** A minimal HTTPS client authenticating with a test server's admin certificate (test helper). */
import { request } from 'node:https';
import type { TestServer } from '../../src/testing/index.js';

export interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
  json: <T = Record<string, unknown>>() => T;
}

const b64 = (s: unknown): string => Buffer.from(String(s), 'base64').toString('utf8');

export function adminClient(server: TestServer) {
  const user = (server.kubeconfig.users?.[0]?.user ?? {}) as Record<string, unknown>;
  const cert = b64(user['client-certificate-data']);
  const key = b64(user['client-key-data']);
  const call = (method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<Reply> =>
    new Promise((resolve, reject) => {
      const req = request(
        `${server.url}${path}`,
        {
          method,
          ca: server.caPem,
          cert,
          key,
          headers: {
            accept: 'application/json',
            ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
            ...headers,
          },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => {
            const text = Buffer.concat(chunks).toString('utf8');
            resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text, json: () => JSON.parse(text) });
          });
          res.on('error', reject);
        },
      );
      req.on('error', reject);
      if (body !== undefined) req.write(typeof body === 'string' ? body : JSON.stringify(body));
      req.end();
    });
  return { call, cert, key };
}

export interface WatchEvent {
  type: string;
  object: { code?: number; message?: string; metadata?: { name?: string; resourceVersion?: string } };
}

/** An open watch: events as they arrive, `ended` when the server closes the stream. */
export function openWatch(server: TestServer, path: string) {
  const { cert, key } = adminClient(server);
  const events: WatchEvent[] = [];
  const waiters: Array<() => void> = [];
  let status = 0;
  let done!: () => void;
  const ended = new Promise<void>((r) => {
    done = r;
  });
  const req = request(`${server.url}${path}`, { ca: server.caPem, cert, key }, (res) => {
    status = res.statusCode ?? 0;
    let buf = '';
    res.on('data', (c: Buffer) => {
      buf += c.toString('utf8');
      let i = buf.indexOf('\n');
      while (i >= 0) {
        const line = buf.slice(0, i).trim();
        buf = buf.slice(i + 1);
        if (line) events.push(JSON.parse(line));
        i = buf.indexOf('\n');
      }
      for (const w of waiters.splice(0)) w();
    });
    res.on('end', done);
    res.on('close', done);
  });
  req.on('error', () => done());
  req.end();
  /** Resolves once `n` events have arrived (or the stream ended). */
  const waitFor = async (n: number): Promise<WatchEvent[]> => {
    let over = false;
    void ended.then(() => {
      over = true;
      for (const w of waiters.splice(0)) w();
    });
    while (events.length < n && !over) await new Promise<void>((r) => waiters.push(r));
    return events;
  };
  return { events, ended, waitFor, status: () => status, close: () => req.destroy() };
}
