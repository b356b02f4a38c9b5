/** replace and apply view-last-applied: kubectl's lines and resulting objects, kctl vs kubectl. */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Scenario, startScenario } from '../apply/compat-scenario.js';

let s: Scenario;
const file = (n: string) => join(s.p.cluster.dir, n);

beforeAll(async () => {
  s = await startScenario();
}, 120_000);

afterAll(async () => {
  await s?.p.stop();
});

describe('replace', () => {
  it('replaces, dry-runs, forces, and reports missing objects with the file name', async () => {
    writeFileSync(file('r.yaml'), 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: r1\ndata:\n  a: "1"\n');
    expect(await s.step(['replace', '-f', file('r.yaml')])).toContain('error when replacing');
    await s.setup(['create', '-f', file('r.yaml')]);
    writeFileSync(file('r.yaml'), 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: r1\ndata:\n  a: "2"\n');
    expect(await s.step(['replace', '-f', file('r.yaml')])).toBe('configmap/r1 replaced\n');
    await s.step(['replace', '-f', file('r.yaml'), '--dry-run=client']);
    await s.step(['replace', '-f', file('r.yaml'), '--dry-run=server', '-o', 'name']);
    await s.step(['replace', '-f', file('r.yaml'), '--force']);
    await s.step(['replace']);
    await s.sameObjects('configmaps');
  });
});

describe('apply view-last-applied', () => {
  it('prints the annotation as YAML or indented JSON, skipping objects without one', async () => {
    await s.setup(['create', 'configmap', 'typed', '--from-literal=b=<&>', '--from-literal=a=1', '--save-config']);
    writeFileSync(
      file('v.yaml'),
      'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: fromfile\n  labels: {z: "1", a: "2"}\ndata:\n  k: v\n',
    );
    await s.setup(['apply', '-f', file('v.yaml')]);
    await s.step(['apply', 'view-last-applied', 'cm', 'typed']);
    await s.step(['apply', 'view-last-applied', 'cm/typed', '-o', 'json']);
    await s.step(['apply', 'view-last-applied', '-f', file('v.yaml'), '-o', 'json']);
    await s.step(['apply', 'view-last-applied', 'cm/fromfile', 'cm/r1']);
    // The help hint names the program (kubectl vs kctl).
    await s.step(['apply', 'view-last-applied', 'cm/typed', '-o', 'wide'], { mask: /kubectl|kctl/g });
  });
});
