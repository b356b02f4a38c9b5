/** `expose` against `kctl serve`: dry-run output, lines, errors and services, kctl vs kubectl. */
import { afterAll, beforeAll, describe, it } from 'vitest';
import { type Scenario, startScenario } from '../apply/compat-scenario.js';

let s: Scenario;

beforeAll(async () => {
  s = await startScenario();
  await s.setup(['create', 'deployment', 'web', '--image=nginx', '--port=80']);
  await s.setup(['create', 'deployment', 'noport', '--image=nginx']);
  await s.setup(['run', 'pod1', '--image=nginx', '--port=8080', '--labels=app=p,tier=x']);
  await s.setup(['create', 'service', 'clusterip', 'svc1', '--tcp=80:8080', '--tcp=443']);
}, 120_000);

afterAll(async () => {
  await s?.p.stop();
});

describe('expose --dry-run=client', () => {
  const cases: string[][] = [
    ['expose', 'deployment', 'web'],
    ['expose', 'deploy/web', '--port=8080', '--target-port=http', '--type=NodePort', '--name=w2'],
    ['expose', 'deploy/web', '--protocol=UDP', '--selector=a=b', '--labels=x=y'],
    ['expose', 'pod/pod1'],
    ['expose', 'pod', 'pod1', '--port=90', '--type=LoadBalancer', '--session-affinity=ClientIP'],
    ['expose', 'service/svc1', '--name=svc2'],
    ['expose', 'deploy/noport'],
    ['expose', 'deploy/nope', '--port=1'],
  ];
  for (const c of cases) {
    for (const o of ['yaml', 'json']) {
      it(`${c.join(' ')} -o ${o}`, async () => {
        await s.step([...c, '--dry-run=client', '-o', o]);
      });
    }
  }
});

describe('expose on the server', () => {
  it('creates the same services', async () => {
    await s.step(['expose', 'deploy/web']);
    await s.step(['expose', 'pod/pod1', '--name=p', '--port=81', '--target-port=8080']);
    await s.step(['expose', 'deploy/web']);
    await s.step(['expose', 'deploy/web', '--name=dry', '--dry-run=server', '-o', 'name']);
    await s.sameObjects('services');
  });
});
