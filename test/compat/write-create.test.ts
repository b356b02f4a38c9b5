/**
 * Write scenarios run twice against one `kctl serve`: once with the real kubectl in namespace
 * `kubectl-ns`, once with kctl in `kctl-ns`. Printed lines must be identical (after swapping the
 * namespace name) and the objects left behind equal once server-assigned fields are normalised.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Parity, startParity } from './parity-support.js';

let p: Parity;
/** Absolute manifest paths: kubectl runs in the cluster dir, kctl in this process's cwd. */
const m = (rel: string) => join(p.cluster.dir, 'm', rel);
const NS = { kubectl: 'kubectl-ns', kctl: 'kctl-ns' };

/** Fields the server sets per object; they differ between two otherwise equal objects. */
function normalise(v: unknown, ns: string): unknown {
  if (Array.isArray(v)) return v.map((x) => normalise(x, ns));
  if (v && typeof v === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) {
      if (['uid', 'resourceVersion', 'creationTimestamp', 'time', 'generation', 'clusterIP', 'clusterIPs'].includes(k))
        continue;
      out[k] = normalise(x, ns);
    }
    return out;
  }
  if (typeof v === 'string') return v.replaceAll(ns, '<ns>');
  return v;
}

async function step(args: string[], stdin?: string) {
  const want = await p.kubectl([...args, '-n', NS.kubectl], stdin);
  const got = await p.kctl([...args, '-n', NS.kctl]);
  const swap = (s: string, ns: string) => s.replaceAll(ns, '<ns>');
  expect({ code: got.code, out: swap(got.stdout, NS.kctl), err: swap(got.stderr, NS.kctl) }).toEqual({
    code: want.code,
    out: swap(want.stdout, NS.kubectl),
    err: swap(want.stderr, NS.kubectl),
  });
  return { want, got };
}

async function sameObjects(kinds: string) {
  const a = await p.kubectl(['get', kinds, '-n', NS.kubectl, '-o', 'json']);
  const b = await p.kubectl(['get', kinds, '-n', NS.kctl, '-o', 'json']);
  expect(a.code).toBe(0);
  expect(normalise(JSON.parse(b.stdout), NS.kctl)).toEqual(normalise(JSON.parse(a.stdout), NS.kubectl));
}

beforeAll(async () => {
  p = await startParity();
  for (const ns of Object.values(NS)) await p.kubectl(['create', 'namespace', ns]);
  const d = join(p.cluster.dir, 'm');
  mkdirSync(join(d, 'sub'), { recursive: true });
  writeFileSync(
    join(d, 'cm.yaml'),
    'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: one\n  labels: {tier: a}\ndata:\n  k: v\n---\napiVersion: v1\nkind: Secret\nmetadata:\n  name: two\nstringData:\n  p: q\n',
  );
  writeFileSync(
    join(d, 'sub', 'deploy.yaml'),
    'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  replicas: 2\n  selector:\n    matchLabels: {app: web}\n  template:\n    metadata:\n      labels: {app: web}\n    spec:\n      containers:\n      - name: c\n        image: nginx\n',
  );
}, 120_000);

afterAll(async () => {
  await p?.stop();
});

describe('create -f', () => {
  it('creates from a file, a directory with -R, and prints kubectl lines', async () => {
    await step(['create', '-f', m('cm.yaml'), '--save-config']);
    await step(['create', '-f', m(''), '-R', '--dry-run=server']);
    await step(['create', '-f', m('sub')]);
    await step(['create', '-f', m('cm.yaml')]);
    await sameObjects('configmaps,secrets,deployments');
  });

  it('generators create on the server', async () => {
    await step(['create', 'deployment', 'gen', '--image=nginx', '--port=80']);
    await step(['create', 'configmap', 'gc', '--from-literal=a=b', '--save-config']);
    await step(['create', 'serviceaccount', 'bot']);
    await step(['create', 'service', 'clusterip', 'gs', '--tcp=80:8080']);
    await step(['create', 'configmap', 'gc', '--from-literal=a=b']);
    await step(['create', 'deployment', 'gen', '--image=nginx', '--dry-run=server', '-o', 'name']);
    await sameObjects('deployments,configmaps,serviceaccounts,services');
  });
});
