import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { request } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chooseV2Format, etagMatches } from '../../../src/server/openapi/v2-protobuf-http.js';
import { type RunningServer, startServer } from '../../../src/server/serve.js';
import { memoryRegistry, testCatalog } from '../http/support/fixtures.js';
import { decodeDocument } from './support/gnostic-reader.js';

const PB = 'application/com.github.proto-openapi.spec.v2.v1.0+protobuf';
const PB_AT = 'application/com.github.proto-openapi.spec.v2@v1.0+protobuf';

describe('chooseV2Format', () => {
  it('matches kube-openapi: first acceptable clause by q, JSON for wildcards and no header', () => {
    expect(chooseV2Format(undefined)).toBe('json');
    expect(chooseV2Format('')).toBe('json');
    expect(chooseV2Format('*/*')).toBe('json');
    expect(chooseV2Format('application/*')).toBe('json');
    expect(chooseV2Format(PB_AT)).toBe('protobuf');
    expect(chooseV2Format(PB)).toBe('protobuf');
    expect(chooseV2Format(`${PB}, application/json`)).toBe('protobuf');
    expect(chooseV2Format(`application/json;q=0.5, ${PB}`)).toBe('protobuf');
    expect(chooseV2Format('text/html, application/json')).toBe('json');
    expect(chooseV2Format('application/yaml')).toBeUndefined();
    expect(chooseV2Format('application/com.github.proto-openapi.spec.v3.v1.0+protobuf')).toBeUndefined();
  });
});

describe('etagMatches', () => {
  it('follows Go’s If-None-Match rules', () => {
    expect(etagMatches('"A"', '"A"')).toBe(true);
    expect(etagMatches('W/"A"', '"A"')).toBe(true);
    expect(etagMatches('"B", "A"', '"A"')).toBe(true);
    expect(etagMatches('*', '"A"')).toBe(true);
    expect(etagMatches('"B"', '"A"')).toBe(false);
    expect(etagMatches('A', '"A"')).toBe(false);
    expect(etagMatches('', '"A"')).toBe(false);
  });
});

let server: RunningServer;
let dir: string;

interface Raw {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

function get(path: string, headers: Record<string, string> = {}, method = 'GET'): Promise<Raw> {
  const pki = (f: string) => readFileSync(join(dir, 'pki', f));
  return new Promise((resolve, reject) => {
    const req = request(
      `${server.url}${path}`,
      { method, headers, ca: pki('ca.crt'), cert: pki('admin.crt'), key: pki('admin.key'), agent: false },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          let body = Buffer.concat(chunks);
          if (res.headers['content-encoding'] === 'gzip') body = gunzipSync(body);
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body });
        });
      },
    );
    req.on('error', reject);
    req.end();
  });
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'kctl-openapi-pb-'));
  server = await startServer({
    port: 0,
    dataDir: dir,
    catalog: testCatalog(),
    openRegistry: memoryRegistry,
    log: () => {},
  });
});
afterAll(async () => {
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('GET /openapi/v2', () => {
  it('serves the gnostic protobuf of the same document as the JSON, under the same ETag', async () => {
    const json = await get('/openapi/v2', { Accept: 'application/json' });
    const pb = await get('/openapi/v2', { Accept: PB_AT });
    expect(json.status).toBe(200);
    expect(pb.status).toBe(200);
    expect(pb.headers['content-type']).toBe(PB);
    expect(pb.headers.etag).toBe(json.headers.etag);
    expect(pb.headers.etag).toMatch(/^"[0-9A-F]{128}"$/);
    expect(pb.headers.vary).toContain('Accept');
    expect(pb.headers['last-modified']).toBeTruthy();
    const doc = JSON.parse(json.body.toString('utf8'));
    const back = decodeDocument(new Uint8Array(pb.body));
    expect(back.definitions).toEqual(doc.definitions);
    expect(Object.keys(back.paths as object)).toEqual(Object.keys(doc.paths));
    expect(back.info).toEqual(doc.info);
    // The same bytes every time (built once, cached).
    expect((await get('/openapi/v2', { Accept: PB })).body.equals(pb.body)).toBe(true);
  });

  it('answers a matching If-None-Match (or a fresh If-Modified-Since) with a bodiless 304', async () => {
    const first = await get('/openapi/v2', { Accept: PB });
    const etag = String(first.headers.etag);
    const again = await get('/openapi/v2', { Accept: PB, 'If-None-Match': `"stale", ${etag}` });
    expect(again.status).toBe(304);
    expect(again.body.length).toBe(0);
    expect(again.headers.etag).toBe(etag);
    expect((await get('/openapi/v2', { Accept: PB, 'If-None-Match': '"stale"' })).status).toBe(200);
    const since = String(first.headers['last-modified']);
    expect((await get('/openapi/v2', { Accept: 'application/json', 'If-Modified-Since': since })).status).toBe(304);
  });

  it('answers HEAD with headers only and an unservable Accept with an empty 406', async () => {
    const head = await get('/openapi/v2', { Accept: PB }, 'HEAD');
    expect(head.status).toBe(200);
    expect(head.headers['content-type']).toBe(PB);
    expect(head.body.length).toBe(0);
    const no = await get('/openapi/v2', { Accept: 'application/yaml' });
    expect(no.status).toBe(406);
    expect(no.body.length).toBe(0);
  });
});
