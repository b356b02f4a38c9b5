import { X509Certificate } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadOrCreatePki } from '../../../src/server/certs/cert-store.js';
import { certAltNames, issuedBy } from '../../../src/server/certs/pki.js';

const dir = mkdtempSync(join(tmpdir(), 'kctl-pki-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('server PKI', () => {
  it('creates a CA, a serving cert with kube SANs and an admin client cert', async () => {
    const pki = await loadOrCreatePki(dir, '10.1.2.3');
    const ca = new X509Certificate(pki.ca.certPem);
    expect(ca.ca).toBe(true);
    const serving = new X509Certificate(pki.serving.certPem);
    expect(serving.verify(ca.publicKey)).toBe(true);
    expect(serving.subjectAltName).toContain('DNS:localhost');
    expect(serving.subjectAltName).toContain('IP Address:127.0.0.1');
    expect(serving.subjectAltName).toContain('IP Address:0:0:0:0:0:0:0:1');
    expect(serving.subjectAltName).toContain('IP Address:10.1.2.3');
    expect(serving.publicKey.asymmetricKeyDetails?.namedCurve).toBe('prime256v1');
    const admin = new X509Certificate(pki.admin.certPem);
    expect(admin.subject).toBe('O=system:masters\nCN=kubernetes-admin');
    expect(admin.verify(ca.publicKey)).toBe(true);
    expect(admin.keyUsage).toContain('1.3.6.1.5.5.7.3.2');
  });
  it('reuses certificates on a later start and re-issues only a serving cert missing a name', async () => {
    const first = readFileSync(join(dir, 'pki', 'ca.crt'), 'utf8');
    const again = await loadOrCreatePki(dir, '10.1.2.3');
    expect(again.ca.certPem).toBe(first);
    const servingBefore = again.serving.certPem;
    const moved = await loadOrCreatePki(dir, '192.168.9.9');
    expect(moved.ca.certPem).toBe(first);
    expect(moved.admin.certPem).toBe(again.admin.certPem);
    expect(moved.serving.certPem).not.toBe(servingBefore);
    expect(certAltNames(moved.serving.certPem)).toContain('192.168.9.9');
    expect(await issuedBy(moved.serving.certPem, first)).toBe(true);
  });
});
