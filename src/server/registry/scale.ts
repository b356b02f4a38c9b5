/**
 * The scale subresource (autoscaling/v1 Scale) for kinds declaring `subresources.scale`:
 * spec.replicas and status.replicas read from the kind's paths, status.selector as the
 * selector's string form (`app=web,tier in (a,b)`).
 */
import { newRequirement, type Operator } from '../../api/labels/requirement.js';
import { Selector } from '../../api/labels/selector.js';
import type { KubeObject, ScaleSubresource } from '../apis/types.js';

const segments = (path: string): string[] => path.replace(/^\./, '').split('.').filter(Boolean);

export function readPath(obj: unknown, path: string): unknown {
  let cur: unknown = obj;
  for (const s of segments(path)) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string, unknown>)[s];
  }
  return cur;
}

export function writePath(obj: Record<string, unknown>, path: string, value: unknown): void {
  const segs = segments(path);
  let cur = obj;
  for (const s of segs.slice(0, -1)) {
    const next = cur[s];
    if (next === null || typeof next !== 'object') cur[s] = {};
    cur = cur[s] as Record<string, unknown>;
  }
  cur[segs[segs.length - 1] as string] = value;
}

interface LabelSelectorObject {
  matchLabels?: Record<string, string>;
  matchExpressions?: Array<{ key: string; operator: string; values?: string[] }>;
}

const OPERATORS: Record<string, Operator> = { In: 'in', NotIn: 'notin', Exists: 'exists', DoesNotExist: '!' };

/** metav1.LabelSelectorAsSelector(...).String(); a string selector passes through. */
export function selectorString(sel: unknown): string {
  if (typeof sel === 'string') return sel;
  if (!sel || typeof sel !== 'object') return '';
  const s = sel as LabelSelectorObject;
  const reqs = [];
  try {
    for (const [k, v] of Object.entries(s.matchLabels ?? {})) reqs.push(newRequirement(k, '=', [v]));
    for (const e of s.matchExpressions ?? []) {
      const op = OPERATORS[e.operator];
      if (op) reqs.push(newRequirement(e.key, op, op === 'in' || op === 'notin' ? (e.values ?? []) : []));
    }
  } catch {
    return '';
  }
  return Selector.of(reqs).toString();
}

/** The Scale object of `obj`. */
export function toScale(obj: KubeObject, scale: ScaleSubresource): KubeObject {
  const m = obj.metadata ?? {};
  const specReplicas = readPath(obj, scale.specReplicasPath);
  const statusReplicas = readPath(obj, scale.statusReplicasPath);
  const selector = scale.labelSelectorPath ? selectorString(readPath(obj, scale.labelSelectorPath)) : '';
  return {
    kind: 'Scale',
    apiVersion: 'autoscaling/v1',
    metadata: {
      name: m.name,
      ...(m.namespace ? { namespace: m.namespace } : {}),
      uid: m.uid,
      resourceVersion: m.resourceVersion,
      creationTimestamp: m.creationTimestamp,
    },
    spec: typeof specReplicas === 'number' ? { replicas: specReplicas } : {},
    status: { replicas: typeof statusReplicas === 'number' ? statusReplicas : 0, ...(selector ? { selector } : {}) },
  };
}
