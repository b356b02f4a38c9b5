/**
 * The fault injector a test (or the admin endpoint) drives: a rule list matched against every
 * request, one seeded random generator so a run with the same seed and the same request order
 * hits the same requests, and handles on the open watch streams so they can be dropped,
 * stalled or expired on demand.
 */
import { expired, StatusError, type StatusReason } from '../../api/status.js';
import { type FaultAction, type FaultRule, type FaultTarget, ruleMatches, validateRule } from './rules.js';

export interface FaultsOptions {
  /** Seed of the generator behind `probability` (default 1). */
  seed?: number;
}

export type StoredRule = FaultRule & { id: string; hits: number };

/** What a watch stream does when told to: end now, go quiet, or send 410 and end. */
export type WatchInterrupt = 'drop' | 'stall' | 'expired';

interface OpenWatch {
  target: FaultTarget;
  interrupt(kind: WatchInterrupt): void;
}

/** Selects open watches for the on-demand actions; empty = all. */
export interface WatchSelector {
  resources?: string[];
  namespaces?: string[];
}

/** mulberry32: tiny, fast and good enough to spread test faults; deterministic per seed. */
function generator(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const REASONS: Record<number, [StatusReason, string]> = {
  400: ['BadRequest', 'injected fault: bad request'],
  404: ['NotFound', 'injected fault: not found'],
  409: ['Conflict', 'injected fault: conflict'],
  429: ['TooManyRequests', 'Too many requests, please try again later.'],
  500: ['InternalError', 'Internal error occurred: injected fault'],
  503: ['ServiceUnavailable', 'injected fault: service unavailable'],
  504: ['Timeout', 'Timeout: injected fault'],
};

/** The Status error an `error` action answers with (kube's reason for the code). */
export function faultError(a: Extract<FaultAction, { type: 'error' }>): StatusError {
  const [reason, text] = REASONS[a.code] ?? ['', `injected fault: HTTP ${a.code}`];
  const retry = a.retryAfterSeconds;
  return new StatusError({
    code: a.code,
    reason,
    message: a.message ?? text,
    ...(retry !== undefined && retry > 0 ? { details: { retryAfterSeconds: retry } } : {}),
  });
}

/** The 410 a list gets from an `expired` action (kube's text for a too-old list RV). */
export const listExpired = (): StatusError => expired('The resourceVersion for the provided list is too old.');

export class Faults {
  private rules: StoredRule[] = [];
  private rand: () => number;
  private nextId = 1;
  private readonly watches = new Set<OpenWatch>();
  /** Set by the server owner: compacts the store to its head and returns the revision. */
  compactor?: () => Promise<number>;
  /**
   * True once `withFaults` wraps the HTTP chain: request-level faults (errors, latency, 410 on
   * lists) are then applied there, and the registry wrapper only handles watch streams.
   */
  httpFilterInstalled = false;

  constructor(opts: FaultsOptions = {}) {
    this.rand = generator(opts.seed ?? 1);
  }

  /** Restarts the generator (same seed + same requests = same hits). */
  reseed(seed: number): void {
    this.rand = generator(seed);
  }

  /** Adds a rule (validated; throws on a bad one) and returns its id. */
  add(rule: FaultRule): string {
    const r = validateRule(rule);
    const id = r.id ?? `fault-${this.nextId++}`;
    if (this.rules.some((x) => x.id === id)) throw new Error(`fault rule ${id} already exists`);
    this.rules.push({ ...r, id, hits: 0 });
    return id;
  }

  remove(id: string): boolean {
    const before = this.rules.length;
    this.rules = this.rules.filter((r) => r.id !== id);
    return this.rules.length < before;
  }

  /** Removes every rule (open stalled watches stay stalled; drop them to let clients resume). */
  clear(): void {
    this.rules = [];
  }

  /** The rules with how many requests each has hit. */
  list(): StoredRule[] {
    return this.rules.map((r) => ({ ...r }));
  }

  /**
   * The actions that fire for this request, in rule order. Each matching rule with a count left
   * draws from the generator only when its probability is below 1, so adding a certain rule
   * does not shift which requests a probabilistic one hits.
   */
  pick(t: FaultTarget, types?: ReadonlyArray<FaultAction['type']>): FaultAction[] {
    const out: FaultAction[] = [];
    for (const r of this.rules) {
      if (types && !types.includes(r.action.type)) continue;
      if (r.count !== undefined && r.hits >= r.count) continue;
      if (!ruleMatches(r, t)) continue;
      const p = r.probability ?? 1;
      if (p < 1 && !(this.rand() < p)) continue;
      r.hits++;
      out.push(r.action);
    }
    return out;
  }

  /**
   * Applies request-level faults: waits for latency, then throws the first error (or, for a
   * list, the 410). Watch-only actions are left to the watch wrapper.
   */
  async beforeRequest(t: FaultTarget): Promise<void> {
    const types: FaultAction['type'][] = t.verb === 'watch' ? ['latency', 'error'] : ['latency', 'error', 'expired'];
    const actions = this.pick(t, types);
    const delay = actions.reduce((ms, a) => (a.type === 'latency' ? ms + a.ms : ms), 0);
    if (delay > 0) await new Promise((r) => setTimeout(r, delay));
    for (const a of actions) {
      if (a.type === 'error') throw faultError(a);
      if (a.type === 'expired' && t.verb === 'list') throw listExpired();
    }
  }

  /** Registers an open watch stream; returns its unregister function. */
  openWatch(w: OpenWatch): () => void {
    this.watches.add(w);
    return () => this.watches.delete(w);
  }

  get openWatchCount(): number {
    return this.watches.size;
  }

  private interrupt(kind: WatchInterrupt, sel: WatchSelector): number {
    let n = 0;
    const rule: FaultRule = { resources: sel.resources, namespaces: sel.namespaces, action: { type: 'expired' } };
    for (const w of [...this.watches]) {
      if (!ruleMatches(rule, w.target)) continue;
      w.interrupt(kind);
      n++;
    }
    return n;
  }

  /** Ends matching open watch streams now (clients see a clean end and re-watch). Returns how many. */
  dropWatches(sel: WatchSelector = {}): number {
    return this.interrupt('drop', sel);
  }

  /** Matching open watches stop delivering events but stay open (until dropped or closed). */
  stallWatches(sel: WatchSelector = {}): number {
    return this.interrupt('stall', sel);
  }

  /** Matching open watches get one ERROR 410 "too old resource version" event and end. */
  expireWatches(sel: WatchSelector = {}): number {
    return this.interrupt('expired', sel);
  }

  /**
   * Compacts the store to its current revision: reads at older RVs (Exact lists, continue
   * tokens) then get 410. Watches resume from the watch cache's window as on kube; use
   * expireWatches for those. Throws when no store is attached.
   */
  async compactNow(): Promise<number> {
    if (!this.compactor) throw new Error('compaction is not available: the faults are not attached to a store');
    return this.compactor();
  }
}
