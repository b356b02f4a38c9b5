/**
 * Service account tokens (kube's pkg/serviceaccount): JWTs the server signs for TokenRequests
 * (`serviceaccounts/<name>/token`, e.g. `kubectl create token`) and accepts as bearer tokens.
 *
 * The key is an ECDSA P-256 key (ES256, one of kube's accepted key types; cheaper to create at
 * first start than RSA) kept in `<dataDir>/pki/sa.key`. The key id is kube's: base64url of the
 * SHA-256 of the public key's PKIX DER. Claims follow kube's (`iss`, `sub`, `aud`, `exp`, `iat`,
 * `nbf`, `jti`, and the private `kubernetes.io` claim naming the service account and any bound
 * pod, secret or node).
 *
 * `verify` checks signature, issuer, audience and times; service-account-liveness.ts adds kube's
 * object checks (the service account and any bound object still exist with the claimed UIDs).
 */
import {
  createHash,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  type KeyObject,
  randomUUID,
  sign,
  verify,
} from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { UserInfo } from '../registry/types.js';

/** kubeadm's default `--service-account-issuer`; the API audiences default to it. */
export const DEFAULT_ISSUER = 'https://kubernetes.default.svc.cluster.local';
/** go-jose's default clock leeway for exp/nbf. */
const LEEWAY_SECONDS = 60;

export interface ObjectRef {
  name: string;
  uid: string;
}

export interface TokenClaimsInput {
  namespace: string;
  serviceAccount: ObjectRef;
  audiences: string[];
  expirationSeconds: number;
  pod?: ObjectRef;
  secret?: ObjectRef;
  /** A node's uid is absent when the pod's node object does not exist (kube still names it). */
  node?: { name: string; uid?: string };
}

export interface PrivateClaims {
  namespace: string;
  serviceaccount: ObjectRef;
  pod?: ObjectRef;
  secret?: ObjectRef;
  node?: { name: string; uid?: string };
}

interface Payload {
  aud?: string[] | string;
  exp?: number;
  iat?: number;
  iss?: string;
  jti?: string;
  'kubernetes.io'?: PrivateClaims;
  nbf?: number;
  sub?: string;
}

const b64 = (v: Buffer | string): string => Buffer.from(v).toString('base64url');

export class ServiceAccountTokens {
  readonly kid: string;
  readonly audiences: readonly string[];
  private readonly publicKey: KeyObject;

  constructor(
    private readonly privateKey: KeyObject,
    readonly issuer = DEFAULT_ISSUER,
  ) {
    this.publicKey = createPublicKey(privateKey);
    const der = this.publicKey.export({ type: 'spki', format: 'der' });
    this.kid = b64(createHash('sha256').update(der).digest());
    this.audiences = [issuer];
  }

  /** Reads `<dataDir>/pki/sa.key`, creating it (mode 0600) on first start. */
  static loadOrCreate(dataDir: string): ServiceAccountTokens {
    const dir = join(dataDir, 'pki');
    const file = join(dir, 'sa.key');
    if (existsSync(file)) return new ServiceAccountTokens(createPrivateKey(readFileSync(file)));
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    writeFileSync(file, privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600 });
    return new ServiceAccountTokens(privateKey);
  }

  /** Signs a token; returns it with its expiry (now + expirationSeconds, whole seconds). */
  issue(c: TokenClaimsInput, now = new Date()): { token: string; expiresAt: Date } {
    const iat = Math.floor(now.getTime() / 1000);
    const exp = iat + c.expirationSeconds;
    const priv: PrivateClaims = { namespace: c.namespace, serviceaccount: c.serviceAccount };
    if (c.node) priv.node = c.node;
    if (c.pod) priv.pod = c.pod;
    if (c.secret) priv.secret = c.secret;
    // Go marshals the merged claim map with sorted keys.
    const payload: Payload = {
      aud: c.audiences,
      exp,
      iat,
      iss: this.issuer,
      jti: randomUUID(),
      'kubernetes.io': priv,
      nbf: iat,
      sub: `system:serviceaccount:${c.namespace}:${c.serviceAccount.name}`,
    };
    const signingInput = `${b64(JSON.stringify({ alg: 'ES256', kid: this.kid }))}.${b64(JSON.stringify(payload))}`;
    const sig = sign('sha256', Buffer.from(signingInput), { key: this.privateKey, dsaEncoding: 'ieee-p1363' });
    return { token: `${signingInput}.${b64(sig)}`, expiresAt: new Date(exp * 1000) };
  }

  /** The user a token names (see verify), without the claims. */
  authenticate(token: string, now = new Date()): UserInfo | undefined {
    return this.verify(token, now)?.user;
  }

  /**
   * The user a token names and its private claims, or undefined when it is not one of ours or not
   * valid now (bad signature, other issuer, no API audience, expired, not yet valid).
   */
  verify(token: string, now = new Date()): { user: UserInfo; claims: PrivateClaims } | undefined {
    const parts = token.split('.');
    if (parts.length !== 3) return undefined;
    const [h, p, s] = parts as [string, string, string];
    let header: { alg?: string; kid?: string };
    let payload: Payload;
    try {
      header = JSON.parse(Buffer.from(h, 'base64url').toString('utf8'));
      payload = JSON.parse(Buffer.from(p, 'base64url').toString('utf8'));
    } catch {
      return undefined;
    }
    if (header.alg !== 'ES256' || (header.kid !== undefined && header.kid !== this.kid)) return undefined;
    const ok = verify(
      'sha256',
      Buffer.from(`${h}.${p}`),
      { key: this.publicKey, dsaEncoding: 'ieee-p1363' },
      Buffer.from(s, 'base64url'),
    );
    if (!ok || payload.iss !== this.issuer) return undefined;
    const t = Math.floor(now.getTime() / 1000);
    if (typeof payload.exp !== 'number' || t > payload.exp + LEEWAY_SECONDS) return undefined;
    if (typeof payload.nbf === 'number' && t < payload.nbf - LEEWAY_SECONDS) return undefined;
    const aud = Array.isArray(payload.aud) ? payload.aud : payload.aud ? [payload.aud] : [];
    if (!aud.some((a) => this.audiences.includes(a))) return undefined;
    const k = payload['kubernetes.io'];
    const sa = k?.serviceaccount;
    if (!k || !sa?.name || payload.sub !== `system:serviceaccount:${k.namespace}:${sa.name}`) return undefined;
    const extra: Record<string, string[]> = {};
    if (payload.jti) extra['authentication.kubernetes.io/credential-id'] = [`JTI=${payload.jti}`];
    if (k.node?.name) extra['authentication.kubernetes.io/node-name'] = [k.node.name];
    if (k.node?.uid) extra['authentication.kubernetes.io/node-uid'] = [k.node.uid];
    if (k.pod) {
      extra['authentication.kubernetes.io/pod-name'] = [k.pod.name];
      extra['authentication.kubernetes.io/pod-uid'] = [k.pod.uid];
    }
    const user: UserInfo = {
      name: payload.sub,
      uid: sa.uid,
      groups: ['system:serviceaccounts', `system:serviceaccounts:${k.namespace}`, 'system:authenticated'],
      ...(Object.keys(extra).length ? { extra } : {}),
    };
    return { user, claims: k };
  }
}
