/**
 * Field numbers of the Kubernetes protobuf messages this server reads (from the `protobuf:`
 * struct tags of k8s.io/api and apimachinery). kubectl's typed clients send these kinds as
 * protobuf and do not fall back to JSON, so `kubectl create namespace|configmap|secret|
 * serviceaccount|service|deployment|job|cronjob` need them. Kinds outside this table still get kube's 415, and so
 * does a body carrying a field the table does not list (nothing is silently dropped).
 */

/** `quantity` and `intOrString` are the small apimachinery messages Go renders as scalars. */
export type Scalar = 'string' | 'bytes' | 'int' | 'bool' | 'time' | 'quantity' | 'intOrString';
export interface FieldDesc {
  name: string;
  type: Scalar | { message: string } | { map: 'string' | 'bytes' | 'quantity' };
  repeated?: boolean;
  /** Go pointer fields: present on the wire only when set, so a zero value is kept. */
  pointer?: boolean;
}

export type MessageDesc = Record<number, FieldDesc | 'ignore'>;

const msg = (name: string) => ({ message: name });

export const MESSAGES: Record<string, MessageDesc> = {
  ObjectMeta: {
    1: { name: 'name', type: 'string' },
    2: { name: 'generateName', type: 'string' },
    3: { name: 'namespace', type: 'string' },
    4: 'ignore', // selfLink: never stored
    5: { name: 'uid', type: 'string' },
    6: { name: 'resourceVersion', type: 'string' },
    7: { name: 'generation', type: 'int' },
    8: { name: 'creationTimestamp', type: 'time' },
    9: { name: 'deletionTimestamp', type: 'time', pointer: true },
    10: { name: 'deletionGracePeriodSeconds', type: 'int', pointer: true },
    11: { name: 'labels', type: { map: 'string' } },
    12: { name: 'annotations', type: { map: 'string' } },
    13: { name: 'ownerReferences', type: msg('OwnerReference'), repeated: true },
    14: { name: 'finalizers', type: 'string', repeated: true },
    17: 'ignore', // managedFields: the server keeps its own
  },
  OwnerReference: {
    1: { name: 'kind', type: 'string' },
    3: { name: 'name', type: 'string' },
    4: { name: 'uid', type: 'string' },
    5: { name: 'apiVersion', type: 'string' },
    6: { name: 'controller', type: 'bool', pointer: true },
    7: { name: 'blockOwnerDeletion', type: 'bool', pointer: true },
  },
  LocalObjectReference: { 1: { name: 'name', type: 'string' } },
  ObjectReference: {
    1: { name: 'kind', type: 'string' },
    2: { name: 'namespace', type: 'string' },
    3: { name: 'name', type: 'string' },
    4: { name: 'uid', type: 'string' },
    5: { name: 'apiVersion', type: 'string' },
    6: { name: 'resourceVersion', type: 'string' },
    7: { name: 'fieldPath', type: 'string' },
  },
  Namespace: {
    1: { name: 'metadata', type: msg('ObjectMeta') },
    2: { name: 'spec', type: msg('NamespaceSpec') },
    3: { name: 'status', type: msg('NamespaceStatus') },
  },
  NamespaceSpec: { 1: { name: 'finalizers', type: 'string', repeated: true } },
  NamespaceStatus: { 1: { name: 'phase', type: 'string' } },
  ConfigMap: {
    1: { name: 'metadata', type: msg('ObjectMeta') },
    2: { name: 'data', type: { map: 'string' } },
    3: { name: 'binaryData', type: { map: 'bytes' } },
    4: { name: 'immutable', type: 'bool', pointer: true },
  },
  Secret: {
    1: { name: 'metadata', type: msg('ObjectMeta') },
    2: { name: 'data', type: { map: 'bytes' } },
    3: { name: 'type', type: 'string' },
    4: { name: 'stringData', type: { map: 'string' } },
    5: { name: 'immutable', type: 'bool', pointer: true },
  },
  ServiceAccount: {
    1: { name: 'metadata', type: msg('ObjectMeta') },
    2: { name: 'secrets', type: msg('ObjectReference'), repeated: true },
    3: { name: 'imagePullSecrets', type: msg('LocalObjectReference'), repeated: true },
    4: { name: 'automountServiceAccountToken', type: 'bool', pointer: true },
  },
  LabelSelector: {
    1: { name: 'matchLabels', type: { map: 'string' } },
    2: { name: 'matchExpressions', type: msg('LabelSelectorRequirement'), repeated: true },
  },
  LabelSelectorRequirement: {
    1: { name: 'key', type: 'string' },
    2: { name: 'operator', type: 'string' },
    3: { name: 'values', type: 'string', repeated: true },
  },
  Deployment: {
    1: { name: 'metadata', type: msg('ObjectMeta') },
    2: { name: 'spec', type: msg('DeploymentSpec') },
    3: { name: 'status', type: msg('DeploymentStatus') },
  },
  DeploymentSpec: {
    1: { name: 'replicas', type: 'int', pointer: true },
    2: { name: 'selector', type: msg('LabelSelector'), pointer: true },
    3: { name: 'template', type: msg('PodTemplateSpec') },
    4: { name: 'strategy', type: msg('DeploymentStrategy') },
    5: { name: 'minReadySeconds', type: 'int' },
    6: { name: 'revisionHistoryLimit', type: 'int', pointer: true },
    7: { name: 'paused', type: 'bool' },
    9: { name: 'progressDeadlineSeconds', type: 'int', pointer: true },
  },
  DeploymentStrategy: {
    1: { name: 'type', type: 'string' },
    2: { name: 'rollingUpdate', type: msg('RollingUpdateDeployment'), pointer: true },
  },
  RollingUpdateDeployment: {
    1: { name: 'maxUnavailable', type: 'intOrString', pointer: true },
    2: { name: 'maxSurge', type: 'intOrString', pointer: true },
  },
  DeploymentStatus: {
    1: { name: 'observedGeneration', type: 'int' },
    2: { name: 'replicas', type: 'int' },
    3: { name: 'updatedReplicas', type: 'int' },
    4: { name: 'availableReplicas', type: 'int' },
    5: { name: 'unavailableReplicas', type: 'int' },
    7: { name: 'readyReplicas', type: 'int' },
    8: { name: 'collisionCount', type: 'int', pointer: true },
    9: { name: 'terminatingReplicas', type: 'int', pointer: true },
  },
  Service: {
    1: { name: 'metadata', type: msg('ObjectMeta') },
    2: { name: 'spec', type: msg('ServiceSpec') },
    3: { name: 'status', type: msg('ServiceStatus') },
  },
  ServiceSpec: {
    1: { name: 'ports', type: msg('ServicePort'), repeated: true },
    2: { name: 'selector', type: { map: 'string' } },
    3: { name: 'clusterIP', type: 'string' },
    4: { name: 'type', type: 'string' },
    5: { name: 'externalIPs', type: 'string', repeated: true },
    7: { name: 'sessionAffinity', type: 'string' },
    8: { name: 'loadBalancerIP', type: 'string' },
    9: { name: 'loadBalancerSourceRanges', type: 'string', repeated: true },
    10: { name: 'externalName', type: 'string' },
    11: { name: 'externalTrafficPolicy', type: 'string' },
    12: { name: 'healthCheckNodePort', type: 'int' },
    13: { name: 'publishNotReadyAddresses', type: 'bool' },
    17: { name: 'ipFamilyPolicy', type: 'string', pointer: true },
    18: { name: 'clusterIPs', type: 'string', repeated: true },
    19: { name: 'ipFamilies', type: 'string', repeated: true },
    20: { name: 'allocateLoadBalancerNodePorts', type: 'bool', pointer: true },
    21: { name: 'loadBalancerClass', type: 'string', pointer: true },
    22: { name: 'internalTrafficPolicy', type: 'string', pointer: true },
    23: { name: 'trafficDistribution', type: 'string', pointer: true },
  },
  ServicePort: {
    1: { name: 'name', type: 'string' },
    2: { name: 'protocol', type: 'string' },
    3: { name: 'port', type: 'int' },
    4: { name: 'targetPort', type: 'intOrString' },
    5: { name: 'nodePort', type: 'int' },
    6: { name: 'appProtocol', type: 'string', pointer: true },
  },
  ServiceStatus: { 1: { name: 'loadBalancer', type: msg('LoadBalancerStatus') } },
  LoadBalancerStatus: {},
  Job: {
    1: { name: 'metadata', type: msg('ObjectMeta') },
    2: { name: 'spec', type: msg('JobSpec') },
    3: { name: 'status', type: msg('JobStatus') },
  },
  JobSpec: {
    1: { name: 'parallelism', type: 'int', pointer: true },
    2: { name: 'completions', type: 'int', pointer: true },
    3: { name: 'activeDeadlineSeconds', type: 'int', pointer: true },
    4: { name: 'selector', type: msg('LabelSelector'), pointer: true },
    5: { name: 'manualSelector', type: 'bool', pointer: true },
    6: { name: 'template', type: msg('PodTemplateSpec') },
    7: { name: 'backoffLimit', type: 'int', pointer: true },
    8: { name: 'ttlSecondsAfterFinished', type: 'int', pointer: true },
    9: { name: 'completionMode', type: 'string', pointer: true },
    10: { name: 'suspend', type: 'bool', pointer: true },
    12: { name: 'backoffLimitPerIndex', type: 'int', pointer: true },
    13: { name: 'maxFailedIndexes', type: 'int', pointer: true },
    14: { name: 'podReplacementPolicy', type: 'string', pointer: true },
    15: { name: 'managedBy', type: 'string', pointer: true },
  },
  // Clients send an empty status; its always-present fields are listed so they decode.
  JobStatus: {
    4: { name: 'active', type: 'int' },
    5: { name: 'succeeded', type: 'int' },
    6: { name: 'failed', type: 'int' },
    7: { name: 'completedIndexes', type: 'string' },
  },
  CronJob: {
    1: { name: 'metadata', type: msg('ObjectMeta') },
    2: { name: 'spec', type: msg('CronJobSpec') },
    3: { name: 'status', type: msg('CronJobStatus') },
  },
  CronJobSpec: {
    1: { name: 'schedule', type: 'string' },
    2: { name: 'startingDeadlineSeconds', type: 'int', pointer: true },
    3: { name: 'concurrencyPolicy', type: 'string' },
    4: { name: 'suspend', type: 'bool', pointer: true },
    5: { name: 'jobTemplate', type: msg('JobTemplateSpec') },
    6: { name: 'successfulJobsHistoryLimit', type: 'int', pointer: true },
    7: { name: 'failedJobsHistoryLimit', type: 'int', pointer: true },
    8: { name: 'timeZone', type: 'string', pointer: true },
  },
  CronJobStatus: {},
  JobTemplateSpec: {
    1: { name: 'metadata', type: msg('ObjectMeta') },
    2: { name: 'spec', type: msg('JobSpec') },
  },
  PodTemplateSpec: {
    1: { name: 'metadata', type: msg('ObjectMeta') },
    2: { name: 'spec', type: msg('PodSpec') },
  },
  // Only the PodSpec fields kubectl's generators set; anything else makes the body a 415.
  PodSpec: {
    2: { name: 'containers', type: msg('Container'), repeated: true },
    3: { name: 'restartPolicy', type: 'string' },
    4: { name: 'terminationGracePeriodSeconds', type: 'int', pointer: true },
    6: { name: 'dnsPolicy', type: 'string' },
    7: { name: 'nodeSelector', type: { map: 'string' } },
    8: { name: 'serviceAccountName', type: 'string' },
    9: { name: 'serviceAccount', type: 'string' },
    10: { name: 'nodeName', type: 'string' },
    11: { name: 'hostNetwork', type: 'bool' },
    12: { name: 'hostPID', type: 'bool' },
    13: { name: 'hostIPC', type: 'bool' },
    15: { name: 'imagePullSecrets', type: msg('LocalObjectReference'), repeated: true },
    16: { name: 'hostname', type: 'string' },
    17: { name: 'subdomain', type: 'string' },
    19: { name: 'schedulerName', type: 'string' },
    24: { name: 'priorityClassName', type: 'string' },
  },
  Container: {
    1: { name: 'name', type: 'string' },
    2: { name: 'image', type: 'string' },
    3: { name: 'command', type: 'string', repeated: true },
    4: { name: 'args', type: 'string', repeated: true },
    5: { name: 'workingDir', type: 'string' },
    6: { name: 'ports', type: msg('ContainerPort'), repeated: true },
    7: { name: 'env', type: msg('EnvVar'), repeated: true },
    8: { name: 'resources', type: msg('ResourceRequirements') },
    13: { name: 'terminationMessagePath', type: 'string' },
    14: { name: 'imagePullPolicy', type: 'string' },
    16: { name: 'stdin', type: 'bool' },
    17: { name: 'stdinOnce', type: 'bool' },
    18: { name: 'tty', type: 'bool' },
    20: { name: 'terminationMessagePolicy', type: 'string' },
  },
  ContainerPort: {
    1: { name: 'name', type: 'string' },
    2: { name: 'hostPort', type: 'int' },
    3: { name: 'containerPort', type: 'int' },
    4: { name: 'protocol', type: 'string' },
    5: { name: 'hostIP', type: 'string' },
  },
  EnvVar: {
    1: { name: 'name', type: 'string' },
    2: { name: 'value', type: 'string' },
  },
  ResourceRequirements: {
    1: { name: 'limits', type: { map: 'quantity' } },
    2: { name: 'requests', type: { map: 'quantity' } },
  },
  // authorization.k8s.io/v1 and authentication.k8s.io/v1: what `kubectl auth can-i|whoami` send.
  SelfSubjectAccessReview: {
    1: { name: 'metadata', type: msg('ObjectMeta') },
    2: { name: 'spec', type: msg('SelfSubjectAccessReviewSpec') },
    3: 'ignore', // status: filled by the server
  },
  SelfSubjectAccessReviewSpec: {
    1: { name: 'resourceAttributes', type: msg('ResourceAttributes') },
    2: { name: 'nonResourceAttributes', type: msg('NonResourceAttributes') },
  },
  ResourceAttributes: {
    1: { name: 'namespace', type: 'string' },
    2: { name: 'verb', type: 'string' },
    3: { name: 'group', type: 'string' },
    4: { name: 'version', type: 'string' },
    5: { name: 'resource', type: 'string' },
    6: { name: 'subresource', type: 'string' },
    7: { name: 'name', type: 'string' },
  },
  NonResourceAttributes: {
    1: { name: 'path', type: 'string' },
    2: { name: 'verb', type: 'string' },
  },
  SelfSubjectRulesReview: {
    1: { name: 'metadata', type: msg('ObjectMeta') },
    2: { name: 'spec', type: msg('SelfSubjectRulesReviewSpec') },
    3: 'ignore',
  },
  SelfSubjectRulesReviewSpec: { 1: { name: 'namespace', type: 'string' } },
  SelfSubjectReview: {
    1: { name: 'metadata', type: msg('ObjectMeta') },
    2: 'ignore', // status: filled by the server
  },
};

/** The message of each kind (`apiVersion/kind`) that can be read from protobuf. */
export const KIND_MESSAGES: Record<string, string> = {
  'v1/Namespace': 'Namespace',
  'v1/ConfigMap': 'ConfigMap',
  'v1/Secret': 'Secret',
  'v1/ServiceAccount': 'ServiceAccount',
  'v1/Service': 'Service',
  'apps/v1/Deployment': 'Deployment',
  'batch/v1/Job': 'Job',
  'batch/v1/CronJob': 'CronJob',
  'authorization.k8s.io/v1/SelfSubjectAccessReview': 'SelfSubjectAccessReview',
  'authorization.k8s.io/v1/SelfSubjectRulesReview': 'SelfSubjectRulesReview',
  'authentication.k8s.io/v1/SelfSubjectReview': 'SelfSubjectReview',
};
