/** kubectl's Node describer: roles, taints, lease, conditions, capacity, system info and pods. */

import { Quantity } from '../api/quantity.js';
import { listAll } from '../client/list-pager.js';
import { rfc1123z } from './deployment-describer.js';
import { describeEvents, searchEvents } from './events.js';
import { printAnnotationsMultiline, printLabelsMultiline, sortedKeys } from './format.js';
import { describeNodeResource } from './node-resources.js';
import { LEVEL_0, LEVEL_1, PrefixWriter } from './prefix-writer.js';
import type { DescribeContext, KObject } from './types.js';

type Obj = Record<string, unknown>;
const arr = (x: unknown): Obj[] => (Array.isArray(x) ? (x as Obj[]) : []);
const str = (x: unknown): string => (x === undefined || x === null ? '' : String(x));

const ROLE_PREFIX = 'node-role.kubernetes.io/';

/** findNodeRoles: `node-role.kubernetes.io/ROLE` labels and the legacy `kubernetes.io/role`, sorted. */
export function findNodeRoles(labels: Record<string, string> | undefined): string[] {
  const roles = new Set<string>();
  for (const [k, v] of Object.entries(labels ?? {})) {
    if (k.startsWith(ROLE_PREFIX)) {
      const role = k.slice(ROLE_PREFIX.length);
      if (role) roles.add(role);
    } else if (k === 'kubernetes.io/role' && v) roles.add(v);
  }
  return [...roles].sort();
}

/** Taint.ToString: `key=value:effect`, parts dropped when empty. */
export function taintString(t: Obj): string {
  let s = str(t.key);
  if (str(t.value)) s += `=${str(t.value)}`;
  if (str(t.effect)) s += `:${str(t.effect)}`;
  return s;
}

function printTaints(w: PrefixWriter, taints: Obj[]): void {
  w.write(LEVEL_0, 'Taints:\t');
  if (taints.length === 0) {
    w.writeLine('<none>');
    return;
  }
  const key = (t: Obj) => `${str(t.effect)},${str(t.key)}`;
  const sorted = [...taints].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
  for (const [i, t] of sorted.entries()) w.write(LEVEL_0, `${i === 0 ? '' : '\t'}${taintString(t)}\n`);
}

async function describeLease(name: string, ctx: DescribeContext, w: PrefixWriter): Promise<void> {
  let lease: Obj;
  try {
    lease = await ctx.rest.json<Obj>({
      path: `/apis/coordination.k8s.io/v1/namespaces/kube-node-lease/leases/${encodeURIComponent(name)}`,
    });
  } catch (e) {
    w.write(LEVEL_0, `Lease:\tFailed to get lease: ${(e as Error).message}\n`);
    return;
  }
  const spec = (lease.spec ?? {}) as Obj;
  w.write(LEVEL_0, 'Lease:\n');
  w.write(LEVEL_1, `HolderIdentity:\t${spec.holderIdentity == null ? '<unset>' : str(spec.holderIdentity)}\n`);
  w.write(LEVEL_1, `AcquireTime:\t${spec.acquireTime ? rfc1123z(str(spec.acquireTime)) : '<unset>'}\n`);
  w.write(LEVEL_1, `RenewTime:\t${spec.renewTime ? rfc1123z(str(spec.renewTime)) : '<unset>'}\n`);
}

function printResourceList(w: PrefixWriter, list: Obj): void {
  for (const k of sortedKeys(list)) {
    const q = Quantity.tryParse(str(list[k]));
    w.write(LEVEL_0, `  ${k}:\t${q ? q.toString() : str(list[k])}\n`);
  }
}

/** Events about the node: by uid and (as kubelets report them) with the node name as uid. */
async function nodeEvents(obj: KObject, ctx: DescribeContext) {
  if (!ctx.showEvents) return undefined;
  const ref = { ...obj, kind: 'Node', metadata: { ...obj.metadata, namespace: '' } };
  const byUid = await searchEvents(ref, ctx);
  const byName = await searchEvents({ ...ref, metadata: { ...ref.metadata, uid: obj.metadata?.name ?? '' } }, ctx);
  return [...(byUid ?? []), ...(byName ?? [])];
}

export async function describeNode(obj: KObject, ctx: DescribeContext): Promise<string> {
  const md = obj.metadata ?? {};
  const name = md.name ?? '';
  const { items } = await listAll(ctx.rest, {
    path: '/api/v1/pods',
    query: { fieldSelector: `spec.nodeName=${name},status.phase!=Succeeded,status.phase!=Failed` },
    limit: ctx.chunkSize,
  });
  const pods = items as Obj[];
  const events = await nodeEvents(obj, ctx);
  const spec = (obj.spec ?? {}) as Obj;
  const status = (obj.status ?? {}) as Obj;
  const w = new PrefixWriter();
  w.write(LEVEL_0, `Name:\t${name}\n`);
  const roles = findNodeRoles(md.labels);
  w.write(LEVEL_0, `Roles:\t${roles.length > 0 ? roles.join(',') : '<none>'}\n`);
  printLabelsMultiline(w, 'Labels', md.labels);
  printAnnotationsMultiline(w, 'Annotations', md.annotations);
  w.write(LEVEL_0, `CreationTimestamp:\t${rfc1123z(md.creationTimestamp)}\n`);
  printTaints(w, arr(spec.taints));
  w.write(LEVEL_0, `Unschedulable:\t${spec.unschedulable === true}\n`);
  await describeLease(name, ctx, w);
  const conditions = arr(status.conditions);
  if (conditions.length > 0) {
    w.write(LEVEL_0, 'Conditions:\n  Type\tStatus\tLastHeartbeatTime\tLastTransitionTime\tReason\tMessage\n');
    w.write(LEVEL_1, '----\t------\t-----------------\t------------------\t------\t-------\n');
    for (const c of conditions) {
      const hb = rfc1123z(c.lastHeartbeatTime as string | undefined);
      const tr = rfc1123z(c.lastTransitionTime as string | undefined);
      w.write(LEVEL_1, `${str(c.type)} \t${str(c.status)} \t${hb} \t${tr} \t${str(c.reason)} \t${str(c.message)}\n`);
    }
  }
  w.write(LEVEL_0, 'Addresses:\n');
  for (const a of arr(status.addresses)) w.write(LEVEL_1, `${str(a.type)}:\t${str(a.address)}\n`);
  const capacity = (status.capacity ?? {}) as Obj;
  const allocatable = (status.allocatable ?? {}) as Obj;
  if (Object.keys(capacity).length > 0) {
    w.write(LEVEL_0, 'Capacity:\n');
    printResourceList(w, capacity);
  }
  if (Object.keys(allocatable).length > 0) {
    w.write(LEVEL_0, 'Allocatable:\n');
    printResourceList(w, allocatable);
  }
  const info = (status.nodeInfo ?? {}) as Obj;
  w.write(LEVEL_0, 'System Info:\n');
  const infoRows: [string, string][] = [
    ['Machine ID', 'machineID'],
    ['System UUID', 'systemUUID'],
    ['Boot ID', 'bootID'],
    ['Kernel Version', 'kernelVersion'],
    ['OS Image', 'osImage'],
    ['Operating System', 'operatingSystem'],
    ['Architecture', 'architecture'],
    ['Container Runtime Version', 'containerRuntimeVersion'],
    ['Kubelet Version', 'kubeletVersion'],
    ['Kube-Proxy Version', 'kubeProxyVersion'],
  ];
  for (const [label, key] of infoRows) w.write(LEVEL_0, `  ${label}:\t${str(info[key])}\n`);
  if (str(spec.podCIDR)) w.write(LEVEL_0, `PodCIDR:\t${str(spec.podCIDR)}\n`);
  const cidrs = Array.isArray(spec.podCIDRs) ? (spec.podCIDRs as string[]) : [];
  if (cidrs.length > 0) w.write(LEVEL_0, `PodCIDRs:\t${cidrs.join(',')}\n`);
  if (str(spec.providerID)) w.write(LEVEL_0, `ProviderID:\t${str(spec.providerID)}\n`);
  describeNodeResource(pods, obj, w, ctx.now);
  if (events) describeEvents(events, w, ctx.now);
  return w.toString();
}
