import type { TLSSocket } from 'node:tls';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RestClient } from '../../../src/client/rest/client.js';
import type { TlsConfig } from '../../../src/client/rest-config.js';
import { testConfig } from '../support/config.js';
import { sendJson, startServer, type TestServer } from '../support/http-server.js';
import { makePki } from '../support/tls.js';

let pki: Awaited<ReturnType<typeof makePki>>;
let server: TestServer;

beforeAll(async () => {
  pki = await makePki();
  server = await startServer(
    (req, res) => {
      const peer = (req.socket as TLSSocket).getPeerCertificate();
      sendJson(res, 200, { cn: peer?.subject?.CN ?? null });
    },
    { cert: pki.server.cert, key: pki.server.key, ca: pki.ca.cert, requestCert: true, rejectUnauthorized: false },
  );
});
afterAll(async () => server.close());

async function call(tls: TlsConfig, host = server.url) {
  const client = new RestClient(testConfig(host, { tls }));
  try {
    return await client.json<{ cn: string | null }>({ path: '/version' });
  } finally {
    client.close();
  }
}

describe('RestClient TLS', () => {
  it('verifies the server against the configured CA', async () => {
    expect(await call({ insecure: false, ca: Buffer.from(pki.ca.cert) })).toEqual({ cn: null });
  });

  it("fails with kubectl's text for an unknown authority", async () => {
    await expect(call({ insecure: false })).rejects.toThrow(
      'Unable to connect to the server: tls: failed to verify certificate: x509: certificate signed by unknown authority',
    );
  });

  it('skips verification with insecure-skip-tls-verify', async () => {
    expect(await call({ insecure: true })).toEqual({ cn: null });
  });

  it('verifies against --tls-server-name instead of the URL host', async () => {
    const ca = Buffer.from(pki.ca.cert);
    expect(await call({ insecure: false, ca, serverName: 'localhost' })).toEqual({ cn: null });
    await expect(call({ insecure: false, ca, serverName: 'wrong.example' })).rejects.toThrow(
      'Unable to connect to the server: tls: failed to verify certificate: x509: certificate is valid for localhost, not wrong.example',
    );
  });

  it('presents the client certificate', async () => {
    const tls = {
      insecure: false,
      ca: Buffer.from(pki.ca.cert),
      cert: Buffer.from(pki.client.cert),
      key: Buffer.from(pki.client.key),
    };
    expect(await call(tls)).toEqual({ cn: 'alice' });
  });
});
