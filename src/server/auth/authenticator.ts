/**
 * Request authentication as kube-apiserver does it for the credentials this server issues:
 * a client certificate signed by the cluster CA (user = CN, groups = O) and a bootstrap token
 * (`Authorization: Bearer <id>.<secret>`), and service account tokens (service-account-tokens.ts).
 * The full chain (anonymous, impersonation, OIDC) comes later; until then an unauthenticated request is refused with 401.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { TLSSocket } from 'node:tls';
import type { UserInfo } from '../registry/types.js';

export type AuthResult = { user: UserInfo } | { error: string } | undefined;

/** One way to authenticate; undefined = "not my kind of credential". */
export type Authenticator = (req: {
  headers: Record<string, string | string[] | undefined>;
  socket: unknown;
}) => AuthResult | Promise<AuthResult>;

/** The user a bearer token stands for, or undefined; may look objects up (service account tokens). */
export type TokenLookup = (bearer: string) => UserInfo | undefined | Promise<UserInfo | undefined>;

const SYSTEM_AUTHENTICATED = 'system:authenticated';

/**
 * x509: the TLS layer asked for a client certificate without rejecting unknown ones (so token
 * clients can connect); here only a certificate that verified against the CA counts.
 */
export function x509Authenticator(): Authenticator {
  // A connection's certificate does not change: decide once per TLS socket.
  const seen = new WeakMap<object, AuthResult>();
  return (req) => {
    const sock = req.socket as Partial<TLSSocket> | undefined;
    if (!sock || typeof sock.getPeerCertificate !== 'function') return undefined;
    const key = (sock as { _handle?: object })._handle ?? sock;
    if (seen.has(key)) return seen.get(key);
    const result = fromCertificate(sock);
    seen.set(key, result);
    return result;
  };
}

function fromCertificate(sock: Partial<TLSSocket>): AuthResult {
  const cert = sock.getPeerCertificate?.();
  if (!cert?.subject) return undefined;
  if (!sock.authorized) return { error: 'x509: certificate signed by unknown authority' };
  const cn = first(cert.subject.CN);
  if (!cn) return undefined;
  const groups = many(cert.subject.O);
  return { user: { name: cn, groups: [...groups, SYSTEM_AUTHENTICATED] } };
}

const first = (v: string | string[] | undefined): string | undefined => (Array.isArray(v) ? v[0] : v);
const many = (v: string | string[] | undefined): string[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);

/** A bootstrap token `<6 chars>.<16 chars>` (kube's format, [a-z0-9]). */
export interface BootstrapToken {
  id: string;
  secret: string;
}

export const tokenString = (t: BootstrapToken): string => `${t.id}.${t.secret}`;

const TOKEN_RE = /^([a-z0-9]{6})\.([a-z0-9]{16})$/;
const ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789';

function randomToken(n: number): string {
  const bytes = randomBytes(n * 2);
  let s = '';
  for (let i = 0; s.length < n && i < bytes.length; i++) {
    const b = bytes[i] ?? 0;
    if (b < 252) s += ALPHABET[b % 36]; // 252 = 7*36: no modulo bias
  }
  return s.length === n ? s : randomToken(n);
}

/** Reads `<dataDir>/bootstrap-token`, creating it (mode 0600) on first start. */
export function loadOrCreateBootstrapToken(dataDir: string): BootstrapToken {
  const file = join(dataDir, 'bootstrap-token');
  if (existsSync(file)) {
    const m = TOKEN_RE.exec(readFileSync(file, 'utf8').trim());
    if (m?.[1] && m[2]) return { id: m[1], secret: m[2] };
  }
  const t = { id: randomToken(6), secret: randomToken(16) };
  writeFileSync(file, `${tokenString(t)}\n`, { mode: 0o600 });
  return t;
}

/**
 * Bearer tokens. The bootstrap token authenticates as kube's bootstrap users do
 * (`system:bootstrap:<id>`, group `system:bootstrappers`); a wrong token is an error
 * (kube answers 401 rather than falling through to anonymous).
 */
/**
 * The user a bearer token stands for, or undefined for an unknown token (compared in constant
 * time). Shared by request authentication and TokenReview, so both accept the same tokens.
 */
export function bootstrapTokenUser(token: BootstrapToken): (bearer: string) => UserInfo | undefined {
  const want = Buffer.from(tokenString(token));
  return (bearer) => {
    const got = Buffer.from(bearer);
    if (got.length !== want.length || !timingSafeEqual(got, want)) return undefined;
    return { name: `system:bootstrap:${token.id}`, groups: ['system:bootstrappers', SYSTEM_AUTHENTICATED] };
  };
}

/** Bearer tokens: the first lookup that knows the token names the user. */
export function tokenAuthenticator(...lookups: TokenLookup[]): Authenticator {
  const lookup = anyToken(...lookups);
  // Synchronous unless there is a token to look up: most requests carry a client certificate.
  return (req) => {
    const h = first(req.headers.authorization);
    if (!h) return undefined;
    const m = /^Bearer\s+(\S+)\s*$/i.exec(h);
    if (!m?.[1]) return undefined;
    return lookup(m[1]).then((user) => (user ? { user } : { error: 'invalid bearer token' }));
  };
}

/** One lookup over several token kinds (bootstrap, service account), tried in order. */
export function anyToken(...lookups: TokenLookup[]): (bearer: string) => Promise<UserInfo | undefined> {
  return async (bearer) => {
    for (const l of lookups) {
      const u = await l(bearer);
      if (u) return u;
    }
    return undefined;
  };
}

/** Tries each authenticator in order; the first that claims the request decides. */
export function unionAuthenticator(list: Authenticator[]): Authenticator {
  return (req) => {
    // Synchronous while the authenticators are (x509); continues asynchronously after one is not.
    const from = (i: number, lastError: AuthResult): AuthResult | Promise<AuthResult> => {
      for (let k = i; k < list.length; k++) {
        const r = (list[k] as Authenticator)(req);
        if (r instanceof Promise) return r.then((v) => (v && 'user' in v ? v : from(k + 1, v ?? lastError)));
        if (r && 'user' in r) return r;
        if (r) lastError = r;
      }
      return lastError;
    };
    return from(0, undefined);
  };
}
