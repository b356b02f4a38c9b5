/**
 * Write scenarios run twice against one `kctl serve`: once with the real kubectl in namespace
 * `kubectl-ns`, once with kctl in `kctl-ns`. Printed lines must be identical (after swapping the
 * namespace name) and the objects left behind equal once server-assigned fields are normalised.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { type Scenario, startScenario } from '../apply/compat-scenario.js';

let s: Scenario;
/** Absolute manifest paths: kubectl runs in the cluster dir, kctl in this process's cwd. */
const m = (rel: string) => join(s.p.cluster.dir, 'm', rel);

beforeAll(async () => {
  s = await startScenario();
  const d = join(s.p.cluster.dir, 'm');
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
  await s?.p.stop();
});

describe('create -f', () => {
  it('creates from a file, a directory with -R, and prints kubectl lines', async () => {
    await s.step(['create', '-f', m('cm.yaml'), '--save-config']);
    await s.step(['create', '-f', m(''), '-R', '--dry-run=server']);
    await s.step(['create', '-f', m('sub')]);
    await s.step(['create', '-f', m('cm.yaml')]);
    await s.sameObjects('configmaps,secrets,deployments');
  });

  it('generators create on the server', async () => {
    await s.step(['create', 'deployment', 'gen', '--image=nginx', '--port=80']);
    await s.step(['create', 'configmap', 'gc', '--from-literal=a=b', '--save-config']);
    await s.step(['create', 'serviceaccount', 'bot']);
    await s.step(['create', 'service', 'clusterip', 'gs', '--tcp=80:8080']);
    await s.step(['create', 'configmap', 'gc', '--from-literal=a=b']);
    await s.step(['create', 'deployment', 'gen', '--image=nginx', '--dry-run=server', '-o', 'name']);
    await s.sameObjects('deployments,configmaps,serviceaccounts,services');
  });
});
