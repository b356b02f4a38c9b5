/**
 * The pod spec a `set` command edits (polymorphichelpers.UpdatePodSpecForObject): a Pod's own
 * spec, or the pod template of a ReplicationController, Deployment, DaemonSet, ReplicaSet,
 * StatefulSet, Job or CronJob (its job template's). Any other kind is kubectl's error, which
 * names the Go type (`*v1.Service`).
 */
import type { KubeObject } from '../resource/info.js';

type Obj = Record<string, unknown>;

const TEMPLATE_KINDS: Record<string, string[]> = {
  '': ['ReplicationController'],
  apps: ['Deployment', 'DaemonSet', 'ReplicaSet', 'StatefulSet'],
  batch: ['Job'],
};

function child(parent: Obj, key: string): Obj {
  const v = parent[key];
  if (v && typeof v === 'object' && !Array.isArray(v)) return v as Obj;
  const made: Obj = {};
  parent[key] = made;
  return made;
}

/** `*v1.Service`: how Go's %T prints the typed object kubectl decoded. */
export function goTypeOf(obj: KubeObject): string {
  const apiVersion = obj.apiVersion ?? '';
  const version = apiVersion.includes('/') ? apiVersion.slice(apiVersion.indexOf('/') + 1) : apiVersion;
  return `*${version || 'unstructured'}.${obj.kind ?? 'Unstructured'}`;
}

/**
 * The pod spec inside `obj`, created (empty) along the way when a supported kind lacks it, so
 * callers can always edit it in place. Throws kubectl's error for other kinds.
 */
export function podSpecFor(obj: KubeObject): Obj {
  const apiVersion = obj.apiVersion ?? '';
  const group = apiVersion.includes('/') ? apiVersion.slice(0, apiVersion.indexOf('/')) : '';
  const kind = obj.kind ?? '';
  if (group === '' && kind === 'Pod') return child(obj, 'spec');
  if (group === 'batch' && kind === 'CronJob') {
    return child(child(child(child(child(obj, 'spec'), 'jobTemplate'), 'spec'), 'template'), 'spec');
  }
  if (TEMPLATE_KINDS[group]?.includes(kind)) return child(child(child(obj, 'spec'), 'template'), 'spec');
  throw new Error(`the object is not a pod or does not have a pod template: ${goTypeOf(obj)}`);
}
