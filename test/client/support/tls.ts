import { webcrypto } from 'node:crypto';
import * as x509 from '@peculiar/x509';

x509.cryptoProvider.set(webcrypto as any);

const ALG = { name: 'ECDSA', namedCurve: 'P-256', hash: 'SHA-256' } as const;

export interface Pem {
  cert: string;
  key: string;
}

const pemKey = async (key: webcrypto.CryptoKey) => {
  const der = Buffer.from(await webcrypto.subtle.exportKey('pkcs8', key));
  const b64 = der.toString('base64').replace(/(.{64})/g, '$1\n');
  return `-----BEGIN PRIVATE KEY-----\n${b64}\n-----END PRIVATE KEY-----\n`;
};

/** A CA plus a server cert (for 127.0.0.1 / localhost / `names`) and a client cert signed by it. */
export async function makePki(names: string[] = []): Promise<{ ca: Pem; server: Pem; client: Pem }> {
  const now = new Date(Date.now() - 60_000);
  const later = new Date(Date.now() + 24 * 3600_000);
  const caKeys = await webcrypto.subtle.generateKey(ALG, true, ['sign', 'verify']);
  const caCert = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: '01',
    name: 'CN=kctl-test-ca',
    notBefore: now,
    notAfter: later,
    keys: caKeys as webcrypto.CryptoKeyPair as any,
    signingAlgorithm: ALG,
    extensions: [
      new x509.BasicConstraintsExtension(true, undefined, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.keyCertSign, true),
    ],
  });
  const leaf = async (cn: string, serial: string, san: boolean): Promise<Pem> => {
    const keys = await webcrypto.subtle.generateKey(ALG, true, ['sign', 'verify']);
    const cert = await x509.X509CertificateGenerator.create({
      serialNumber: serial,
      subject: `CN=${cn}`,
      issuer: caCert.subject,
      notBefore: now,
      notAfter: later,
      publicKey: (keys as webcrypto.CryptoKeyPair as any).publicKey,
      signingKey: (caKeys as webcrypto.CryptoKeyPair as any).privateKey,
      signingAlgorithm: ALG,
      extensions: san
        ? [
            new x509.SubjectAlternativeNameExtension([
              { type: 'ip', value: '127.0.0.1' },
              { type: 'dns', value: 'localhost' },
              ...names.map((n) => ({ type: 'dns' as const, value: n })),
            ]),
          ]
        : [new x509.ExtendedKeyUsageExtension([x509.ExtendedKeyUsage.clientAuth])],
    });
    return { cert: cert.toString('pem'), key: await pemKey((keys as webcrypto.CryptoKeyPair).privateKey) };
  };
  return {
    ca: { cert: caCert.toString('pem'), key: await pemKey((caKeys as webcrypto.CryptoKeyPair as any).privateKey) },
    server: await leaf('kctl-test-server', '02', true),
    client: await leaf('alice', '03', false),
  };
}
