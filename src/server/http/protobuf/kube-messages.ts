/**
 * Field numbers of the Kubernetes protobuf messages this server reads (from the `protobuf:`
 * struct tags of k8s.io/api and apimachinery). kubectl's typed clients send these kinds as
 * protobuf and do not fall back to JSON, so `kubectl create namespace|configmap|secret|
 * serviceaccount` need them. Kinds outside this table still get kube's 415.
 */

export type Scalar = 'string' | 'bytes' | 'int' | 'bool' | 'time';
export interface FieldDesc {
  name: string;
  type: Scalar | { message: string } | { map: 'string' | 'bytes' };
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
};

/** The message of each kind (`apiVersion/kind`) that can be read from protobuf. */
export const KIND_MESSAGES: Record<string, string> = {
  'v1/Namespace': 'Namespace',
  'v1/ConfigMap': 'ConfigMap',
  'v1/Secret': 'Secret',
  'v1/ServiceAccount': 'ServiceAccount',
};
