import { mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import type { APIGroupList, APIResourceList, DiscoverySnapshot } from './types.js';

/** kubectl keeps discovery for 6 hours (genericclioptions' cached discovery client). */
export const DISCOVERY_TTL_MS = 6 * 60 * 60 * 1000;

/** The default --cache-dir: ~/.kctl/cache (kubectl's is ~/.kube/cache). */
export function defaultCacheDir(): string {
  return join(process.env.HOME || homedir(), '.kctl', 'cache');
}

/**
 * `<cacheDir>/discovery/<host_port>`: the server URL without scheme, every character outside
 * `[\w/.]` replaced by `_` (kubectl's computeDiscoverCacheDir), so `https://127.0.0.1:6443`
 * becomes `127.0.0.1_6443`.
 */
export function discoveryCacheDir(cacheDir: string, server: string): string {
  const host = server.replace(/^[a-z][a-z0-9+.-]*:\/\//i, '').replace(/[^\w/.]/g, '_');
  return join(cacheDir, 'discovery', host);
}

/**
 * Discovery documents on disk in kubectl's layout: `servergroups.json` (an APIGroupList that
 * includes the core group "") and `<group>/<version>/serverresources.json` (core: `v1/...`).
 * Entries older than the TTL (by file mtime) count as missing.
 */
export class DiscoveryDiskCache {
  constructor(
    readonly dir: string,
    private readonly ttlMs = DISCOVERY_TTL_MS,
    private readonly now: () => number = Date.now,
  ) {}

  /** The cached snapshot, or undefined when any part is missing, expired or unreadable. */
  read(): DiscoverySnapshot | undefined {
    const groupList = this.readFresh<APIGroupList>(join(this.dir, 'servergroups.json'));
    if (!groupList || !Array.isArray(groupList.groups)) return undefined;
    const resources: APIResourceList[] = [];
    for (const g of groupList.groups) {
      for (const v of g.versions ?? []) {
        const list = this.readFresh<APIResourceList>(this.resourcesFile(v.groupVersion));
        if (!list || !Array.isArray(list.resources)) return undefined;
        resources.push(list);
      }
    }
    return { groups: groupList.groups, resources, failed: [] };
  }

  /** Writes a snapshot (group versions that failed are left out so they are retried). */
  write(snapshot: DiscoverySnapshot): void {
    const failed = new Set(snapshot.failed.map((f) => f.groupVersion));
    const groups = snapshot.groups
      .map((g) => ({ ...g, versions: g.versions.filter((v) => !failed.has(v.groupVersion)) }))
      .filter((g) => g.versions.length > 0);
    for (const list of snapshot.resources) {
      if (failed.has(list.groupVersion)) continue;
      this.writeJson(this.resourcesFile(list.groupVersion), list);
    }
    const doc: APIGroupList = { kind: 'APIGroupList', apiVersion: 'v1', groups };
    this.writeJson(join(this.dir, 'servergroups.json'), doc);
  }

  /** Removes everything cached for this server. */
  invalidate(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }

  private resourcesFile(groupVersion: string): string {
    return join(this.dir, ...groupVersion.split('/'), 'serverresources.json');
  }

  private readFresh<T>(file: string): T | undefined {
    try {
      const st = statSync(file);
      if (this.now() - st.mtimeMs > this.ttlMs) return undefined;
      return JSON.parse(readFileSync(file, 'utf8')) as T;
    } catch {
      return undefined;
    }
  }

  private writeJson(file: string, doc: unknown): void {
    try {
      mkdirSync(join(file, '..'), { recursive: true, mode: 0o750 });
      const tmp = `${file}.${process.pid}.tmp`;
      writeFileSync(tmp, JSON.stringify(doc), { mode: 0o660 });
      renameSync(tmp, file);
    } catch {
      // A read-only or full cache dir only costs speed; kubectl ignores write failures too.
    }
  }
}
