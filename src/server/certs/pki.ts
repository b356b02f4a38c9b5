/**
 * The server's PKI: a self-signed CA, a serving certificate and the admin client certificate,
 * all ECDSA P-256 (what kubeadm-style local clusters use). Keys are generated with Node's
 * WebCrypto and certificates built with @peculiar/x509; everything is PEM so kubectl, Node's
 * TLS stack and openssl read it unchanged.
 */
import { webcrypto } from 'node:crypto';
import { isIP } from 'node:net';
import * as x509 from '@peculiar/x509';

x509.cryptoProvider.set(webcrypto as unknown as Parameters<typeof x509.cryptoProvider.set>[0]);

type CryptoKey = webcrypto.CryptoKey;
type CryptoKeyPair = webcrypto.CryptoKeyPair;

const ALG: webcrypto.EcKeyGenParams & webcrypto.EcdsaParams = { name: 'ECDSA', namedCurve: 'P-256', hash: 'SHA-256' };
const DAY_MS = 24 * 60 * 60 * 1000;

/** A certificate and its private key, both PEM. */
export interface KeyPairPem {
  certPem: string;
  keyPem: string;
}

async function newKeys(): Promise<CryptoKeyPair> {
  return (await webcrypto.subtle.generateKey(ALG, true, ['sign', 'verify'])) as CryptoKeyPair;
}

async function keyToPem(key: CryptoKey): Promise<string> {
  const der = await webcrypto.subtle.exportKey('pkcs8', key);
  return x509.PemConverter.encode(der, 'PRIVATE KEY');
}

async function pemToKey(pem: string): Promise<CryptoKey> {
  const der = x509.PemConverter.decode(pem)[0];
  if (!der) throw new Error('no PEM block in private key');
  return await webcrypto.subtle.importKey('pkcs8', der, ALG, true, ['sign']);
}

/** Escapes a value for an X.500 DN string (RFC 4514 specials). */
const dnValue = (v: string): string => v.replace(/([,+"\\<>;=])/g, '\\$1');

function serial(): string {
  const b = webcrypto.getRandomValues(new Uint8Array(16));
  b[0] = (b[0] ?? 0) & 0x7f; // positive
  return Buffer.from(b).toString('hex');
}

/** Creates the cluster CA (CN=kctl-ca), valid 10 years; backdated an hour against clock skew. */
export async function createCa(now = new Date()): Promise<KeyPairPem> {
  const keys = await newKeys();
  const cert = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: serial(),
    name: 'CN=kctl-ca',
    notBefore: new Date(now.getTime() - 3600_000),
    notAfter: new Date(now.getTime() + 3650 * DAY_MS),
    keys,
    signingAlgorithm: ALG,
    extensions: [
      new x509.BasicConstraintsExtension(true, undefined, true),
      new x509.KeyUsagesExtension(
        x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign | x509.KeyUsageFlags.digitalSignature,
        true,
      ),
      await x509.SubjectKeyIdentifierExtension.create(keys.publicKey),
    ],
  });
  return { certPem: cert.toString('pem'), keyPem: await keyToPem(keys.privateKey) };
}

export interface LeafOptions {
  commonName: string;
  organizations?: string[];
  /** DNS names and IP addresses (told apart with net.isIP); server certificates only. */
  altNames?: string[];
  usage: 'server' | 'client';
  /** Validity in days; default 365. */
  days?: number;
}

/** Issues a leaf certificate signed by `ca`. */
export async function issueCert(ca: KeyPairPem, opts: LeafOptions, now = new Date()): Promise<KeyPairPem> {
  const caCert = new x509.X509Certificate(ca.certPem);
  const caKey = await pemToKey(ca.keyPem);
  const keys = await newKeys();
  const subject = [...(opts.organizations ?? []).map((o) => `O=${dnValue(o)}`), `CN=${dnValue(opts.commonName)}`].join(
    ', ',
  );
  const extensions: x509.Extension[] = [
    new x509.BasicConstraintsExtension(false, undefined, true),
    new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature | x509.KeyUsageFlags.keyEncipherment, true),
    new x509.ExtendedKeyUsageExtension(
      [opts.usage === 'server' ? x509.ExtendedKeyUsage.serverAuth : x509.ExtendedKeyUsage.clientAuth],
      false,
    ),
    await x509.AuthorityKeyIdentifierExtension.create(caCert, false),
  ];
  if (opts.altNames?.length) {
    const names = [...new Set(opts.altNames)].map((n) => ({ type: isIP(n) ? 'ip' : 'dns', value: n }) as const);
    extensions.push(new x509.SubjectAlternativeNameExtension(names, false));
  }
  const cert = await x509.X509CertificateGenerator.create({
    serialNumber: serial(),
    subject,
    issuer: caCert.subject,
    notBefore: new Date(now.getTime() - 3600_000),
    notAfter: new Date(now.getTime() + (opts.days ?? 365) * DAY_MS),
    publicKey: keys.publicKey,
    signingKey: caKey,
    signingAlgorithm: ALG,
    extensions,
  });
  return { certPem: cert.toString('pem'), keyPem: await keyToPem(keys.privateKey) };
}

/** The DNS/IP names a certificate is valid for (empty when it has no SAN extension). */
export function certAltNames(certPem: string): string[] {
  const cert = new x509.X509Certificate(certPem);
  const san = cert.getExtension(x509.SubjectAlternativeNameExtension);
  return san ? san.names.items.map((n) => n.value) : [];
}

/** Whether the certificate is still valid `marginDays` from now. */
export function certValidFor(certPem: string, marginDays: number, now = new Date()): boolean {
  const cert = new x509.X509Certificate(certPem);
  return cert.notAfter.getTime() > now.getTime() + marginDays * DAY_MS && cert.notBefore.getTime() <= now.getTime();
}

/** Whether `certPem` was issued by `caPem` (signature check, not a full chain validation). */
export async function issuedBy(certPem: string, caPem: string): Promise<boolean> {
  try {
    const cert = new x509.X509Certificate(certPem);
    const ca = new x509.X509Certificate(caPem);
    return await cert.verify({ publicKey: ca.publicKey, signatureOnly: true });
  } catch {
    return false;
  }
}
