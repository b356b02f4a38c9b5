import { ACCEPT_AGGREGATED_DISCOVERY, ACCEPT_ANY_JSON, aggregatedDiscoveryVersion } from '../negotiate.js';
import { parseJsonBody, type RestClient } from '../rest/client.js';
import { splitAggregated } from './aggregated.js';
import type { DiscoveryDiskCache } from './disk-cache.js';
import type {
  APIGroup,
  APIGroupDiscoveryList,
  APIGroupList,
  APIResourceList,
  APIVersions,
  DiscoverySnapshot,
} from './types.js';

/** client-go's discovery timeout when --request-timeout is unset. */
const DISCOVERY_TIMEOUT = '32s';

export interface DiscoveryClientOptions {
  /** Disk cache; null/undefined disables it. */
  cache?: DiscoveryDiskCache | null;
}

/**
 * Discovery as kubectl does it: aggregated discovery first (one request each for /api and
 * /apis, Accept apidiscovery v2 then v2beta1), falling back to legacy discovery (/api, /apis,
 * then one request per group version, in parallel). The result is cached in memory and on disk
 * (6h TTL). `invalidate()` forgets both so the next call asks the server again.
 */
export class DiscoveryClient {
  private current?: Promise<DiscoverySnapshot>;
  /** True when the snapshot in use came from the disk cache (so it may be stale). */
  fromCache = false;

  constructor(
    readonly rest: RestClient,
    private readonly opts: DiscoveryClientOptions = {},
  ) {}

  /** Groups and resources; served from memory, then disk, then the server. */
  snapshot(): Promise<DiscoverySnapshot> {
    this.current ??= this.load().catch((e) => {
      this.current = undefined;
      throw e;
    });
    return this.current;
  }

  /** Drops the memory and disk copies. */
  invalidate(): void {
    this.current = undefined;
    this.fromCache = false;
    this.opts.cache?.invalidate();
  }

  /** Re-discovers from the server (used when a type is unknown and the data came from cache). */
  async refresh(): Promise<DiscoverySnapshot> {
    this.invalidate();
    return this.snapshot();
  }

  /** The APIGroupList including the core group, in server order. */
  async serverGroups(): Promise<APIGroupList> {
    const s = await this.snapshot();
    return { kind: 'APIGroupList', apiVersion: 'v1', groups: s.groups };
  }

  /** GET /version. */
  async serverVersion(): Promise<Record<string, string>> {
    return this.rest.json<Record<string, string>>({ path: '/version', query: this.timeoutQuery() });
  }

  private async load(): Promise<DiscoverySnapshot> {
    const cached = this.opts.cache?.read();
    if (cached) {
      this.fromCache = true;
      return cached;
    }
    const fresh = await this.fetch();
    this.fromCache = false;
    this.opts.cache?.write(fresh);
    return fresh;
  }

  private timeoutQuery() {
    return this.rest.config.timeoutMs ? undefined : { timeout: DISCOVERY_TIMEOUT };
  }

  private async getDoc(path: string, accept: string): Promise<{ doc: unknown; aggregated: boolean }> {
    const res = await this.rest.request({ path, accept, query: this.timeoutQuery() });
    const ct = res.headers['content-type'];
    return { doc: parseJsonBody(res.body), aggregated: aggregatedDiscoveryVersion(ct) !== undefined };
  }

  /** Asks the server (aggregated, else legacy). */
  async fetch(): Promise<DiscoverySnapshot> {
    const core = await this.getDoc('/api', ACCEPT_AGGREGATED_DISCOVERY);
    let apis: { doc: unknown; aggregated: boolean };
    try {
      apis = await this.getDoc('/apis', ACCEPT_AGGREGATED_DISCOVERY);
    } catch (e) {
      // Very old or minimal servers have no /apis: only the core group then.
      if ((e as { code?: number }).code !== 404) throw e;
      apis = { doc: { kind: 'APIGroupList', apiVersion: 'v1', groups: [] }, aggregated: false };
    }
    const out: DiscoverySnapshot = { groups: [], resources: [], failed: [] };
    const legacyGroups: APIGroup[] = [];
    if (core.aggregated) merge(out, splitAggregated(core.doc as APIGroupDiscoveryList));
    else {
      const versions = (core.doc as APIVersions).versions ?? [];
      if (versions.length > 0) {
        const gvs = versions.map((v) => ({ groupVersion: v, version: v }));
        legacyGroups.push({ name: '', versions: gvs, preferredVersion: gvs[0] });
      }
    }
    if (apis.aggregated) {
      const split = splitAggregated(apis.doc as APIGroupDiscoveryList);
      if (legacyGroups.length) await this.fetchLegacy(out, legacyGroups);
      merge(out, split);
    } else {
      legacyGroups.push(...((apis.doc as APIGroupList).groups ?? []));
      await this.fetchLegacy(out, legacyGroups);
    }
    return out;
  }

  private async fetchLegacy(out: DiscoverySnapshot, groups: APIGroup[]): Promise<void> {
    const jobs = groups.flatMap((g) =>
      g.versions.map(async (v) => {
        const path = g.name ? `/apis/${v.groupVersion}` : `/api/${v.version}`;
        try {
          const { doc } = await this.getDoc(path, ACCEPT_ANY_JSON);
          return { gv: v.groupVersion, list: doc as APIResourceList };
        } catch (e) {
          return { gv: v.groupVersion, error: (e as Error).message };
        }
      }),
    );
    const results = await Promise.all(jobs);
    out.groups.push(...groups);
    for (const r of results) {
      if (r.list) out.resources.push({ ...r.list, resources: r.list.resources ?? [] });
      else out.failed.push({ groupVersion: r.gv, error: r.error ?? 'unknown error' });
    }
  }
}

function merge(into: DiscoverySnapshot, from: DiscoverySnapshot): void {
  into.groups.push(...from.groups);
  into.resources.push(...from.resources);
  into.failed.push(...from.failed);
}
