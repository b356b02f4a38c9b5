/**
 * set env|resources|selector|serviceaccount|subject|image: kubectl's lines, warnings, errors and
 * the objects left behind, kctl vs kubectl (each in its own namespace of one `kctl serve`).
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NS, type Scenario, startScenario } from '../apply/compat-scenario.js';

let s: Scenario;
/** Server-assigned values in -o yaml output differ between the two namespaces' objects. */
const VOLATILE = /(creationTimestamp|resourceVersion|uid): .*|\d+\.\d+\.\d+\.\d+/g;
const dir = mkdtempSync(join(tmpdir(), 'kctl-set-'));
const file = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};

const ROLE_BINDING = `apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata: {name: rb}
roleRef: {apiGroup: rbac.authorization.k8s.io, kind: Role, name: r}
subjects:
- {apiGroup: rbac.authorization.k8s.io, kind: User, name: u1}
`;

// Every pod-template kind, written sparsely so the typed round trip (resources: {}, status
// counters, serviceName: "") shows in --local output.
const WORKLOADS = `apiVersion: apps/v1
kind: StatefulSet
metadata: {name: ss}
spec:
  selector: {matchLabels: {a: b}}
  template:
    metadata: {labels: {a: b}}
    spec: {containers: [{name: c, image: i}]}
---
apiVersion: apps/v1
kind: DaemonSet
metadata: {name: ds}
spec:
  selector: {matchLabels: {a: b}}
  template:
    metadata: {labels: {a: b}}
    spec: {containers: [{name: c, image: i}]}
---
apiVersion: apps/v1
kind: ReplicaSet
metadata: {name: rs}
spec:
  selector: {matchLabels: {a: b}}
  template:
    spec:
      initContainers: [{name: init, image: i}]
      containers: [{name: c, image: i}]
---
apiVersion: batch/v1
kind: CronJob
metadata: {name: cj}
spec:
  schedule: "* * * * *"
  jobTemplate:
    spec:
      template:
        spec: {containers: [{name: c, image: i}]}
---
apiVersion: batch/v1
kind: Job
metadata: {name: j}
spec:
  template:
    spec: {containers: [{name: c, image: i}]}
---
apiVersion: v1
kind: Pod
metadata: {name: p}
spec: {containers: [{name: c, image: i}]}
---
apiVersion: v1
kind: ReplicationController
metadata: {name: rc}
spec:
  template:
    spec: {containers: [{name: c, image: i}]}
`;

const SERVICE = `apiVersion: v1
kind: Service
metadata: {name: local-svc}
spec:
  ports: [{port: 80}]
`;

beforeAll(async () => {
  s = await startScenario();
  await s.setup(['create', 'deployment', 'web', '--image=nginx', '--image=redis']);
  await s.setup(['create', 'deployment', 'api', '--image=busybox']);
  await s.setup(['create', 'configmap', 'cm', '--from-literal=db.host=h']);
  await s.setup(['create', 'secret', 'generic', 'sec', '--from-literal=pass=x']);
  await s.setup(['create', 'service', 'clusterip', 's1', '--tcp=80']);
  await s.setup(['create', '-f', file('rb.yaml', ROLE_BINDING)]);
  for (const ns of Object.values(NS)) {
    const crb = `apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata: {name: crb-${ns}}
roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: c}
`;
    const r = await s.p.kubectl(['create', '-f', file(`crb-${ns}.yaml`, crb)]);
    expect(r.stderr).toBe('');
  }
}, 120_000);

afterAll(async () => {
  await s?.p.stop();
});

describe('set env', () => {
  it('sets, skips no-ops, removes, lists and imports like kubectl', async () => {
    expect(await s.step(['set', 'env', 'deploy/web', 'FOO=bar', 'my-var=1'])).toBe('deployment.apps/web env updated\n');
    expect(await s.step(['set', 'env', 'deploy/web', 'FOO=bar'])).toBe('');
    await s.step(['set', 'env', 'deploy/web', '-e', 'X.Y=2', '-c', 'r*']);
    await s.step(['set', 'env', 'deploy/web', '--from=configmap/cm', '--prefix=P_', '-c', 'nginx']);
    await s.step(['set', 'env', 'deploy/web', '--from=secret/sec', '--keys=pass']);
    expect(await s.step(['set', 'env', 'deploy/web', '--list'])).toContain(
      '# P_DB_HOST from configmap cm, key db.host',
    );
    expect(await s.step(['set', 'env', 'deploy/web', '--list', '--resolve'])).toContain('PASS=x');
    await s.step(['set', 'env', 'deploy/web', '--list', '-c', 'redis', 'NEW=1']);
    await s.step(['set', 'env', 'deploy/web', 'my-var-']);
    await s.step(['set', 'env', 'deployments', '--all', 'ALL=1', '-o', 'name']);
    await s.step(['set', 'env', 'deploy/web', 'B=2', '--dry-run=server']);
    await s.step(['set', 'env', 'deploy/web', 'B=3', '--dry-run=client']);
    await s.step(['set', 'env', 'deploy/api', 'B=4', '-o', 'json'], {
      mask: /"(creationTimestamp|resourceVersion|uid)": .*/g,
    });
    await s.sameObjects('deployments');
  });

  it('reports errors and warnings like kubectl', async () => {
    await s.step(['set', 'env', 'deploy/web', '--overwrite=false', 'FOO=baz']);
    await s.step(['set', 'env', 'deploy/web', '-c', 'nope', 'X=1']);
    await s.step(['set', 'env', 'deploy/web', 'X=1', 'deploy/api']);
    await s.step(['set', 'env', 'X=1']);
    await s.step(['set', 'env', 'deploy/web', '1X=1']);
    await s.step(['set', 'env', 'deploy/web', 'A=1', 'A-']);
    await s.step(['set', 'env', 'svc/s1', 'A=1']);
    await s.step(['set', 'env', 'deploy/web', '--from=deploy/api']);
    await s.step(['set', 'env', 'deploy/web', '--from=secret/nope']);
    await s.step(['set', 'env', 'deploy/web', '--keys=a', 'X=1']);
    await s.step(['set', 'env', 'deploy/web', '--list', '-o', 'yaml']);
    await s.step(['set', 'env', 'deploy/web', '--local', 'X=1', '--dry-run=server']);
    await s.step(['set', 'env', 'deploy/web', '--all', '-l', 'a=b', 'X=1']);
    await s.step(['set', 'env', 'deploy/nope', 'X=1']);
    await s.sameObjects('deployments');
  });
});

describe('set resources', () => {
  it('updates limits and requests, skips no-ops, reports errors', async () => {
    expect(await s.step(['set', 'resources', 'deploy/web', '--limits=cpu=200m,memory=512Mi'])).toBe(
      'deployment.apps/web resource requirements updated\n',
    );
    expect(await s.step(['set', 'resources', 'deploy/web', '--limits=cpu=200m,memory=512Mi'])).toBe('');
    await s.step(['set', 'resources', 'deploy/web', '-c', 'redis', '--requests=cpu=0.1,memory=100Mi', '-o', 'yaml'], {
      mask: VOLATILE,
    });
    await s.step(['set', 'resources', 'deploy/web', '--requests=cpu=0.5,memory=1024Mi']);
    await s.step(['set', 'resources', 'deploy/web']);
    await s.step(['set', 'resources', 'deploy/web', '--limits=cpu=x']);
    await s.step(['set', 'resources', 'deploy/web', '--limits=cpu']);
    await s.step(['set', 'resources', 'deploy/web', '-c', 'nope', '--requests=cpu=1']);
    await s.step(['set', 'resources', 'deploy/web', '--local', '--limits=cpu=1']);
    await s.step(['set', 'resources', 'svc/s1', '--limits=cpu=1']);
    await s.step(['set', 'resources', 'deploy', '--all', '--limits=memory=1Gi', '--dry-run=client', '-o', 'name']);
    await s.sameObjects('deployments');
  });
});

describe('set selector', () => {
  it('sets a service selector and reports kubectl errors', async () => {
    expect(await s.step(['set', 'selector', 'svc/s1', 'app=y'])).toBe('service/s1 selector updated\n');
    expect(await s.step(['set', 'selector', 'svc/s1', 'app=y'])).toBe('service/s1 selector updated\n');
    await s.step(['set', 'selector', 'svc', 's1', 'a=b,c=d', '-o', 'yaml'], { mask: VOLATILE });
    await s.step(['set', 'selector', 'svc/s1', 'app in (a)']);
    await s.step(['set', 'selector', 'svc/s1']);
    await s.step(['set', 'selector']);
    await s.step(['set', 'selector', 'deploy/web', 'a=b']);
    await s.step(['set', 'selector', 'svc/s1', 'a=b,c!=d']);
    await s.step(['set', 'selector', 'svc/s1', '==']);
    await s.step(['set', 'selector', 'svc/s1', 'x=1', '--resource-version=1']);
    await s.sameObjects('services');
  });
});

describe('set serviceaccount', () => {
  it('sets the account (always patching, like kubectl) and reports errors', async () => {
    expect(await s.step(['set', 'serviceaccount', 'deploy/web', 'sa1'])).toBe(
      'deployment.apps/web serviceaccount updated\n',
    );
    expect(await s.step(['set', 'sa', 'deploy/web', 'sa1'])).toBe('deployment.apps/web serviceaccount updated\n');
    await s.step(['set', 'sa', 'deploy/api', 'sa2', '--dry-run=client']);
    await s.step(['set', 'sa', 'deploy/api', 'sa2', '--dry-run=server', '-o', 'name']);
    await s.step(['set', 'sa']);
    await s.step(['set', 'sa', 'svc/s1', 'x']);
    await s.sameObjects('deployments');
  });
});

describe('set subject', () => {
  it('adds users, groups and service accounts once', async () => {
    expect(
      await s.step([
        'set',
        'subject',
        'rolebinding',
        'rb',
        '--user=u2',
        '--user=u2',
        '--group=g1',
        '--serviceaccount=:sa1',
        '--serviceaccount=other:sa2',
      ]),
    ).toBe('rolebinding.rbac.authorization.k8s.io/rb subjects updated\n');
    expect(await s.step(['set', 'subject', 'rolebinding', 'rb', '--user=u2'])).toBe('');
    await s.step(['set', 'subject', 'rolebinding', '--all', '--user=z', '-o', 'yaml'], { mask: VOLATILE });
    // --all with a name and a selector: kubectl fails on the name (set passes --all as allowEmptySelector).
    await s.step(['set', 'subject', 'rolebinding', 'rb', '--all', '-l', 'a=b', '--user=z']);
    await s.step(['set', 'subject', 'clusterrolebinding', 'crb-<ns>', '--serviceaccount=ns1:x'], { namespaced: false });
    await s.sameObjects('rolebindings');
  });

  it('validates like kubectl', async () => {
    await s.step(['set', 'subject', 'rolebinding', 'rb']);
    await s.step(['set', 'subject', 'rolebinding', 'rb', '--serviceaccount=x']);
    await s.step(['set', 'subject', 'rolebinding', 'rb', '--serviceaccount=a:']);
    await s.step(['set', 'subject', 'clusterrolebinding', 'crb-<ns>', '--serviceaccount=:x']);
    await s.step(['set', 'subject', 'deploy/web', '--user=x']);
    await s.step(['set', 'subject', 'rolebinding/rb', '--local', '--user=x']);
  });
});

describe('set --local', () => {
  it('prints the changed files without touching the server', async () => {
    const workloads = file('workloads.yaml', WORKLOADS);
    await s.step(['set', 'env', '--local', '-f', workloads, 'A=1', '-o', 'yaml']);
    await s.step(['set', 'resources', '--local', '-f', workloads, '--limits=cpu=1', '-o', 'yaml']);
    await s.step(['set', 'serviceaccount', '--local', '-f', workloads, 'sa', '-o', 'yaml']);
    await s.step(['set', 'image', '--local', '-f', workloads, '*=x', '-o', 'yaml']);
    await s.step(['set', 'env', '--local', '-f', workloads, 'A=1']);
    await s.step(['set', 'selector', '--local', '-f', file('svc.yaml', SERVICE), 'a=b', '-o', 'yaml']);
    await s.step(['set', 'subject', '--local', '-f', file('rb-local.yaml', ROLE_BINDING), '--user=x', '-o', 'yaml']);
    await s.step(['set', 'image', 'deploy/web', '--local', 'nginx=x']);
    await s.sameObjects('deployments,services,rolebindings');
  });
});
