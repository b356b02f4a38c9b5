/**
 * `kubectl create secret tls` and `create secret docker-registry`: Secrets whose data keys and
 * type are fixed by the secret type (kubernetes.io/tls, kubernetes.io/dockerconfigjson).
 */
import { createPrivateKey, X509Certificate } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { goJsonString } from '../printers/json/go-json.js';
import { secretHash } from './content-hash.js';
import { parseFileSource, readFileSource, sortedRecord } from './data-sources.js';

function meta(name: string, namespace: string | undefined): Record<string, unknown> {
  return namespace ? { name, namespace } : { name };
}

function secret(
  name: string,
  namespace: string | undefined,
  type: string,
  data: Record<string, string>,
  appendHash: boolean | undefined,
): Record<string, unknown> {
  const sorted = sortedRecord(data);
  const full = appendHash ? `${name}-${secretHash(name, type, sorted)}` : name;
  return { kind: 'Secret', apiVersion: 'v1', metadata: meta(full, namespace), data: sorted, type };
}

export interface TlsSecretOptions {
  name: string;
  /** Set only when -n was given. */
  namespace?: string;
  cert?: string;
  key?: string;
  appendHash?: boolean;
}

function readOrFail(path: string): Buffer {
  try {
    return readFileSync(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why =
      code === 'EISDIR' ? 'is a directory' : code === 'EACCES' ? 'permission denied' : 'no such file or directory';
    throw new Error(`Cannot read file ${path}, open ${path}: ${why}`);
  }
}

function pemTypes(pem: string): string[] {
  return [...pem.matchAll(/-----BEGIN ([A-Z0-9 ]+)-----/g)].map((m) => m[1]!);
}

/**
 * Checks the pair the way Go's tls.X509KeyPair does, with its error texts for the common
 * failures (no PEM, a certificate in the key file, a key that does not match).
 */
function checkKeyPair(cert: Buffer, key: Buffer): void {
  const certTypes = pemTypes(cert.toString('latin1'));
  if (!certTypes.includes('CERTIFICATE')) {
    throw new Error(
      certTypes.length === 0
        ? 'tls: failed to find any PEM data in certificate input'
        : 'tls: failed to find "CERTIFICATE" PEM block in certificate input after skipping PEM blocks of the following types: [' +
            certTypes.join(' ') +
            ']',
    );
  }
  const keyTypes = pemTypes(key.toString('latin1'));
  if (!keyTypes.some((t) => t === 'PRIVATE KEY' || t.endsWith(' PRIVATE KEY'))) {
    if (keyTypes.includes('CERTIFICATE')) {
      throw new Error('tls: found a certificate rather than a key in the PEM for the private key');
    }
    throw new Error('tls: failed to find any PEM data in key input');
  }
  let ok = false;
  try {
    ok = new X509Certificate(cert).checkPrivateKey(createPrivateKey(key));
  } catch {
    throw new Error('tls: failed to parse private key');
  }
  if (!ok) throw new Error('tls: private key does not match public key');
}

/** A kubernetes.io/tls Secret with tls.crt and tls.key; both files are required and must pair. */
export function tlsSecretObject(o: TlsSecretOptions): Record<string, unknown> {
  if (!o.cert || !o.key) throw new Error('key and cert must be specified');
  const cert = readOrFail(o.cert);
  const key = readOrFail(o.key);
  checkKeyPair(cert, key);
  const data = { 'tls.crt': cert.toString('base64'), 'tls.key': key.toString('base64') };
  return secret(o.name, o.namespace, 'kubernetes.io/tls', data, o.appendHash);
}

export interface DockerRegistryOptions {
  name: string;
  namespace?: string;
  server?: string;
  username?: string;
  password?: string;
  email?: string;
  fromFile?: string[];
  appendHash?: boolean;
}

export const DEFAULT_DOCKER_SERVER = 'https://index.docker.io/v1/';

/** The .dockerconfigjson body in Go's struct field order (email omitted when empty). */
export function dockerConfigJson(server: string, username: string, password: string, email: string): string {
  const auth = Buffer.from(`${username}:${password}`, 'utf8').toString('base64');
  const fields = [`"username":${goJsonString(username)}`, `"password":${goJsonString(password)}`];
  if (email) fields.push(`"email":${goJsonString(email)}`);
  fields.push(`"auth":${goJsonString(auth)}`);
  return `{"auths":{${goJsonString(server)}:{${fields.join(',')}}}}`;
}

/**
 * A kubernetes.io/dockerconfigjson Secret, either from --docker-* flags or from files (a file
 * given without a key lands under `.dockerconfigjson`).
 */
export function dockerRegistrySecretObject(o: DockerRegistryOptions): Record<string, unknown> {
  const files = o.fromFile ?? [];
  const server = o.server ?? DEFAULT_DOCKER_SERVER;
  const data: Record<string, string> = {};
  if (files.length === 0) {
    if (!o.username || !o.password || !server) {
      throw new Error(
        'either --from-file or the combination of --docker-username, --docker-password and --docker-server is required',
      );
    }
    const body = dockerConfigJson(server, o.username, o.password, o.email ?? '');
    data['.dockerconfigjson'] = Buffer.from(body, 'utf8').toString('base64');
  } else {
    for (const src of files) {
      const explicit = src.includes('=');
      const { path } = parseFileSource(src);
      for (const e of readFileSource(explicit ? src : `.dockerconfigjson=${path}`)) {
        if (e.key in data) throw new Error(`cannot add key ${e.key}, another key by that name already exists`);
        data[e.key] = e.value.toString('base64');
      }
    }
  }
  return secret(o.name, o.namespace, 'kubernetes.io/dockerconfigjson', data, o.appendHash);
}
