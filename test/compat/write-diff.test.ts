/**
 * diff: the same unified diff as kubectl (temp directory names and file times masked) and the same
 * exit codes: 0 no differences, 1 differences; secrets masked.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Scenario, startScenario } from '../apply/compat-scenario.js';

let s: Scenario;
const file = (n: string) => join(s.p.cluster.dir, n);
/** Temp dir numbers, file times and the server-assigned uid/creationTimestamp/resourceVersion lines differ per run. */
const MASK =
  /(LIVE|MERGED)-\d+|\t\d{4}-\d\d-\d\d \d\d:\d\d:\d\d(\.\d+)? [+-]\d{4}|creationTimestamp: "[^"]+"|uid: [0-9a-f-]+|resourceVersion: "\d+"/g;

beforeAll(async () => {
  s = await startScenario();
}, 120_000);

afterAll(async () => {
  await s?.p.stop();
});

describe('diff', () => {
  it('shows creations, changes and no changes with kubectl exit codes', async () => {
    writeFileSync(
      file('d.yaml'),
      'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  replicas: 2\n  selector:\n    matchLabels: {app: web}\n  template:\n    metadata:\n      labels: {app: web}\n    spec:\n      containers:\n      - name: c\n        image: nginx\n---\napiVersion: v1\nkind: Secret\nmetadata:\n  name: s\nstringData:\n  p: q\n',
    );
    const created = await s.step(['diff', '-f', file('d.yaml')], { mask: MASK });
    expect(created).toContain('+  replicas: 2');
    await s.setup(['apply', '-f', file('d.yaml')]);
    expect(await s.step(['diff', '-f', file('d.yaml')], { mask: MASK })).toBe('');
    writeFileSync(
      file('d.yaml'),
      'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  replicas: 3\n  selector:\n    matchLabels: {app: web}\n  template:\n    metadata:\n      labels: {app: web}\n    spec:\n      containers:\n      - name: c\n        image: nginx:1.27\n---\napiVersion: v1\nkind: Secret\nmetadata:\n  name: s\nstringData:\n  p: r\n',
    );
    expect(await s.step(['diff', '-f', file('d.yaml')], { mask: MASK })).toContain('-  replicas: 2');
  });
});
