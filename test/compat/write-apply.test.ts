/**
 * Client-side apply scenarios, run with the real kubectl in one namespace and kctl in another of
 * the same `kctl serve`: identical lines (created/configured/unchanged, warnings) and equal
 * objects afterwards, last-applied annotation included.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Scenario, startScenario } from '../apply/compat-scenario.js';

let s: Scenario;
const file = (name: string) => join(s.p.cluster.dir, name);

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
  s = await startScenario();
}, 120_000);

afterAll(async () => {
  await s?.p.stop();
});

describe('apply (client side)', () => {
  it('creates, leaves unchanged, configures with a three-way strategic merge', async () => {
    writeFileSync(file('d.yaml'), deploy(2, ''));
    await s.step(['apply', '-f', file('d.yaml'), '--dry-run=client']);
    expect(await s.step(['apply', '-f', file('d.yaml')])).toBe('deployment.apps/web created\n');
    expect(await s.step(['apply', '-f', file('d.yaml')])).toBe('deployment.apps/web unchanged\n');
    await s.sameObjects('deployments');
    writeFileSync(file('d.yaml'), deploy(3, 'env sidecar nolabel'));
    await s.step(['apply', '-f', file('d.yaml'), '--dry-run=server']);
    expect(await s.step(['apply', '-f', file('d.yaml')])).toBe('deployment.apps/web configured\n');
    await s.sameObjects('deployments');
    writeFileSync(file('d.yaml'), deploy(3, 'img2'));
    await s.step(['apply', '-f', file('d.yaml'), '-o', 'name']);
    await s.step(['apply', '-f', file('d.yaml'), '--dry-run=client']);
    await s.sameObjects('deployments');
  });

  it("patches objects created without the annotation, with kubectl's warning", async () => {
    writeFileSync(file('cm.yaml'), 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: plain\ndata:\n  a: "1"\n');
    await s.step(['create', '-f', file('cm.yaml')]);
    writeFileSync(
      file('cm.yaml'),
      'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: plain\ndata:\n  a: "2"\n  b: "3"\n',
    );
    expect(await s.step(['apply', '-f', file('cm.yaml')])).toContain('Warning: resource configmaps/plain is missing');
    writeFileSync(file('cm.yaml'), 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: plain\ndata:\n  b: "3"\n');
    await s.step(['apply', '-f', file('cm.yaml')]);
    await s.sameObjects('configmaps');
  });

  it('applies a multi-document file and reports per-object errors', async () => {
    writeFileSync(
      file('multi.yaml'),
      'apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: s1\n---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: Bad_Name\n---\napiVersion: v1\nkind: Service\nmetadata:\n  name: svc\nspec:\n  ports:\n  - port: 80\n  selector: {app: web}\n',
    );
    expect(await s.step(['apply', '-f', file('multi.yaml')])).toContain('Bad_Name');
    await s.step(['apply', '-f', file('multi.yaml')]);
    await s.sameObjects('serviceaccounts,services');
  });
});
