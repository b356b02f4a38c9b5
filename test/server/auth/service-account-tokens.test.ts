import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_ISSUER, ServiceAccountTokens } from '../../../src/server/auth/service-account-tokens.js';

const claims = {
  namespace: 'ns',
  serviceAccount: { name: 'app', uid: 'sa-uid' },
  audiences: [DEFAULT_ISSUER],
  expirationSeconds: 600,
};
const payloadOf = (token: string) => JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8'));

describe('ServiceAccountTokens', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sa-tokens-'));
  const tokens = ServiceAccountTokens.loadOrCreate(dir);
  const now = new Date('2026-01-01T00:00:00Z');

  it('signs kube-shaped claims and authenticates them as the service account', () => {
    const { token, expiresAt } = tokens.issue({ ...claims, pod: { name: 'p', uid: 'pod-uid' } }, now);
    expect(expiresAt.toISOString()).toBe('2026-01-01T00:10:00.000Z');
    const p = payloadOf(token);
    expect(Object.keys(p)).toEqual(['aud', 'exp', 'iat', 'iss', 'jti', 'kubernetes.io', 'nbf', 'sub']);
    expect(p).toMatchObject({
      sub: 'system:serviceaccount:ns:app',
      iss: DEFAULT_ISSUER,
      'kubernetes.io': { namespace: 'ns', serviceaccount: { name: 'app', uid: 'sa-uid' }, pod: { name: 'p' } },
    });
    expect(tokens.authenticate(token, now)).toEqual({
      name: 'system:serviceaccount:ns:app',
      uid: 'sa-uid',
      groups: ['system:serviceaccounts', 'system:serviceaccounts:ns', 'system:authenticated'],
      extra: {
        'authentication.kubernetes.io/credential-id': [`JTI=${p.jti}`],
        'authentication.kubernetes.io/pod-name': ['p'],
        'authentication.kubernetes.io/pod-uid': ['pod-uid'],
      },
    });
  });

  it('keeps its key across restarts', () => {
    const again = ServiceAccountTokens.loadOrCreate(dir);
    expect(again.kid).toBe(tokens.kid);
    expect(again.authenticate(tokens.issue(claims, now).token, now)?.name).toBe('system:serviceaccount:ns:app');
  });

  it('refuses expired, foreign-audience, tampered and foreign-key tokens', () => {
    const { token } = tokens.issue(claims, now);
    expect(tokens.authenticate(token, new Date(now.getTime() + 661_000))).toBeUndefined();
    expect(tokens.authenticate(token, new Date(now.getTime() + 659_000))).toBeDefined(); // 60 s leeway
    expect(tokens.authenticate(tokens.issue({ ...claims, audiences: ['vault'] }, now).token, now)).toBeUndefined();
    const [h, , s] = token.split('.');
    const forged = Buffer.from(JSON.stringify({ ...payloadOf(token), sub: 'system:serviceaccount:ns:admin' }));
    expect(tokens.authenticate(`${h}.${forged.toString('base64url')}.${s}`, now)).toBeUndefined();
    const other = new ServiceAccountTokens(generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey);
    expect(tokens.authenticate(other.issue(claims, now).token, now)).toBeUndefined();
    expect(tokens.authenticate('not.a.jwt', now)).toBeUndefined();
    expect(tokens.authenticate('abcdef.0123456789abcdef', now)).toBeUndefined();
  });
});
