/** `rollout status` against `kctl serve`: kubectl's messages and errors, kctl vs kubectl. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Scenario, startScenario } from '../apply/compat-scenario.js';

let s: Scenario;

beforeAll(async () => {
  s = await startScenario();
  await s.setup(['create', 'deployment', 'web', '--image=nginx']);
  await s.setup(['create', 'configmap', 'cm']);
}, 120_000);

afterAll(async () => {
  await s?.p.stop();
});

describe('rollout status', () => {
  it('reports progress once (--watch=false) and times out while waiting', async () => {
    // serve runs no pods, so the rollout stays where the controllers leave it: both tools see the same state
    const out = await s.step(['rollout', 'status', 'deploy/web', '--watch=false']);
    expect(out).toMatch(/deployment|Waiting/);
    await s.step(['rollout', 'status', 'deployment', 'web', '--timeout=1s']);
  });

  it('errors like kubectl', async () => {
    await s.step(['rollout', 'status', 'deploy/nope']);
    await s.step(['rollout', 'status', 'configmap/cm']);
    await s.step(['rollout', 'status', 'deploy/web', '--revision=-1']);
  });
});
