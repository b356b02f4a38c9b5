/**
 * More `create` generators against `kctl serve`: bindings, typed secrets, ingress, token and
 * `create job --from=cronjob/x`. kubectl's generators POST with its typed (protobuf) clients,
 * which serve does not accept, so kubectl's side creates its own `--dry-run=client -o yaml`
 * object with `create -f -` (JSON); kctl creates directly. Lines and objects must match.
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Scenario, startScenario } from '../apply/compat-scenario.js';

let s: Scenario;
let pem = '';

/** kubectl: generator dry run piped to `create -f -`; kctl: the generator itself. */
const viaFile = (args: string[]) => s.step(args, { kubectlViaDryRun: true });

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
    // the ownerReference carries each namespace's own CronJob uid: normalise drops every uid
    expect(await viaFile(['create', 'job', 'manual', '--from=cronjob/nightly'])).toBe('job.batch/manual created\n');
    await s.sameObjects('job/manual');
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
    // cluster-scoped: each tool gets its own name, crb-<ns>
    const args = ['create', 'clusterrolebinding', 'crb-<ns>', '--clusterrole=view', '--group=g'];
    expect(await s.step(args, { namespaced: false, kubectlViaDryRun: true })).toBe(
      'clusterrolebinding.rbac.authorization.k8s.io/crb-<ns> created\n',
    );
    await s.sameObjects('clusterrolebinding/crb-<ns>');
  });
});

describe('create token', () => {
  it('prints the token and the errors kubectl prints', async () => {
    // a JWT (header.payload.signature) differs per request; kubectl ends it with a newline only on a terminal
    const jwt = /^[\w-]+\.[\w-]+\.[\w-]+/;
    expect((await s.compare(['create', 'token', 'default'], { mask: jwt })).stdout).toBe('<masked>');
    await s.step(['create', 'token', 'default', '--duration=-1s']);
    await s.step(['create', 'token', 'default', '--bound-object-name=x']);
  });
});
