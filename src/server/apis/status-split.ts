/**
 * The spec/status split kube's strategies apply: the main resource may not write status, the
 * status subresource may not write anything else, and only spec changes move
 * metadata.generation. Kinds compose these into their Strategy.
 */

import { clone, jsonEqual } from './object-access.js';
import type { KubeObject, Strategy } from './types.js';

const OUTSIDE_SPEC = new Set(['apiVersion', 'kind', 'metadata', 'status']);

/** True when anything but apiVersion, kind, metadata and status differs. */
export function specChanged(obj: KubeObject, old: KubeObject): boolean {
  const keys = new Set([...Object.keys(obj), ...Object.keys(old)]);
  for (const k of keys) if (!OUTSIDE_SPEC.has(k) && !jsonEqual(obj[k], old[k])) return true;
  return false;
}

/** Replaces obj.status with a copy of old.status (removing it when old had none). */
export function keepOldStatus(obj: KubeObject, old: KubeObject): void {
  if (old.status === undefined) delete obj.status;
  else obj.status = clone(old.status);
}

/** Replaces every top-level field but metadata and status with old's (status writes ignore spec). */
export function keepOldSpec(obj: KubeObject, old: KubeObject): void {
  for (const k of Object.keys(obj)) if (!OUTSIDE_SPEC.has(k)) delete obj[k];
  for (const k of Object.keys(old)) if (!OUTSIDE_SPEC.has(k)) obj[k] = clone(old[k]);
}

/** Sets metadata.generation: 1 on create (kube's workload strategies do this). */
export function initGeneration(obj: KubeObject): void {
  obj.metadata ??= {};
  obj.metadata.generation = 1;
}

/** Bumps metadata.generation when the spec changed, else keeps old's. */
export function bumpGeneration(obj: KubeObject, old: KubeObject): void {
  obj.metadata ??= {};
  const prev = typeof old.metadata?.generation === 'number' ? old.metadata.generation : 0;
  obj.metadata.generation = specChanged(obj, old) ? prev + 1 : prev;
}

/** Kinds without generation (ConfigMap, Service, Namespace...): never set one. */
export function dropGeneration(obj: KubeObject): void {
  if (obj.metadata) delete obj.metadata.generation;
}

export interface SplitOptions {
  /** The status a new object starts with (kube resets user-supplied status); default: none. */
  initialStatus?: (obj: KubeObject) => unknown;
  /** Whether the kind tracks metadata.generation. */
  generation: boolean;
}

/**
 * The prepare hooks of a kind with a status subresource. On create, status is replaced by
 * `initialStatus`; on update the old status is kept; a status update keeps the old spec.
 * Generation is 1 on create and moves on spec changes when `generation` is set.
 */
export function statusSplitHooks(
  opts: SplitOptions,
): Pick<Strategy, 'prepareForCreate' | 'prepareForUpdate' | 'prepareForStatusUpdate' | 'specChanged'> {
  return {
    prepareForCreate(obj) {
      const initial = opts.initialStatus?.(obj);
      if (initial === undefined) delete obj.status;
      else obj.status = initial;
      if (opts.generation) initGeneration(obj);
      else dropGeneration(obj);
    },
    prepareForUpdate(obj, old) {
      keepOldStatus(obj, old);
      if (opts.generation) bumpGeneration(obj, old);
      else dropGeneration(obj);
    },
    prepareForStatusUpdate(obj, old) {
      keepOldSpec(obj, old);
      if (opts.generation) {
        obj.metadata ??= {};
        if (old.metadata?.generation !== undefined) obj.metadata.generation = old.metadata.generation;
      } else dropGeneration(obj);
    },
    specChanged: opts.generation ? specChanged : () => false,
  };
}

/** Hooks of a kind with no status and no generation (ConfigMap, Secret, ServiceAccount...). */
export function plainHooks(): Pick<Strategy, 'prepareForCreate' | 'prepareForUpdate' | 'specChanged'> {
  return {
    prepareForCreate: dropGeneration,
    prepareForUpdate: dropGeneration,
    specChanged: () => false,
  };
}
