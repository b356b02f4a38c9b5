/** serviceaccounts/<name>/token against a real in-process server, and the token it returns as a credential. */
import { request } from 'node:https';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from '../../../src/testing/index.js';
import { adminClient } from '../../testing/admin-client.js';

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server?.stop());

const tokenPath = (name: string, ns = 'default') => `/api/v1/namespaces/${ns}/serviceaccounts/${name}/token`;
const tokenRequest = (spec: Record<string, unknown> = {}, metadata: Record<string, unknown> = {}) => ({
  apiVersion: 'authentication.k8s.io/v1',
  kind: 'TokenRequest',
  metadata,
  spec,
});

function whoami(token: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const body = JSON.stringify({ apiVersion: 'authentication.k8s.io/v1', kind: 'SelfSubjectReview' });
    const req = request(
      `${server.url}/apis/authentication.k8s.io/v1/selfsubjectreviews`,
      {
        method: 'POST',
        ca: server.caPem,
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      },
      (res) => {
        let text = '';
        res.on('data', (c: Buffer) => {
          text += c.toString('utf8');
        });
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

describe('serviceaccounts/token', () => {
  it('issues a token that authenticates as the service account', async () => {
    const r = await adminClient(server).call('POST', tokenPath('default'), tokenRequest());
    expect(r.status).toBe(201);
    const out = r.json<{
      metadata: Record<string, unknown>;
      spec: Record<string, unknown>;
      status: Record<string, string>;
    }>();
    expect(out.metadata).toMatchObject({ name: 'default', namespace: 'default' });
    expect(out.spec).toMatchObject({
      expirationSeconds: 3600,
      audiences: ['https://kubernetes.default.svc.cluster.local'],
    });
    expect(out.status.expirationTimestamp).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    const me = await whoami(out.status.token as string);
    expect(me.status).toBe(201);
    expect(JSON.parse(me.body).status.userInfo).toMatchObject({
      username: 'system:serviceaccount:default:default',
      groups: ['system:serviceaccounts', 'system:serviceaccounts:default', 'system:authenticated'],
    });
  });

  it("answers kube's errors and issues nothing for bad requests", async () => {
    const c = adminClient(server);
    const short = await c.call('POST', tokenPath('default'), tokenRequest({ expirationSeconds: 60 }));
    expect(short.status).toBe(422);
    expect(short.json().message).toBe(
      'TokenRequest.authentication.k8s.io "" is invalid: spec.expirationSeconds: Invalid value: 60: may not specify a duration less than 10 minutes',
    );
    const other = await c.call('POST', tokenPath('default'), tokenRequest({}, { name: 'builder' }));
    expect(other.json().message).toBe(
      'TokenRequest.authentication.k8s.io "default" is invalid: metadata.name: Invalid value: "builder": must match the service account name if specified',
    );
    const missing = await c.call('POST', tokenPath('nobody'), tokenRequest());
    expect(missing.status).toBe(404);
    expect(missing.json().message).toBe('serviceaccounts "nobody" not found');
    const bound = await c.call(
      'POST',
      tokenPath('default'),
      tokenRequest({ boundObjectRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'x' } }),
    );
    expect(bound.status).toBe(400);
    expect(bound.json().message).toBe('cannot bind token to object of type apps/v1, Kind=Deployment');
  });

  it('binds to a secret and refuses a stale uid', async () => {
    const c = adminClient(server);
    await c.call('POST', '/api/v1/namespaces/default/secrets', { metadata: { name: 'bind-me' } });
    const ok = await c.call(
      'POST',
      tokenPath('default'),
      tokenRequest({ boundObjectRef: { apiVersion: 'v1', kind: 'Secret', name: 'bind-me' } }),
    );
    expect(ok.status).toBe(201);
    const stale = await c.call(
      'POST',
      tokenPath('default'),
      tokenRequest({ boundObjectRef: { apiVersion: 'v1', kind: 'Secret', name: 'bind-me', uid: 'old' } }),
    );
    expect(stale.status).toBe(409);
  });
});
