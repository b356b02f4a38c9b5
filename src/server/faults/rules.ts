/**
 * Fault rules: which requests a fault applies to (verb, resource, namespace, name), how often
 * (probability, count) and what happens (an error status, latency, a 410, a dropped or stalled
 * watch). Rules arrive from code and from the admin endpoint's JSON, so they are validated with
 * clear messages.
 */

export type FaultAction =
  /** Answer with this HTTP status (kube Status body); 429 and 5xx carry Retry-After when given. */
  | { type: 'error'; code: number; retryAfterSeconds?: number; message?: string }
  /** Delay the request (watches: before the stream starts). */
  | { type: 'latency'; ms: number }
  /** 410 Expired: lists fail with kube's "too old" text; watches send one ERROR event and end. */
  | { type: 'expired' }
  /** Watches end (cleanly, like a server-side timeout) after `afterEvents` events (default 0). */
  | { type: 'drop-watch'; afterEvents?: number }
  /** Watches stay open but deliver nothing after `afterEvents` events (default 0). */
  | { type: 'stall-watch'; afterEvents?: number };

export interface FaultRule {
  /** Assigned when missing. */
  id?: string;
  /** kube verbs: get list watch create update patch delete deletecollection; '*' or missing = all. */
  verbs?: string[];
  /** 'pods', 'deployments.apps', 'pods/status'; '*' or missing = all. */
  resources?: string[];
  namespaces?: string[];
  names?: string[];
  /** Chance a matching request is hit, 0..1 (default 1); drawn from the seeded generator. */
  probability?: number;
  /** Hit at most this many requests, then the rule stays inert (default unlimited). */
  count?: number;
  action: FaultAction;
}

/** What a request looks like to the matcher. */
export interface FaultTarget {
  verb: string;
  group: string;
  resource: string;
  subresource: string;
  namespace: string;
  name: string;
}

const VERBS = new Set(['get', 'list', 'watch', 'create', 'update', 'patch', 'delete', 'deletecollection', '*']);

function strings(v: unknown, field: string): string[] | undefined {
  if (v === undefined) return undefined;
  if (!Array.isArray(v) || v.some((s) => typeof s !== 'string'))
    throw new Error(`fault rule: ${field} must be a list of strings`);
  return v as string[];
}

/** Checks and normalizes a rule; throws Error with the offending field. */
export function validateRule(input: unknown): FaultRule {
  if (!input || typeof input !== 'object') throw new Error('fault rule must be an object');
  const r = input as Record<string, unknown>;
  const verbs = strings(r.verbs, 'verbs');
  for (const v of verbs ?? []) if (!VERBS.has(v)) throw new Error(`fault rule: unknown verb ${JSON.stringify(v)}`);
  const probability = r.probability;
  if (probability !== undefined && (typeof probability !== 'number' || !(probability >= 0 && probability <= 1)))
    throw new Error('fault rule: probability must be a number in [0, 1]');
  const count = r.count;
  if (count !== undefined && (typeof count !== 'number' || !Number.isInteger(count) || count < 0))
    throw new Error('fault rule: count must be a non-negative integer');
  if (r.id !== undefined && typeof r.id !== 'string') throw new Error('fault rule: id must be a string');
  return {
    ...(r.id !== undefined ? { id: r.id as string } : {}),
    ...(verbs ? { verbs } : {}),
    ...(r.resources !== undefined ? { resources: strings(r.resources, 'resources') } : {}),
    ...(r.namespaces !== undefined ? { namespaces: strings(r.namespaces, 'namespaces') } : {}),
    ...(r.names !== undefined ? { names: strings(r.names, 'names') } : {}),
    ...(probability !== undefined ? { probability: probability as number } : {}),
    ...(count !== undefined ? { count: count as number } : {}),
    action: validateAction(r.action),
  };
}

function validateAction(input: unknown): FaultAction {
  if (!input || typeof input !== 'object') throw new Error('fault rule: action must be an object');
  const a = input as Record<string, unknown>;
  const nonNegInt = (v: unknown, f: string): number | undefined => {
    if (v === undefined) return undefined;
    if (typeof v !== 'number' || !Number.isInteger(v) || v < 0)
      throw new Error(`fault rule: action.${f} must be a non-negative integer`);
    return v;
  };
  switch (a.type) {
    case 'error': {
      const code = a.code;
      if (typeof code !== 'number' || !Number.isInteger(code) || code < 400 || code > 599)
        throw new Error('fault rule: action.code must be an HTTP error status (400-599)');
      if (a.message !== undefined && typeof a.message !== 'string')
        throw new Error('fault rule: action.message must be a string');
      const retry = nonNegInt(a.retryAfterSeconds, 'retryAfterSeconds');
      return {
        type: 'error',
        code,
        ...(retry !== undefined ? { retryAfterSeconds: retry } : {}),
        ...(a.message !== undefined ? { message: a.message as string } : {}),
      };
    }
    case 'latency':
      return { type: 'latency', ms: nonNegInt(a.ms, 'ms') ?? 0 };
    case 'expired':
      return { type: 'expired' };
    case 'drop-watch':
    case 'stall-watch': {
      const after = nonNegInt(a.afterEvents, 'afterEvents');
      return { type: a.type, ...(after !== undefined ? { afterEvents: after } : {}) };
    }
    default:
      throw new Error(
        `fault rule: unknown action type ${JSON.stringify(a.type)} (error, latency, expired, drop-watch, stall-watch)`,
      );
  }
}

const anyOf = (list: string[] | undefined, value: string): boolean =>
  !list || list.length === 0 || list.includes('*') || list.includes(value);

/** Does the rule's selector cover the request? (Probability and count are the injector's.) */
export function ruleMatches(rule: FaultRule, t: FaultTarget): boolean {
  if (!anyOf(rule.verbs, t.verb)) return false;
  if (!anyOf(rule.namespaces, t.namespace)) return false;
  if (!anyOf(rule.names, t.name)) return false;
  if (rule.resources && rule.resources.length > 0 && !rule.resources.includes('*')) {
    const base = t.group ? `${t.resource}.${t.group}` : t.resource;
    const names = t.subresource ? [`${t.resource}/${t.subresource}`, `${base}/${t.subresource}`] : [t.resource, base];
    if (!rule.resources.some((r) => names.includes(r))) return false;
  }
  return true;
}
