/**
 * Pod spec validation with kube's field paths and messages (pkg/apis/core/validation:
 * ValidatePodSpec, validateContainers, ValidateVolumes). Covers what users hit in practice:
 * containers and their names, images, ports, pull policies, volumes and mounts, restart and
 * DNS policies, probes' handlers, resource requests vs limits. Paths are relative to `path`
 * (`spec` for pods, `spec.template.spec` for workloads).
 */

import { Quantity } from '../../../api/quantity.js';
import { type FieldError, fieldDuplicate, fieldInvalid, fieldNotFound, fieldRequired } from '../../../api/status.js';
import { isDNS1123Subdomain } from '../../../api/validation/names.js';
import { dnsLabel, idx, nonNegative, oneOf, PORT_RANGE_MSG, portNameErrors, validPort } from '../field-checks.js';
import { isMap, type JsonMap, mapAt, mapsAt, strAt } from '../object-access.js';

export interface PodSpecValidationOptions {
  /** Allowed restart policies (Deployments only allow Always; Jobs OnFailure/Never). */
  restartPolicies?: readonly string[];
}

const RESTART_POLICIES = ['Always', 'OnFailure', 'Never'];
const DNS_POLICIES = ['ClusterFirstWithHostNet', 'ClusterFirst', 'Default', 'None'];
const PULL_POLICIES = ['Always', 'IfNotPresent', 'Never'];
const PROTOCOLS = ['SCTP', 'TCP', 'UDP'];
const TERMINATION_MESSAGE_POLICIES = ['File', 'FallbackToLogsOnError'];

function validatePorts(ports: JsonMap[], path: string): FieldError[] {
  const errs: FieldError[] = [];
  const names = new Set<string>();
  ports.forEach((p, i) => {
    const pp = idx(path, i);
    const name = strAt(p, 'name');
    if (name) {
      for (const m of portNameErrors(name)) errs.push(fieldInvalid(`${pp}.name`, name, m));
      if (names.has(name)) errs.push(fieldDuplicate(`${pp}.name`, name));
      names.add(name);
    }
    if (p.containerPort === undefined || p.containerPort === 0) errs.push(fieldRequired(`${pp}.containerPort`));
    else if (!validPort(p.containerPort))
      errs.push(fieldInvalid(`${pp}.containerPort`, p.containerPort, PORT_RANGE_MSG));
    if (p.hostPort !== undefined && p.hostPort !== 0 && !validPort(p.hostPort))
      errs.push(fieldInvalid(`${pp}.hostPort`, p.hostPort, PORT_RANGE_MSG));
    errs.push(...oneOf(p.protocol, `${pp}.protocol`, PROTOCOLS, true));
  });
  return errs;
}

function validateHandler(h: JsonMap | undefined, path: string): FieldError[] {
  if (!h) return [];
  const errs: FieldError[] = [];
  const handlers = ['exec', 'httpGet', 'tcpSocket', 'grpc', 'sleep'].filter((k) => isMap(h[k]));
  if (handlers.length === 0) errs.push(fieldRequired(path, 'must specify a handler type'));
  else if (handlers.length > 1) {
    for (const k of handlers.slice(1))
      errs.push({
        type: 'FieldValueForbidden',
        field: `${path}.${k}`,
        detail: 'may not specify more than 1 handler type',
      });
  }
  const http = mapAt(h, 'httpGet');
  if (http) {
    if (http.port === undefined) errs.push(fieldRequired(`${path}.httpGet.port`));
    else if (typeof http.port === 'number' && !validPort(http.port))
      errs.push(fieldInvalid(`${path}.httpGet.port`, http.port, PORT_RANGE_MSG));
    errs.push(...oneOf(http.scheme, `${path}.httpGet.scheme`, ['HTTP', 'HTTPS']));
  }
  const tcp = mapAt(h, 'tcpSocket');
  if (tcp && typeof tcp.port === 'number' && !validPort(tcp.port))
    errs.push(fieldInvalid(`${path}.tcpSocket.port`, tcp.port, PORT_RANGE_MSG));
  return errs;
}

function validateProbe(p: JsonMap | undefined, path: string): FieldError[] {
  if (!p) return [];
  const errs = validateHandler(p, path);
  for (const k of ['initialDelaySeconds', 'timeoutSeconds', 'periodSeconds', 'successThreshold', 'failureThreshold'])
    errs.push(...nonNegative(p[k], `${path}.${k}`));
  return errs;
}

/** A quantity as kube parses it; undefined for a value the schema layer reports. */
const quantityOf = (q: unknown): Quantity | undefined =>
  typeof q === 'string' ? Quantity.tryParse(q) : typeof q === 'number' ? Quantity.tryParse(String(q)) : undefined;

function validateResources(r: JsonMap | undefined, path: string): FieldError[] {
  if (!r) return [];
  const errs: FieldError[] = [];
  const limits = mapAt(r, 'limits') ?? {};
  const requests = mapAt(r, 'requests') ?? {};
  for (const [k, q] of Object.entries(requests)) {
    const lim = quantityOf(limits[k]);
    const req = quantityOf(q);
    if (lim !== undefined && req !== undefined && req.cmp(lim) > 0)
      errs.push(
        fieldInvalid(`${path}.requests`, String(q), `must be less than or equal to ${k} limit of ${String(limits[k])}`),
      );
  }
  return errs;
}

function validateContainer(c: JsonMap, path: string, volumes: Set<string>): FieldError[] {
  const errs: FieldError[] = [];
  const image = c.image;
  if (image === undefined || image === null || image === '') errs.push(fieldRequired(`${path}.image`));
  else if (typeof image === 'string' && image.trim() !== image)
    errs.push(fieldInvalid(`${path}.image`, image, 'must not have leading or trailing whitespace'));
  errs.push(...validateProbe(mapAt(c, 'livenessProbe'), `${path}.livenessProbe`));
  errs.push(...validateProbe(mapAt(c, 'readinessProbe'), `${path}.readinessProbe`));
  errs.push(...validateProbe(mapAt(c, 'startupProbe'), `${path}.startupProbe`));
  const lifecycle = mapAt(c, 'lifecycle');
  errs.push(...validateHandler(mapAt(lifecycle, 'postStart'), `${path}.lifecycle.postStart`));
  errs.push(...validateHandler(mapAt(lifecycle, 'preStop'), `${path}.lifecycle.preStop`));
  errs.push(...validatePorts(mapsAt(c, 'ports'), `${path}.ports`));
  mapsAt(c, 'env').forEach((e, i) => {
    if (!e.name) errs.push(fieldRequired(`${idx(`${path}.env`, i)}.name`));
  });
  const mountPaths = new Set<string>();
  mapsAt(c, 'volumeMounts').forEach((m, i) => {
    const mp = idx(`${path}.volumeMounts`, i);
    const name = strAt(m, 'name');
    if (!name) errs.push(fieldRequired(`${mp}.name`));
    else if (!volumes.has(name)) errs.push(fieldNotFound(`${mp}.name`, name));
    const mountPath = strAt(m, 'mountPath');
    if (!mountPath) errs.push(fieldRequired(`${mp}.mountPath`));
    else {
      if (mountPaths.has(mountPath)) errs.push(fieldInvalid(`${mp}.mountPath`, mountPath, 'must be unique'));
      mountPaths.add(mountPath);
    }
  });
  errs.push(...validateResources(mapAt(c, 'resources'), `${path}.resources`));
  errs.push(...oneOf(c.imagePullPolicy, `${path}.imagePullPolicy`, PULL_POLICIES, true));
  errs.push(
    ...oneOf(c.terminationMessagePolicy, `${path}.terminationMessagePolicy`, TERMINATION_MESSAGE_POLICIES, true),
  );
  return errs;
}

/** Names of containers seen so far are shared by init and app containers (kube checks both). */
function validateContainerList(
  list: JsonMap[],
  path: string,
  volumes: Set<string>,
  names: Set<string>,
  required: boolean,
): FieldError[] {
  if (list.length === 0) return required ? [fieldRequired(path)] : [];
  const errs: FieldError[] = [];
  list.forEach((c, i) => {
    const cp = idx(path, i);
    const name = c.name;
    if (typeof name === 'string' && name !== '' && names.has(name)) errs.push(fieldDuplicate(`${cp}.name`, name));
    else errs.push(...dnsLabel(name, `${cp}.name`));
    if (typeof name === 'string') names.add(name);
    errs.push(...validateContainer(c, cp, volumes));
  });
  return errs;
}

const VOLUME_SOURCE_KEYS = (v: JsonMap) =>
  Object.keys(v).filter((k) => k !== 'name' && v[k] !== null && v[k] !== undefined);

function validateVolumes(volumes: JsonMap[], path: string): { errs: FieldError[]; names: Set<string> } {
  const errs: FieldError[] = [];
  const names = new Set<string>();
  volumes.forEach((v, i) => {
    const vp = idx(path, i);
    const name = v.name;
    if (typeof name === 'string' && name !== '' && names.has(name)) errs.push(fieldDuplicate(`${vp}.name`, name));
    else errs.push(...dnsLabel(name, `${vp}.name`));
    if (typeof name === 'string' && name) names.add(name);
    const sources = VOLUME_SOURCE_KEYS(v);
    if (sources.length > 1)
      for (const s of sources.slice(1))
        errs.push({
          type: 'FieldValueForbidden',
          field: `${vp}.${s}`,
          detail: 'may not specify more than 1 volume type',
        });
    const cm = mapAt(v, 'configMap');
    if (cm && !cm.name) errs.push(fieldRequired(`${vp}.configMap.name`));
    const secret = mapAt(v, 'secret');
    if (secret && typeof secret.secretName === 'string')
      for (const m of isDNS1123Subdomain(secret.secretName))
        errs.push(fieldInvalid(`${vp}.secret.secretName`, secret.secretName, m));
    const hostPath = mapAt(v, 'hostPath');
    if (hostPath && !hostPath.path) errs.push(fieldRequired(`${vp}.hostPath.path`));
    const pvc = mapAt(v, 'persistentVolumeClaim');
    if (pvc && !pvc.claimName) errs.push(fieldRequired(`${vp}.persistentVolumeClaim.claimName`));
  });
  return { errs, names };
}

/** ValidatePodSpec for the fields listed in the file comment. */
export function validatePodSpec(spec: unknown, path: string, opts: PodSpecValidationOptions = {}): FieldError[] {
  if (!isMap(spec)) return [fieldRequired(path)];
  const { errs, names: volumes } = validateVolumes(mapsAt(spec, 'volumes'), `${path}.volumes`);
  const containerNames = new Set<string>();
  errs.push(...validateContainerList(mapsAt(spec, 'containers'), `${path}.containers`, volumes, containerNames, true));
  errs.push(
    ...validateContainerList(mapsAt(spec, 'initContainers'), `${path}.initContainers`, volumes, containerNames, false),
  );
  const restart = spec.restartPolicy;
  const allowed = opts.restartPolicies ?? RESTART_POLICIES;
  errs.push(...oneOf(restart, `${path}.restartPolicy`, allowed, true));
  errs.push(...oneOf(spec.dnsPolicy, `${path}.dnsPolicy`, DNS_POLICIES, true));
  const ads = spec.activeDeadlineSeconds;
  if (typeof ads === 'number' && (ads < 1 || ads > 2147483647))
    errs.push(fieldInvalid(`${path}.activeDeadlineSeconds`, ads, 'must be between 1 and 2147483647, inclusive'));
  errs.push(...nonNegative(spec.terminationGracePeriodSeconds, `${path}.terminationGracePeriodSeconds`));
  for (const k of ['hostname', 'subdomain']) {
    const v = spec[k];
    if (typeof v === 'string' && v !== '') errs.push(...dnsLabel(v, `${path}.${k}`));
  }
  const sa = strAt(spec, 'serviceAccountName');
  if (sa) for (const m of isDNS1123Subdomain(sa)) errs.push(fieldInvalid(`${path}.serviceAccountName`, sa, m));
  return errs;
}
