/**
 * A trimmed copy of the shapes kube's OpenAPI v2 gives Pod, Deployment and their parts, with the
 * patch extensions kube declares on them (types.go tags). Enough to drive strategic merge patch
 * through every strategy: merge by key, merge of scalars, retainKeys, merge+retainKeys, replace.
 */
import type { Definitions } from '../../../src/api/openapi-schema.js';

const ref = (name: string) => ({ $ref: `#/definitions/${name}` });
const str = { type: 'string' as const };
const int = { type: 'integer' as const };
const stringMap = { type: 'object' as const, additionalProperties: str };

export const POD = 'io.k8s.api.core.v1.Pod';
export const DEPLOYMENT = 'io.k8s.api.apps.v1.Deployment';

export const kubeDefinitions: Definitions = {
  [POD]: {
    type: 'object',
    properties: {
      apiVersion: str,
      kind: str,
      metadata: ref('io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta'),
      spec: ref('io.k8s.api.core.v1.PodSpec'),
    },
  },
  'io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta': {
    type: 'object',
    properties: {
      name: str,
      labels: stringMap,
      annotations: stringMap,
      finalizers: { type: 'array', items: str, 'x-kubernetes-patch-strategy': 'merge' },
      ownerReferences: {
        type: 'array',
        items: ref('io.k8s.apimachinery.pkg.apis.meta.v1.OwnerReference'),
        'x-kubernetes-patch-strategy': 'merge',
        'x-kubernetes-patch-merge-key': 'uid',
      },
    },
  },
  'io.k8s.apimachinery.pkg.apis.meta.v1.OwnerReference': {
    type: 'object',
    properties: { uid: str, name: str, kind: str },
  },
  'io.k8s.api.core.v1.PodSpec': {
    type: 'object',
    properties: {
      containers: {
        type: 'array',
        items: ref('io.k8s.api.core.v1.Container'),
        'x-kubernetes-patch-strategy': 'merge',
        'x-kubernetes-patch-merge-key': 'name',
      },
      volumes: {
        type: 'array',
        items: ref('io.k8s.api.core.v1.Volume'),
        'x-kubernetes-patch-strategy': 'merge,retainKeys',
        'x-kubernetes-patch-merge-key': 'name',
      },
      tolerations: { type: 'array', items: ref('io.k8s.api.core.v1.Toleration') },
      nodeSelector: { ...stringMap, 'x-kubernetes-map-type': 'atomic' },
      replacedMap: { ...stringMap, 'x-kubernetes-patch-strategy': 'replace' },
    },
  },
  'io.k8s.api.core.v1.Toleration': { type: 'object', properties: { key: str, effect: str } },
  'io.k8s.api.core.v1.Container': {
    type: 'object',
    properties: {
      name: str,
      image: str,
      args: { type: 'array', items: str },
      ports: {
        type: 'array',
        items: ref('io.k8s.api.core.v1.ContainerPort'),
        'x-kubernetes-patch-strategy': 'merge',
        'x-kubernetes-patch-merge-key': 'containerPort',
      },
      env: {
        type: 'array',
        items: ref('io.k8s.api.core.v1.EnvVar'),
        'x-kubernetes-patch-strategy': 'merge',
        'x-kubernetes-patch-merge-key': 'name',
      },
      resources: {
        type: 'object',
        properties: { limits: stringMap, requests: stringMap },
      },
    },
  },
  'io.k8s.api.core.v1.ContainerPort': {
    type: 'object',
    properties: { containerPort: int, protocol: str, name: str },
  },
  'io.k8s.api.core.v1.EnvVar': { type: 'object', properties: { name: str, value: str } },
  'io.k8s.api.core.v1.Volume': {
    type: 'object',
    properties: {
      name: str,
      hostPath: { type: 'object', properties: { path: str } },
      emptyDir: { type: 'object', properties: { medium: str } },
      configMap: { type: 'object', properties: { name: str } },
    },
  },
  [DEPLOYMENT]: {
    type: 'object',
    properties: {
      metadata: ref('io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta'),
      spec: ref('io.k8s.api.apps.v1.DeploymentSpec'),
    },
  },
  'io.k8s.api.apps.v1.DeploymentSpec': {
    type: 'object',
    properties: {
      replicas: int,
      strategy: { ...ref('io.k8s.api.apps.v1.DeploymentStrategy'), 'x-kubernetes-patch-strategy': 'retainKeys' },
      template: ref('io.k8s.api.core.v1.PodTemplateSpec'),
    },
  },
  'io.k8s.api.apps.v1.DeploymentStrategy': {
    type: 'object',
    properties: {
      type: str,
      rollingUpdate: { type: 'object', properties: { maxSurge: str, maxUnavailable: str } },
    },
  },
  'io.k8s.api.core.v1.PodTemplateSpec': {
    type: 'object',
    properties: {
      metadata: ref('io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta'),
      spec: ref('io.k8s.api.core.v1.PodSpec'),
    },
  },
};
