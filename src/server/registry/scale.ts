/**
 * The scale subresource (autoscaling/v1 Scale) for kinds declaring `subresources.scale`:
 * spec.replicas and status.replicas read from the kind's paths, status.selector as the
 * selector's string form (`app=web,tier in (a,b)`).
 */
import { newRequirement, type Operator } from '../../api/labels/requirement.js';
import { Selector } from '../../api/labels/selector.js';
import { invalid } from '../../api/status.js';
import type { KubeObject, ScaleSubresource } from '../apis/types.js';
import type { GenericStore } from './generic-store.js';
import type { RequestContext, WriteOptions } from './types.js';

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

/**
 * A plain label map (replicationcontrollers' `.spec.selector`) rather than a LabelSelector:
 * a LabelSelector only ever has matchLabels/matchExpressions, so any other key means a map.
 */
function isLabelSet(sel: object): sel is Record<string, string> {
  const keys = Object.keys(sel);
  return keys.length > 0 && keys.every((k) => k !== 'matchLabels' && k !== 'matchExpressions');
}

/**
 * metav1.LabelSelectorAsSelector(...).String(), or labels.SelectorFromSet(...).String() for a
 * plain label map; a string selector passes through. Unparseable selectors give ''.
 */
export function selectorString(sel: unknown): string {
  if (typeof sel === 'string') return sel;
  if (!sel || typeof sel !== 'object') return '';
  const s = (isLabelSet(sel) ? { matchLabels: sel } : sel) as LabelSelectorObject;
  const reqs = [];
  try {
    for (const [k, v] of Object.entries(s.matchLabels ?? {})) reqs.push(newRequirement(k, '=', [String(v)]));
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

/**
 * A scale write (PUT or PATCH of .../scale): `produceScale` turns the current Scale into the
 * desired one; only spec.replicas moves into the object, through the kind's normal update (so
 * generation and validation behave as for any spec change). A stale Scale resourceVersion is a
 * conflict; negative replicas are invalid on `Scale.autoscaling`.
 */
export async function writeScale(
  store: GenericStore,
  ctx: RequestContext,
  name: string,
  produceScale: (scale: KubeObject) => unknown,
  opts: WriteOptions,
): Promise<KubeObject> {
  const scale = store.kind.subresources?.scale;
  if (!scale) throw store.noSubresource('scale');
  const updated = await store.writeUpdate(ctx, name, { ...opts, subresource: undefined }, (current) => {
    const next = produceScale(toScale(current, scale)) as KubeObject;
    const replicas = (next?.spec as { replicas?: unknown } | undefined)?.replicas;
    if (typeof replicas === 'number' && replicas < 0) {
      throw invalid({ group: 'autoscaling', kind: 'Scale' }, name, [
        {
          type: 'FieldValueInvalid',
          field: 'spec.replicas',
          value: replicas,
          detail: 'must be greater than or equal to 0',
        },
      ]);
    }
    const obj = structuredClone(current);
    writePath(obj, scale.specReplicasPath, typeof replicas === 'number' ? replicas : 0);
    (obj.metadata ??= {}).resourceVersion = next?.metadata?.resourceVersion || '';
    return obj;
  });
  return toScale(updated, scale);
}
