/**
 * core/v1 services: SetDefaults_Service, the allocated values an update may omit (clusterIP,
 * nodePorts, healthCheckNodePort are carried over as kube's service storage does), validation
 * of type, ports and clusterIP, and `kubectl get svc` columns. ClusterIP/NodePort allocation
 * itself belongs to the registry (it owns the allocators).
 */
import { type FieldError, fieldDuplicate, fieldInvalid, fieldRequired, OMIT_VALUE } from '../../../api/status.js';
import { isDNS1123Label } from '../../../api/validation/names.js';
import { goStrings, idx, invalidGo, oneOf, PORT_RANGE_MSG, portNameErrors, validPort } from '../field-checks.js';
import {
  clone,
  isMap,
  type JsonMap,
  listAt,
  mapAt,
  mapsAt,
  setDefault,
  setDefaultString,
  strAt,
} from '../object-access.js';
import { statusSplitHooks } from '../status-split.js';
import { age, ageColumn, column, nameColumn, nameOf } from '../table-columns.js';
import type { KindDefinition, KubeObject } from '../types.js';

const TYPES = ['ClusterIP', 'ExternalName', 'LoadBalancer', 'NodePort'];

/** SetDefaults_Service plus the ipFamilies kube's allocator records on a single-stack IPv4 cluster. */
export function defaultService(svc: KubeObject): void {
  const spec = isMap(svc.spec) ? svc.spec : undefined;
  if (!spec) return;
  setDefaultString(spec, 'sessionAffinity', 'None');
  if (spec.sessionAffinity === 'ClientIP') {
    const config = isMap(spec.sessionAffinityConfig) ? spec.sessionAffinityConfig : (spec.sessionAffinityConfig = {});
    const clientIP = isMap(config.clientIP) ? config.clientIP : (config.clientIP = {});
    setDefault(clientIP, 'timeoutSeconds', 10800);
  }
  setDefaultString(spec, 'type', 'ClusterIP');
  for (const p of mapsAt(spec, 'ports')) {
    setDefaultString(p, 'protocol', 'TCP');
    if (p.targetPort === undefined || p.targetPort === null || p.targetPort === 0 || p.targetPort === '')
      p.targetPort = p.port;
  }
  const type = spec.type;
  if ((type === 'NodePort' || type === 'LoadBalancer') && !spec.externalTrafficPolicy)
    spec.externalTrafficPolicy = 'Cluster';
  if (type !== 'ExternalName') setDefaultString(spec, 'internalTrafficPolicy', 'Cluster');
  if (type === 'LoadBalancer') setDefault(spec, 'allocateLoadBalancerNodePorts', true);
  if (type !== 'ExternalName') {
    // Headless services without a selector may carry every family of the cluster.
    const headlessNoSelector =
      spec.clusterIP === 'None' && (!isMap(spec.selector) || Object.keys(spec.selector).length === 0);
    setDefaultString(spec, 'ipFamilyPolicy', headlessNoSelector ? 'RequireDualStack' : 'SingleStack');
    if (listAt(spec, 'ipFamilies').length === 0) spec.ipFamilies = ['IPv4'];
  }
}

const needsClusterIP = (spec: JsonMap | undefined) => strAt(spec, 'type') !== 'ExternalName';
const needsNodePort = (spec: JsonMap | undefined) => {
  const t = strAt(spec, 'type');
  return t === 'NodePort' || (t === 'LoadBalancer' && spec?.allocateLoadBalancerNodePorts !== false);
};
const needsHealthCheckPort = (spec: JsonMap | undefined) =>
  strAt(spec, 'type') === 'LoadBalancer' && strAt(spec, 'externalTrafficPolicy') === 'Local';

/** kube's patchAllocatedValues: an update that omits allocated values keeps the old ones. */
export function carryAllocatedValues(svc: KubeObject, old: KubeObject): void {
  const spec = isMap(svc.spec) ? svc.spec : undefined;
  const oldSpec = mapAt(old, 'spec');
  if (!spec || !oldSpec) return;
  if (needsClusterIP(oldSpec) && needsClusterIP(spec)) {
    if (!spec.clusterIP && oldSpec.clusterIP) spec.clusterIP = oldSpec.clusterIP;
    if (listAt(spec, 'clusterIPs').length === 0 && listAt(oldSpec, 'clusterIPs').length > 0)
      spec.clusterIPs = clone(oldSpec.clusterIPs);
  }
  if (needsNodePort(oldSpec) && needsNodePort(spec)) {
    const used = (s: JsonMap) =>
      new Set(
        mapsAt(s, 'ports')
          .map((p) => p.nodePort)
          .filter((n) => typeof n === 'number' && n !== 0),
      );
    const newUsed = used(spec);
    const inBoth = new Set([...used(oldSpec)].filter((n) => newUsed.has(n)));
    const byName = new Map(mapsAt(oldSpec, 'ports').map((p) => [String(p.name ?? ''), p.nodePort]));
    for (const p of mapsAt(spec, 'ports')) {
      if (p.nodePort !== undefined && p.nodePort !== 0 && p.nodePort !== null) continue;
      const oldVal = byName.get(String(p.name ?? ''));
      if (typeof oldVal === 'number' && oldVal !== 0 && !inBoth.has(oldVal)) p.nodePort = oldVal;
    }
  }
  if (needsHealthCheckPort(oldSpec) && needsHealthCheckPort(spec) && !spec.healthCheckNodePort)
    spec.healthCheckNodePort = oldSpec.healthCheckNodePort;
}

function validatePorts(spec: JsonMap): FieldError[] {
  const errs: FieldError[] = [];
  const ports = mapsAt(spec, 'ports');
  if (ports.length === 0) {
    if (spec.type !== 'ExternalName' && spec.clusterIP !== 'None') errs.push(fieldRequired('spec.ports'));
    return errs;
  }
  const names = new Set<string>();
  const keys = new Set<string>();
  ports.forEach((p, i) => {
    const pp = idx('spec.ports', i);
    const name = strAt(p, 'name') ?? '';
    if (ports.length > 1 && name === '') errs.push(fieldRequired(`${pp}.name`));
    else if (name !== '') {
      for (const m of isDNS1123Label(name)) errs.push(fieldInvalid(`${pp}.name`, name, m));
      if (names.has(name)) errs.push(fieldDuplicate(`${pp}.name`, name));
      names.add(name);
    }
    if (!validPort(p.port)) errs.push(fieldInvalid(`${pp}.port`, p.port ?? 0, PORT_RANGE_MSG));
    errs.push(...oneOf(p.protocol, `${pp}.protocol`, ['SCTP', 'TCP', 'UDP'], true));
    const target = p.targetPort;
    if (typeof target === 'number' && !validPort(target))
      errs.push(fieldInvalid(`${pp}.targetPort`, target, PORT_RANGE_MSG));
    else if (typeof target === 'string')
      for (const m of portNameErrors(target)) errs.push(fieldInvalid(`${pp}.targetPort`, target, m));
    if (p.nodePort !== undefined && p.nodePort !== 0) {
      if (spec.type === 'ClusterIP')
        errs.push({
          type: 'FieldValueForbidden',
          field: `${pp}.nodePort`,
          detail: "may not be used when `type` is 'ClusterIP'",
        });
      else if (!validPort(p.nodePort)) errs.push(fieldInvalid(`${pp}.nodePort`, p.nodePort, PORT_RANGE_MSG));
    }
    const key = `${p.port}/${p.protocol}`;
    if (keys.has(key))
      errs.push({
        type: 'FieldValueDuplicate',
        field: pp,
        value: OMIT_VALUE,
        detail: `core.ServicePort{Name:"", Protocol:${JSON.stringify(String(p.protocol ?? ''))}, AppProtocol:(*string)(nil), Port:${Number(p.port ?? 0)}, TargetPort:intstr.IntOrString{Type:0, IntVal:0, StrVal:""}, NodePort:0}`,
      });
    keys.add(key);
  });
  return errs;
}

function validateService(svc: KubeObject): FieldError[] {
  const spec = isMap(svc.spec) ? svc.spec : {};
  const errs: FieldError[] = [];
  errs.push(...oneOf(spec.type, 'spec.type', TYPES, true));
  if (spec.type === 'ExternalName') {
    const name = strAt(spec, 'externalName');
    if (!name) errs.push(fieldRequired('spec.externalName'));
  }
  errs.push(...validatePorts(spec));
  errs.push(...oneOf(spec.sessionAffinity, 'spec.sessionAffinity', ['ClientIP', 'None'], true));
  errs.push(...oneOf(spec.externalTrafficPolicy, 'spec.externalTrafficPolicy', ['Cluster', 'Local']));
  errs.push(...oneOf(spec.internalTrafficPolicy, 'spec.internalTrafficPolicy', ['Cluster', 'Local']));
  errs.push(
    ...oneOf(spec.ipFamilyPolicy, 'spec.ipFamilyPolicy', ['SingleStack', 'PreferDualStack', 'RequireDualStack']),
  );
  return errs;
}

function validateServiceUpdate(svc: KubeObject, old: KubeObject): FieldError[] {
  const spec = mapAt(svc, 'spec');
  const oldSpec = mapAt(old, 'spec');
  const oldIPs = listAt(oldSpec, 'clusterIPs');
  const newIPs = listAt(spec, 'clusterIPs');
  if (needsClusterIP(oldSpec) && needsClusterIP(spec) && oldIPs.length > 0 && newIPs[0] !== oldIPs[0])
    return [invalidGo('spec.clusterIPs[0]', goStrings(newIPs), 'may not change once set')];
  return [];
}

/** The PORT(S) cell: `80/TCP`, `80:30080/TCP`, comma-joined; `<none>` without ports. */
export function servicePorts(spec: JsonMap | undefined): string {
  const ports = mapsAt(spec, 'ports');
  if (ports.length === 0) return '<none>';
  return ports
    .map((p) => {
      const proto = String(p.protocol ?? '');
      const node = typeof p.nodePort === 'number' && p.nodePort > 0 ? `:${p.nodePort}` : '';
      return `${p.port}${node}/${proto}`;
    })
    .join(',');
}

function loadBalancerIPs(svc: KubeObject): string {
  return mapsAt(mapAt(mapAt(svc, 'status'), 'loadBalancer'), 'ingress')
    .map((i) => strAt(i, 'ip') || strAt(i, 'hostname') || '')
    .filter((s) => s !== '')
    .join(',');
}

/** The EXTERNAL-IP cell (getServiceExternalIP, wide form as the server prints it). */
export function serviceExternalIP(svc: KubeObject): string {
  const spec = mapAt(svc, 'spec');
  const external = listAt(spec, 'externalIPs').map(String);
  switch (strAt(spec, 'type')) {
    case 'ClusterIP':
    case 'NodePort':
      return external.length > 0 ? external.join(',') : '<none>';
    case 'LoadBalancer': {
      const lb = loadBalancerIPs(svc);
      if (external.length > 0) return [...(lb ? lb.split(',') : []), ...external].join(',');
      return lb || '<pending>';
    }
    case 'ExternalName':
      return strAt(spec, 'externalName') ?? '';
    default:
      return '<unknown>';
  }
}

/** labels.FormatLabels: sorted `k=v` pairs, `<none>` when empty. */
export function formatLabels(m: unknown): string {
  if (!isMap(m) || Object.keys(m).length === 0) return '<none>';
  return Object.keys(m)
    .sort()
    .map((k) => `${k}=${String(m[k])}`)
    .join(',');
}

export const services: KindDefinition = {
  group: '',
  version: 'v1',
  kind: 'Service',
  resource: 'services',
  singular: 'service',
  namespaced: true,
  shortNames: ['svc'],
  categories: ['all'],
  definition: 'io.k8s.api.core.v1.Service',
  subresources: {
    status: true,
    custom: {
      proxy: {
        kind: { group: '', version: 'v1', kind: 'ServiceProxyOptions' },
        verbs: ['create', 'delete', 'get', 'patch', 'update'],
      },
    },
  },
  strategy: (() => {
    const hooks = statusSplitHooks({ generation: false, initialStatus: () => ({ loadBalancer: {} }) });
    return {
      defaults: defaultService,
      ...hooks,
      prepareForUpdate(obj: KubeObject, old: KubeObject, ctx) {
        carryAllocatedValues(obj, old);
        hooks.prepareForUpdate?.(obj, old, ctx);
      },
      validate: validateService,
      validateUpdate: validateServiceUpdate,
    };
  })(),
  table: {
    columns: [
      nameColumn(),
      column('Type', 'The type of the service'),
      column('Cluster-IP', 'The IP address of the service'),
      column('External-IP', 'The external IP address of the service'),
      column('Port(s)', 'The port(s) of service'),
      ageColumn(),
      column('Selector', 'Route service traffic to pods with label keys and values matching this selector.', {
        wide: true,
      }),
    ],
    cells(svc, now) {
      const spec = mapAt(svc, 'spec');
      return [
        nameOf(svc),
        strAt(spec, 'type') ?? '',
        strAt(spec, 'clusterIP') || '<none>',
        serviceExternalIP(svc),
        servicePorts(spec),
        age(svc.metadata?.creationTimestamp, now),
        formatLabels(spec?.selector),
      ];
    },
  },
};
