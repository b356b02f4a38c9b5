/**
 * Storage keys as kube-apiserver lays them out in etcd, so a data dir (or a real etcd) holds the
 * same keys a kube cluster would: `/registry/<prefix>/<namespace>/<name>` for namespaced kinds
 * and `/registry/<prefix>/<name>` for cluster-scoped ones. Built-in kinds use the plural
 * resource as prefix, except a few historical ones (kube's SpecialDefaultResourcePrefixes).
 */
import type { KindDefinition } from '../apis/types.js';

export const REGISTRY_ROOT = '/registry';

// kube-apiserver's SpecialDefaultResourcePrefixes (pkg/kubeapiserver/default_storage_factory_builder.go).
const SPECIAL_PREFIXES: Record<string, string> = {
  '/replicationcontrollers': 'controllers',
  '/endpoints': 'services/endpoints',
  '/nodes': 'minions',
  '/services': 'services/specs',
  'extensions/ingresses': 'ingress',
  'networking.k8s.io/ingresses': 'ingress',
};

/** `/registry/<prefix>` for a kind: its explicit storagePrefix, kube's special prefix, or the resource. */
export function resourcePrefix(kind: Pick<KindDefinition, 'group' | 'resource' | 'storagePrefix'>): string {
  const prefix = kind.storagePrefix ?? SPECIAL_PREFIXES[`${kind.group}/${kind.resource}`] ?? kind.resource;
  return `${REGISTRY_ROOT}/${prefix.replace(/^\/+|\/+$/g, '')}`;
}

/** The key of one object; `namespace` is ignored for cluster-scoped kinds. */
export function objectKey(prefix: string, namespaced: boolean, namespace: string, name: string): string {
  return namespaced ? `${prefix}/${namespace}/${name}` : `${prefix}/${name}`;
}

/**
 * The key prefix a list or watch covers: one namespace, or every object of the kind when
 * `namespace` is '' (the storage appends the trailing '/').
 */
export function collectionKey(prefix: string, namespaced: boolean, namespace: string): string {
  return namespaced && namespace ? `${prefix}/${namespace}` : prefix;
}
