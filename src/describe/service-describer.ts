/** kubectl's Service describer (ports, endpoints from EndpointSlices, traffic policies). */
import { listAll } from '../client/list-pager.js';
import { appendEvents } from './events.js';
import { formatLabels, printAnnotationsMultiline, printLabelsMultiline } from './format.js';
import { LEVEL_0, PrefixWriter } from './prefix-writer.js';
import type { DescribeContext, KObject } from './types.js';

interface Port {
  name?: string;
  port?: number;
  protocol?: string;
  targetPort?: number | string;
  nodePort?: number;
  appProtocol?: string;
}
export interface Slice {
  ports?: { name?: string; port?: number }[] | null;
  endpoints?: { addresses?: string[]; conditions?: { ready?: boolean } }[] | null;
}

/** formatEndpointSlices: up to three `ip:port`, then ` + N more...`; `<none>` when empty. */
export function formatEndpoints(slices: Slice[] | undefined, portName: string): string {
  if (!slices || slices.length === 0) return '<none>';
  const list: string[] = [];
  let count = 0;
  for (const s of slices) {
    const ports = s.ports ?? [];
    for (const ep of s.endpoints ?? []) {
      if (ep.conditions?.ready === false) continue;
      for (const addr of ep.addresses ?? []) {
        if (ports.length === 0) {
          count++;
          if (list.length < 3) list.push(addr);
          continue;
        }
        for (const p of ports) {
          if ((p.name ?? '') !== portName) continue;
          count++;
          if (list.length < 3) list.push(`${addr}:${p.port ?? 0}`);
        }
      }
    }
  }
  if (list.length === 0) return '<none>';
  const extra = count - list.length;
  return extra > 0 ? `${list.join(',')} + ${extra} more...` : list.join(',');
}

/**
 * The EndpointSlices of service `name` (label kubernetes.io/service-name). Errors give
 * undefined unless `rethrow` (the Ingress describer reports them inline).
 */
export async function endpointSlicesFor(
  ns: string,
  name: string,
  ctx: DescribeContext,
  rethrow = false,
): Promise<Slice[] | undefined> {
  try {
    const { items } = await listAll(ctx.rest, {
      path: `/apis/discovery.k8s.io/v1/namespaces/${encodeURIComponent(ns)}/endpointslices`,
      query: { labelSelector: `kubernetes.io/service-name=${name}` },
    });
    return items as Slice[];
  } catch (e) {
    if (rethrow) throw e;
    return undefined;
  }
}

const endpointSlices = (obj: KObject, ctx: DescribeContext) =>
  endpointSlicesFor(obj.metadata?.namespace ?? '', obj.metadata?.name ?? '', ctx);

export async function describeService(obj: KObject, ctx: DescribeContext): Promise<string> {
  const w = new PrefixWriter();
  const md = obj.metadata ?? {};
  const spec = (obj.spec ?? {}) as Record<string, unknown> & { ports?: Port[] };
  const status = (obj.status ?? {}) as { loadBalancer?: { ingress?: { ip?: string; hostname?: string }[] } };
  const slices = await endpointSlices(obj, ctx);
  const list = (x: unknown) => (Array.isArray(x) ? (x as string[]) : []);
  w.write(LEVEL_0, `Name:\t${md.name ?? ''}\n`);
  w.write(LEVEL_0, `Namespace:\t${md.namespace ?? ''}\n`);
  printLabelsMultiline(w, 'Labels', md.labels);
  printAnnotationsMultiline(w, 'Annotations', md.annotations);
  w.write(LEVEL_0, `Selector:\t${formatLabels(spec.selector as Record<string, string> | undefined)}\n`);
  w.write(LEVEL_0, `Type:\t${String(spec.type ?? '')}\n`);
  if (spec.ipFamilyPolicy) w.write(LEVEL_0, `IP Family Policy:\t${String(spec.ipFamilyPolicy)}\n`);
  const families = list(spec.ipFamilies);
  w.write(LEVEL_0, `IP Families:\t${families.length > 0 ? families.join(',') : '<none>'}\n`);
  w.write(LEVEL_0, `IP:\t${String(spec.clusterIP ?? '')}\n`);
  const ips = list(spec.clusterIPs);
  w.write(LEVEL_0, `IPs:\t${ips.length > 0 ? ips.join(',') : '<none>'}\n`);
  if (list(spec.externalIPs).length > 0) w.write(LEVEL_0, `External IPs:\t${list(spec.externalIPs).join(',')}\n`);
  if (spec.loadBalancerIP) w.write(LEVEL_0, `Desired LoadBalancer IP:\t${String(spec.loadBalancerIP)}\n`);
  if (spec.externalName) w.write(LEVEL_0, `External Name:\t${String(spec.externalName)}\n`);
  const ingress = status.loadBalancer?.ingress ?? [];
  if (ingress.length > 0) {
    w.write(LEVEL_0, `LoadBalancer Ingress:\t${ingress.map((i) => i.ip || i.hostname || '').join(', ')}\n`);
  }
  for (const p of spec.ports ?? []) {
    const name = p.name || '<unset>';
    const proto = p.protocol ?? 'TCP';
    w.write(LEVEL_0, `Port:\t${name}\t${p.port ?? 0}/${proto}\n`);
    w.write(LEVEL_0, `TargetPort:\t${String(p.targetPort ?? '')}/${proto}\n`);
    if (p.nodePort) w.write(LEVEL_0, `NodePort:\t${name}\t${p.nodePort}/${proto}\n`);
    w.write(LEVEL_0, `Endpoints:\t${formatEndpoints(slices, p.name ?? '')}\n`);
  }
  w.write(LEVEL_0, `Session Affinity:\t${String(spec.sessionAffinity ?? '')}\n`);
  if (spec.externalTrafficPolicy) w.write(LEVEL_0, `External Traffic Policy:\t${String(spec.externalTrafficPolicy)}\n`);
  if (spec.internalTrafficPolicy) w.write(LEVEL_0, `Internal Traffic Policy:\t${String(spec.internalTrafficPolicy)}\n`);
  if (spec.healthCheckNodePort) w.write(LEVEL_0, `HealthCheck NodePort:\t${String(spec.healthCheckNodePort)}\n`);
  const ranges = list(spec.loadBalancerSourceRanges);
  if (ranges.length > 0) w.write(LEVEL_0, `LoadBalancer Source Ranges:\t${ranges.join(',')}\n`);
  await appendEvents(obj, ctx, w);
  return w.toString();
}
