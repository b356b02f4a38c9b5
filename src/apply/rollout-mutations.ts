/**
 * The object changes behind `rollout restart|pause|resume` (kubectl's polymorphic helpers
 * ObjectRestarter / ObjectPauser / ObjectResumer), with kubectl's per-object error texts.
 */
import type { Info, KubeObject } from '../resource/info.js';
import { resourceName } from './object-mutation.js';

type Obj = Record<string, unknown>;

/** Go's time.Now().Format(time.RFC3339) in the local zone (`Z` for UTC). */
export function rfc3339Local(d = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  const off = -d.getTimezoneOffset();
  const zone =
    off === 0 ? 'Z' : `${off > 0 ? '+' : '-'}${pad(Math.floor(Math.abs(off) / 60))}:${pad(Math.abs(off) % 60)}`;
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}${zone}`;
}

const RESTARTABLE = new Set(['Deployment', 'DaemonSet', 'StatefulSet']);

export function restartObject(obj: KubeObject, info: Info, now = rfc3339Local()): KubeObject {
  const kind = obj.kind ?? info.mapping.gvk.kind;
  if (!RESTARTABLE.has(kind)) throw new Error(`restarting is not supported`);
  const spec = (obj.spec ?? {}) as Obj;
  if (kind === 'Deployment' && spec.paused === true) {
    throw new Error(`${resourceName(info)} can't restart paused deployment (run rollout resume first)`);
  }
  const template = (spec.template ?? {}) as Obj;
  const meta = (template.metadata ?? {}) as Obj;
  const annotations = { ...((meta.annotations ?? {}) as Record<string, string>) };
  annotations['kubectl.kubernetes.io/restartedAt'] = now;
  return { ...obj, spec: { ...spec, template: { ...template, metadata: { ...meta, annotations } } } };
}

export function pauseObject(obj: KubeObject, info: Info, pause: boolean): KubeObject {
  const kind = obj.kind ?? info.mapping.gvk.kind;
  if (kind !== 'Deployment') {
    throw new Error(`${pause ? 'pausing' : 'resuming'} is not supported`);
  }
  const spec = (obj.spec ?? {}) as Obj;
  const paused = spec.paused === true;
  if (pause && paused) throw new Error(`${resourceName(info)} is already paused`);
  if (!pause && !paused) throw new Error(`${resourceName(info)} is not paused`);
  // kubectl's typed Deployment omits `paused: false`, so resuming removes the field.
  const next: Obj = { ...spec, paused: true };
  if (!pause) delete next.paused;
  return { ...obj, spec: next };
}
