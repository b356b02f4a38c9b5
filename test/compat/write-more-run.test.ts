/** `run` (the pod generator) and `autoscale` against `kctl serve`: lines, dry-run output and objects, kctl vs kubectl. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NS, normalise, type Scenario, startScenario } from '../apply/compat-scenario.js';
import { runKctlInProcess } from './parity-support.js';

let s: Scenario;

beforeAll(async () => {
  s = await startScenario();
  await s.setup(['create', 'deployment', 'web', '--image=nginx']);
}, 120_000);

afterAll(async () => {
  await s?.p.stop();
});

/** Runs with `-n <ns>` placed before `--` (step appends it at the end otherwise). */
const ns = (args: string[], extra: string[] = []) => {
  const dd = args.indexOf('--');
  const flags = [...extra, '-n', '<ns>'];
  return dd < 0 ? [...args, ...flags] : [...args.slice(0, dd), ...flags, ...args.slice(dd)];
};

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
        if (!c.includes('--')) {
          await s.step(ns(c, ['--dry-run=client', '-o', o]), { namespaced: false });
          return;
        }
        // the harness appends kctl's --cache-dir at the end, i.e. after `--`: call kctl directly
        const args = (n: string) => ns(c, ['--dry-run=client', '-o', o]).map((a) => a.replace('<ns>', n));
        const want = await s.p.kubectl(args(NS.kubectl));
        const env = { HOME: s.p.cluster.dir, KUBECONFIG: s.p.cluster.server.kubeconfigPath };
        const got = await runKctlInProcess(args(NS.kctl), env);
        expect(got.code).toBe(want.code);
        expect(got.stdout.replaceAll(NS.kctl, '<ns>')).toBe(want.stdout.replaceAll(NS.kubectl, '<ns>'));
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
      const want = await s.p.kubectl([...c, '-n', NS.kubectl]);
      const got = await s.p.kctl([...c, '-n', NS.kctl]);
      expect(want.code).not.toBe(0);
      expect({ code: got.code, out: got.stdout, err: got.stderr.replaceAll("'kctl ", "'kubectl ") }).toEqual({
        code: want.code,
        out: want.stdout,
        err: want.stderr,
      });
    });
  }
});

/** Pods of both namespaces equal once the random service-account volume suffix is masked. */
async function samePods() {
  const get = async (n: string) =>
    normalise(
      JSON.parse(
        (await s.p.kubectl(['get', 'pods', '-n', n, '-o', 'json'])).stdout.replace(
          /kube-api-access-\w+/g,
          'kube-api-access-x',
        ),
      ),
      n,
    );
  expect(await get(NS.kctl)).toEqual(await get(NS.kubectl));
}

describe('run on the server', () => {
  it('creates the same pods', async () => {
    expect(await s.step(ns(['run', 'p1', '--image=nginx', '--port=80', '--env=A=1']), { namespaced: false })).toBe(
      'pod/p1 created\n',
    );
    // no `--` here: the harness appends kctl's --cache-dir after the arguments
    await s.step(['run', 'p2', '--image=busybox', '--restart=Never', '--labels=x=y']);
    await s.step(ns(['run', 'p1', '--image=nginx']), { namespaced: false });
    await s.step(ns(['run', 'p3', '--image=nginx', '--dry-run=server', '-o', 'name']), { namespaced: false });
    await samePods();
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
