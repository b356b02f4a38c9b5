/**
 * Service account tokens end to end with the real kubectl: `kubectl create token` (a protobuf
 * TokenRequest to serviceaccounts/<name>/token) and kctl's own `create token` both get a token
 * the server accepts as that service account (`kubectl auth whoami --token`).
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Parity, startParity } from './parity-support.js';

let p: Parity;
beforeAll(async () => {
  p = await startParity();
  await p.kubectl(['create', 'serviceaccount', 'robot']);
}, 120_000);
afterAll(async () => {
  await p?.stop();
});

const claims = (token: string) => JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8'));

/** `kubectl auth whoami` with only the token: a client certificate would authenticate first (x509 precedes tokens, as in kube). */
const whoami = (token: string) =>
  p.kubectl([
    '--kubeconfig=/dev/null',
    `--server=${p.cluster.server.url}`,
    `--certificate-authority=${join(p.cluster.dir, 'data', 'pki', 'ca.crt')}`,
    `--token=${token}`,
    'auth',
    'whoami',
    '-o',
    'jsonpath={.status.userInfo.username}',
  ]);

describe('create token', () => {
  it('issues tokens kubectl and kctl can both authenticate with', async () => {
    for (const run of [p.kubectl, p.kctl]) {
      const r = await run([
        'create',
        'token',
        'robot',
        '--duration=20m',
        '--audience=https://kubernetes.default.svc.cluster.local',
      ]);
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
      const token = r.stdout.trim();
      const c = claims(token);
      expect(c.sub).toBe('system:serviceaccount:default:robot');
      expect(c.exp - c.iat).toBe(1200);
      const me = await whoami(token);
      expect(me).toMatchObject({ code: 0, stdout: 'system:serviceaccount:default:robot' });
    }
  });

  it('stops authenticating once the service account is deleted or replaced (kube checks the object)', async () => {
    await p.kubectl(['create', 'serviceaccount', 'temp']);
    const token = (await p.kubectl(['create', 'token', 'temp'])).stdout.trim();
    expect(await whoami(token)).toMatchObject({ code: 0, stdout: 'system:serviceaccount:default:temp' });
    const review = async () => {
      const body = JSON.stringify({ apiVersion: 'authentication.k8s.io/v1', kind: 'TokenReview', spec: { token } });
      const r = await p.kubectl(['create', '-f', '-', '-o', 'jsonpath={.status.authenticated}'], body);
      return r.stdout;
    };
    expect(await review()).toBe('true');
    await p.kubectl(['delete', 'serviceaccount', 'temp']);
    const gone = await whoami(token);
    expect(gone.code).toBe(1);
    expect(gone.stderr).toContain('Unauthorized');
    expect(await review()).toBe('');
    // Same name, new UID: still not the service account the token was issued for.
    await p.kubectl(['create', 'serviceaccount', 'temp']);
    expect((await whoami(token)).code).toBe(1);
  });

  it('reports the same errors as kubectl', async () => {
    for (const args of [
      ['create', 'token', 'nobody'],
      ['create', 'token', 'robot', '--duration=1m'],
    ]) {
      const want = await p.kubectl(args);
      const got = await p.kctl(args);
      expect({ code: got.code, out: got.stdout, err: got.stderr }).toEqual({
        code: want.code,
        out: want.stdout,
        err: want.stderr,
      });
      expect(want.code).not.toBe(0);
    }
  });
});
