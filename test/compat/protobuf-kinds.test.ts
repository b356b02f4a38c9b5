/**
 * kubectl's typed clients send protobuf bodies and never retry with JSON (issue #4): each of
 * these commands used to get 415 from `kctl serve`. Every one must succeed, and the stored object
 * read back as JSON must hold what the command sent.
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Cluster, startCluster } from './support/cluster.js';

let c: Cluster;
const NS = 'pb';

async function ok(args: string[]): Promise<string> {
  const r = await c.kubectl([...args, '-n', NS]);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return r.stdout;
}

async function getJson(what: string): Promise<Record<string, any>> {
  return JSON.parse(await ok(['get', what, '-o', 'json']));
}

beforeAll(async () => {
  c = await startCluster();
  const r = await c.kubectl(['create', 'namespace', NS]);
  expect(r.code).toBe(0);
}, 120_000);

afterAll(async () => {
  await c?.stop();
});

describe('kubectl create <kind> sends protobuf', () => {
  it('role and clusterrole', async () => {
    expect(await ok(['create', 'role', 'reader', '--verb=get,list', '--resource=pods,deployments.apps'])).toBe(
      'role.rbac.authorization.k8s.io/reader created\n',
    );
    const role = await getJson('role/reader');
    expect(role.rules).toEqual([
      { apiGroups: [''], resources: ['pods'], verbs: ['get', 'list'] },
      { apiGroups: ['apps'], resources: ['deployments'], verbs: ['get', 'list'] },
    ]);
    await ok(['create', 'clusterrole', 'logs', '--verb=get', '--non-resource-url=/logs/*']);
    expect((await getJson('clusterrole/logs')).rules).toEqual([{ nonResourceURLs: ['/logs/*'], verbs: ['get'] }]);
  });

  it('rolebinding and clusterrolebinding', async () => {
    await ok(['create', 'rolebinding', 'rb', '--role=reader', '--user=alice', '--serviceaccount=pb:robot']);
    const rb = await getJson('rolebinding/rb');
    expect(rb.roleRef).toEqual({ apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name: 'reader' });
    expect(rb.subjects).toEqual([
      { apiGroup: 'rbac.authorization.k8s.io', kind: 'User', name: 'alice' },
      { kind: 'ServiceAccount', name: 'robot', namespace: 'pb' },
    ]);
    await ok(['create', 'clusterrolebinding', 'crb', '--clusterrole=logs', '--group=devs']);
    expect((await getJson('clusterrolebinding/crb')).subjects).toEqual([
      { apiGroup: 'rbac.authorization.k8s.io', kind: 'Group', name: 'devs' },
    ]);
  });

  it('ingress', async () => {
    await ok(['create', 'ingress', 'web', '--class=nginx', '--rule=foo.example.com/api*=svc:8080,tls=cert']);
    const ing = await getJson('ingress/web');
    expect(ing.spec).toEqual({
      ingressClassName: 'nginx',
      rules: [
        {
          host: 'foo.example.com',
          http: {
            paths: [
              { path: '/api', pathType: 'Prefix', backend: { service: { name: 'svc', port: { number: 8080 } } } },
            ],
          },
        },
      ],
      tls: [{ hosts: ['foo.example.com'], secretName: 'cert' }],
    });
  });

  it('quota, poddisruptionbudget and priorityclass', async () => {
    await ok(['create', 'quota', 'q', '--hard=pods=10,requests.cpu=500m', '--scopes=NotBestEffort']);
    expect((await getJson('quota/q')).spec).toEqual({
      hard: { pods: '10', 'requests.cpu': '500m' },
      scopes: ['NotBestEffort'],
    });
    await ok(['create', 'poddisruptionbudget', 'pdb', '--selector=app=web', '--min-available=50%']);
    expect((await getJson('pdb/pdb')).spec).toMatchObject({
      minAvailable: '50%',
      selector: { matchLabels: { app: 'web' } },
    });
    await ok(['create', 'priorityclass', 'high', '--value=1000', '--description=urgent', '--preemption-policy=Never']);
    expect(await getJson('priorityclass/high')).toMatchObject({
      value: 1000,
      description: 'urgent',
      preemptionPolicy: 'Never',
    });
  });

  it('secret tls and secret docker-registry', async () => {
    const cert = join(c.dir, 'tls.crt');
    const key = join(c.dir, 'tls.key');
    execFileSync(
      'openssl',
      ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-subj', '/CN=pb', '-days', '1'].concat([
        '-keyout',
        key,
        '-out',
        cert,
      ]),
      { stdio: 'ignore' },
    );
    await ok(['create', 'secret', 'tls', 'tls', `--cert=${cert}`, `--key=${key}`]);
    const tls = await getJson('secret/tls');
    expect(tls.type).toBe('kubernetes.io/tls');
    expect(Buffer.from(tls.data['tls.crt'], 'base64').toString()).toMatch(/^-----BEGIN CERTIFICATE-----/);
    await ok([
      'create',
      'secret',
      'docker-registry',
      'reg',
      '--docker-server=r.example.com',
      '--docker-username=u',
      '--docker-password=p',
    ]);
    const reg = await getJson('secret/reg');
    expect(reg.type).toBe('kubernetes.io/dockerconfigjson');
    const config = JSON.parse(Buffer.from(reg.data['.dockerconfigjson'], 'base64').toString());
    expect(config.auths['r.example.com']).toMatchObject({ username: 'u', password: 'p' });
  });
});

describe('kubectl autoscale sends an autoscaling/v2 HPA as protobuf', () => {
  it('creates the HPA with resource metrics', async () => {
    await ok(['create', 'deployment', 'web', '--image=nginx']);
    expect(await ok(['autoscale', 'deployment/web', '--min=2', '--max=5', '--cpu=80%', '--memory=1Gi'])).toBe(
      'horizontalpodautoscaler.autoscaling/web autoscaled\n',
    );
    const hpa = await getJson('hpa.v2.autoscaling/web');
    expect(hpa.spec).toMatchObject({
      scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'web' },
      minReplicas: 2,
      maxReplicas: 5,
    });
    expect(hpa.spec.metrics).toEqual(
      expect.arrayContaining([
        { type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 80 } } },
        { type: 'Resource', resource: { name: 'memory', target: { type: 'AverageValue', averageValue: '1Gi' } } },
      ]),
    );
  });
});

describe('kubectl drain sends policy/v1 Evictions and DeleteOptions as protobuf', () => {
  it('evicts one pod and deletes another with --disable-eviction', async () => {
    expect(
      (await c.kubectl(['create', '-f', '-'], { stdin: 'apiVersion: v1\nkind: Node\nmetadata:\n  name: n1\n' })).code,
    ).toBe(0);
    for (const [name, app] of [
      ['p1', 'evict'],
      ['p2', 'delete'],
    ]) {
      const pod = `apiVersion: v1\nkind: Pod\nmetadata:\n  name: ${name}\n  namespace: ${NS}\n  labels: {app: ${app}}\nspec:\n  nodeName: n1\n  containers:\n  - {name: c, image: nginx}\n`;
      expect((await c.kubectl(['create', '-f', '-'], { stdin: pod })).code).toBe(0);
    }
    // --grace-period=0 travels inside the Eviction's DeleteOptions (a pointer to 0 must survive).
    const drain = ['drain', 'n1', '--force', '--timeout=20s', '--grace-period=0'];
    const evict = await c.kubectl([...drain, '--pod-selector=app=evict']);
    expect(evict.stdout).toContain(`pod/p1 evicted`);
    expect(evict.code).toBe(0);
    const del = await c.kubectl([...drain, '--disable-eviction', '--pod-selector=app=delete']);
    expect(del.stdout).toContain('pod/p2 deleted');
    expect(del.code).toBe(0);
    expect((await c.kubectl(['get', 'pods', '-n', NS, '-o', 'name'])).stdout).toBe('');
  });
});

describe('kubectl auth reconcile updates whole RBAC objects as protobuf', () => {
  it('round-trips what it read (managedFields with FieldsV1 and times) plus the new rule', async () => {
    await ok(['create', 'role', 'rec', '--verb=get', '--resource=pods']);
    const role = {
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'Role',
      metadata: { name: 'rec', namespace: NS },
      rules: [{ apiGroups: [''], resources: ['configmaps'], verbs: ['list'] }],
    };
    const r = await c.kubectl(['auth', 'reconcile', '-f', '-'], { stdin: JSON.stringify(role) });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('role.rbac.authorization.k8s.io/rec reconciled\n');
    const got = JSON.parse(await ok(['get', 'role/rec', '-o', 'json', '--show-managed-fields']));
    expect(got.rules).toEqual([
      { apiGroups: [''], resources: ['pods'], verbs: ['get'] },
      { apiGroups: [''], resources: ['configmaps'], verbs: ['list'] },
    ]);
    // The PUT carried the managedFields kubectl had read (FieldsV1 raw JSON, Time): the server took
    // them as the starting point, and the updater now owns the atomic rules list.
    const managers = got.metadata.managedFields as Array<{ manager: string; time: string; fieldsV1: object }>;
    expect(managers.length).toBeGreaterThan(0);
    for (const m of managers) {
      expect(m.time).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
      expect(m.fieldsV1).toHaveProperty('f:rules');
    }
  });
});
