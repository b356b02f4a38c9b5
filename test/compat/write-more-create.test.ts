/**
 * More `create` generators against `kctl serve`: bindings, typed secrets, ingress, token and
 * `create job --from=cronjob/x`. kubectl's generators POST with its typed (protobuf) clients,
 * which serve does not accept, so kubectl's side creates its own `--dry-run=client -o yaml`
 * object with `create -f -` (JSON); kctl creates directly. Lines and objects must match.
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NS, type Scenario, startScenario } from '../apply/compat-scenario.js';

let s: Scenario;
let pem = '';

/** kubectl: generator dry run piped to `create -f -`; kctl: the generator itself. */
async function viaFile(args: string[]) {
  const gen = await s.p.kubectl([...args, '--dry-run=client', '-o', 'yaml', '-n', NS.kubectl]);
  expect(gen.stderr).toBe('');
  const want = await s.p.kubectl(['create', '-f', '-', '-n', NS.kubectl], gen.stdout);
  const got = await s.p.kctl([...args, '-n', NS.kctl]);
  expect({ code: got.code, out: got.stdout, err: got.stderr }).toEqual({
    code: want.code,
    out: want.stdout,
    err: want.stderr,
  });
  return got.stdout;
}

beforeAll(async () => {
  s = await startScenario();
  pem = s.p.cluster.dir;
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-keyout',
      'k.pem',
      '-out',
      'c.pem',
      '-days',
      '1',
      '-subj',
      '/CN=kctl',
    ],
    { cwd: pem, stdio: 'ignore' },
  );
  await s.setup(['create', 'cronjob', 'nightly', '--image=busybox', '--schedule=0 3 * * *']);
}, 120_000);

afterAll(async () => {
  await s?.p.stop();
});

describe('create job --from', () => {
  it('reads the CronJob from the server', async () => {
    await s.step(['create', 'job', 'manual', '--from=cronjob/nightly', '--dry-run=client', '-o', 'yaml'], {
      mask: /uid: [0-9a-f-]+/g,
    });
    await s.step(['create', 'job', 'x', '--from=cronjob/nope', '--dry-run=client']);
    await s.step(['create', 'job', 'x', '--from=cronjob/nightly', '--image=busybox']);
    await s.step(['create', 'job', 'x', '--from=cronjob/nightly', '--dry-run=client', '--', 'echo']);
  });

  it('creates the Job kubectl would', async () => {
    // the ownerReference carries each namespace's own CronJob uid: compare without it
    const gen = await s.p.kubectl([
      'create',
      'job',
      'manual',
      '--from=cronjob/nightly',
      '--dry-run=client',
      '-o',
      'yaml',
      '-n',
      NS.kubectl,
    ]);
    const want = await s.p.kubectl(['create', '-f', '-', '-n', NS.kubectl], gen.stdout);
    const got = await s.p.kctl(['create', 'job', 'manual', '--from=cronjob/nightly', '-n', NS.kctl]);
    expect(got.stdout).toBe(want.stdout);
    expect(got.stdout).toBe('job.batch/manual created\n');
    const strip = (ns: string) =>
      s.p.kubectl(['get', 'job', 'manual', '-n', ns, '-o', 'json']).then((r) => {
        const j = JSON.parse(r.stdout) as { metadata: { ownerReferences?: { uid?: string }[] } };
        for (const o of j.metadata.ownerReferences ?? []) delete o.uid;
        return j;
      });
    const { normalise } = await import('../apply/compat-scenario.js');
    expect(normalise(await strip(NS.kctl), NS.kctl)).toEqual(normalise(await strip(NS.kubectl), NS.kubectl));
  });
});

describe('bindings, secrets, ingress on the server', () => {
  it('create the same objects as kubectl', async () => {
    expect(
      await viaFile(['create', 'rolebinding', 'rb', '--clusterrole=view', '--user=u', '--serviceaccount=x:default']),
    ).toBe('rolebinding.rbac.authorization.k8s.io/rb created\n');
    await viaFile(['create', 'secret', 'tls', 'tls', `--cert=${join(pem, 'c.pem')}`, `--key=${join(pem, 'k.pem')}`]);
    await viaFile(['create', 'secret', 'docker-registry', 'reg', '--docker-username=u', '--docker-password=p']);
    await viaFile(['create', 'ingress', 'ing', '--rule=a.com/x*=svc:80,tls=cert', '--class=nginx']);
    await s.sameObjects('rolebindings,secrets,ingresses');
  });

  it('clusterrolebinding', async () => {
    const args = (n: string) => ['create', 'clusterrolebinding', n, '--clusterrole=view', '--group=g'];
    const gen = await s.p.kubectl([...args('crb-a'), '--dry-run=client', '-o', 'yaml']);
    const want = await s.p.kubectl(['create', '-f', '-'], gen.stdout.replace('crb-a', 'crb-b'));
    const got = await s.p.kctl(args('crb-c'));
    expect(got.stdout).toBe(want.stdout.replace('crb-b', 'crb-c'));
    const get = async (n: string) => {
      const j = JSON.parse((await s.p.kubectl(['get', 'clusterrolebinding', n, '-o', 'json'])).stdout) as {
        metadata: Record<string, unknown>;
      };
      for (const k of ['name', 'uid', 'resourceVersion', 'creationTimestamp', 'managedFields']) delete j.metadata[k];
      return j;
    };
    expect(await get('crb-c')).toEqual(await get('crb-b'));
  });
});

describe('create token', () => {
  it('fails like kubectl when the request cannot be served', async () => {
    const want = await s.p.kubectl(['create', 'token', 'default', '-n', NS.kubectl]);
    const got = await s.p.kctl(['create', 'token', 'default', '-n', NS.kctl]);
    expect(got.code).toBe(want.code);
    // kubectl's protobuf body is refused before the route; kctl's JSON reaches it
    expect(got.stderr.startsWith('error: failed to create token: ')).toBe(true);
    await s.step(['create', 'token', 'default', '--duration=-1s']);
    await s.step(['create', 'token', 'default', '--bound-object-name=x']);
  });
});
