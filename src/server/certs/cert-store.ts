/**
 * Loads the server's certificates from the data dir, creating what is missing. A first start
 * writes `pki/ca.{crt,key}`, `pki/apiserver.{crt,key}` and `pki/admin.{crt,key}`; later starts
 * reuse them, re-issuing only the serving certificate when its names no longer cover the
 * address (or it is about to expire), so kubeconfigs that trust the CA keep working.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { certAltNames, certValidFor, createCa, issueCert, issuedBy, type KeyPairPem } from './pki.js';

export interface ServerPki {
  ca: KeyPairPem;
  serving: KeyPairPem;
  admin: KeyPairPem;
  dir: string;
}

export const ADMIN_USER = 'kubernetes-admin';
export const ADMIN_GROUP = 'system:masters';

/** The names every serving certificate carries, plus the listen address. */
export function servingNames(address: string): string[] {
  const names = ['localhost', '127.0.0.1', '::1', 'kubernetes', 'kubernetes.default', 'kubernetes.default.svc'];
  if (address && address !== '0.0.0.0' && address !== '::' && !names.includes(address)) names.push(address);
  return names;
}

function read(dir: string, name: string): KeyPairPem | undefined {
  const crt = join(dir, `${name}.crt`);
  const key = join(dir, `${name}.key`);
  if (!existsSync(crt) || !existsSync(key)) return undefined;
  return { certPem: readFileSync(crt, 'utf8'), keyPem: readFileSync(key, 'utf8') };
}

function write(dir: string, name: string, pair: KeyPairPem): void {
  writeFileSync(join(dir, `${name}.crt`), pair.certPem, { mode: 0o644 });
  writeFileSync(join(dir, `${name}.key`), pair.keyPem, { mode: 0o600 });
}

/**
 * Returns the PKI under `<dataDir>/pki`. A CA that cannot be read is an error (the data dir
 * is damaged; silently replacing it would lock out every existing kubeconfig).
 */
export async function loadOrCreatePki(dataDir: string, address: string): Promise<ServerPki> {
  const dir = join(dataDir, 'pki');
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  let ca = read(dir, 'ca');
  let fresh = false;
  if (!ca) {
    ca = await createCa();
    write(dir, 'ca', ca);
    fresh = true;
  }
  const wanted = servingNames(address);
  let serving = fresh ? undefined : read(dir, 'apiserver');
  if (
    !serving ||
    !(await issuedBy(serving.certPem, ca.certPem)) ||
    !certValidFor(serving.certPem, 30) ||
    !wanted.every((n) => certAltNames(serving?.certPem ?? '').includes(n))
  ) {
    serving = await issueCert(ca, { commonName: 'kube-apiserver', altNames: wanted, usage: 'server' });
    write(dir, 'apiserver', serving);
  }
  let admin = fresh ? undefined : read(dir, 'admin');
  if (!admin || !(await issuedBy(admin.certPem, ca.certPem)) || !certValidFor(admin.certPem, 30)) {
    admin = await issueCert(ca, { commonName: ADMIN_USER, organizations: [ADMIN_GROUP], usage: 'client' });
    write(dir, 'admin', admin);
  }
  return { ca, serving, admin, dir };
}
