/** `kubectl create service clusterip|nodeport|loadbalancer|externalname` (Go field order). */

export type ServiceType = 'ClusterIP' | 'NodePort' | 'LoadBalancer' | 'ExternalName';

export interface ServiceOptions {
  name: string;
  namespace?: string;
  type: ServiceType;
  /** --tcp values: `port` or `port:targetPort` (targetPort a number or a port name). */
  tcp?: string[];
  clusterIP?: string;
  nodePort?: number;
  externalName?: string;
}

/** Go's strconv.ParseUint(s, 10, 16) with its error text. */
function parsePort(s: string): number {
  if (!/^[0-9]+$/.test(s)) throw new Error(`strconv.ParseUint: parsing "${s}": invalid syntax`);
  const n = Number(s);
  if (n > 65535) throw new Error(`strconv.ParseUint: parsing "${s}": value out of range`);
  return n;
}

/** intstr.Parse: a decimal int32 becomes a number, anything else stays a string. */
function parseIntOrString(s: string): number | string {
  if (/^[+-]?[0-9]+$/.test(s)) {
    const n = Number(s);
    if (n >= -2147483648 && n <= 2147483647) return n;
  }
  return s;
}

const DNS1123_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;

/** Throws kubectl's errors for missing/invalid options. */
export function validateService(o: ServiceOptions): void {
  if ((o.tcp?.length ?? 0) === 0 && o.type !== 'ExternalName' && o.clusterIP !== 'None') {
    throw new Error('at least one tcp port specifier must be provided');
  }
  if (o.type === 'ExternalName') {
    const n = o.externalName ?? '';
    if (n.length > 253 || !DNS1123_SUBDOMAIN.test(n)) throw new Error(`invalid service external name ${n}`);
  }
}

export function serviceObject(o: ServiceOptions): Record<string, unknown> {
  validateService(o);
  const ports = (o.tcp ?? []).map((spec) => {
    const parts = spec.split(':');
    const port = parsePort(parts[0] ?? '');
    const target = parts.length > 1 ? parseIntOrString(parts[1]!) : port;
    const p: Record<string, unknown> = { name: spec.replaceAll(':', '-'), protocol: 'TCP', port, targetPort: target };
    if (o.nodePort) p.nodePort = o.nodePort;
    return p;
  });
  const metadata: Record<string, unknown> = { name: o.name };
  if (o.namespace) metadata.namespace = o.namespace;
  metadata.labels = { app: o.name };
  const spec: Record<string, unknown> = {};
  if (ports.length > 0) spec.ports = ports;
  spec.selector = { app: o.name };
  if (o.clusterIP) spec.clusterIP = o.clusterIP;
  spec.type = o.type;
  if (o.externalName) spec.externalName = o.externalName;
  return { kind: 'Service', apiVersion: 'v1', metadata, spec, status: { loadBalancer: {} } };
}
