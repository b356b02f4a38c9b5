/**
 * Protobuf bodies through the real server: created objects read back as JSON; a body the table
 * cannot fully read is a 415 Status and stores nothing.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningServer, startServer } from '../../../../src/server/serve.js';
import { client } from '../support/client.js';
import { envelope, int, msg, str } from './wire-builder.js';

let server: RunningServer;
let dir: string;
let call: ReturnType<typeof client>;
const PROTOBUF = { 'Content-Type': 'application/vnd.kubernetes.protobuf', Accept: 'application/json' };

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'kctl-pb-'));
  server = await startServer({ port: 0, dataDir: join(dir, 'data'), log: () => {} });
  call = client(server.url, join(dir, 'data'));
}, 60_000);

afterAll(async () => {
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('protobuf request bodies', () => {
  it('creates a PriorityClass and a ClusterRole sent as protobuf', async () => {
    const pc = envelope('scheduling.k8s.io/v1', 'PriorityClass', msg(1, str(1, 'urgent')), int(2, 1000), str(4, 'now'));
    const r = await call('/apis/scheduling.k8s.io/v1/priorityclasses', { method: 'POST', body: pc, headers: PROTOBUF });
    expect(r.status).toBe(201);
    expect(r.json()).toMatchObject({
      kind: 'PriorityClass',
      metadata: { name: 'urgent' },
      value: 1000,
      description: 'now',
    });
    const cr = envelope(
      'rbac.authorization.k8s.io/v1',
      'ClusterRole',
      msg(1, str(1, 'viewer')),
      msg(2, str(1, 'get'), str(2, ''), str(3, 'pods')),
    );
    const c = await call('/apis/rbac.authorization.k8s.io/v1/clusterroles', {
      method: 'POST',
      body: cr,
      headers: PROTOBUF,
    });
    expect(c.status).toBe(201);
    const got = await call('/apis/rbac.authorization.k8s.io/v1/clusterroles/viewer');
    expect(got.json().rules).toEqual([{ verbs: ['get'], apiGroups: [''], resources: ['pods'] }]);
  });

  it('answers 415 Status for a field number the table does not know, and stores nothing', async () => {
    const body = envelope('v1', 'ConfigMap', msg(1, str(1, 'odd'), str(42, 'x')));
    const r = await call('/api/v1/namespaces/default/configmaps', { method: 'POST', body, headers: PROTOBUF });
    expect(r.status).toBe(415);
    expect(r.json()).toMatchObject({ kind: 'Status', status: 'Failure', reason: 'UnsupportedMediaType', code: 415 });
    expect((await call('/api/v1/namespaces/default/configmaps/odd')).status).toBe(404);
  });

  it('answers 400 for a protobuf body that is not the k8s envelope', async () => {
    const r = await call('/api/v1/namespaces/default/configmaps', {
      method: 'POST',
      body: Buffer.from([1, 2, 3, 4]),
      headers: PROTOBUF,
    });
    expect(r.status).toBe(400);
  });
});
