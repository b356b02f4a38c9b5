import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import yaml from 'js-yaml';
import { afterAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { DataDirLockedError } from '../../../src/server/lock/data-dir-lock.js';
import { startServer } from '../../../src/server/serve.js';

const root = mkdtempSync(join(tmpdir(), 'kctl-serve-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function call(
  url: string,
  dir: string,
  path: string,
  method = 'GET',
  body?: string,
): Promise<{ status: number; json: any }> {
  return new Promise((resolve, reject) => {
    const req = request(
      `${url}${path}`,
      {
        method,
        ca: readFileSync(join(dir, 'pki', 'ca.crt')),
        cert: readFileSync(join(dir, 'pki', 'admin.crt')),
        key: readFileSync(join(dir, 'pki', 'admin.key')),
        headers: body ? { 'Content-Type': 'application/json', 'Content-Length': String(Buffer.byteLength(body)) } : {},
        agent: false,
      },
      (res) => {
        let text = '';
        res.on('data', (c) => (text += c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, json: text ? JSON.parse(text) : undefined }));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

describe('startServer', () => {
  it('persists across restarts, refuses a second server on the same dir and releases it on close', async () => {
    const dir = join(root, 'persist');
    const a = await startServer({ port: 0, dataDir: dir, log: () => {} });
    await expect(startServer({ port: 0, dataDir: dir })).rejects.toBeInstanceOf(DataDirLockedError);
    const cm = JSON.stringify({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'kept' }, data: { a: '1' } });
    expect((await call(a.url, dir, '/api/v1/namespaces/default/configmaps', 'POST', cm)).status).toBe(201);
    const ca = a.caPem;
    await a.close();
    expect(existsSync(join(dir, 'serve.lock'))).toBe(false);
    const b = await startServer({ port: 0, dataDir: dir, log: () => {} });
    try {
      expect(b.caPem).toBe(ca);
      const got = await call(b.url, dir, '/api/v1/namespaces/default/configmaps/kept');
      expect(got.json.data).toEqual({ a: '1' });
    } finally {
      await b.close();
    }
  });

  it('writes its kubeconfig and merges the kctl context into the user kubeconfig', async () => {
    const dir = join(root, 'kc');
    const user = join(root, 'user-config');
    writeFileSync(
      user,
      yaml.dump({
        apiVersion: 'v1',
        kind: 'Config',
        clusters: [{ name: 'other', cluster: { server: 'https://x' } }],
        contexts: [],
        users: [],
        'current-context': 'other',
      }),
    );
    const s = await startServer({ port: 0, dataDir: dir, updateKubeconfig: true, userKubeconfig: user, log: () => {} });
    try {
      const own = yaml.load(readFileSync(s.kubeconfigPath, 'utf8')) as {
        clusters: Array<{ cluster: { server: string } }>;
        'current-context': string;
      };
      expect(own['current-context']).toBe('kctl');
      expect(own.clusters[0]?.cluster.server).toBe(s.url);
      const merged = yaml.load(readFileSync(user, 'utf8')) as {
        clusters: Array<{ name: string }>;
        'current-context': string;
      };
      expect(merged['current-context']).toBe('kctl');
      expect(merged.clusters.map((x) => x.name)).toEqual(['other', 'kctl']);
    } finally {
      await s.close();
    }
  });

  it('serves watches over WebSocket and ends them on close', async () => {
    const dir = join(root, 'ws');
    const s = await startServer({ port: 0, dataDir: dir, storage: 'memory', log: () => {} });
    const ws = new WebSocket(`${s.url.replace('https', 'wss')}/api/v1/namespaces/default/configmaps?watch=true`, {
      ca: readFileSync(join(dir, 'pki', 'ca.crt')),
      cert: readFileSync(join(dir, 'pki', 'admin.crt')),
      key: readFileSync(join(dir, 'pki', 'admin.key')),
    });
    const events: Array<{ type: string; object: { metadata: { name: string } } }> = [];
    const closed = new Promise<number>((r) => ws.on('close', (code) => r(code)));
    ws.on('message', (m) => events.push(JSON.parse(String(m))));
    await new Promise<void>((r, j) => {
      ws.on('open', () => r());
      ws.on('error', j);
    });
    const cm = JSON.stringify({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'via-ws' } });
    await call(s.url, dir, '/api/v1/namespaces/default/configmaps', 'POST', cm);
    const end = Date.now() + 10_000;
    while (!events.some((e) => e.object.metadata.name === 'via-ws') && Date.now() < end)
      await new Promise((r) => setTimeout(r, 50));
    expect(events.find((e) => e.object.metadata.name === 'via-ws')?.type).toBe('ADDED');
    await s.close();
    expect(await closed).toBeGreaterThan(0);
  });
});

describe('subresource bodies', () => {
  it('validates a Scale PUT against the Scale schema', async () => {
    const dir = join(root, 'scale');
    const s = await startServer({ port: 0, dataDir: dir, storage: 'memory', log: () => {} });
    try {
      const dep = {
        apiVersion: 'apps/v1',
        kind: 'Deployment',
        metadata: { name: 'web' },
        spec: {
          replicas: 1,
          selector: { matchLabels: { a: 'b' } },
          template: { metadata: { labels: { a: 'b' } }, spec: { containers: [{ name: 'c', image: 'nginx' }] } },
        },
      };
      expect(
        (await call(s.url, dir, '/apis/apps/v1/namespaces/default/deployments', 'POST', JSON.stringify(dep))).status,
      ).toBe(201);
      const path = '/apis/apps/v1/namespaces/default/deployments/web/scale';
      const scale = (await call(s.url, dir, path)).json;
      expect(scale).toMatchObject({ apiVersion: 'autoscaling/v1', kind: 'Scale', spec: { replicas: 1 } });
      const bad = { ...scale, spec: { replicas: 4, bogus: true } };
      const r = await call(s.url, dir, `${path}?fieldValidation=Strict`, 'PUT', JSON.stringify(bad));
      expect(r.status).toBe(400);
      expect(r.json.message).toBe(
        'Scale in version "v1" cannot be handled as a Scale: strict decoding error: unknown field "spec.bogus"',
      );
      const ok = await call(s.url, dir, path, 'PUT', JSON.stringify({ ...scale, spec: { replicas: 4 } }));
      expect(ok.status).toBe(200);
      expect(ok.json.spec.replicas).toBe(4);
    } finally {
      await s.close();
    }
  });
});

describe('kctl serve command', () => {
  it('prints the ready line and exits 0 on SIGTERM', async () => {
    const dir = join(root, 'cmd');
    const script = `import Serve from './src/commands/serve.ts'; await Serve.run(['--port', '0', '--data-dir', ${JSON.stringify(dir)}, '--no-update-kubeconfig', '--storage', 'memory'], import.meta.url);`;
    const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
      cwd: join(import.meta.dirname, '..', '..', '..'),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString()));
    const exited = new Promise<number | null>((r) => child.on('exit', (code) => r(code)));
    const end = Date.now() + 60_000;
    while (!out.includes('\n') && Date.now() < end) await new Promise((r) => setTimeout(r, 100));
    expect(out).toMatch(
      new RegExp(
        `^kctl serve: ready at https://127\\.0\\.0\\.1:\\d+ \\(kubeconfig: ${dir.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}/kubeconfig\\)\\n$`,
      ),
    );
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(existsSync(join(dir, 'serve.lock'))).toBe(false);
  }, 90_000);
});
