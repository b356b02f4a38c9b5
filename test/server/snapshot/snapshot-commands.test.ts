/**
 * `kctl snapshot record | restore | save` end to end: record a running server's objects,
 * restore them into a data dir, serve that dir, and save it again.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import SnapshotRecord from '../../../src/commands/snapshot/record.js';
import SnapshotRestore from '../../../src/commands/snapshot/restore.js';
import SnapshotSave from '../../../src/commands/snapshot/save.js';
import { REDACTED } from '../../../src/server/snapshot/from-objects.js';
import { parseSnapshot, startServer, type TestServer } from '../../../src/testing/index.js';
import { adminClient } from '../../testing/admin-client.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const work = mkdtempSync(join(tmpdir(), 'kctl-snapcmd-'));

/** Runs a command in-process; errors end as kubectl's `error: ...` on stderr with exit code 1. */
async function run(cmd: { run(argv: string[], opts?: { root: string }): Promise<unknown> }, argv: string[]) {
  const saved = { out: process.stdout.write, err: process.stderr.write };
  let stdout = '';
  let stderr = '';
  process.stdout.write = ((c: string | Uint8Array) => {
    stdout += String(c);
    return true;
  }) as typeof process.stdout.write;
  process.stderr.write = ((c: string | Uint8Array) => {
    stderr += String(c);
    return true;
  }) as typeof process.stderr.write;
  process.exitCode = 0;
  try {
    await cmd.run(argv, { root: ROOT });
  } finally {
    process.stdout.write = saved.out;
    process.stderr.write = saved.err;
  }
  const code = process.exitCode ?? 0;
  process.exitCode = 0;
  return { stdout, stderr, code };
}

describe('kctl snapshot', () => {
  let source: TestServer;
  beforeAll(async () => {
    source = await startServer({
      seed: `
apiVersion: v1
kind: Namespace
metadata: {name: shop}
---
apiVersion: v1
kind: ConfigMap
metadata: {name: settings, namespace: shop}
data: {color: blue}
---
apiVersion: v1
kind: Secret
metadata:
  name: db
  namespace: shop
  annotations: {kubectl.kubernetes.io/last-applied-configuration: '{"data":{"password":"aHVudGVyMg=="}}'}
data: {password: aHVudGVyMg==}
`,
    });
  });
  afterAll(async () => {
    await source?.stop();
    rmSync(work, { recursive: true, force: true });
  });

  it('records one namespace with secrets redacted, and restores + serves it', async () => {
    const file = join(work, 'shop.json');
    const { stdout: out } = await run(SnapshotRecord, [
      '--kubeconfig',
      source.kubeconfigPath,
      '-n',
      'shop',
      '--resources',
      'namespaces,configmaps,secrets',
      file,
    ]);
    expect(out).toMatch(/^Recorded \d+ objects \(1 namespaces, \d+ configmaps, \d+ secrets\)/);
    const snap = parseSnapshot(readFileSync(file, 'utf8'));
    const byKey = new Map(snap.entries.map((e) => [e.key, JSON.parse(e.value)]));
    expect(byKey.get('/registry/namespaces/shop')).toMatchObject({ apiVersion: 'v1', kind: 'Namespace' });
    expect(byKey.get('/registry/configmaps/shop/settings')).toMatchObject({ data: { color: 'blue' } });
    const secret = byKey.get('/registry/secrets/shop/db');
    expect(Buffer.from(secret.data.password, 'base64').toString()).toBe(REDACTED);
    expect(secret.metadata.annotations ?? {}).not.toHaveProperty('kubectl.kubernetes.io/last-applied-configuration');
    expect(secret.metadata.resourceVersion).toBeUndefined();
    expect([...byKey.keys()].some((k) => k.startsWith('/registry/namespaces/default'))).toBe(false);

    const dir = join(work, 'replay');
    expect((await run(SnapshotRestore, ['--data-dir', dir, file])).stdout).toMatch(
      /^Restored \d+ keys at revision \d+ into /,
    );
    expect(await run(SnapshotRestore, ['--data-dir', dir, file])).toMatchObject({
      code: 1,
      stderr: expect.stringMatching(/^error: .*already holds a store.*--force/),
    });

    const replay = await startServer({ storage: 'sqlite', dataDir: dir });
    try {
      const r = await adminClient(replay).call('GET', '/api/v1/namespaces/shop/configmaps/settings');
      expect(r.json()).toMatchObject({ data: { color: 'blue' } });
    } finally {
      await replay.stop();
    }
    const { stdout: saved } = await run(SnapshotSave, ['--data-dir', dir, '-']);
    const again = parseSnapshot(saved);
    expect(again.entries.find((e) => e.key === '/registry/configmaps/shop/settings')?.value).toBe(
      snap.entries.find((e) => e.key === '/registry/configmaps/shop/settings')?.value,
    );
    expect(again.revision).toBeGreaterThan(snap.revision);
  });

  it('keeps secret values with --include-secret-data and rejects unknown resource types', async () => {
    const { stdout: out } = await run(SnapshotRecord, [
      '--kubeconfig',
      source.kubeconfigPath,
      '--resources',
      'secrets',
      '--include-secret-data',
      '-',
    ]);
    const db = parseSnapshot(out).entries.find((e) => e.key === '/registry/secrets/shop/db');
    expect(JSON.parse(db?.value ?? '{}').data).toEqual({ password: 'aHVudGVyMg==' });
    const bad = await run(SnapshotRecord, ['--kubeconfig', source.kubeconfigPath, '--resources', 'widgets', '-']);
    expect(bad).toMatchObject({ code: 1, stdout: '', stderr: expect.stringMatching(/resource type "widgets"/) });
  });
});
