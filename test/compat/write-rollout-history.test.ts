/**
 * `rollout history` and `rollout undo`, kctl vs kubectl. The server runs no workload
 * controllers, so each namespace gets what they would have left: ReplicaSets controlled by the
 * deployment (revision annotations, pod-template-hash labels) and ControllerRevisions controlled
 * by the daemon and stateful sets (data = the `$patch: replace` template patch).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NS, type Scenario, startScenario } from '../apply/compat-scenario.js';

let s: Scenario;

/** Server-assigned fields differ between the two namespaces. */
const VOLATILE = /^(\s*"?(?:uid|resourceVersion|creationTimestamp)"?: ).*$/gm;

type Obj = Record<string, unknown>;

/** Go's map encoding: keys sorted at every level, compact. */
function sortedJson(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(sortedJson).join(',')}]`;
  if (v && typeof v === 'object') {
    const o = v as Obj;
    return `{${Object.keys(o)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${sortedJson(o[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(v);
}

async function getJson(ns: string, what: string): Promise<Obj> {
  const r = await s.p.kubectl(['get', what, '-n', ns, '-o', 'json']);
  expect(r.stderr).toBe('');
  return JSON.parse(r.stdout) as Obj;
}

const owner = (kind: string, name: string, uid: string) => ({
  apiVersion: 'apps/v1',
  kind,
  name,
  uid,
  controller: true,
  blockOwnerDeletion: true,
});

const container = (name: string, image: string) => ({ name, image });

/** What the deployment controller leaves: one ReplicaSet per revision. */
function replicaSet(uid: string, name: string, hash: string, revision: string, image: string, cause?: string): Obj {
  const labels = { app: 'web', 'pod-template-hash': hash };
  return {
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: {
      name,
      labels,
      annotations: {
        'deployment.kubernetes.io/revision': revision,
        ...(cause ? { 'kubernetes.io/change-cause': cause } : {}),
      },
      ownerReferences: [owner('Deployment', 'web', uid)],
    },
    spec: {
      replicas: 0,
      selector: { matchLabels: labels },
      template: { metadata: { labels }, spec: { containers: [container('nginx', image)] } },
    },
  };
}

/** A ControllerRevision whose data is the live template with `image` swapped in. */
function controllerRevision(workload: Obj, name: string, revision: number, image: string, cause?: string): Obj {
  const meta = workload.metadata as { name: string; uid: string };
  const template = structuredClone((workload.spec as { template: Obj }).template) as {
    spec: { containers: Obj[] };
  };
  template.spec.containers[0]!.image = image;
  const data = JSON.parse(sortedJson({ spec: { template: { ...template, $patch: 'replace' } } })) as Obj;
  return {
    apiVersion: 'apps/v1',
    kind: 'ControllerRevision',
    metadata: {
      name,
      labels: { app: meta.name, 'controller-revision-hash': String(revision) },
      ...(cause ? { annotations: { 'kubernetes.io/change-cause': cause } } : {}),
      ownerReferences: [owner(workload.kind as string, meta.name, meta.uid)],
    },
    revision,
    data,
  };
}

const workloads = `
apiVersion: apps/v1
kind: DaemonSet
metadata: {name: agent, labels: {app: agent}}
spec:
  selector: {matchLabels: {app: agent}}
  template:
    metadata: {labels: {app: agent}}
    spec:
      containers: [{name: agent, image: "busybox:1.36"}]
---
apiVersion: apps/v1
kind: StatefulSet
metadata: {name: db, labels: {app: db}}
spec:
  serviceName: db
  selector: {matchLabels: {app: db}}
  template:
    metadata: {labels: {app: db}}
    spec:
      containers: [{name: db, image: "postgres:17"}]
`;

async function seed(ns: string): Promise<void> {
  const deploy = await getJson(ns, 'deployment/web');
  const uid = (deploy.metadata as { uid: string }).uid;
  const ds = await getJson(ns, 'daemonset/agent');
  const sts = await getJson(ns, 'statefulset/db');
  const items = [
    replicaSet(uid, 'web-6d4cf56db6', '6d4cf56db6', '1', 'nginx:1.24', 'kubectl set image deploy/web nginx=nginx:1.24'),
    replicaSet(uid, 'web-7c5ddbdf54', '7c5ddbdf54', '2', 'nginx:1.25'),
    // Same labels but another owner: not part of web's history.
    replicaSet('00000000-0000-0000-0000-000000000000', 'web-stray', 'stray', '9', 'nginx:9'),
    controllerRevision(ds, 'agent-1', 1, 'busybox:1.35', 'first'),
    controllerRevision(ds, 'agent-2', 2, 'busybox:1.36'),
    controllerRevision(sts, 'db-1', 1, 'postgres:16'),
    controllerRevision(sts, 'db-2', 2, 'postgres:17'),
  ];
  const r = await s.p.kubectl(
    ['create', '-n', ns, '-f', '-'],
    JSON.stringify({ apiVersion: 'v1', kind: 'List', items }),
  );
  expect(r.stderr).toBe('');
}

beforeAll(async () => {
  s = await startScenario();
  await s.setup(['create', 'deployment', 'web', '--image=nginx:1.25']);
  await s.setup(['create', 'configmap', 'cm']);
  for (const ns of Object.values(NS)) {
    const r = await s.p.kubectl(['apply', '-n', ns, '-f', '-'], workloads);
    expect(r.stderr).toBe('');
  }
  for (const ns of Object.values(NS)) await seed(ns);
}, 120_000);

afterAll(async () => {
  await s?.p.stop();
});

describe('rollout history', () => {
  it('lists deployment revisions with change causes and shows one revision', async () => {
    expect(await s.step(['rollout', 'history', 'deploy/web'])).toBe(
      'deployment.apps/web \nREVISION  CHANGE-CAUSE\n1         kubectl set image deploy/web nginx=nginx:1.24\n2         <none>\n\n',
    );
    const one = await s.step(['rollout', 'history', 'deployment/web', '--revision=1']);
    expect(one).toContain('deployment.apps/web with revision #1\nPod Template:\n');
    expect(one).toContain('Image:\tnginx:1.24\n');
    await s.step(['rollout', 'history', 'deployment']);
  });

  it('daemon set and stateful set revisions come from ControllerRevisions', async () => {
    await s.step(['rollout', 'history', 'ds/agent']);
    expect(await s.step(['rollout', 'history', 'ds/agent', '--revision=1'])).toContain('Image:\tbusybox:1.35\n');
    await s.step(['rollout', 'history', 'statefulset/db']);
    await s.step(['rollout', 'history', 'sts/db', '--revision=1']);
  });

  it('prints the recorded objects with -o', async () => {
    const mask = VOLATILE;
    await s.step(['rollout', 'history', 'deploy/web', '-o', 'name']);
    await s.step(['rollout', 'history', 'deploy/web', '-o', 'yaml'], { mask });
    await s.step(['rollout', 'history', 'deploy/web', '-o', 'json', '--revision=1'], { mask });
    await s.step(['rollout', 'history', 'ds/agent', '-o', 'json', '--revision=1'], { mask });
    await s.step(['rollout', 'history', 'sts/db', '-o', 'yaml'], { mask });
    await s.step(['rollout', 'history', 'ds/agent', '-o', 'jsonpath={.spec.template.spec.containers[0].image}']);
  });

  it('errors like kubectl', async () => {
    await s.step(['rollout', 'history', 'deploy/web', '--revision=5']);
    await s.step(['rollout', 'history', 'deploy/web', '--revision=-1']);
    await s.step(['rollout', 'history', 'rs/web-stray']);
    await s.step(['rollout', 'history', 'configmap/cm']);
    await s.step(['rollout', 'history', 'deploy/web', 'cm/cm', 'deploy/nope']);
  });
});

describe('rollout undo', () => {
  it('deployment: dry runs, skips, errors, pause, then the rollback itself', async () => {
    expect(await s.step(['rollout', 'undo', 'deploy/web', '--dry-run=client'])).toContain(
      'deployment.apps/web Pod Template:\n',
    );
    expect(await s.step(['rollout', 'undo', 'deploy/web', '--dry-run=server'])).toBe(
      'deployment.apps/web rolled back (server dry run)\n',
    );
    await s.sameObjects('deployments');
    expect(await s.step(['rollout', 'undo', 'deploy/web', '--to-revision=2'])).toBe(
      'deployment.apps/web skipped rollback (current template already matches revision 2)\n',
    );
    await s.step(['rollout', 'undo', 'deploy/web', '--to-revision=7']);
    await s.step(['rollout', 'undo', 'deploy/web', '--dry-run=maybe']);
    await s.setup(['rollout', 'pause', 'deploy/web']);
    await s.step(['rollout', 'undo', 'deploy/web']);
    await s.setup(['rollout', 'resume', 'deploy/web']);
    expect(await s.step(['rollout', 'undo', 'deploy/web'])).toBe('deployment.apps/web rolled back\n');
    await s.sameObjects('deployments');
    await s.step(['rollout', 'undo', 'deploy/web']);
    await s.step(['rollout', 'undo', 'deploy/web', '--to-revision=2', '-o', 'yaml'], { mask: VOLATILE });
    await s.sameObjects('deployments');
  });

  it('daemon set and stateful set: data patch, skip when the template matches', async () => {
    expect(await s.step(['rollout', 'undo', 'ds/agent', '--to-revision=2'])).toBe(
      'daemonset.apps/agent skipped rollback (current template already matches revision 2)\n',
    );
    expect(await s.step(['rollout', 'undo', 'ds/agent', '--dry-run=client'])).toContain(
      'daemonset.apps/agent will roll back to Pod Template:\n',
    );
    await s.step(['rollout', 'undo', 'ds/agent', '--dry-run=server']);
    await s.step(['rollout', 'undo', 'ds/agent']);
    await s.sameObjects('daemonsets');
    await s.step(['rollout', 'undo', 'ds/agent', '--to-revision=1']);
    await s.step(['rollout', 'undo', 'sts/db', '-o', 'name']);
    await s.step(['rollout', 'undo', 'sts/db', '--to-revision=3']);
    await s.sameObjects('statefulsets');
  });

  it('kinds without a rollbacker', async () => {
    await s.step(['rollout', 'undo', 'rs/web-stray']);
    await s.step(['rollout', 'undo', 'cm/cm']);
    await s.step(['rollout', 'undo']);
  });
});
