/**
 * Client-side apply scenarios, run with the real kubectl in one namespace and kctl in another of
 * the same `kctl serve`: identical lines (created/configured/unchanged, warnings) and equal
 * objects afterwards, last-applied annotation included.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Parity, startParity } from './parity-support.js';

let p: Parity;
const NS = { kubectl: 'kubectl-ns', kctl: 'kctl-ns' };
const file = (name: string) => join(p.cluster.dir, name);

function normalise(v: unknown, ns: string): unknown {
  if (Array.isArray(v)) return v.map((x) => normalise(x, ns));
  if (v && typeof v === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) {
      if (['uid', 'resourceVersion', 'creationTimestamp', 'time', 'clusterIP', 'clusterIPs'].includes(k)) continue;
      out[k] = normalise(x, ns);
    }
    return out;
  }
  return typeof v === 'string' ? v.replaceAll(ns, '<ns>') : v;
}

async function step(args: string[]) {
  const want = await p.kubectl([...args, '-n', NS.kubectl]);
  const got = await p.kctl([...args, '-n', NS.kctl]);
  const swap = (s: string, ns: string) => s.replaceAll(ns, '<ns>');
  expect({ code: got.code, out: swap(got.stdout, NS.kctl), err: swap(got.stderr, NS.kctl) }).toEqual({
    code: want.code,
    out: swap(want.stdout, NS.kubectl),
    err: swap(want.stderr, NS.kubectl),
  });
  return want.stdout + want.stderr;
}

async function sameObjects(kinds: string) {
  const a = await p.kubectl(['get', kinds, '-n', NS.kubectl, '-o', 'json']);
  const b = await p.kubectl(['get', kinds, '-n', NS.kctl, '-o', 'json']);
  expect(a.code).toBe(0);
  expect(normalise(JSON.parse(b.stdout), NS.kctl)).toEqual(normalise(JSON.parse(a.stdout), NS.kubectl));
}

const deploy = (replicas: number, extra: string) => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  labels: {app: web${extra.includes('nolabel') ? '' : ', tier: front'}}
spec:
  replicas: ${replicas}
  selector:
    matchLabels: {app: web}
  template:
    metadata:
      labels: {app: web}
    spec:
      containers:
      - name: c
        image: nginx${extra.includes('img2') ? ':1.27' : ''}
${extra.includes('env') ? '        env:\n        - name: A\n          value: "1"\n' : ''}${extra.includes('sidecar') ? '      - name: side\n        image: busybox\n' : ''}`;

beforeAll(async () => {
  p = await startParity();
  for (const ns of Object.values(NS)) await p.kubectl(['create', 'namespace', ns]);
}, 120_000);

afterAll(async () => {
  await p?.stop();
});

describe('apply (client side)', () => {
  it('creates, leaves unchanged, configures with a three-way strategic merge', async () => {
    writeFileSync(file('d.yaml'), deploy(2, ''));
    await step(['apply', '-f', file('d.yaml'), '--dry-run=client']);
    expect(await step(['apply', '-f', file('d.yaml')])).toBe('deployment.apps/web created\n');
    expect(await step(['apply', '-f', file('d.yaml')])).toBe('deployment.apps/web unchanged\n');
    await sameObjects('deployments');
    writeFileSync(file('d.yaml'), deploy(3, 'env sidecar nolabel'));
    await step(['apply', '-f', file('d.yaml'), '--dry-run=server']);
    expect(await step(['apply', '-f', file('d.yaml')])).toBe('deployment.apps/web configured\n');
    await sameObjects('deployments');
    writeFileSync(file('d.yaml'), deploy(3, 'img2'));
    await step(['apply', '-f', file('d.yaml'), '-o', 'name']);
    await step(['apply', '-f', file('d.yaml'), '--dry-run=client']);
    await sameObjects('deployments');
  });

  it("patches objects created without the annotation, with kubectl's warning", async () => {
    writeFileSync(file('cm.yaml'), 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: plain\ndata:\n  a: "1"\n');
    await step(['create', '-f', file('cm.yaml')]);
    writeFileSync(
      file('cm.yaml'),
      'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: plain\ndata:\n  a: "2"\n  b: "3"\n',
    );
    expect(await step(['apply', '-f', file('cm.yaml')])).toContain('Warning: resource configmaps/plain is missing');
    writeFileSync(file('cm.yaml'), 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: plain\ndata:\n  b: "3"\n');
    await step(['apply', '-f', file('cm.yaml')]);
    await sameObjects('configmaps');
  });

  it('applies a multi-document file and reports per-object errors', async () => {
    writeFileSync(
      file('multi.yaml'),
      'apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: s1\n---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: Bad_Name\n---\napiVersion: v1\nkind: Service\nmetadata:\n  name: svc\nspec:\n  ports:\n  - port: 80\n  selector: {app: web}\n',
    );
    expect(await step(['apply', '-f', file('multi.yaml')])).toContain('Bad_Name');
    await step(['apply', '-f', file('multi.yaml')]);
    await sameObjects('serviceaccounts,services');
  });
});
