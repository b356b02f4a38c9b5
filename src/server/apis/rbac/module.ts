/** The rbac.authorization.k8s.io/v1 module. */
import type { CatalogModule, KubeObject } from '../types.js';
import { bootstrapPolicy } from './bootstrap-policy.js';
import { rbacDefinitions } from './definitions.js';
import { clusterrolebindings, clusterroles, rolebindings, roles } from './kinds.js';

export function rbacModule(): CatalogModule {
  return { kinds: [clusterrolebindings, clusterroles, rolebindings, roles], definitions: rbacDefinitions };
}

/** Objects kube-apiserver creates at start for this group (bootstrap roles and bindings). */
export const seedObjects: KubeObject[] = bootstrapPolicy;
