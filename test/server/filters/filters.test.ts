import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { withMaxInflight } from '../../../src/server/filters/with-max-inflight.js';
import { withRecover } from '../../../src/server/filters/with-recover.js';
import { parseGoDuration, withTimeout } from '../../../src/server/filters/with-timeout.js';
import { type Handler, newContext } from '../../../src/server/http/context.js';
import { writeText } from '../../../src/server/http/response.js';

let server: Server | undefined;
afterEach(() => server?.close());

async function serve(
  handler: Handler,
): Promise<(path: string) => Promise<{ status: number; text: string; headers: Record<string, unknown> }>> {
  server = createServer((req, res) => void handler(newContext(req, res)));
  await new Promise<void>((r) => server?.listen(0, '127.0.0.1', r));
  const port = (server.address() as AddressInfo).port;
  return (path) =>
    new Promise((resolve, reject) => {
      request({ host: '127.0.0.1', port, path, agent: false }, (res) => {
        let text = '';
        res.on('data', (c) => (text += c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text, headers: res.headers }));
      })
        .on('error', reject)
        .end();
    });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('filters', () => {
  it('recover turns a thrown error into a 500 InternalError Status', async () => {
    const get = await serve(
      withRecover(
        async () => {
          throw new Error('boom');
        },
        { log: () => {} },
      ),
    );
    const r = await get('/api/v1/pods');
    expect(r.status).toBe(500);
    expect(JSON.parse(r.text)).toMatchObject({
      kind: 'Status',
      reason: 'InternalError',
      message: 'Internal error occurred: boom',
    });
  });
  it('timeout answers 504 after ?timeout and exempts watches', async () => {
    const slow: Handler = async (ctx) => {
      await sleep(300);
      writeText(ctx, 200, 'late');
    };
    const get = await serve(withRecover(withTimeout(slow, { defaultTimeoutMs: 60_000 })));
    const r = await get('/api/v1/pods?timeout=50ms');
    expect(r.status).toBe(504);
    expect(JSON.parse(r.text).message).toBe(
      'Timeout: request did not complete within requested timeout - context deadline exceeded',
    );
    expect((await get('/api/v1/pods?watch=1&timeout=50ms')).text).toBe('late');
    expect((await get('/api/v1/pods?timeout=bogus')).status).toBe(400);
  });
  it('max-inflight answers 429 with Retry-After beyond the limit', async () => {
    let release: () => void = () => {};
    const gate = new Promise<void>((r) => (release = r));
    const held: Handler = async (ctx) => {
      await gate;
      writeText(ctx, 200, 'ok');
    };
    const get = await serve(withMaxInflight(held, { maxReadOnly: 1, maxMutating: 1 }));
    const first = get('/api/v1/pods');
    await sleep(50);
    const second = await get('/api/v1/pods');
    expect(second.status).toBe(429);
    expect(second.headers['retry-after']).toBe('1');
    expect(second.text).toBe('Too many requests, please try again later.\n');
    release();
    expect((await first).status).toBe(200);
  });
  it('parses Go durations', () => {
    expect(parseGoDuration('1m30s')).toBe(90_000);
    expect(parseGoDuration('250ms')).toBe(250);
    expect(parseGoDuration('0')).toBe(0);
    expect(parseGoDuration('10')).toBeUndefined();
    expect(parseGoDuration('1x')).toBeUndefined();
  });
});
