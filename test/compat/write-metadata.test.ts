/** label, annotate and delete: kubectl's lines, errors and resulting objects, kctl vs kubectl. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Scenario, startScenario } from '../apply/compat-scenario.js';

let s: Scenario;

beforeAll(async () => {
  s = await startScenario();
  await s.setup(['create', 'configmap', 'a', '--from-literal=x=1']);
  await s.setup(['create', 'configmap', 'b', '--from-literal=x=1']);
  await s.setup(['create', 'deployment', 'web', '--image=nginx']);
}, 120_000);

afterAll(async () => {
  await s?.p.stop();
});

describe('label', () => {
  it('adds, refuses to overwrite, overwrites, removes, lists', async () => {
    expect(await s.step(['label', 'cm', 'a', 'app=web'])).toBe('configmap/a labeled\n');
    expect(await s.step(['label', 'cm', 'a', 'app=db'])).toContain(
      "'app' already has a value (web), and --overwrite is false",
    );
    await s.step(['label', 'cm', 'a', 'app=db', '--overwrite']);
    expect(await s.step(['label', 'cm', 'a', 'app=db', '--overwrite'])).toBe('configmap/a not labeled\n');
    await s.step(['label', 'cm', 'a', 'app-']);
    expect(await s.step(['label', 'cm', 'a', 'app-'])).toContain('label "app" not found.');
    await s.step(['label', 'cm', '--all', 't=1']);
    await s.step(['label', 'cm', 'a', '--list']);
    await s.step(['label', 'cm', 'a', 'x=1', '--dry-run=client']);
    await s.step(['label', 'cm', 'a', 'x=1', '--dry-run=server']);
    await s.step(['label', 'deploy/web', 'tier=front', '-o', 'name']);
    await s.step(['label', 'cm', '-l', 't=1', 'u=2']);
    await s.step(['label', 'cm', 'a']);
    await s.step(['label', 'cm', 'a', 'x=1', 'x-']);
    await s.step(['label', 'cm', 'nope', 'x=1']);
    await s.sameObjects('configmaps,deployments');
  });
});

describe('annotate', () => {
  it('adds, refuses a different value without --overwrite, removes', async () => {
    expect(await s.step(['annotate', 'cm', 'a', 'note=hi'])).toBe('configmap/a annotated\n');
    await s.step(['annotate', 'cm', 'a', 'note=hi']);
    expect(await s.step(['annotate', 'cm', 'a', 'note=ho'])).toContain('--overwrite is false');
    await s.step(['annotate', 'cm', 'a', 'note=ho', 'other=1', '--overwrite', '-o', 'name']);
    await s.step(['annotate', 'cm', 'a', 'note-']);
    await s.step(['annotate', 'cm', 'a', 'note-']);
    await s.step(['annotate', 'cm', 'a']);
    await s.sameObjects('configmaps');
  });
});

describe('delete', () => {
  it('deletes by name, selector, --all, with kubectl lines and errors', async () => {
    await s.setup(['create', 'configmap', 'c1']);
    await s.setup(['create', 'configmap', 'c2']);
    await s.setup(['create', 'configmap', 'c3']);
    expect(await s.step(['delete', 'cm', 'a'])).toBe('configmap "a" deleted from <ns> namespace\n');
    await s.step(['delete', 'cm', 'a']);
    await s.step(['delete', 'cm', 'a', '--ignore-not-found']);
    await s.step(['delete', 'cm', 'b', '--dry-run=client']);
    await s.step(['delete', 'cm', 'b', '--dry-run=server']);
    await s.step(['delete', 'cm', 'b', '--now']);
    await s.step(['delete', 'cm/c1', 'configmap/c2', '--force']);
    await s.step(['delete', 'cm', '-l', 'nope=1']);
    await s.step(['delete', 'cm']);
    await s.step(['delete', 'deploy', 'web', '--cascade=orphan', '-o', 'name']);
    await s.step(['delete', 'cm', 'c3', '--wait=false']);
    await s.step(['delete', 'cm', '--all']);
    await s.sameObjects('configmaps,deployments');
  });
});
