import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from '../../../src/testing/index.js';
import { adminClient } from '../../testing/admin-client.js';

// TokenReview accepts exactly the bearer tokens that request authentication accepts.
describe('TokenReview against the bootstrap token', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer();
  });
  afterAll(() => server?.stop());

  const review = (token: string) =>
    adminClient(server).call('POST', '/apis/authentication.k8s.io/v1/tokenreviews', {
      apiVersion: 'authentication.k8s.io/v1',
      kind: 'TokenReview',
      spec: { token },
    });

  it('authenticates the server token as its bootstrap user', async () => {
    const r = await review(server.token);
    expect(r.status).toBe(201);
    expect(r.json()).toMatchObject({
      status: { authenticated: true, user: { username: expect.stringMatching(/^system:bootstrap:/) } },
    });
  });

  it('does not authenticate another token', async () => {
    const r = await review(`${server.token}x`);
    expect(r.status).toBe(201);
    expect(r.json<{ status: { authenticated?: boolean } }>().status.authenticated ?? false).toBe(false);
  });
});
