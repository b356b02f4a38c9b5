import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Faults } from '../../../src/server/faults/fault-injector.js';
import { withFaults } from '../../../src/server/faults/with-faults.js';
import { type Handler, newContext } from '../../../src/server/http/context.js';
import { writeObject } from '../../../src/server/http/response.js';

// The filter behind a stand-in authentication (group from a header) in front of a stub handler.
const faults = new Faults({ seed: 1 });
const inner: Handler = async (ctx) => writeObject(ctx, 200, { served: ctx.url.pathname });
const chain = withFaults(inner, faults);
const handler: Handler = (ctx) => {
  const group = ctx.req.headers['x-group'];
  ctx.user = { name: 'u', groups: typeof group === 'string' ? [group] : [] };
  return chain(ctx);
};

let server: Server;
let base = '';
beforeAll(async () => {
  server = createServer((req, res) => void handler(newContext(req, res)));
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

const call = (method: string, path: string, body?: unknown, group = 'system:masters') =>
  new Promise<{ status: number; headers: Record<string, unknown>; json: Record<string, unknown> }>(
    (resolve, reject) => {
      const req = request(`${base}${path}`, { method, headers: { 'x-group': group } }, (res) => {
        let text = '';
        res.on('data', (c) => (text += c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, json: JSON.parse(text) }));
      });
      req.on('error', reject);
      if (body !== undefined) req.write(JSON.stringify(body));
      req.end();
    },
  );

describe('withFaults', () => {
  it('marks the injector as owning request-level faults', () => {
    expect(faults.httpFilterInstalled).toBe(true);
  });

  it('guards the admin endpoint with system:masters', async () => {
    const r = await call('GET', '/kctl/faults', undefined, 'system:authenticated');
    expect(r.status).toBe(403);
    expect(r.json).toMatchObject({ kind: 'Status', reason: 'Forbidden' });
  });

  it('adds, lists, applies and clears rules over HTTP', async () => {
    const add = await call('POST', '/kctl/faults', {
      rules: [
        {
          id: 'slow-pods',
          verbs: ['list'],
          resources: ['pods'],
          count: 1,
          action: { type: 'error', code: 429, retryAfterSeconds: 1 },
        },
      ],
    });
    expect(add).toMatchObject({ status: 201, json: { ids: ['slow-pods'] } });
    const hit = await call('GET', '/api/v1/namespaces/a/pods');
    expect(hit.status).toBe(429);
    expect(hit.headers['retry-after']).toBe('1');
    expect((await call('GET', '/api/v1/namespaces/a/pods')).status).toBe(200);
    // Non-resource requests are never hit.
    faults.add({ action: { type: 'error', code: 500 } });
    expect((await call('GET', '/version')).status).toBe(200);
    const listed = await call('GET', '/kctl/faults');
    expect((listed.json.rules as Array<{ id: string; hits: number }>).map((r) => [r.id, r.hits])).toEqual([
      ['slow-pods', 1],
      ['fault-1', 0],
    ]);
    expect((await call('DELETE', '/kctl/faults/slow-pods')).status).toBe(200);
    expect((await call('DELETE', '/kctl/faults')).json).toEqual({ rules: [] });
  });

  it('rejects bad rules and unknown actions with 400, leaving no partial rule set', async () => {
    const bad = await call('POST', '/kctl/faults', {
      rules: [{ action: { type: 'expired' } }, { action: { type: 'nope' } }],
    });
    expect(bad.status).toBe(400);
    expect(bad.json.message).toMatch(/unknown action type "nope"/);
    expect(faults.list()).toEqual([]);
    expect((await call('POST', '/kctl/faults/watches/explode')).status).toBe(400);
    expect((await call('POST', '/kctl/faults/watches/drop')).json).toEqual({ count: 0 });
    expect((await call('POST', '/kctl/faults/compact')).status).toBe(400);
    expect((await call('POST', '/kctl/faults/seed', { seed: 5 })).json).toEqual({ seed: 5 });
  });
});
