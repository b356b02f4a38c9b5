/**
 * `kubectl create ingress NAME --rule=host/path=svc:port[,tls[=secret]]`: a networking.k8s.io/v1
 * Ingress. Rules sharing a host share one rule entry; a path ending in `*` is a Prefix path
 * (the `*` dropped), any other is Exact; a numeric port is a port number, else a port name.
 */

const RULE = /^[\w*\-.]*\/[^,=\n]*=[\w-]+:[\w-]+(,tls=?[\w-]*)?$/;

export interface IngressOptions {
  name: string;
  /** Set only when -n was given. */
  namespace?: string;
  rules?: string[];
  className?: string;
  defaultBackend?: string;
  annotations?: string[];
}

/** Go's intstr.Parse: an int32 when the text parses as a decimal int, else a name. */
function backendPort(port: string): Record<string, unknown> {
  if (/^[-+]?\d+$/.test(port)) {
    const n = Number(port);
    if (Number.isSafeInteger(n) && n >= -2147483648 && n <= 2147483647) return { number: n };
    // intstr.Parse falls back to a string on overflow
  }
  return { name: port };
}

function backend(svc: string): Record<string, unknown> {
  const parts = svc.split(':');
  return { service: { name: parts[0], port: backendPort(parts[1] ?? '') } };
}

function httpPath(pathSvc: string): Record<string, unknown> {
  const parts = pathSvc.split('=');
  let path = `/${parts[0]}`;
  let pathType = 'Exact';
  if (path.endsWith('*')) {
    pathType = 'Prefix';
    path = path.slice(0, -1);
  }
  return { path, pathType, backend: backend(parts[1] ?? '') };
}

function tlsEntries(rules: string[]): Record<string, unknown>[] {
  const seenHost = new Set<string>();
  const out: { hosts?: string[]; secretName?: string }[] = [];
  for (const rule of rules) {
    const parts = rule.split(',');
    if (parts.length !== 2) continue;
    const host = rule.split('/')[0]!;
    const nameParts = parts[1]!.split('=');
    const secret = nameParts.length > 1 ? nameParts[1]! : '';
    if (seenHost.has(host)) continue;
    const same = out.find((t) => (t.secretName ?? '') === secret);
    seenHost.add(host);
    if (same) {
      same.hosts = [...(same.hosts ?? []), host];
      continue;
    }
    const t: { hosts?: string[]; secretName?: string } = {};
    if (host) t.hosts = [host];
    if (secret) t.secretName = secret;
    if (t.hosts || t.secretName) out.push(t);
  }
  return out;
}

function ingressRules(rules: string[]): Record<string, unknown>[] {
  const out: { host?: string; http: { paths: Record<string, unknown>[] } }[] = [];
  for (const rule of rules) {
    const noTls = rule.split(',')[0]!;
    const slash = noTls.indexOf('/');
    const host = noTls.slice(0, slash);
    const path = httpPath(noTls.slice(slash + 1));
    const same = out.find((r) => (r.host ?? '') === host);
    if (same) {
      same.http.paths.push(path);
      continue;
    }
    out.push(host ? { host, http: { paths: [path] } } : { http: { paths: [path] } });
  }
  return out;
}

/** Validates like kubectl's Validate (same error texts) and builds the Ingress. */
export function ingressObject(o: IngressOptions): Record<string, unknown> {
  const rules = o.rules ?? [];
  const annotations = o.annotations ?? [];
  if (!o.defaultBackend && rules.length === 0) {
    throw new Error(
      'not enough information provided: every ingress has to either specify a default-backend (which catches all traffic) or a list of rules (which catch specific paths)',
    );
  }
  for (const r of rules) {
    if (!RULE.test(r)) {
      throw new Error(`rule ${r} is invalid and should be in format host/path=svcname:svcport[,tls[=secret]]`);
    }
  }
  const ann: Record<string, string> = {};
  for (const a of annotations) {
    const eq = a.indexOf('=');
    if (eq < 0) throw new Error(`annotation ${a} is invalid and should be in format key=[value]`);
    ann[a.slice(0, eq)] = a.slice(eq + 1);
  }
  if (o.defaultBackend && o.defaultBackend.split(':').length !== 2) {
    throw new Error('default-backend should be in format servicename:serviceport');
  }
  const metadata: Record<string, unknown> = { name: o.name };
  if (o.namespace) metadata.namespace = o.namespace;
  if (Object.keys(ann).length > 0) {
    metadata.annotations = Object.fromEntries(Object.entries(ann).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  }
  const spec: Record<string, unknown> = {};
  // Go's IngressSpec field order: class, default backend, tls, rules
  if (o.className) spec.ingressClassName = o.className;
  if (o.defaultBackend) spec.defaultBackend = backend(o.defaultBackend);
  const tls = tlsEntries(rules);
  if (tls.length > 0) spec.tls = tls;
  const r = ingressRules(rules);
  if (r.length > 0) spec.rules = r;
  return {
    kind: 'Ingress',
    apiVersion: 'networking.k8s.io/v1',
    metadata,
    spec,
    status: { loadBalancer: {} },
  };
}
