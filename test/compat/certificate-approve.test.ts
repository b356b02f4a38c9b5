/** `kubectl certificate approve|deny` against kctl serve: the approval subresource and its conditions. */
import { webcrypto } from 'node:crypto';
import * as x509 from '@peculiar/x509';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Cluster, startCluster } from './support/cluster.js';

let c: Cluster;
beforeAll(async () => {
  c = await startCluster();
}, 60_000);
afterAll(async () => {
  await c?.stop();
});

async function csrManifest(name: string): Promise<string> {
  x509.cryptoProvider.set(webcrypto as unknown as Parameters<typeof x509.cryptoProvider.set>[0]);
  const alg = { name: 'ECDSA', namedCurve: 'P-256', hash: 'SHA-256' };
  const keys = await webcrypto.subtle.generateKey(alg, true, ['sign', 'verify']);
  const req = await x509.Pkcs10CertificateRequestGenerator.create({ name: `CN=${name}`, keys, signingAlgorithm: alg });
  const pem = Buffer.from(req.toString('pem')).toString('base64');
  return JSON.stringify({
    apiVersion: 'certificates.k8s.io/v1',
    kind: 'CertificateSigningRequest',
    metadata: { name },
    spec: { request: pem, signerName: 'kubernetes.io/kube-apiserver-client', usages: ['client auth'] },
  });
}

const conditions = async (name: string) =>
  JSON.parse((await c.kubectl(['get', 'csr', name, '-o', 'json'])).stdout).status?.conditions ?? [];

describe('certificate approve|deny', () => {
  it('sets the condition through the approval subresource, with timestamps', async () => {
    for (const name of ['alice', 'bob']) {
      expect((await c.kubectl(['create', '-f', '-'], { stdin: await csrManifest(name) })).code).toBe(0);
    }
    expect(await c.kubectl(['certificate', 'approve', 'alice'])).toMatchObject({
      code: 0,
      stdout: 'certificatesigningrequest.certificates.k8s.io/alice approved\n',
    });
    const [approved] = await conditions('alice');
    expect(approved).toMatchObject({ type: 'Approved', status: 'True', reason: 'KubectlApprove' });
    expect(approved.lastUpdateTime).toMatch(/Z$/);
    expect(approved.lastTransitionTime).toMatch(/Z$/);
    expect(await c.kubectl(['certificate', 'deny', 'bob'])).toMatchObject({
      code: 0,
      stdout: 'certificatesigningrequest.certificates.k8s.io/bob denied\n',
    });
    expect((await conditions('bob')).map((x: { type: string }) => x.type)).toEqual(['Denied']);
    // Approved and Denied are mutually exclusive: a PUT adding Denied to an approved request is refused.
    const csr = JSON.parse((await c.kubectl(['get', 'csr', 'alice', '-o', 'json'])).stdout);
    csr.status.conditions.push({ type: 'Denied', status: 'True', reason: 'Manual' });
    const put = await c.kubectl(
      ['replace', '--raw', '/apis/certificates.k8s.io/v1/certificatesigningrequests/alice/approval', '-f', '-'],
      {
        stdin: JSON.stringify(csr),
      },
    );
    expect(put.code).not.toBe(0);
    expect(put.stderr).toContain('Approved and Denied conditions are mutually exclusive');
  });
});
