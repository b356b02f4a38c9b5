/** A minimal HTTPS client for tests: the admin client cert from a running server's data dir. */
import { readFileSync } from 'node:fs';
import { request } from 'node:https';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';

export interface TestResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
  json<T = any>(): T;
}

export interface ClientOptions {
  method?: string;
  headers?: Record<string, string>;
  body?: string | Buffer;
  /** Send no client certificate. */
  anonymous?: boolean;
}

export function client(url: string, dataDir: string) {
  const ca = readFileSync(join(dataDir, 'pki', 'ca.crt'));
  const cert = readFileSync(join(dataDir, 'pki', 'admin.crt'));
  const key = readFileSync(join(dataDir, 'pki', 'admin.key'));
  return (path: string, opts: ClientOptions = {}): Promise<TestResponse> =>
    new Promise((resolve, reject) => {
      const req = request(
        `${url}${path}`,
        {
          method: opts.method ?? 'GET',
          headers: {
            ...(opts.body !== undefined ? { 'Content-Length': String(Buffer.byteLength(opts.body)) } : {}),
            ...(opts.headers ?? {}),
          },
          ca,
          ...(opts.anonymous ? {} : { cert, key }),
          agent: false,
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => {
            let buf = Buffer.concat(chunks);
            if (res.headers['content-encoding'] === 'gzip') buf = gunzipSync(buf);
            const text = buf.toString('utf8');
            resolve({ status: res.statusCode ?? 0, headers: res.headers, text, json: () => JSON.parse(text) });
          });
        },
      );
      req.on('error', reject);
      if (opts.body !== undefined) req.write(opts.body);
      req.end();
    });
}
