/** set image and rollout restart|pause|resume: kubectl's lines, errors and objects, kctl vs kubectl. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Scenario, startScenario } from '../apply/compat-scenario.js';

let s: Scenario;

beforeAll(async () => {
  s = await startScenario();
  await s.setup(['create', 'deployment', 'web', '--image=nginx', '--image=redis']);
}, 120_000);

afterAll(async () => {
  await s?.p.stop();
});

describe('set image', () => {
  it('updates by name and *, skips no-ops, reports unknown containers', async () => {
    expect(await s.step(['set', 'image', 'deploy/web', 'nginx=nginx:1.25'])).toBe(
      'deployment.apps/web image updated\n',
    );
    expect(await s.step(['set', 'image', 'deploy/web', 'nginx=nginx:1.25'])).toBe('');
    await s.step(['set', 'image', 'deploy/web', 'nope=x']);
    await s.step(['set', 'image', 'deployment', 'web', '*=busybox:1', '-o', 'name']);
    await s.step(['set', 'image', 'deploy/web', 'redis=redis:7', '--dry-run=server']);
    await s.sameObjects('deployments');
  });
});

describe('rollout', () => {
  it('restart, pause, resume with kubectl texts', async () => {
    expect(await s.step(['rollout', 'restart', 'deploy/web'])).toBe('deployment.apps/web restarted\n');
    await s.step(['rollout', 'pause', 'deploy/web']);
    await s.step(['rollout', 'pause', 'deploy/web']);
    await s.step(['rollout', 'restart', 'deploy/web']);
    await s.step(['rollout', 'resume', 'deploy/web']);
    await s.step(['rollout', 'resume', 'deploy/web']);
    await s.sameObjects('deployments');
  });
});

describe('wait', () => {
  it('jsonpath, condition timeout, delete and create, bad --for', async () => {
    expect(await s.step(['wait', 'deploy/web', '--for=jsonpath={.spec.replicas}=1', '--timeout=3s'])).toBe(
      'deployment.apps/web condition met\n',
    );
    await s.step(['wait', 'deploy/web', '--for=jsonpath={.spec.replicas}=7', '--timeout=1s']);
    await s.step(['wait', 'deploy/web', '--for=condition=Nope', '--timeout=1s']);
    await s.step(['wait', 'deploy/gone', '--for=delete', '--timeout=1s']);
    await s.step(['wait', 'deploy/web', '--for=create', '--timeout=1s']);
    await s.step(['wait', 'deploy/web', '--timeout=1s']);
  });
});
