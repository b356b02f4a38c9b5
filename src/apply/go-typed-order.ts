/**
 * Field order of kubectl's typed apps/v1 objects. `rollout history|undo -o json` print Go structs
 * (a ReplicaSet, DaemonSet, StatefulSet or Deployment decoded by the typed client), and Go's
 * encoding/json writes struct fields in declaration order, TypeMeta first (`kind`, then
 * `apiVersion`). Maps (labels, annotations, ...) keep sorted keys. Fields a table does not list
 * (newer or rarer API fields) follow the listed ones in sorted order, so nothing is lost.
 * Status fields Go always writes (no omitempty) are filled with their zero value, and empty
 * strings in struct fields are dropped as omitempty drops them.
 */
import { compareBytes } from '../printers/json/go-json.js';

type Obj = Record<string, unknown>;

/** A struct: its fields in Go order, each with the struct type of its value (or of list items). */
type StructDef = [field: string, type?: string][];

const META: StructDef = [
  ['name'],
  ['generateName'],
  ['namespace'],
  ['selfLink'],
  ['uid'],
  ['resourceVersion'],
  ['generation'],
  ['creationTimestamp'],
  ['deletionTimestamp'],
  ['deletionGracePeriodSeconds'],
  ['labels', 'map'],
  ['annotations', 'map'],
  ['ownerReferences', 'OwnerReference'],
  ['finalizers'],
  ['managedFields', 'ManagedFieldsEntry'],
];

const POD_SPEC: StructDef = [
  ['volumes', 'Volume'],
  ['initContainers', 'Container'],
  ['containers', 'Container'],
  ['ephemeralContainers', 'Container'],
  ['restartPolicy'],
  ['terminationGracePeriodSeconds'],
  ['activeDeadlineSeconds'],
  ['dnsPolicy'],
  ['nodeSelector', 'map'],
  ['serviceAccountName'],
  ['serviceAccount'],
  ['automountServiceAccountToken'],
  ['nodeName'],
  ['hostNetwork'],
  ['hostPID'],
  ['hostIPC'],
  ['shareProcessNamespace'],
  ['securityContext', 'map'],
  ['imagePullSecrets'],
  ['hostname'],
  ['subdomain'],
  ['affinity', 'map'],
  ['schedulerName'],
  ['tolerations', 'Toleration'],
  ['hostAliases'],
  ['priorityClassName'],
  ['priority'],
  ['dnsConfig', 'map'],
  ['readinessGates'],
  ['runtimeClassName'],
  ['enableServiceLinks'],
  ['preemptionPolicy'],
  ['overhead', 'map'],
  ['topologySpreadConstraints', 'map'],
  ['setHostnameAsFQDN'],
  ['os'],
  ['hostUsers'],
  ['schedulingGates'],
  ['resourceClaims'],
  ['resources', 'ResourceRequirements'],
  ['hostnameOverride'],
];

const CONTAINER: StructDef = [
  ['name'],
  ['image'],
  ['command'],
  ['args'],
  ['workingDir'],
  ['ports', 'ContainerPort'],
  ['envFrom', 'map'],
  ['env', 'EnvVar'],
  ['resources', 'ResourceRequirements'],
  ['resizePolicy'],
  ['restartPolicy'],
  ['restartPolicyRules', 'map'],
  ['volumeMounts', 'VolumeMount'],
  ['volumeDevices'],
  ['livenessProbe', 'Probe'],
  ['readinessProbe', 'Probe'],
  ['startupProbe', 'Probe'],
  ['lifecycle', 'map'],
  ['terminationMessagePath'],
  ['terminationMessagePolicy'],
  ['imagePullPolicy'],
  ['securityContext', 'map'],
  ['stdin'],
  ['stdinOnce'],
  ['tty'],
];

const STRUCTS: Record<string, StructDef> = {
  ObjectMeta: META,
  OwnerReference: [['apiVersion'], ['kind'], ['name'], ['uid'], ['controller'], ['blockOwnerDeletion']],
  ManagedFieldsEntry: [
    ['manager'],
    ['operation'],
    ['apiVersion'],
    ['time'],
    ['fieldsType'],
    ['fieldsV1', 'map'],
    ['subresource'],
  ],
  LabelSelector: [
    ['matchLabels', 'map'],
    ['matchExpressions', 'LabelSelectorRequirement'],
  ],
  LabelSelectorRequirement: [['key'], ['operator'], ['values']],
  PodTemplateSpec: [
    ['metadata', 'ObjectMeta'],
    ['spec', 'PodSpec'],
  ],
  PodSpec: POD_SPEC,
  Container: CONTAINER,
  ContainerPort: [['name'], ['hostPort'], ['containerPort'], ['protocol'], ['hostIP']],
  EnvVar: [['name'], ['value'], ['valueFrom', 'map']],
  ResourceRequirements: [['limits', 'map'], ['requests', 'map'], ['claims']],
  VolumeMount: [
    ['name'],
    ['readOnly'],
    ['recursiveReadOnly'],
    ['mountPath'],
    ['subPath'],
    ['mountPropagation'],
    ['subPathExpr'],
  ],
  Probe: [
    ['exec', 'map'],
    ['httpGet', 'HTTPGetAction'],
    ['tcpSocket', 'map'],
    ['grpc', 'map'],
    ['initialDelaySeconds'],
    ['timeoutSeconds'],
    ['periodSeconds'],
    ['successThreshold'],
    ['failureThreshold'],
    ['terminationGracePeriodSeconds'],
  ],
  HTTPGetAction: [['path'], ['port'], ['host'], ['scheme'], ['httpHeaders']],
  Toleration: [['key'], ['operator'], ['value'], ['effect'], ['tolerationSeconds']],
  Volume: [
    ['name'],
    ['hostPath', 'map'],
    ['emptyDir', 'EmptyDirVolumeSource'],
    ['secret', 'SecretVolumeSource'],
    ['persistentVolumeClaim', 'map'],
    ['downwardAPI', 'map'],
    ['configMap', 'ConfigMapVolumeSource'],
    ['projected', 'map'],
    ['csi', 'map'],
    ['ephemeral', 'map'],
    ['image', 'map'],
  ],
  Condition: [['type'], ['status'], ['lastUpdateTime'], ['lastTransitionTime'], ['reason'], ['message']],
  EmptyDirVolumeSource: [['medium'], ['sizeLimit']],
  SecretVolumeSource: [['secretName'], ['items'], ['defaultMode'], ['optional']],
  ConfigMapVolumeSource: [['name'], ['items'], ['defaultMode'], ['optional']],
  ReplicaSet: [
    ['kind'],
    ['apiVersion'],
    ['metadata', 'ObjectMeta'],
    ['spec', 'ReplicaSetSpec'],
    ['status', 'ReplicaSetStatus'],
  ],
  ReplicaSetSpec: [['replicas'], ['minReadySeconds'], ['selector', 'LabelSelector'], ['template', 'PodTemplateSpec']],
  Deployment: [
    ['kind'],
    ['apiVersion'],
    ['metadata', 'ObjectMeta'],
    ['spec', 'DeploymentSpec'],
    ['status', 'DeploymentStatus'],
  ],
  DeploymentSpec: [
    ['replicas'],
    ['selector', 'LabelSelector'],
    ['template', 'PodTemplateSpec'],
    ['strategy', 'Strategy'],
    ['minReadySeconds'],
    ['revisionHistoryLimit'],
    ['paused'],
    ['progressDeadlineSeconds'],
  ],
  ReplicaSetStatus: [
    ['replicas'],
    ['fullyLabeledReplicas'],
    ['readyReplicas'],
    ['availableReplicas'],
    ['terminatingReplicas'],
    ['observedGeneration'],
    ['conditions', 'Condition'],
  ],
  DeploymentStatus: [
    ['observedGeneration'],
    ['replicas'],
    ['updatedReplicas'],
    ['readyReplicas'],
    ['availableReplicas'],
    ['unavailableReplicas'],
    ['terminatingReplicas'],
    ['conditions', 'Condition'],
    ['collisionCount'],
  ],
  Strategy: [['type'], ['rollingUpdate', 'RollingUpdate']],
  RollingUpdate: [['maxUnavailable'], ['maxSurge']],
  DaemonSet: [
    ['kind'],
    ['apiVersion'],
    ['metadata', 'ObjectMeta'],
    ['spec', 'DaemonSetSpec'],
    ['status', 'DaemonSetStatus'],
  ],
  DaemonSetSpec: [
    ['selector', 'LabelSelector'],
    ['template', 'PodTemplateSpec'],
    ['updateStrategy', 'Strategy'],
    ['minReadySeconds'],
    ['revisionHistoryLimit'],
  ],
  DaemonSetStatus: [
    ['currentNumberScheduled'],
    ['numberMisscheduled'],
    ['desiredNumberScheduled'],
    ['numberReady'],
    ['observedGeneration'],
    ['updatedNumberScheduled'],
    ['numberAvailable'],
    ['numberUnavailable'],
    ['collisionCount'],
    ['conditions', 'Condition'],
  ],
  StatefulSet: [
    ['kind'],
    ['apiVersion'],
    ['metadata', 'ObjectMeta'],
    ['spec', 'StatefulSetSpec'],
    ['status', 'StatefulSetStatus'],
  ],
  StatefulSetSpec: [
    ['replicas'],
    ['selector', 'LabelSelector'],
    ['template', 'PodTemplateSpec'],
    ['volumeClaimTemplates'],
    ['serviceName'],
    ['podManagementPolicy'],
    ['updateStrategy', 'StatefulSetStrategy'],
    ['revisionHistoryLimit'],
    ['minReadySeconds'],
    ['persistentVolumeClaimRetentionPolicy'],
    ['ordinals'],
  ],
  StatefulSetStrategy: [['type'], ['rollingUpdate', 'StatefulSetRollingUpdate']],
  StatefulSetRollingUpdate: [['partition'], ['maxUnavailable']],
  StatefulSetStatus: [
    ['observedGeneration'],
    ['replicas'],
    ['readyReplicas'],
    ['currentReplicas'],
    ['updatedReplicas'],
    ['currentRevision'],
    ['updateRevision'],
    ['collisionCount'],
    ['conditions', 'Condition'],
    ['availableReplicas'],
  ],
};

/** Status fields Go writes even when zero (declared without omitempty). */
const ALWAYS: Record<string, Obj> = {
  ReplicaSet: { replicas: 0 },
  DaemonSet: { currentNumberScheduled: 0, numberMisscheduled: 0, desiredNumberScheduled: 0, numberReady: 0 },
  StatefulSet: { replicas: 0, availableReplicas: 0 },
  Deployment: {},
};

/** String fields declared without omitempty (Go writes them even when empty). */
const KEEPS_EMPTY_STRING = new Set(['name', 'mountPath', 'key', 'operator', 'apiVersion', 'kind', 'uid']);

/**
 * Go drops an empty string from a struct field tagged omitempty, which almost every string
 * field is; the server may hand back `""` that kube-apiserver would not have kept.
 */
const omittedEmpty = (field: string, v: unknown): boolean => v === '' && !KEEPS_EMPTY_STRING.has(field);

const isPlain = (v: unknown): v is Obj => !!v && typeof v === 'object' && !Array.isArray(v);

function orderValue(v: unknown, type: string | undefined): unknown {
  if (Array.isArray(v)) return v.map((x) => orderValue(x, type));
  if (!isPlain(v)) return v;
  if (!type || type === 'map' || !STRUCTS[type]) return sortedDeep(v);
  const def = STRUCTS[type]!;
  const out: Obj = {};
  const known = new Set<string>();
  for (const [field, child] of def) {
    known.add(field);
    if (field in v && !omittedEmpty(field, v[field])) out[field] = orderValue(v[field], child);
  }
  for (const k of Object.keys(v).sort(compareBytes)) {
    if (!known.has(k) && !omittedEmpty(k, v[k])) out[k] = sortedDeep(v[k]);
  }
  return out;
}

function sortedDeep(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(sortedDeep);
  if (!isPlain(v)) return v;
  const out: Obj = {};
  for (const k of Object.keys(v).sort(compareBytes)) out[k] = sortedDeep(v[k]);
  return out;
}

/**
 * `obj` with its keys in the order kubectl's typed struct prints them. Kinds without a table
 * come back with sorted keys (what kubectl prints for unstructured objects).
 */
export function typedOrder(obj: Obj): Obj {
  const kind = typeof obj.kind === 'string' ? obj.kind : '';
  if (!STRUCTS[kind] || !(kind in ALWAYS)) return sortedDeep(obj) as Obj;
  const filled: Obj = { ...obj };
  const always = ALWAYS[kind]!;
  if (Object.keys(always).length > 0 || 'status' in obj) {
    filled.status = { ...always, ...(isPlain(obj.status) ? obj.status : {}) };
  } else filled.status = {};
  return orderValue(filled, kind) as Obj;
}
