/** `kubectl create priorityclass`, `create quota`, `create poddisruptionbudget` (Go field order). */
import { parseToLabelSelector } from '../api/labels/index.js';
import { parseQuantity } from '../api/quantity.js';

export interface PriorityClassOptions {
  name: string;
  value: number;
  globalDefault?: boolean;
  description?: string;
  preemptionPolicy?: string;
}

export function priorityClassObject(o: PriorityClassOptions): Record<string, unknown> {
  const pc: Record<string, unknown> = {
    kind: 'PriorityClass',
    apiVersion: 'scheduling.k8s.io/v1',
    metadata: { name: o.name },
    value: o.value,
  };
  if (o.globalDefault) pc.globalDefault = true;
  if (o.description) pc.description = o.description;
  pc.preemptionPolicy = o.preemptionPolicy || 'PreemptLowerPriority';
  return pc;
}

export interface QuotaOptions {
  name: string;
  namespace?: string;
  /** --hard: `resource=quantity,...`. */
  hard?: string;
  /** --scopes: comma-separated scope names. */
  scopes?: string;
}

/** Quantities are canonicalised (`1000m` -> `1`), as kubectl's typed ResourceList prints them. */
export function quotaObject(o: QuotaOptions): Record<string, unknown> {
  const hard: Record<string, string> = {};
  for (const pair of (o.hard ?? '').split(',').filter((p) => p !== '')) {
    const eq = pair.indexOf('=');
    if (eq < 0) throw new Error(`invalid resource quota specification: ${pair}`);
    hard[pair.slice(0, eq)] = parseQuantity(pair.slice(eq + 1)).toString();
  }
  const sorted: Record<string, string> = {};
  for (const k of Object.keys(hard).sort()) sorted[k] = hard[k] as string;
  const spec: Record<string, unknown> = {};
  if (Object.keys(sorted).length > 0) spec.hard = sorted;
  const scopes = (o.scopes ?? '').split(',').filter((s) => s !== '');
  if (scopes.length > 0) spec.scopes = scopes;
  const metadata: Record<string, unknown> = { name: o.name };
  if (o.namespace) metadata.namespace = o.namespace;
  return { kind: 'ResourceQuota', apiVersion: 'v1', metadata, spec, status: {} };
}

export interface PdbOptions {
  name: string;
  namespace?: string;
  selector: string;
  minAvailable?: string;
  maxUnavailable?: string;
}

function intOrString(s: string): number | string {
  return /^-?\d+$/.test(s) ? Number(s) : s;
}

export function pdbObject(o: PdbOptions): Record<string, unknown> {
  if (!o.selector) throw new Error('a selector must be specified');
  if (!o.minAvailable && !o.maxUnavailable)
    throw new Error('one of min-available or max-unavailable must be specified');
  if (o.minAvailable && o.maxUnavailable) throw new Error('min-available and max-unavailable cannot be both specified');
  const spec: Record<string, unknown> = {};
  if (o.minAvailable) spec.minAvailable = intOrString(o.minAvailable);
  const sel = parseToLabelSelector(o.selector) as { matchLabels?: object; matchExpressions?: unknown[] };
  // Go omits empty selector parts.
  const selector: Record<string, unknown> = {};
  if (sel.matchLabels && Object.keys(sel.matchLabels).length > 0) selector.matchLabels = sel.matchLabels;
  if (sel.matchExpressions && sel.matchExpressions.length > 0) selector.matchExpressions = sel.matchExpressions;
  spec.selector = selector;
  if (o.maxUnavailable) spec.maxUnavailable = intOrString(o.maxUnavailable);
  const metadata: Record<string, unknown> = { name: o.name };
  if (o.namespace) metadata.namespace = o.namespace;
  return {
    kind: 'PodDisruptionBudget',
    apiVersion: 'policy/v1',
    metadata,
    spec,
    status: { disruptionsAllowed: 0, currentHealthy: 0, desiredHealthy: 0, expectedPods: 0 },
  };
}
