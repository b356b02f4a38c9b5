/**
 * `kubectl expose`: the Service kubectl's service/v2 generator builds for an existing object.
 * Selector, ports, protocols and labels are read from the object unless given as flags.
 */

type Obj = Record<string, unknown>;

export interface ExposeOptions {
  source: Obj;
  /** The source's plural resource, e.g. `deployments`. */
  resource: string;
  /** The source's namespace, set on the Service. */
  namespace?: string;
  name?: string;
  port?: string;
  targetPort?: string;
  protocol?: string;
  type?: string;
  selector?: string;
  labels?: string;
  clusterIp?: string;
  externalIp?: string;
  loadBalancerIp?: string;
  sessionAffinity?: string;
}

const at = (o: unknown, ...path: string[]): unknown =>
  path.reduce<unknown>((v, k) => (v && typeof v === 'object' ? (v as Obj)[k] : undefined), o);

function parseMap(spec: string, what: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of spec.split(',')) {
    const kv = part.split('=');
    if (kv.length !== 2) throw new Error(`invalid ${what}: ${part}`);
    out[kv[0]!] = kv[1]!;
  }
  return out;
}

/** The object's selector as kubectl introspects it (matchExpressions cannot be expressed). */
function introspectSelector(src: Obj, resource: string): Record<string, string> {
  if (resource === 'pods') return (at(src, 'metadata', 'labels') as Record<string, string>) ?? {};
  if (resource === 'services' || resource === 'replicationcontrollers') {
    return (at(src, 'spec', 'selector') as Record<string, string>) ?? {};
  }
  if (at(src, 'spec', 'selector', 'matchExpressions')) {
    throw new Error(
      "couldn't retrieve selectors via --selector flag or introspection: the selector has matchExpressions, which cannot be converted to a map",
    );
  }
  return (at(src, 'spec', 'selector', 'matchLabels') as Record<string, string>) ?? {};
}

interface PortInfo {
  port: number;
  protocol?: string;
}

function introspectPorts(src: Obj, resource: string): PortInfo[] {
  if (resource === 'services') {
    return ((at(src, 'spec', 'ports') as Obj[]) ?? []).map((p) => ({
      port: p.port as number,
      protocol: p.protocol as string | undefined,
    }));
  }
  const spec = (resource === 'pods' ? at(src, 'spec') : at(src, 'spec', 'template', 'spec')) as Obj | undefined;
  const out: PortInfo[] = [];
  for (const c of (spec?.containers as Obj[]) ?? []) {
    for (const p of (c.ports as Obj[]) ?? []) {
      out.push({ port: p.containerPort as number, protocol: p.protocol as string | undefined });
    }
  }
  return out;
}

function sorted(rec: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(rec).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/** Go's intstr.Parse of --target-port. */
function intOrString(v: string): number | string {
  return /^-?\d+$/.test(v) ? Number(v) : v;
}

export function exposeServiceObject(o: ExposeOptions): Obj {
  const srcName = (at(o.source, 'metadata', 'name') as string) ?? '';
  const selector = o.selector ? parseMap(o.selector, 'selector') : introspectSelector(o.source, o.resource);
  if (Object.keys(selector).length === 0) {
    throw new Error("couldn't retrieve selectors via --selector flag or introspection");
  }
  let ports: PortInfo[];
  if (o.port) {
    ports = o.port.split(',').map((p) => ({ port: Number(p) }));
    if (ports.some((p) => !Number.isInteger(p.port))) throw new Error(`invalid port: ${o.port}`);
  } else {
    ports = introspectPorts(o.source, o.resource);
  }
  if (ports.length === 0 && o.type !== 'ExternalName') {
    throw new Error("couldn't find port via --port flag or introspection");
  }
  const svcPorts = ports.map((p, i) => {
    const sp: Obj = {};
    if (ports.length > 1) sp.name = `port-${i + 1}`;
    sp.protocol = o.protocol || p.protocol || 'TCP';
    sp.port = p.port;
    sp.targetPort = o.targetPort ? intOrString(o.targetPort) : p.port;
    return sp;
  });
  const labels = o.labels
    ? parseMap(o.labels, 'label')
    : (at(o.source, 'metadata', 'labels') as Record<string, string>);
  const metadata: Obj = { name: o.name || srcName };
  if (o.namespace) metadata.namespace = o.namespace;
  if (labels && Object.keys(labels).length > 0) metadata.labels = sorted(labels);
  const spec: Obj = {};
  if (svcPorts.length > 0) spec.ports = svcPorts;
  spec.selector = sorted(selector);
  if (o.clusterIp) spec.clusterIP = o.clusterIp;
  if (o.type) spec.type = o.type;
  if (o.externalIp) spec.externalIPs = [o.externalIp];
  if (o.sessionAffinity) spec.sessionAffinity = o.sessionAffinity;
  if (o.loadBalancerIp) spec.loadBalancerIP = o.loadBalancerIp;
  return { kind: 'Service', apiVersion: 'v1', metadata, spec, status: { loadBalancer: {} } };
}
