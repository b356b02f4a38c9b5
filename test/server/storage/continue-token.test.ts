import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cleanPath, decodeContinue, encodeContinue } from '../../../src/server/storage/continue-token.js';

describe('continue tokens', () => {
  it("has kube's exact format", () => {
    const t = encodeContinue('/registry/pods/default/b\x00', '/registry/pods/', 3);
    expect(Buffer.from(t, 'base64url').toString()).toBe('{"v":"meta.k8s.io/v1","rv":3,"start":"default/b\\u0000"}');
    expect(t).not.toMatch(/[=+/]/);
  });

  it('round-trips keys under the prefix', () => {
    const seg = fc
      .stringMatching(/^[a-z0-9][a-z0-9.-]{0,20}$/)
      .filter((s) => s !== '.' && s !== '..' && !s.startsWith('..'));
    fc.assert(
      fc.property(fc.array(seg, { minLength: 1, maxLength: 3 }), fc.integer({ min: 1, max: 2 ** 40 }), (parts, rv) => {
        const key = `/registry/pods/${parts.join('/')}\x00`;
        const d = decodeContinue(encodeContinue(key, '/registry/pods/', rv), '/registry/pods/');
        expect(d).toEqual({ ok: true, key, rv });
      }),
    );
  });

  it("rejects bad tokens with kube's messages", () => {
    const enc = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url');
    const msg = (t: string) => {
      const d = decodeContinue(t, '/registry/pods/');
      return d.ok ? 'ok' : d.message;
    };
    expect(msg('a$b')).toBe('continue key is not valid: illegal base64 data at input byte 1');
    expect(msg(enc({ v: 'meta.k8s.io/v1', rv: 0, start: 'a' }))).toBe(
      'continue key is not valid: incorrect encoded start resourceVersion (version meta.k8s.io/v1)',
    );
    expect(msg(enc({ v: 'meta.k8s.io/v1', rv: 2, start: '' }))).toBe(
      'continue key is not valid: encoded start key empty (version meta.k8s.io/v1)',
    );
    expect(msg(enc({ v: 'v2', rv: 2, start: 'a' }))).toBe(
      'continue key is not valid: server does not recognize this encoded version v2',
    );
    expect(msg(enc({ v: 'meta.k8s.io/v1', rv: 2, start: '../secrets/x' }))).toBe(
      'continue key is not valid: ../secrets/x',
    );
    expect(decodeContinue(enc({ v: 'meta.k8s.io/v1', rv: -1, start: 'a' }), '/p/')).toEqual({
      ok: true,
      key: '/p/a',
      rv: -1,
    });
  });

  it('cleans paths like Go', () => {
    expect(cleanPath('/a/../b/./c//')).toBe('/b/c');
    expect(cleanPath('/../x')).toBe('/x');
  });
});
