/**
 * Objects kube-apiserver creates (or computes) at start, exported by the kind modules as data.
 * The registry writes them when they are missing; nothing here touches storage.
 */
import { seedObjects as apiServices } from './apiregistration/module.js';
import { builtinComponentStatuses } from './core/component-statuses.js';
import { seedObjects as flowcontrol } from './flowcontrol/module.js';
import { seedObjects as rbac } from './rbac/module.js';
import { seedObjects as priorityClasses } from './scheduling/module.js';
import type { KubeObject } from './types.js';

/** Seeded objects with their resource, in the order a fresh cluster creates them. */
export interface SeedGroup {
  group: string;
  resource: string;
  objects: KubeObject[];
}

const byResource = (group: string, kind: string, resource: string, objs: KubeObject[]): SeedGroup => ({
  group,
  resource,
  objects: objs.filter((o) => o.kind === kind),
});

/** Everything to create at start, grouped by resource (all cluster-scoped). */
export function builtinSeeds(): SeedGroup[] {
  return [
    byResource('scheduling.k8s.io', 'PriorityClass', 'priorityclasses', priorityClasses),
    byResource('rbac.authorization.k8s.io', 'ClusterRole', 'clusterroles', rbac),
    byResource('rbac.authorization.k8s.io', 'ClusterRoleBinding', 'clusterrolebindings', rbac),
    byResource(
      'flowcontrol.apiserver.k8s.io',
      'PriorityLevelConfiguration',
      'prioritylevelconfigurations',
      flowcontrol,
    ),
    byResource('flowcontrol.apiserver.k8s.io', 'FlowSchema', 'flowschemas', flowcontrol),
    byResource('apiregistration.k8s.io', 'APIService', 'apiservices', apiServices),
  ].map((g) => ({ ...g, objects: g.objects.map((o) => structuredClone(o)) }));
}

/**
 * What `GET /api/v1/componentstatuses` answers: kube computes these from health checks on
 * every read and stores nothing, so they are not seeds but a read-only view.
 */
export const componentStatuses = (): KubeObject[] => builtinComponentStatuses.map((o) => structuredClone(o));
