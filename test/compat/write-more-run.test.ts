/** `run` (the pod generator) and `autoscale` against `kctl serve`: lines, dry-run output and objects, kctl vs kubectl. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { beforeDashDash, NS, type Scenario, startScenario } from '../apply/compat-scenario.js';

let s: Scenario;

beforeAll(async () => {
  s = await startScenario();
  await s.setup(['create', 'deployment', 'web', '--image=nginx']);
}, 120_000);

afterAll(async () => {
  await s?.p.stop();
});

describe('run --dry-run=client', () => {
  const cases: string[][] = [
    ['run', 'web', '--image=nginx'],
    ['run', 'web', '--image=nginx', '--port=80', '--labels=a=b,c=d', '--env=X=1', '--env=Y=a=b', '--restart=Never'],
    ['run', 'web', '--image=busybox', '--command', '--', 'sh', '-c', 'echo hi'],
    [
      'run',
      'web',
      '--image=busybox',
      '--restart=OnFailure',
      '--annotations=k=v',
      '--image-pull-policy=IfNotPresent',
      '--',
      'a',
      'b',
    ],
    ['run', 'web'],
  ];
  for (const c of cases) {
    for (const o of ['yaml', 'json']) {
      it(`${c.join(' ')} -o ${o}`, async () => {
        // flags go before `--`: what follows it is the container's command
        await s.step(beforeDashDash(c, ['--dry-run=client', '-o', o]), { beforeDashDash: true });
      });
    }
  }
});

describe('run errors', () => {
  // kubectl's "See 'kubectl run -h'" hint names kctl in kctl
  for (const c of [
    ['run', 'web', '--image=busybox', '-i', '-t', '--dry-run=client'],
    ['run', 'web', '--image=busybox', '--restart=Sometimes', '--dry-run=client'],
  ]) {
    it(c.join(' '), async () => {
      const want = await s.compare(c, { mask: /'(kubectl|kctl) /g });
      expect(want.code).not.toBe(0);
    });
  }
});

describe('run on the server', () => {
  it('creates the same pods', async () => {
    expect(await s.step(['run', 'p1', '--image=nginx', '--port=80', '--env=A=1'])).toBe('pod/p1 created\n');
    await s.step(['run', 'p2', '--image=busybox', '--restart=Never', '--labels=x=y']);
    await s.step(['run', 'p1', '--image=nginx']);
    await s.step(['run', 'p3', '--image=nginx', '--dry-run=server', '-o', 'name']);
    // the service account volume's name ends in a random suffix
    await s.sameObjects('pods', { mask: /kube-api-access-\w+/g });
  });
});

describe('autoscale', () => {
  // kubectl POSTs HPAs with its protobuf client, which serve refuses: only client dry runs compare
  const cases: string[][] = [
    ['autoscale', 'deployment', 'web', '--max=5'],
    ['autoscale', 'deploy/web', '--min=2', '--max=5', '--cpu=80%', '--memory=200Mi', '--name=h'],
    ['autoscale', 'deploy/web', '--max=3', '--cpu-percent=70', '--min=0'],
    ['autoscale', 'deploy/web', '--max=3', '--cpu=500m', '--memory=60%'],
    ['autoscale', 'deploy/web', '--max=3', '--cpu=5'],
    ['autoscale', 'deploy/web', '--max=0'],
    ['autoscale', 'deploy/web', '--max=1', '--min=2'],
    ['autoscale', 'deploy/nope', '--max=2'],
  ];
  for (const c of cases) {
    for (const o of ['yaml', 'json', 'name']) {
      it(`${c.join(' ')} -o ${o}`, async () => {
        await s.step([...c, '--dry-run=client', '-o', o]);
      });
    }
  }
  it('creates an HPA on the server', async () => {
    const got = await s.p.kctl(['autoscale', 'deploy/web', '--max=4', '--cpu=50%', '-n', NS.kctl]);
    expect(got.stdout).toBe('horizontalpodautoscaler.autoscaling/web autoscaled\n');
    const gen = await s.p.kubectl([
      'autoscale',
      'deploy/web',
      '--max=4',
      '--cpu=50%',
      '--dry-run=client',
      '-o',
      'json',
      '-n',
      NS.kubectl,
    ]);
    const hpa = await s.p.kubectl(['get', 'hpa', 'web', '-n', NS.kctl, '-o', 'json']);
    // the server defaults minReplicas to 1
    const want = { minReplicas: 1, ...(JSON.parse(gen.stdout) as { spec: object }).spec };
    expect((JSON.parse(hpa.stdout) as { spec: unknown }).spec).toEqual(want);
  });
});
