/**
 * What a fresh cluster has before anyone writes to it (kube-apiserver's bootstrap controllers):
 * the system namespaces, and in `default` the `kubernetes` Service (first IP of the service
 * CIDR, 443 -> the secure port) with its Endpoints and EndpointSlice pointing at this server.
 * Then the catalog's bootstrap objects (seedCatalogObjects).
 * Idempotent: missing objects are created, a moved endpoint address is updated.
 */
import { isAlreadyExists, isNotFound } from '../../api/status.js';
import { builtinSeeds } from '../apis/seeds.js';
import type { KubeObject } from '../apis/types.js';
import type { ServerRegistry } from '../registry/registry.js';
import { SYSTEM_CONTEXT } from '../registry/system-context.js';
import type { ControllerOptions } from './types.js';

export const SYSTEM_NAMESPACES: readonly string[] = ['default', 'kube-system', 'kube-public', 'kube-node-lease'];

const write = { dryRun: false, fieldValidation: 'Ignore' as const, fieldManager: 'kube-apiserver' };

async function ensure(
  registry: ServerRegistry,
  group: string,
  resource: string,
  obj: KubeObject,
  reconcile?: (cur: KubeObject) => KubeObject | undefined,
): Promise<void> {
  const store = registry.storeFor(group, resource);
  if (!store) return;
  const ns = obj.metadata?.namespace ?? '';
  const ctx = SYSTEM_CONTEXT(ns);
  const name = obj.metadata?.name ?? '';
  const current = await registry.lookup.get(group, resource, ns, name);
  if (!current) {
    try {
      await store.create(ctx, obj, write);
    } catch (e) {
      if (!isAlreadyExists(e)) throw e;
    }
    return;
  }
  const desired = reconcile?.(structuredClone(current));
  if (!desired) return;
  try {
    await store.update(ctx, name, desired, write);
  } catch (e) {
    if (!isNotFound(e)) throw e;
  }
}

/**
 * The catalog's bootstrap objects (system priority classes, bootstrap RBAC, flowcontrol
 * mandatory and suggested configuration, built-in APIServices): created when missing, never
 * updated, so a user's edit survives restarts (kube reconciles mandatory flowcontrol objects;
 * we do not).
 */
export async function seedCatalogObjects(registry: ServerRegistry): Promise<SeedFailure[]> {
  const failures: SeedFailure[] = [];
  // Independent objects, written concurrently: the store groups concurrent writes into one
  // durable transaction, so a first start pays a few fsyncs instead of one per object.
  const writes = builtinSeeds().flatMap((group) =>
    group.objects.map((obj) =>
      ensure(registry, group.group, group.resource, obj).catch((error: unknown) => {
        // One bad seed must not keep the server from starting; callers and tests see the list.
        failures.push({ resource: group.resource, name: obj.metadata?.name ?? '', error });
      }),
    ),
  );
  await Promise.all(writes);
  return failures;
}

/** A seed object the registry refused (a catalog bug: seeds must pass their own validation). */
export interface SeedFailure {
  resource: string;
  name: string;
  error: unknown;
}

export async function seedCluster(registry: ServerRegistry, opts: ControllerOptions): Promise<void> {
  await Promise.all(
    SYSTEM_NAMESPACES.map((name) =>
      ensure(registry, '', 'namespaces', { apiVersion: 'v1', kind: 'Namespace', metadata: { name } }),
    ),
  );
  await seedCatalogObjects(registry);
  const ip = registry.allocations.ips.firstAddress();
  const address = opts.advertiseAddress ?? '127.0.0.1';
  const port = opts.securePort ?? 6443;
  await ensure(registry, '', 'services', {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name: 'kubernetes', namespace: 'default', labels: { component: 'apiserver', provider: 'kubernetes' } },
    spec: {
      type: 'ClusterIP',
      clusterIP: ip,
      clusterIPs: [ip],
      ipFamilies: ['IPv4'],
      ipFamilyPolicy: 'SingleStack',
      internalTrafficPolicy: 'Cluster',
      sessionAffinity: 'None',
      ports: [{ name: 'https', port: 443, protocol: 'TCP', targetPort: port }],
    },
  });
  const subsets = [{ addresses: [{ ip: address }], ports: [{ name: 'https', port, protocol: 'TCP' }] }];
  await ensure(
    registry,
    '',
    'endpoints',
    {
      apiVersion: 'v1',
      kind: 'Endpoints',
      metadata: {
        name: 'kubernetes',
        namespace: 'default',
        labels: { 'endpointslice.kubernetes.io/skip-mirror': 'true' },
      },
      subsets,
    },
    (cur) => (JSON.stringify(cur.subsets) === JSON.stringify(subsets) ? undefined : { ...cur, subsets }),
  );
  const endpoints = [{ addresses: [address], conditions: { ready: true } }];
  const ports = [{ name: 'https', port, protocol: 'TCP' }];
  await ensure(
    registry,
    'discovery.k8s.io',
    'endpointslices',
    {
      apiVersion: 'discovery.k8s.io/v1',
      kind: 'EndpointSlice',
      metadata: { name: 'kubernetes', namespace: 'default', labels: { 'kubernetes.io/service-name': 'kubernetes' } },
      addressType: 'IPv4',
      endpoints,
      ports,
    },
    (cur) =>
      JSON.stringify(cur.endpoints) === JSON.stringify(endpoints) && JSON.stringify(cur.ports) === JSON.stringify(ports)
        ? undefined
        : { ...cur, endpoints, ports },
  );
}
