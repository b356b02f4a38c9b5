/**
 * networking.k8s.io/v1 ingresses, ingressclasses, networkpolicies, ipaddresses and
 * servicecidrs: kube's defaults, the validation users hit most (pkg/apis/networking/validation)
 * and the printers' tables.
 */
import { type FieldError, fieldForbidden, fieldInvalid, fieldRequired } from '../../../api/status.js';
import { selectorCell } from '../apps/workload-checks.js';
import { idx, oneOf, PORT_RANGE_MSG, validPort } from '../field-checks.js';
import {
  ensureMap,
  isMap,
  type JsonMap,
  jsonEqual,
  listAt,
  mapAt,
  mapsAt,
  numAt,
  setDefault,
  strAt,
} from '../object-access.js';
import { plainHooks, statusSplitHooks } from '../status-split.js';
import { age, ageColumn, column, nameColumn, nameOf } from '../table-columns.js';
import type { CatalogModule, KindDefinition, KubeObject } from '../types.js';
import { NET, networkingDefinitions } from './definitions.js';

const GROUP = 'networking.k8s.io';
const specOf = (o: KubeObject): JsonMap => mapAt(o, 'spec') ?? {};

// ---------------------------------------------------------------- Ingress

function validateBackend(b: JsonMap, path: string): FieldError[] {
  const svc = mapAt(b, 'service');
  const res = mapAt(b, 'resource');
  if (svc && res) return [fieldInvalid(path, '', 'cannot set both resource and service backends')];
  if (!svc && !res) return [fieldInvalid(path, '', 'resource or service backend is required')];
  if (!svc) return [];
  const errs: FieldError[] = [];
  if (!strAt(svc, 'name')) errs.push(fieldRequired(`${path}.service.name`));
  const port = mapAt(svc, 'port') ?? {};
  const hasName = !!strAt(port, 'name');
  const num = numAt(port, 'number');
  if (hasName && num !== undefined && num !== 0)
    errs.push(fieldInvalid(`${path}.service.port`, port, 'cannot set both port name & port number'));
  else if (!hasName && !num) errs.push(fieldInvalid(`${path}.service.port`, port, 'port name or number is required'));
  else if (num !== undefined && num !== 0 && !validPort(num))
    errs.push(fieldInvalid(`${path}.service.port.number`, num, PORT_RANGE_MSG));
  return errs;
}

function validateIngress(ing: KubeObject): FieldError[] {
  const spec = specOf(ing);
  const errs: FieldError[] = [];
  const rules = mapsAt(spec, 'rules');
  const def = mapAt(spec, 'defaultBackend');
  if (!def && rules.length === 0)
    errs.push(fieldInvalid('spec', spec.rules ?? [], 'either `defaultBackend` or `rules` must be specified'));
  if (def) errs.push(...validateBackend(def, 'spec.defaultBackend'));
  rules.forEach((rule, i) => {
    const rp = idx('spec.rules', i);
    const host = strAt(rule, 'host');
    if (host && /^\d+\.\d+\.\d+\.\d+$/.test(host))
      errs.push(fieldInvalid(`${rp}.host`, host, 'must be a DNS name, not an IP address'));
    const http = mapAt(rule, 'http');
    if (!http) return;
    const paths = mapsAt(http, 'paths');
    if (paths.length === 0) errs.push(fieldRequired(`${rp}.http.paths`));
    paths.forEach((p, j) => {
      const pp = idx(`${rp}.http.paths`, j);
      const pathType = p.pathType;
      const path = strAt(p, 'path') ?? '';
      if (pathType === undefined || pathType === null || pathType === '')
        errs.push(fieldRequired(`${pp}.pathType`, 'pathType must be specified'));
      else {
        errs.push(...oneOf(pathType, `${pp}.pathType`, ['Exact', 'ImplementationSpecific', 'Prefix']));
        if ((pathType === 'Exact' || pathType === 'Prefix') && !path.startsWith('/'))
          errs.push(fieldInvalid(`${pp}.path`, path, 'must be an absolute path'));
      }
      errs.push(...validateBackend(mapAt(p, 'backend') ?? {}, `${pp}.backend`));
    });
  });
  mapsAt(spec, 'tls').forEach((t, i) => {
    listAt(t, 'hosts').forEach((h, j) => {
      if (typeof h === 'string' && h.includes('*') && !h.startsWith('*.'))
        errs.push(
          fieldInvalid(
            idx(`${idx('spec.tls', i)}.hosts`, j),
            h,
            "a wildcard DNS-1123 subdomain must start with '*.', followed by a valid DNS subdomain, which must consist of lower case alphanumeric characters, '-' or '.' and end with an alphanumeric character (e.g. '*.example.com', regex used for validation is '\\*\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')",
          ),
        );
    });
  });
  return errs;
}

/** printers.go formatHosts: up to three hosts, `*` when none. */
export function ingressHosts(ing: KubeObject): string {
  const rules = mapsAt(specOf(ing), 'rules');
  const list: string[] = [];
  let more = false;
  for (const r of rules) {
    if (list.length === 3) more = true;
    const host = strAt(r, 'host');
    if (!more && host) list.push(host);
  }
  if (list.length === 0) return '*';
  return more ? `${list.join(',')} + ${rules.length - 3} more...` : list.join(',');
}

/** ingressLoadBalancerStatusStringer: IPs/hostnames joined, cut to 16 characters unless wide. */
export function ingressAddress(ing: KubeObject, wide = false): string {
  const s = mapsAt(mapAt(mapAt(ing, 'status'), 'loadBalancer'), 'ingress')
    .map((i) => strAt(i, 'ip') || strAt(i, 'hostname') || '')
    .filter((x) => x !== '')
    .join(',');
  return !wide && s.length > 16 ? `${s.slice(0, 13)}...` : s;
}

export const ingresses: KindDefinition = {
  group: GROUP,
  version: 'v1',
  kind: 'Ingress',
  resource: 'ingresses',
  singular: 'ingress',
  namespaced: true,
  shortNames: ['ing'],
  definition: `${NET}Ingress`,
  subresources: { status: true },
  strategy: { ...statusSplitHooks({ generation: true }), validate: validateIngress },
  table: {
    columns: [
      nameColumn(),
      column('Class', 'The name of the IngressClass resource that should be used for additional configuration'),
      column('Hosts', 'Hosts that incoming requests are matched against before the ingress rule'),
      column('Address', 'Address is a list containing ingress points for the load-balancer'),
      column('Ports', 'Ports of TLS configurations that open'),
      ageColumn(),
    ],
    cells: (ing, now) => [
      nameOf(ing),
      strAt(specOf(ing), 'ingressClassName') ?? '<none>',
      ingressHosts(ing),
      // The server prints tables wide, so kube never truncates the address there.
      ingressAddress(ing, true),
      listAt(specOf(ing), 'tls').length > 0 ? '80, 443' : '80',
      age(ing.metadata?.creationTimestamp, now),
    ],
  },
};

// ---------------------------------------------------------------- IngressClass

function validateIngressClass(ic: KubeObject): FieldError[] {
  const spec = specOf(ic);
  const errs: FieldError[] = [];
  const controller = strAt(spec, 'controller') ?? '';
  if (!controller) errs.push(fieldRequired('spec.controller'));
  else if (controller.length > 250)
    errs.push({ type: 'FieldValueTooLong', field: 'spec.controller', detail: 'may not be more than 250 bytes' });
  const params = mapAt(spec, 'parameters');
  if (params) {
    if (!strAt(params, 'kind')) errs.push(fieldRequired('spec.parameters.kind'));
    if (!strAt(params, 'name')) errs.push(fieldRequired('spec.parameters.name'));
    errs.push(...oneOf(params.scope, 'spec.parameters.scope', ['Cluster', 'Namespace'], true));
    if (params.scope === 'Namespace' && !strAt(params, 'namespace'))
      errs.push(fieldRequired('spec.parameters.namespace', '`parameters.scope` is set to "Namespace"'));
    if (params.scope === 'Cluster' && strAt(params, 'namespace'))
      errs.push(fieldForbidden('spec.parameters.namespace', '`parameters.scope` is set to "Cluster"'));
  }
  return errs;
}

export const ingressclasses: KindDefinition = {
  group: GROUP,
  version: 'v1',
  kind: 'IngressClass',
  resource: 'ingressclasses',
  singular: 'ingressclass',
  namespaced: false,
  definition: `${NET}IngressClass`,
  strategy: {
    defaults(ic) {
      // SetDefaults_IngressClass: parameters are cluster-scoped unless told otherwise.
      const params = mapAt(mapAt(ic, 'spec'), 'parameters');
      if (params) setDefault(params, 'scope', 'Cluster');
    },
    ...statusSplitHooks({ generation: true }),
    validate: validateIngressClass,
    validateUpdate: (ic, old) => {
      const c = strAt(specOf(ic), 'controller');
      return c === strAt(specOf(old), 'controller')
        ? []
        : [fieldInvalid('spec.controller', c ?? '', 'field is immutable')];
    },
  },
  table: {
    columns: [
      nameColumn(),
      column('Controller', 'Controller that is responsible for handling this class'),
      column('Parameters', 'A reference to a resource with additional parameters'),
      ageColumn(),
    ],
    cells(ic, now) {
      const p = mapAt(specOf(ic), 'parameters');
      let params = '<none>';
      if (p) {
        params = String(p.kind ?? '');
        if (typeof p.apiGroup === 'string') params += `.${p.apiGroup}`;
        params += `/${String(p.name ?? '')}`;
      }
      return [nameOf(ic), strAt(specOf(ic), 'controller') ?? '', params, age(ic.metadata?.creationTimestamp, now)];
    },
  },
};

// ---------------------------------------------------------------- NetworkPolicy

/** SetDefaults_NetworkPolicy and SetDefaults_NetworkPolicyPort. */
function defaultNetworkPolicy(np: KubeObject): void {
  const spec = ensureMap(np, 'spec');
  if (!spec) return;
  for (const dir of ['ingress', 'egress'])
    for (const rule of mapsAt(spec, dir)) for (const port of mapsAt(rule, 'ports')) setDefault(port, 'protocol', 'TCP');
  if (listAt(spec, 'policyTypes').length === 0) {
    const types = ['Ingress'];
    if (listAt(spec, 'egress').length > 0) types.push('Egress');
    spec.policyTypes = types;
  }
}

function validatePeerPorts(rule: JsonMap, path: string, peersKey: string): FieldError[] {
  const errs: FieldError[] = [];
  mapsAt(rule, 'ports').forEach((p, i) => {
    const pp = idx(`${path}.ports`, i);
    errs.push(...oneOf(p.protocol, `${pp}.protocol`, ['SCTP', 'TCP', 'UDP']));
    if (typeof p.port === 'number' && !validPort(p.port)) errs.push(fieldInvalid(`${pp}.port`, p.port, PORT_RANGE_MSG));
    if (p.endPort !== undefined && p.endPort !== null) {
      if (typeof p.port !== 'number')
        errs.push(fieldRequired(`${pp}.port`, 'When endPort is specified, port must be specified'));
      else if (typeof p.endPort === 'number' && p.endPort < p.port)
        errs.push(fieldInvalid(`${pp}.endPort`, p.endPort, 'must be greater than or equal to `port`'));
    }
  });
  mapsAt(rule, peersKey).forEach((peer, i) => {
    const pp = idx(`${path}.${peersKey}`, i);
    const set = ['podSelector', 'namespaceSelector', 'ipBlock'].filter((k) => isMap(peer[k]));
    if (set.length === 0) errs.push(fieldRequired(pp, 'must specify a peer'));
    else if (isMap(peer.ipBlock) && set.length > 1) errs.push(fieldForbidden(pp, 'may not specify more than 1 peer'));
    const block = mapAt(peer, 'ipBlock');
    if (block && !strAt(block, 'cidr')) errs.push(fieldRequired(`${pp}.ipBlock.cidr`));
  });
  return errs;
}

function validateNetworkPolicy(np: KubeObject): FieldError[] {
  const spec = specOf(np);
  const errs: FieldError[] = [];
  mapsAt(spec, 'ingress').forEach((r, i) => {
    errs.push(...validatePeerPorts(r, idx('spec.ingress', i), 'from'));
  });
  mapsAt(spec, 'egress').forEach((r, i) => {
    errs.push(...validatePeerPorts(r, idx('spec.egress', i), 'to'));
  });
  const types = listAt(spec, 'policyTypes');
  types.forEach((t, i) => {
    errs.push(...oneOf(t, idx('spec.policyTypes', i), ['Ingress', 'Egress'], true));
  });
  if (types.length > 2) errs.push(fieldInvalid('spec.policyTypes', types, 'may not specify more than two policyTypes'));
  return errs;
}

export const networkpolicies: KindDefinition = {
  group: GROUP,
  version: 'v1',
  kind: 'NetworkPolicy',
  resource: 'networkpolicies',
  singular: 'networkpolicy',
  namespaced: true,
  shortNames: ['netpol'],
  definition: `${NET}NetworkPolicy`,
  strategy: {
    defaults: defaultNetworkPolicy,
    ...statusSplitHooks({ generation: true }),
    validate: validateNetworkPolicy,
  },
  table: {
    columns: [
      nameColumn(),
      column(
        'Pod-Selector',
        'Selects the pods to which this NetworkPolicy object applies. The array of ingress rules is applied to any pods selected by this field. Multiple network policies can select the same set of pods. In this case, the ingress rules for each are combined additively. This field is NOT optional and follows standard label selector semantics. An empty podSelector matches all pods in this namespace.',
      ),
      ageColumn(),
    ],
    cells: (np, now) => [
      nameOf(np),
      selectorCell(mapAt(specOf(np), 'podSelector') ?? {}) || '<none>',
      age(np.metadata?.creationTimestamp, now),
    ],
  },
};

// ---------------------------------------------------------------- IPAddress / ServiceCIDR

function validateIPAddress(ip: KubeObject): FieldError[] {
  const ref = mapAt(specOf(ip), 'parentRef');
  if (!ref) return [fieldRequired('spec.parentRef')];
  const errs: FieldError[] = [];
  if (!strAt(ref, 'resource')) errs.push(fieldRequired('spec.parentRef.resource'));
  if (!strAt(ref, 'name')) errs.push(fieldRequired('spec.parentRef.name'));
  return errs;
}

export const ipaddresses: KindDefinition = {
  group: GROUP,
  version: 'v1',
  kind: 'IPAddress',
  resource: 'ipaddresses',
  singular: 'ipaddress',
  namespaced: false,
  shortNames: ['ip'],
  definition: `${NET}IPAddress`,
  strategy: {
    ...plainHooks(),
    validate: validateIPAddress,
    validateUpdate: (ip, old) =>
      jsonEqual(mapAt(specOf(ip), 'parentRef'), mapAt(specOf(old), 'parentRef'))
        ? []
        : [fieldInvalid('spec.parentRef', mapAt(specOf(ip), 'parentRef') ?? null, 'field is immutable')],
  },
  table: {
    columns: [
      nameColumn(),
      column(
        'ParentRef',
        'ParentRef references the resource that an IPAddress is attached to. An IPAddress must reference a parent object.',
      ),
    ],
    cells(ip) {
      const ref = mapAt(specOf(ip), 'parentRef');
      // kube's printer also appends an age cell that no column declares; tables keep one cell per column.
      if (!ref) return [nameOf(ip), '<none>'];
      const group = strAt(ref, 'group') ?? '';
      let s = `${strAt(ref, 'resource') ?? ''}${group ? `.${group}` : ''}`.toLowerCase();
      if (strAt(ref, 'namespace')) s += `/${strAt(ref, 'namespace')}`;
      return [nameOf(ip), `${s}/${strAt(ref, 'name') ?? ''}`];
    },
  },
};

const CIDR_RE = /^(\d{1,3}(\.\d{1,3}){3}|[0-9a-fA-F:]+)\/\d{1,3}$/;

function validateServiceCIDR(sc: KubeObject): FieldError[] {
  const cidrs = listAt(specOf(sc), 'cidrs');
  const errs: FieldError[] = [];
  if (cidrs.length === 0) errs.push(fieldRequired('spec.cidrs'));
  if (cidrs.length > 2) errs.push(fieldInvalid('spec', cidrs, 'may only hold up to 2 values'));
  cidrs.forEach((c, i) => {
    if (typeof c !== 'string' || !CIDR_RE.test(c))
      errs.push(
        fieldInvalid(idx('spec.cidrs', i), c, 'must be a valid CIDR value, (e.g. 10.9.8.0/24 or 2001:db8::/64)'),
      );
  });
  return errs;
}

export const servicecidrs: KindDefinition = {
  group: GROUP,
  version: 'v1',
  kind: 'ServiceCIDR',
  resource: 'servicecidrs',
  singular: 'servicecidr',
  namespaced: false,
  definition: `${NET}ServiceCIDR`,
  subresources: { status: true },
  strategy: {
    ...statusSplitHooks({ generation: false }),
    validate: validateServiceCIDR,
    validateUpdate(sc, old) {
      const now = listAt(specOf(sc), 'cidrs');
      const before = listAt(specOf(old), 'cidrs');
      // kube allows only the single-stack -> dual-stack upgrade (adding a second CIDR).
      if (jsonEqual(now, before) || (before.length === 1 && now.length === 2 && now[0] === before[0])) return [];
      return [fieldInvalid('spec.cidrs', now, 'field is immutable')];
    },
  },
  table: {
    columns: [
      nameColumn(),
      column(
        'CIDRs',
        'CIDRs defines the IP blocks in CIDR notation (e.g. "192.168.0.0/24" or "2001:db8::/64") from which to assign service cluster IPs. Max of two CIDRs is allowed, one of each IP family. This field is immutable.',
      ),
      ageColumn(),
    ],
    cells: (sc, now) => [nameOf(sc), listAt(specOf(sc), 'cidrs').join(','), age(sc.metadata?.creationTimestamp, now)],
  },
};

export function networkingModule(): CatalogModule {
  return {
    kinds: [ingressclasses, ingresses, ipaddresses, networkpolicies, servicecidrs],
    definitions: networkingDefinitions,
  };
}
