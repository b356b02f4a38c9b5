/**
 * `apply --prune` scenarios, run with the real kubectl in one namespace and kctl in another of
 * the same `kctl serve`: identical lines (`pruned`, dry-run suffixes, -o name), kubectl's flag
 * errors, and equal objects left behind. Only objects carrying the last-applied annotation and
 * matching -l are candidates, so objects made with `create` survive every prune.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Scenario, startScenario } from '../apply/compat-scenario.js';

let s: Scenario;
const file = (name: string) => join(s.p.cluster.dir, name);
// klog's header carries the time and the process id.
const KLOG = /^W\d{4} \d\d:\d\d:\d\d\.\d{6} +\d+ prune\.go:71\] /gm;

const cm = (name: string, labels = '{app: x}') =>
  `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: ${name}, labels: ${labels}}\ndata: {k: v}\n`;
const deploy = `apiVersion: apps/v1
kind: Deployment
metadata: {name: web, labels: {app: x}}
spec:
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec: {containers: [{name: c, image: nginx}]}
`;

beforeAll(async () => {
  s = await startScenario();
  writeFileSync(file('all.yaml'), [cm('a'), cm('b'), cm('other', '{app: "y"}'), deploy].join('---\n'));
  writeFileSync(file('one.yaml'), cm('a'));
  writeFileSync(file('plain.yaml'), cm('made-by-create'));
  await s.setup(['apply', '-f', file('all.yaml')]);
  await s.setup(['create', '-f', file('plain.yaml')]);
}, 120_000);

afterAll(async () => {
  await s?.p.stop();
});

describe('apply --prune', () => {
  it("refuses kubectl's flag combinations with its texts", async () => {
    const f = file('one.yaml');
    await s.step(['apply', '--prune', '-f', f]);
    await s.step(['apply', '--prune', '--all', '-l', 'app=x', '-f', f]);
    await s.step(['apply', '--prune', '--all', '-f', f, '--server-side']);
    await s.step(['apply', '--prune', '--all', '-f', f, '--force']);
    await s.step(['apply', '--prune', '--all', '-f', f, '--prune-allowlist=foo']);
    await s.step(['apply', '--prune', '-f', f, '--prune-allowlist=core/v1']);
    await s.step(['apply', '--prune', '--all', '-f', f, '--prune-allowlist=core/v1/Foo']);
    await s.step(['apply', '--prune', '--all', '-f', f, '--prune-allowlist=apps/v2/Deployment']);
    await s.sameObjects('configmaps,deployments');
  });

  it('prints what would be pruned with client and server dry runs, and -o name', async () => {
    const f = file('one.yaml');
    const out = await s.step(['apply', '--prune', '-l', 'app=x', '-f', f, '--dry-run=client'], { mask: KLOG });
    expect(out).toContain('configmap/b pruned (dry run)');
    expect(out).toContain('deployment.apps/web pruned (dry run)');
    expect(out).not.toContain('made-by-create');
    await s.step(['apply', '--prune', '-l', 'app=x', '-f', f, '--dry-run=server'], { mask: KLOG });
    await s.step(['apply', '--prune', '-l', 'app=x', '-f', f, '--dry-run=server', '-o', 'name'], { mask: KLOG });
    await s.sameObjects('configmaps,deployments');
  });

  it('deletes only allowlisted kinds, then everything else unlisted with --all', async () => {
    const f = file('one.yaml');
    expect(await s.step(['apply', '--prune', '-l', 'app=x', '-f', f, '--prune-allowlist=core/v1/ConfigMap'])).toBe(
      'configmap/a unchanged\nconfigmap/b pruned\n',
    );
    await s.sameObjects('configmaps,deployments');
    const out = await s.step(['apply', '--prune', '--all', '-f', f, '--prune-allowlist=apps/v1/deployment']);
    expect(out).toBe('configmap/a unchanged\ndeployment.apps/web pruned\n');
    await s.sameObjects('configmaps,deployments');
    // --all with the default list: `other` goes, the object made by `create` stays.
    writeFileSync(file('one.yaml'), cm('a', '{app: "z"}'));
    expect(await s.step(['apply', '--prune', '--all', '-f', f], { mask: KLOG })).toContain('configmap/other pruned');
    await s.sameObjects('configmaps,deployments');
  });
});
