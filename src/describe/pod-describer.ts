/** kubectl's Pod describer (the parts a pod without kubelet details shows; see the report). */
import { rfc1123z } from './deployment-describer.js';
import { appendEvents } from './events.js';
import { printAnnotationsMultiline, printLabelsMultiline } from './format.js';
import { describeContainer, describeTolerations, describeVolumes } from './pod-template.js';
import { LEVEL_0, LEVEL_1, PrefixWriter } from './prefix-writer.js';
import type { DescribeContext, KObject } from './types.js';

type Obj = Record<string, unknown>;
const arr = (x: unknown): Obj[] => (Array.isArray(x) ? (x as Obj[]) : []);
const str = (x: unknown): string => (x === undefined || x === null ? '' : String(x));

/** QoS class as the status reports it (kubelet/apiserver set status.qosClass). */
function qosClass(pod: Obj): string {
  return str((pod.status as Obj | undefined)?.qosClass) || 'BestEffort';
}

function controller(md: Obj): string {
  const ref = arr(md.ownerReferences).find((o) => o.controller);
  return ref ? `${str(ref.kind)}/${str(ref.name)}` : '';
}

export async function describePod(obj: KObject, ctx: DescribeContext): Promise<string> {
  const w = new PrefixWriter();
  const md = (obj.metadata ?? {}) as Obj & KObject['metadata'];
  const spec = (obj.spec ?? {}) as Obj;
  const status = (obj.status ?? {}) as Obj;
  w.write(LEVEL_0, `Name:\t${str(md?.name)}\n`);
  w.write(LEVEL_0, `Namespace:\t${str(md?.namespace)}\n`);
  if (spec.priority !== undefined && spec.priority !== null) w.write(LEVEL_0, `Priority:\t${str(spec.priority)}\n`);
  if (spec.priorityClassName) w.write(LEVEL_0, `Priority Class Name:\t${str(spec.priorityClassName)}\n`);
  if (spec.runtimeClassName) w.write(LEVEL_0, `Runtime Class Name:\t${str(spec.runtimeClassName)}\n`);
  if (spec.serviceAccountName) w.write(LEVEL_0, `Service Account:\t${str(spec.serviceAccountName)}\n`);
  w.write(LEVEL_0, spec.nodeName ? `Node:\t${str(spec.nodeName)}/${str(status.hostIP)}\n` : 'Node:\t<none>\n');
  if (status.startTime) w.write(LEVEL_0, `Start Time:\t${rfc1123z(str(status.startTime))}\n`);
  printLabelsMultiline(w, 'Labels', md?.labels);
  printAnnotationsMultiline(w, 'Annotations', md?.annotations);
  const phase = str(status.phase);
  if (md?.deletionTimestamp && phase !== 'Failed' && phase !== 'Succeeded') {
    w.write(LEVEL_0, `Status:\tTerminating\n`);
    w.write(LEVEL_0, `Termination Grace Period:\t${str(md.deletionGracePeriodSeconds ?? 0)}s\n`);
  } else w.write(LEVEL_0, `Status:\t${phase}\n`);
  if (status.reason) w.write(LEVEL_0, `Reason:\t${str(status.reason)}\n`);
  if (status.message) w.write(LEVEL_0, `Message:\t${str(status.message)}\n`);
  w.write(LEVEL_0, `IP:\t${str(status.podIP)}\n`);
  const ips = arr(status.podIPs);
  if (ips.length === 0) w.write(LEVEL_0, 'IPs:\t<none>\n');
  else {
    w.write(LEVEL_0, 'IPs:\n');
    for (const ip of ips) w.write(LEVEL_1, `IP:\t${str(ip.ip)}\n`);
  }
  const owner = controller(md as Obj);
  if (owner) w.write(LEVEL_0, `Controlled By:\t${owner}\n`);
  if (status.nominatedNodeName) w.write(LEVEL_0, `NominatedNodeName:\t${str(status.nominatedNodeName)}\n`);
  const statusOf = (list: unknown, name: unknown) => arr(list).find((s) => s.name === name);
  if (arr(spec.initContainers).length > 0) {
    w.write(LEVEL_0, 'Init Containers:\n');
    for (const c of arr(spec.initContainers))
      describeContainer(c, w, '  ', statusOf(status.initContainerStatuses, c.name));
  }
  w.write(LEVEL_0, 'Containers:\n');
  for (const c of arr(spec.containers)) describeContainer(c, w, '  ', statusOf(status.containerStatuses, c.name));
  const conditions = arr(status.conditions);
  if (conditions.length > 0) {
    w.write(LEVEL_0, 'Conditions:\n  Type\tStatus\n');
    for (const c of conditions) w.write(LEVEL_1, `${str(c.type)} \t${str(c.status)} \n`);
  }
  describeVolumes(arr(spec.volumes), w, '');
  w.write(LEVEL_0, `QoS Class:\t${qosClass(obj)}\n`);
  printLabelsMultiline(w, 'Node-Selectors', spec.nodeSelector as Record<string, string> | undefined);
  describeTolerations(arr(spec.tolerations), w, 'Tolerations');
  await appendEvents(obj, ctx, w);
  return w.toString();
}
