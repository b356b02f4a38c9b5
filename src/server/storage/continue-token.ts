/**
 * kube's list continue token (k8s.io/apiserver/pkg/storage/continue.go): base64url (no padding) of
 * `{"v":"meta.k8s.io/v1","rv":N,"start":"<key suffix>"}`, where start is the next key with the
 * list prefix removed. rv -1 means "continue at the latest revision" (the token kube hands out
 * with a 410 when the original revision was compacted).
 */

const API_VERSION = 'meta.k8s.io/v1';

/** Go's encoding/json escapes these; keeping the same bytes keeps tokens identical to kube's. */
const goJson = (v: unknown): string =>
  JSON.stringify(v).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);

/** Throws when `key` is not under `keyPrefix` (a programming error). */
export function encodeContinue(key: string, keyPrefix: string, rv: number): string {
  if (!key.startsWith(keyPrefix) || key === keyPrefix) {
    throw new Error(`unable to encode next field: the key and key prefix do not match ${keyPrefix} ${key}`);
  }
  const json = goJson({ v: API_VERSION, rv, start: key.slice(keyPrefix.length) });
  return Buffer.from(json, 'utf8').toString('base64url');
}

export type DecodedContinue = { ok: true; key: string; rv: number } | { ok: false; message: string };

const GENERIC = 'continue key is not valid';

/** Decodes a token into the absolute start key and revision, or kube's error text. */
export function decodeContinue(token: string, keyPrefix: string): DecodedContinue {
  const bad = /[^A-Za-z0-9_-]/.exec(token);
  if (bad || token.length % 4 === 1) {
    const at = bad ? bad.index : token.length - 1;
    return { ok: false, message: `${GENERIC}: illegal base64 data at input byte ${at}` };
  }
  let c: unknown;
  try {
    c = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'));
  } catch (e) {
    return { ok: false, message: `${GENERIC}: ${(e as Error).message}` };
  }
  if (typeof c !== 'object' || c === null || Array.isArray(c)) {
    return { ok: false, message: `${GENERIC}: json: cannot unmarshal into Go value of type storage.continueToken` };
  }
  const t = c as { v?: unknown; rv?: unknown; start?: unknown };
  if (t.v !== API_VERSION) {
    return {
      ok: false,
      message: `continue key is not valid: server does not recognize this encoded version ${String(t.v ?? '')}`,
    };
  }
  const rv = typeof t.rv === 'number' && Number.isInteger(t.rv) ? t.rv : 0;
  if (rv === 0) {
    return {
      ok: false,
      message: 'continue key is not valid: incorrect encoded start resourceVersion (version meta.k8s.io/v1)',
    };
  }
  const start = typeof t.start === 'string' ? t.start : '';
  if (start === '')
    return { ok: false, message: 'continue key is not valid: encoded start key empty (version meta.k8s.io/v1)' };
  // Path traversal defence as kube: the cleaned form must equal the given one.
  const key = start.startsWith('/') ? start : `/${start}`;
  if (cleanPath(key) !== key) return { ok: false, message: `${GENERIC}: ${start}` };
  return { ok: true, key: keyPrefix + key.slice(1), rv };
}

/** Go's path.Clean for absolute paths. */
export function cleanPath(p: string): string {
  const out: string[] = [];
  for (const part of p.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') out.pop();
    else out.push(part);
  }
  return `/${out.join('/')}`;
}
