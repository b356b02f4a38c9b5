/** patch and scale: kubectl's lines, errors and resulting objects, kctl vs kubectl. */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Scenario, startScenario } from '../apply/compat-scenario.js';

let s: Scenario;

beforeAll(async () => {
  s = await startScenario();
  await s.setup(['create', 'deployment', 'web', '--image=nginx']);
  await s.setup(['create', 'deployment', 'api', '--image=nginx']);
}, 120_000);

afterAll(async () => {
  await s?.p.stop();
});

describe('patch', () => {
  it('strategic, merge and json patches, no-change detection, errors', async () => {
    expect(await s.step(['patch', 'deploy', 'web', '-p', '{"spec":{"replicas":2}}'])).toBe(
      'deployment.apps/web patched\n',
    );
    expect(await s.step(['patch', 'deploy', 'web', '-p', '{"spec":{"replicas":2}}'])).toBe(
      'deployment.apps/web patched (no change)\n',
    );
    await s.step(['patch', 'deploy', 'web', '--type=merge', '-p', 'metadata: {labels: {a: b}}', '-o', 'name']);
    await s.step(['patch', 'deploy/web', '--type=json', '-p', '[{"op":"replace","path":"/spec/replicas","value":3}]']);
    // A failed json-patch `test`: 422 with empty details, printed with the server's message.
    await s.step(['patch', 'deploy/web', '--type=json', '-p', '[{"op":"test","path":"/spec/replicas","value":99}]']);
    await s.step(['patch', 'deploy', 'web', '-p', 'not json']);
    await s.step(['patch', 'deploy', 'web']);
    await s.step(['patch', 'deploy', 'web', '--type=foo', '-p', '{}']);
    await s.step(['patch', 'deploy', 'web', '-p', '{"spec":{"replicas":4}}', '--dry-run=client']);
    await s.step(['patch', 'deploy', 'web', '-p', '{"spec":{"replicas":3}}', '--dry-run=client']);
    await s.step(['patch', 'deploy', 'web', '-p', '{"spec":{"replicas":4}}', '--dry-run=server']);
    await s.step(['patch', 'deploy', 'nope', '-p', '{}']);
    await s.step(['patch', 'deploy', 'web', '--subresource=scale', '-p', '{"spec":{"replicas":5}}']);
    const f = join(s.p.cluster.dir, 'patch.yaml');
    writeFileSync(
      f,
      'spec:\n  template:\n    spec:\n      containers:\n      - name: nginx\n        image: nginx:1.27\n',
    );
    await s.step(['patch', 'deploy', 'web', '--patch-file', f]);
    await s.sameObjects('deployments');
  });
});

describe('scale', () => {
  it('scales with and without preconditions', async () => {
    expect(await s.step(['scale', 'deploy', 'api', '--replicas=1'])).toBe('deployment.apps/api scaled\n');
    await s.step(['scale', 'deploy', 'api', '--replicas=2', '--current-replicas=5']);
    await s.step(['scale', 'deploy', 'api', '--replicas=2', '--current-replicas=1']);
    await s.step(['scale', 'deploy/api', 'deploy/nope', '--replicas=3', '-o', 'name']);
    await s.step(['scale', 'deploy', 'api', '--replicas=4', '--dry-run=server']);
    await s.step(['scale', 'deploy', 'api', '--replicas=4', '--dry-run=client']);
    await s.step(['scale', 'deploy', 'api']);
    expect(
      await s.step(['scale', 'deploy', 'api', '--replicas=2', '--resource-version=1'], { mask: /was \d+/g }),
    ).toContain('error: Expected resource version to be 1, was');
    await s.sameObjects('deployments');
  });
});
