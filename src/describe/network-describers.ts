/** kubectl's Endpoints and Ingress (networking.k8s.io/v1) describers. */
import { appendEvents } from './events.js';
import { printAnnotationsMultiline, printLabelsMultiline } from './format.js';
import { LEVEL_0, LEVEL_1, LEVEL_2, PrefixWriter } from './prefix-writer.js';
import { endpointSlicesFor, formatEndpoints } from './service-describer.js';
import type { DescribeContext, KObject } from './types.js';

type Obj = Record<string, unknown>;
const arr = (x: unknown): Obj[] => (Array.isArray(x) ? (x as Obj[]) : []);
const str = (x: unknown): string => (x === undefined || x === null ? '' : String(x));

export async function describeEndpoints(obj: KObject, ctx: DescribeContext): Promise<string> {
  const w = new PrefixWriter();
  const md = obj.metadata ?? {};
  w.write(LEVEL_0, `Name:\t${md.name ?? ''}\n`);
  w.write(LEVEL_0, `Namespace:\t${md.namespace ?? ''}\n`);
  printLabelsMultiline(w, 'Labels', md.labels);
  printAnnotationsMultiline(w, 'Annotations', md.annotations);
  w.write(LEVEL_0, 'Subsets:\n');
  for (const subset of arr(obj.subsets)) {
    const ips = (key: string) =>
      arr(subset[key])
        .map((a) => str(a.ip))
        .join(',') || '<none>';
    w.write(LEVEL_1, `Addresses:\t${ips('addresses')}\n`);
    w.write(LEVEL_1, `NotReadyAddresses:\t${ips('notReadyAddresses')}\n`);
    const ports = arr(subset.ports);
    if (ports.length > 0) {
      w.write(LEVEL_1, 'Ports:\n');
      w.write(LEVEL_2, 'Name\tPort\tProtocol\n');
      w.write(LEVEL_2, '----\t----\t--------\n');
      for (const p of ports)
        w.write(LEVEL_2, `${str(p.name) || '<unset>'}\t${Number(p.port ?? 0)}\t${str(p.protocol)}\n`);
    }
    w.write(LEVEL_0, '\n');
  }
  await appendEvents(obj, ctx, w);
  return w.toString();
}

/** serviceBackendStringer: `name:port` (number or name) for a service backend. */
function serviceBackend(svc: Obj): string {
  const port = (svc.port ?? {}) as Obj;
  const p = port.name ? str(port.name) : str(port.number ?? 0);
  return `${str(svc.name)}:${p}`;
}

async function describeBackend(ns: string, backend: Obj, ctx: DescribeContext): Promise<string> {
  const svc = backend.service as Obj | undefined;
  if (svc) {
    const sb = serviceBackend(svc);
    const name = str(svc.name);
    let slices: Awaited<ReturnType<typeof endpointSlicesFor>>;
    let service: Obj;
    try {
      slices = await endpointSlicesFor(ns, name, ctx, true);
      service = await ctx.rest.json<Obj>({
        path: `/api/v1/namespaces/${encodeURIComponent(ns)}/services/${encodeURIComponent(name)}`,
      });
    } catch (e) {
      return `${sb} (<error: ${(e as Error).message}>)`;
    }
    const want = (svc.port ?? {}) as Obj;
    let spName = '';
    for (const sp of arr((service.spec as Obj | undefined)?.ports)) {
      const num = Number(want.number ?? 0);
      if (num !== 0 && num === Number(sp.port ?? 0)) spName = str(sp.name);
      else if (str(want.name) !== '' && str(want.name) === str(sp.name)) spName = str(sp.name);
    }
    return `${sb} (${formatEndpoints(slices, spName)})`;
  }
  const res = backend.resource as Obj | undefined;
  if (res) {
    const group = res.apiGroup === undefined || res.apiGroup === null ? '<none>' : str(res.apiGroup);
    return `APIGroup: ${group}, Kind: ${str(res.kind)}, Name: ${str(res.name)}`;
  }
  return '';
}

/** ingressLoadBalancerStatusStringerV1 (wide): ips or hostnames joined by commas. */
function ingressAddress(status: Obj | undefined): string {
  const lb = (status?.loadBalancer ?? {}) as Obj;
  return arr(lb.ingress)
    .map((i) => str(i.ip) || str(i.hostname))
    .filter((s) => s !== '')
    .join(',');
}

export async function describeIngress(obj: KObject, ctx: DescribeContext): Promise<string> {
  const w = new PrefixWriter();
  const md = obj.metadata ?? {};
  const ns = md.namespace ?? '';
  const spec = (obj.spec ?? {}) as Obj;
  w.write(LEVEL_0, `Name:\t${md.name ?? ''}\n`);
  printLabelsMultiline(w, 'Labels', md.labels);
  w.write(LEVEL_0, `Namespace:\t${ns}\n`);
  w.write(LEVEL_0, `Address:\t${ingressAddress(obj.status as Obj | undefined)}\n`);
  w.write(LEVEL_0, `Ingress Class:\t${spec.ingressClassName ? str(spec.ingressClassName) : '<none>'}\n`);
  const def = spec.defaultBackend as Obj | undefined;
  const defaultBackend = def ? await describeBackend(ns, def, ctx) : '<default>';
  w.write(LEVEL_0, `Default backend:\t${defaultBackend}\n`);
  const tls = arr(spec.tls);
  if (tls.length > 0) {
    w.write(LEVEL_0, 'TLS:\n');
    for (const t of tls) {
      const hosts = (Array.isArray(t.hosts) ? (t.hosts as string[]) : []).join(',');
      if (!t.secretName) w.write(LEVEL_1, `SNI routes ${hosts}\n`);
      else w.write(LEVEL_1, `${str(t.secretName)} terminates ${hosts}\n`);
    }
  }
  w.write(LEVEL_0, 'Rules:\n  Host\tPath\tBackends\n');
  w.write(LEVEL_1, '----\t----\t--------\n');
  let count = 0;
  for (const rule of arr(spec.rules)) {
    const http = rule.http as Obj | undefined;
    if (!http) continue;
    count++;
    w.write(LEVEL_1, `${str(rule.host) || '*'}\t\n`);
    for (const path of arr(http.paths)) {
      const backend = await describeBackend(ns, (path.backend ?? {}) as Obj, ctx);
      w.write(LEVEL_2, `\t${str(path.path)} \t${backend}\n`);
    }
  }
  if (count === 0) w.write(LEVEL_1, `*\t*\t${defaultBackend}\n`);
  printAnnotationsMultiline(w, 'Annotations', md.annotations);
  await appendEvents(obj, ctx, w);
  return w.toString();
}
