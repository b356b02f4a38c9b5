import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { builtinCatalog } from '../../../src/server/apis/catalog.js';
import { humanDuration } from '../../../src/server/apis/table-columns.js';
import type { KubeObject } from '../../../src/server/apis/types.js';

const catalog = builtinCatalog();
const now = new Date('2026-03-01T12:00:00Z');
const ago = (seconds: number) => new Date(now.getTime() - seconds * 1000).toISOString().replace(/\.\d+Z$/, 'Z');

function table(group: string, resource: string) {
  const t = catalog.byResource(group, 'v1', resource)?.table;
  if (!t) throw new Error(`no table for ${resource}`);
  return t;
}
const headers = (group: string, resource: string, wide: boolean) =>
  table(group, resource)
    .columns.filter((c) => wide || c.priority === 0)
    .map((c) => c.name.toUpperCase());
const row = (group: string, resource: string, obj: KubeObject) => table(group, resource).cells(obj, now);

describe('column headers (kubectl get / -o wide)', () => {
  it.each([
    ['', 'pods', 'NAME READY STATUS RESTARTS AGE', 'IP NODE NOMINATED NODE READINESS GATES'],
    ['apps', 'deployments', 'NAME READY UP-TO-DATE AVAILABLE AGE', 'CONTAINERS IMAGES SELECTOR'],
    ['', 'services', 'NAME TYPE CLUSTER-IP EXTERNAL-IP PORT(S) AGE', 'SELECTOR'],
    ['apps', 'replicasets', 'NAME DESIRED CURRENT READY AGE', 'CONTAINERS IMAGES SELECTOR'],
    ['apps', 'statefulsets', 'NAME READY AGE', 'CONTAINERS IMAGES'],
    [
      'apps',
      'daemonsets',
      'NAME DESIRED CURRENT READY UP-TO-DATE AVAILABLE NODE SELECTOR AGE',
      'CONTAINERS IMAGES SELECTOR',
    ],
    ['batch', 'jobs', 'NAME STATUS COMPLETIONS DURATION AGE', 'CONTAINERS IMAGES SELECTOR'],
    ['batch', 'cronjobs', 'NAME SCHEDULE TIMEZONE SUSPEND ACTIVE LAST SCHEDULE AGE', 'CONTAINERS IMAGES SELECTOR'],
    ['', 'nodes', 'NAME STATUS ROLES AGE VERSION', 'INTERNAL-IP EXTERNAL-IP OS-IMAGE KERNEL-VERSION CONTAINER-RUNTIME'],
    ['', 'namespaces', 'NAME STATUS AGE', ''],
    ['', 'configmaps', 'NAME DATA AGE', ''],
    ['', 'secrets', 'NAME TYPE DATA AGE', ''],
    ['', 'serviceaccounts', 'NAME SECRETS AGE', ''],
    ['', 'endpoints', 'NAME ENDPOINTS AGE', ''],
    ['', 'events', 'LAST SEEN TYPE REASON OBJECT MESSAGE', 'SUBOBJECT SOURCE FIRST SEEN COUNT NAME'],
  ])('%s/%s', (group, resource, narrow, wideOnly) => {
    expect(headers(group, resource, false).join(' ')).toBe(narrow);
    const wide = headers(group, resource, true).filter(
      (h) => !headers(group, resource, false).includes(h) || h === 'NAME',
    );
    // Events list NAME last, as a wide column.
    expect(wide.filter((h) => h !== 'NAME' || resource === 'events').join(' ')).toBe(wideOnly);
    expect(table(group, resource).columns.find((c) => c.name === 'Name')?.format).toBe('name');
  });
});

const runningPod = (extra: Record<string, unknown> = {}): KubeObject => ({
  metadata: { name: 'web-1', creationTimestamp: ago(600) },
  spec: { nodeName: 'node-a', containers: [{ name: 'a' }, { name: 'b' }] },
  status: {
    phase: 'Running',
    podIPs: [{ ip: '10.244.0.7' }],
    conditions: [{ type: 'Ready', status: 'True' }],
    containerStatuses: [
      { name: 'a', ready: true, restartCount: 0, state: { running: { startedAt: ago(590) } } },
      {
        name: 'b',
        ready: true,
        restartCount: 3,
        state: { running: { startedAt: ago(300) } },
        lastState: { terminated: { exitCode: 1, finishedAt: ago(300) } },
      },
    ],
    ...extra,
  },
});

describe('pod cells', () => {
  it('prints a running pod with restarts', () => {
    expect(row('', 'pods', runningPod())).toEqual([
      'web-1',
      '2/2',
      'Running',
      '3 (5m ago)',
      '10m',
      '10.244.0.7',
      'node-a',
      '<none>',
      '<none>',
    ]);
  });

  it('prints pending, waiting, completed and terminating pods', () => {
    const pending: KubeObject = {
      metadata: { name: 'p', creationTimestamp: ago(5) },
      spec: { containers: [{ name: 'a' }] },
      status: { phase: 'Pending' },
    };
    expect(row('', 'pods', pending).slice(0, 5)).toEqual(['p', '0/1', 'Pending', '0', '5s']);
    const waiting = structuredClone(pending);
    (waiting.status as any).containerStatuses = [
      { name: 'a', ready: false, restartCount: 0, state: { waiting: { reason: 'ImagePullBackOff' } } },
    ];
    expect(row('', 'pods', waiting)[2]).toBe('ImagePullBackOff');
    const done = structuredClone(pending);
    done.status = {
      phase: 'Succeeded',
      containerStatuses: [
        { name: 'a', ready: false, restartCount: 0, state: { terminated: { exitCode: 0, reason: 'Completed' } } },
      ],
    };
    expect(row('', 'pods', done)[2]).toBe('Completed');
    const deleting = runningPod();
    deleting.metadata = { ...deleting.metadata, deletionTimestamp: ago(1) };
    expect(row('', 'pods', deleting)[2]).toBe('Terminating');
  });

  it('prints init container progress', () => {
    const pod: KubeObject = {
      metadata: { name: 'p', creationTimestamp: ago(30) },
      spec: { initContainers: [{ name: 'i1' }, { name: 'i2' }], containers: [{ name: 'a' }] },
      status: {
        phase: 'Pending',
        initContainerStatuses: [
          { name: 'i1', ready: true, restartCount: 0, state: { terminated: { exitCode: 0 } } },
          { name: 'i2', ready: false, restartCount: 0, state: { running: {} } },
        ],
      },
    };
    expect(row('', 'pods', pod)[2]).toBe('Init:1/2');
    (pod.status as any).initContainerStatuses[1].state = { waiting: { reason: 'CrashLoopBackOff' } };
    expect(row('', 'pods', pod)[2]).toBe('Init:CrashLoopBackOff');
  });
});

describe('workload and service cells', () => {
  it('prints a deployment', () => {
    const d: KubeObject = {
      metadata: { name: 'web', creationTimestamp: ago(3 * 3600 + 120) },
      spec: {
        replicas: 3,
        selector: { matchLabels: { app: 'web' } },
        template: {
          spec: {
            containers: [
              { name: 'nginx', image: 'nginx:1.27' },
              { name: 'side', image: 'busybox' },
            ],
          },
        },
      },
      status: { readyReplicas: 2, updatedReplicas: 3, availableReplicas: 2 },
    };
    expect(row('apps', 'deployments', d)).toEqual([
      'web',
      '2/3',
      3,
      2,
      '3h2m',
      'nginx,side',
      'nginx:1.27,busybox',
      'app=web',
    ]);
  });

  it('prints services of each type', () => {
    const svc = (spec: Record<string, unknown>, status: Record<string, unknown> = {}): KubeObject => ({
      metadata: { name: 's', creationTimestamp: ago(86400 * 3) },
      spec,
      status,
    });
    expect(
      row(
        '',
        'services',
        svc({
          type: 'ClusterIP',
          clusterIP: '10.96.0.10',
          ports: [{ port: 80, protocol: 'TCP' }],
          selector: { app: 'web', tier: 'fe' },
        }),
      ),
    ).toEqual(['s', 'ClusterIP', '10.96.0.10', '<none>', '80/TCP', '3d', 'app=web,tier=fe']);
    expect(
      row(
        '',
        'services',
        svc({
          type: 'NodePort',
          clusterIP: '10.96.0.11',
          ports: [
            { port: 80, nodePort: 30080, protocol: 'TCP' },
            { port: 53, protocol: 'UDP' },
          ],
        }),
      ).slice(3, 5),
    ).toEqual(['<none>', '80:30080/TCP,53/UDP']);
    expect(row('', 'services', svc({ type: 'LoadBalancer', ports: [] }))[3]).toBe('<pending>');
    expect(
      row(
        '',
        'services',
        svc({ type: 'LoadBalancer', ports: [] }, { loadBalancer: { ingress: [{ ip: '1.2.3.4' }] } }),
      )[3],
    ).toBe('1.2.3.4');
    expect(row('', 'services', svc({ type: 'ExternalName', externalName: 'db.example.com' })).slice(2, 5)).toEqual([
      '<none>',
      'db.example.com',
      '<none>',
    ]);
  });

  it('prints jobs, cronjobs, nodes, endpoints and events', () => {
    const job: KubeObject = {
      metadata: { name: 'pi', creationTimestamp: ago(200) },
      spec: { completions: 1, parallelism: 1, template: { spec: { containers: [{ name: 'pi', image: 'perl' }] } } },
      status: {
        succeeded: 1,
        startTime: ago(190),
        completionTime: ago(150),
        conditions: [{ type: 'Complete', status: 'True' }],
      },
    };
    expect(row('batch', 'jobs', job).slice(0, 5)).toEqual(['pi', 'Complete', '1/1', '40s', '3m20s']);
    const cj: KubeObject = {
      metadata: { name: 'c', creationTimestamp: ago(60) },
      spec: {
        schedule: '*/5 * * * *',
        suspend: false,
        jobTemplate: { spec: { template: { spec: { containers: [] } } } },
      },
      status: {},
    };
    expect(row('batch', 'cronjobs', cj).slice(0, 7)).toEqual([
      'c',
      '*/5 * * * *',
      '<none>',
      'False',
      0,
      '<none>',
      '60s',
    ]);
    const node: KubeObject = {
      metadata: {
        name: 'n1',
        creationTimestamp: ago(86400 * 10),
        labels: { 'node-role.kubernetes.io/control-plane': '' },
      },
      spec: { unschedulable: true },
      status: {
        conditions: [{ type: 'Ready', status: 'True' }],
        addresses: [{ type: 'InternalIP', address: '172.18.0.2' }],
        nodeInfo: {
          kubeletVersion: 'v1.35.0',
          osImage: 'Debian',
          kernelVersion: '6.1',
          containerRuntimeVersion: 'containerd://2.0',
        },
      },
    };
    expect(row('', 'nodes', node)).toEqual([
      'n1',
      'Ready,SchedulingDisabled',
      'control-plane',
      '10d',
      'v1.35.0',
      '172.18.0.2',
      '<none>',
      'Debian',
      '6.1',
      'containerd://2.0',
    ]);
    const ep: KubeObject = {
      metadata: { name: 'web', creationTimestamp: ago(10) },
      subsets: [{ addresses: [1, 2, 3, 4].map((i) => ({ ip: `10.0.0.${i}` })), ports: [{ port: 8080 }] }],
    };
    expect(row('', 'endpoints', ep)[1]).toBe('10.0.0.1:8080,10.0.0.2:8080,10.0.0.3:8080 + 1 more...');
    const ev: KubeObject = {
      metadata: { name: 'web.1', creationTimestamp: ago(100) },
      involvedObject: { kind: 'Pod', name: 'web', fieldPath: 'spec.containers{web}' },
      reason: 'Pulled',
      type: 'Normal',
      message: ' pulled \n',
      source: { component: 'kubelet', host: 'node-a' },
      firstTimestamp: ago(100),
      lastTimestamp: ago(40),
      count: 2,
    };
    expect(row('', 'events', ev)).toEqual([
      '40s',
      'Normal',
      'Pulled',
      'pod/web',
      'spec.containers{web}',
      'kubelet, node-a',
      'pulled',
      '100s',
      2,
      'web.1',
    ]);
  });
});

describe('humanDuration', () => {
  it.each([
    [0, '0s'],
    [-1500, '0s'],
    [-3000, '<invalid>'],
    [119_000, '119s'],
    [120_000, '2m'],
    [200_000, '3m20s'],
    [600_000, '10m'],
    [3 * 3600_000, '3h'],
    [(7 * 3600 + 59 * 60) * 1000, '7h59m'],
    [47 * 3600_000, '47h'],
    [(2 * 24 + 3) * 3600_000, '2d3h'],
    [30 * 86400_000, '30d'],
    [(2 * 365 + 12) * 86400_000, '2y12d'],
    [9 * 365 * 86400_000, '9y'],
  ])('%i ms -> %s', (ms, text) => {
    expect(humanDuration(ms)).toBe(text);
  });

  it('never gets shorter as time passes (property)', () => {
    const rank = (s: string) => {
      const units: Record<string, number> = { y: 31536000, d: 86400, h: 3600, m: 60, s: 1 };
      let total = 0;
      for (const m of s.matchAll(/(\d+)([ydhms])/g)) total += Number(m[1]) * (units[m[2] as string] as number);
      return total;
    };
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10 * 365 * 86400 }), fc.integer({ min: 0, max: 86400 * 30 }), (a, d) => {
        expect(rank(humanDuration((a + d) * 1000))).toBeGreaterThanOrEqual(rank(humanDuration(a * 1000)));
      }),
    );
  });
});
