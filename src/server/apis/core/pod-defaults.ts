/**
 * kube's defaulting of pod specs (pkg/apis/core/v1/defaults.go plus the `+default` markers of
 * core/v1): what `kubectl get -o yaml` shows that the user did not write. `defaultPodSpec` runs
 * on every PodSpec (pods and the templates of workloads); `defaultPod` adds the pod-only rules.
 */
import { Quantity } from '../../../api/quantity.js';
import { ensureMap, isMap, type JsonMap, mapAt, mapsAt, setDefault, setDefaultString } from '../object-access.js';

/** ParseImageName's tag: '' when the reference has a digest only or cannot be parsed. */
export function imageTag(image: string): string {
  if (!image || /\s/.test(image)) return '';
  let rest = image;
  const at = rest.indexOf('@');
  const hasDigest = at >= 0;
  if (hasDigest) rest = rest.slice(0, at);
  const slash = rest.lastIndexOf('/');
  const colon = rest.lastIndexOf(':');
  let tag = '';
  let name = rest;
  if (colon > slash) {
    tag = rest.slice(colon + 1);
    name = rest.slice(0, colon);
  }
  // The repository path (after an optional registry host) must be lower case: docker's parser
  // rejects `Nginx`, and kube then treats the tag as unknown.
  const firstSlash = name.indexOf('/');
  const host = firstSlash >= 0 ? name.slice(0, firstSlash) : '';
  const looksLikeHost = host !== '' && (host.includes('.') || host.includes(':') || host === 'localhost');
  const path = looksLikeHost ? name.slice(firstSlash + 1) : name;
  if (!/^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*(?:\/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*$/.test(path)) return '';
  if (tag && !/^[\w][\w.-]{0,127}$/.test(tag)) return '';
  if (!tag && !hasDigest) return 'latest';
  return tag;
}

/** SetDefaults_Container's pull policy: Always for `:latest` or no tag, else IfNotPresent. */
export const defaultPullPolicy = (image: unknown): string =>
  imageTag(typeof image === 'string' ? image : '') === 'latest' ? 'Always' : 'IfNotPresent';

function defaultProbe(probe: JsonMap | undefined): void {
  if (!probe) return;
  setDefault(probe, 'timeoutSeconds', 1);
  setDefault(probe, 'periodSeconds', 10);
  setDefault(probe, 'successThreshold', 1);
  setDefault(probe, 'failureThreshold', 3);
  defaultHandler(probe);
}

function defaultHandler(handler: JsonMap | undefined): void {
  if (!handler) return;
  const http = mapAt(handler, 'httpGet');
  if (http) {
    setDefaultString(http, 'path', '/');
    setDefaultString(http, 'scheme', 'HTTP');
  }
  const grpc = mapAt(handler, 'grpc');
  if (grpc) setDefault(grpc, 'service', '');
}

function defaultEnv(container: JsonMap): void {
  for (const env of mapsAt(container, 'env')) {
    const fieldRef = mapAt(mapAt(env, 'valueFrom'), 'fieldRef');
    if (fieldRef) setDefaultString(fieldRef, 'apiVersion', 'v1');
  }
}

/** SetDefaults_Container (plus ports, probes, lifecycle handlers and env field refs). */
export function defaultContainer(c: JsonMap): void {
  setDefaultString(c, 'imagePullPolicy', defaultPullPolicy(c.image));
  setDefaultString(c, 'terminationMessagePath', '/dev/termination-log');
  setDefaultString(c, 'terminationMessagePolicy', 'File');
  // ResourceRequirements is a plain struct in Go, so kube always prints `resources: {}`.
  setDefault(c, 'resources', {});
  for (const p of mapsAt(c, 'ports')) setDefaultString(p, 'protocol', 'TCP');
  defaultProbe(mapAt(c, 'livenessProbe'));
  defaultProbe(mapAt(c, 'readinessProbe'));
  defaultProbe(mapAt(c, 'startupProbe'));
  const lifecycle = mapAt(c, 'lifecycle');
  defaultHandler(mapAt(lifecycle, 'postStart'));
  defaultHandler(mapAt(lifecycle, 'preStop'));
  defaultEnv(c);
}

const VOLUME_SOURCES = [
  'hostPath',
  'emptyDir',
  'gcePersistentDisk',
  'awsElasticBlockStore',
  'gitRepo',
  'secret',
  'nfs',
  'iscsi',
  'glusterfs',
  'persistentVolumeClaim',
  'rbd',
  'flexVolume',
  'cinder',
  'cephfs',
  'flocker',
  'downwardAPI',
  'fc',
  'azureFile',
  'configMap',
  'vsphereVolume',
  'quobyte',
  'azureDisk',
  'photonPersistentDisk',
  'projected',
  'portworxVolume',
  'scaleIO',
  'storageos',
  'csi',
  'ephemeral',
  'image',
];

/** kube's file mode default for secret, configMap, downwardAPI and projected volumes (0644). */
const DEFAULT_MODE = 420;

/** SetDefaults_Volume and the per-source defaults. */
export function defaultVolume(v: JsonMap): void {
  if (!VOLUME_SOURCES.some((s) => v[s] !== undefined && v[s] !== null)) v.emptyDir = {};
  for (const key of ['secret', 'configMap', 'downwardAPI', 'projected']) {
    const src = mapAt(v, key);
    if (src) setDefault(src, 'defaultMode', DEFAULT_MODE);
  }
  for (const fileOwner of [
    mapAt(v, 'downwardAPI'),
    ...mapsAt(mapAt(v, 'projected'), 'sources').map((s) => mapAt(s, 'downwardAPI')),
  ]) {
    for (const item of mapsAt(fileOwner, 'items')) {
      const fieldRef = mapAt(item, 'fieldRef');
      if (fieldRef) setDefaultString(fieldRef, 'apiVersion', 'v1');
    }
  }
  for (const src of mapsAt(mapAt(v, 'projected'), 'sources')) {
    const token = mapAt(src, 'serviceAccountToken');
    if (token) setDefault(token, 'expirationSeconds', 3600);
  }
  const hostPath = mapAt(v, 'hostPath');
  if (hostPath) setDefault(hostPath, 'type', '');
  const iscsi = mapAt(v, 'iscsi');
  if (iscsi) setDefaultString(iscsi, 'iscsiInterface', 'default');
  const rbd = mapAt(v, 'rbd');
  if (rbd) {
    setDefaultString(rbd, 'pool', 'rbd');
    setDefaultString(rbd, 'user', 'admin');
    setDefaultString(rbd, 'keyring', '/etc/ceph/keyring');
  }
  const azureDisk = mapAt(v, 'azureDisk');
  if (azureDisk) {
    setDefaultString(azureDisk, 'cachingMode', 'ReadWrite');
    setDefaultString(azureDisk, 'kind', 'Shared');
    setDefaultString(azureDisk, 'fsType', 'ext4');
    setDefault(azureDisk, 'readOnly', false);
  }
  const scaleIO = mapAt(v, 'scaleIO');
  if (scaleIO) {
    setDefaultString(scaleIO, 'storageMode', 'ThinProvisioned');
    setDefaultString(scaleIO, 'fsType', 'xfs');
  }
  const claimSpec = mapAt(mapAt(mapAt(v, 'ephemeral'), 'volumeClaimTemplate'), 'spec');
  if (claimSpec) setDefaultString(claimSpec, 'volumeMode', 'Filesystem');
}

/** Every container of a pod spec: init, app and ephemeral. */
export const allContainers = (spec: JsonMap | undefined): JsonMap[] => [
  ...mapsAt(spec, 'initContainers'),
  ...mapsAt(spec, 'containers'),
  ...mapsAt(spec, 'ephemeralContainers'),
];

/** SetDefaults_PodSpec and everything nested in a pod spec. Runs on pods and on templates. */
export function defaultPodSpec(spec: JsonMap | undefined): void {
  if (!spec) return;
  setDefaultString(spec, 'dnsPolicy', 'ClusterFirst');
  setDefaultString(spec, 'restartPolicy', 'Always');
  setDefault(spec, 'securityContext', {});
  setDefault(spec, 'terminationGracePeriodSeconds', 30);
  setDefaultString(spec, 'schedulerName', 'default-scheduler');
  if (spec.hostNetwork === true) {
    // defaultHostNetworkPorts: with the host network, hostPort mirrors containerPort.
    for (const c of [...mapsAt(spec, 'initContainers'), ...mapsAt(spec, 'containers')])
      for (const p of mapsAt(c, 'ports'))
        if ((p.hostPort === undefined || p.hostPort === 0) && p.containerPort !== undefined)
          p.hostPort = p.containerPort;
  }
  for (const c of allContainers(spec)) defaultContainer(c);
  for (const v of mapsAt(spec, 'volumes')) defaultVolume(v);
}

/** Defaults the template's pod spec of a workload (`spec.template.spec`). */
export function defaultTemplate(template: unknown): void {
  // ObjectMeta is a plain struct in PodTemplateSpec: kube always prints `metadata: {}`.
  if (isMap(template)) setDefault(template, 'metadata', {});
  defaultPodSpec(mapAt(template, 'spec'));
}

/** SetDefaults_Pod: requests default to limits, enableServiceLinks true, then the pod spec rules. */
export function defaultPod(pod: JsonMap): void {
  const spec = ensureMap(pod, 'spec');
  if (!spec) return;
  for (const c of [...mapsAt(spec, 'initContainers'), ...mapsAt(spec, 'containers')]) {
    const resources = mapAt(c, 'resources');
    const limits = mapAt(resources, 'limits');
    if (!resources || !limits || Object.keys(limits).length === 0) continue;
    const requests = ensureMap(resources, 'requests');
    if (!requests) continue;
    for (const [k, v] of Object.entries(limits)) if (requests[k] === undefined) requests[k] = v;
  }
  setDefault(spec, 'enableServiceLinks', true);
  defaultPodSpec(spec);
}

/** The pod's QoS class (pkg/apis/core/helper/qos), from requests and limits of cpu and memory. */
export function podQOSClass(spec: JsonMap | undefined): 'BestEffort' | 'Burstable' | 'Guaranteed' {
  const containers = [...mapsAt(spec, 'initContainers'), ...mapsAt(spec, 'containers')];
  const supported = (k: string) => k === 'cpu' || k === 'memory';
  const nonZero = (q: unknown) => {
    if (q === undefined || q === null) return false;
    const parsed = Quantity.tryParse(String(q));
    return parsed !== undefined && !parsed.isZero();
  };
  const same = (a: unknown, b: unknown) => {
    const qa = Quantity.tryParse(String(a));
    const qb = Quantity.tryParse(String(b));
    return qa !== undefined && qb !== undefined && qa.equal(qb);
  };
  let any = false;
  let guaranteed = true;
  for (const c of containers) {
    const requests = mapAt(mapAt(c, 'resources'), 'requests') ?? {};
    const limits = mapAt(mapAt(c, 'resources'), 'limits') ?? {};
    for (const [k, v] of Object.entries(requests)) if (supported(k) && nonZero(v)) any = true;
    for (const [k, v] of Object.entries(limits)) if (supported(k) && nonZero(v)) any = true;
    for (const k of ['cpu', 'memory']) {
      if (!nonZero(limits[k])) guaranteed = false;
      else if (requests[k] !== undefined && !same(requests[k], limits[k])) guaranteed = false;
    }
  }
  if (!any) return 'BestEffort';
  return guaranteed && containers.length > 0 ? 'Guaranteed' : 'Burstable';
}
