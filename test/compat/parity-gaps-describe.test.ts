/** `kctl describe` beside kubectl v1.35 for nodes, endpoints, ingresses and PVCs. */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectSame, mapLimit, type Parity, startParity } from './parity-support.js';
import type { KubectlResult } from './support/cluster.js';

let p: Parity;
let wanted: KubectlResult[] = [];

const VARIANTS: string[][] = [
  ['describe', 'node', 'node-a'],
  ['describe', 'nodes', 'node-b'],
  ['describe', 'no'],
  ['describe', 'node', 'node-a', '--show-events=false'],
  ['describe', 'endpoints', '-n', 'gaps'],
  ['describe', 'ep', 'web', '-n', 'gaps', '--show-events=false'],
  ['describe', 'ingress', 'site', '-n', 'gaps'],
  ['describe', 'ingresses.networking.k8s.io', '-n', 'gaps'],
  ['describe', 'pvc', '-n', 'gaps'],
  ['describe', 'persistentvolumeclaims', 'bound', '-n', 'gaps'],
];

const STATUS = JSON.stringify({
  status: {
    addresses: [
      { type: 'InternalIP', address: '172.18.0.2' },
      { type: 'Hostname', address: 'node-a' },
    ],
    capacity: { cpu: '4', memory: '8024368Ki', pods: '110', 'ephemeral-storage': '100Gi', 'example.com/dongle': '2' },
    allocatable: { cpu: '3500m', memory: '7Gi', pods: '110', 'ephemeral-storage': '90Gi', 'hugepages-2Mi': '0' },
    conditions: [
      {
        type: 'Ready',
        status: 'True',
        reason: 'KubeletReady',
        message: 'kubelet is posting ready status',
        lastHeartbeatTime: '2024-03-01T10:00:00Z',
        lastTransitionTime: '2024-02-01T09:00:00Z',
      },
    ],
    nodeInfo: {
      machineID: 'abc',
      systemUUID: 'uuid-1',
      bootID: 'boot-1',
      kernelVersion: '6.1.0',
      osImage: 'Debian GNU/Linux 12',
      operatingSystem: 'linux',
      architecture: 'amd64',
      containerRuntimeVersion: 'containerd://1.7.0',
      kubeletVersion: 'v1.35.0',
      kubeProxyVersion: '',
    },
  },
});

const PVC_STATUS = JSON.stringify({
  status: {
    phase: 'Bound',
    accessModes: ['ReadWriteMany', 'ReadOnlyMany'],
    capacity: { storage: '2048Mi' },
    conditions: [{ type: 'Resizing', status: 'True', lastTransitionTime: '2024-01-02T03:04:05Z' }],
  },
});

beforeAll(async () => {
  p = await startParity();
  expect((await p.kubectl(['create', 'namespace', 'gaps'])).code).toBe(0);
  const applied = await p.kubectl(['apply', '-f', join(import.meta.dirname, 'fixtures', 'gaps-describe.yaml')]);
  expect(applied.stderr).toBe('');
  const patch = (args: string[], body: string) =>
    p.kubectl(['patch', ...args, '--subresource=status', '--type=merge', '-p', body]);
  expect((await patch(['node', 'node-a'], STATUS)).stderr).toBe('');
  expect((await patch(['pvc', 'bound', '-n', 'gaps'], PVC_STATUS)).stderr).toBe('');
  const uid = (await p.kubectl(['get', 'node', 'node-a', '-o', 'jsonpath={.metadata.uid}'])).stdout;
  const event = `apiVersion: v1\nkind: Event\nmetadata:\n  name: node-a.1\n  namespace: default\ninvolvedObject:\n  kind: Node\n  name: node-a\n  uid: ${uid}\ntype: Normal\nreason: Starting\nmessage: Starting kubelet.\nsource:\n  component: kubelet\nfirstTimestamp: "2024-01-01T00:00:00Z"\nlastTimestamp: "2024-01-01T00:00:00Z"\n`;
  expect((await p.kubectl(['apply', '-f', '-'], event)).stderr).toBe('');
  wanted = await mapLimit(VARIANTS, 4, (args) => p.kubectl(args));
});
afterAll(async () => {
  await p?.stop();
});

describe('describe (nodes, endpoints, ingresses, PVCs) matches kubectl', () => {
  VARIANTS.forEach((args, i) => {
    it(args.join(' '), async () => {
      expectSame(expect, await p.kctl(args), wanted[i]);
    });
  });
});
