/**
 * `kubectl apply --prune` without an ApplySet (kubectl's allowlist-based alpha): after every
 * object applied cleanly, each allowlisted type is listed (with -l's selector) in every namespace
 * the apply touched, and cluster-scoped allowlisted types once; every listed object that carries
 * the last-applied annotation and was not just applied (by UID) is deleted and printed as
 * `kind.group/name pruned`. Only objects created by `apply` or `create --save-config` are ever
 * candidates: objects without the annotation are never deleted.
 */
import type { ClientContext } from '../client/index.js';
import { type DeferredRestMapper, NoKindMatchError, type RestMapping, resourcePath } from '../client/mapper.js';
import { klogHeader } from '../client/rest/debug-log.js';
import type { Output, PrintFlags } from '../printers/index.js';
import type { KubeObject } from '../resource/info.js';
import type { Cascade } from './delete-objects.js';
import { type DryRunStrategy, dryRunQuery } from './dry-run.js';
import { LAST_APPLIED } from './last-applied.js';
import { operationPrinter } from './operation-printer.js';

/** One allowlist entry: a kind at a version, and whether it is listed per namespace. */
export interface PruneResource {
  group: string;
  version: string;
  kind: string;
  namespaced: boolean;
}

/** kubectl's default allowlist (namespaced kinds first, then the two cluster-scoped ones). */
export const DEFAULT_PRUNE_RESOURCES: readonly PruneResource[] = Object.freeze([
  { group: '', version: 'v1', kind: 'ConfigMap', namespaced: true },
  { group: '', version: 'v1', kind: 'Endpoints', namespaced: true },
  { group: '', version: 'v1', kind: 'PersistentVolumeClaim', namespaced: true },
  { group: '', version: 'v1', kind: 'Pod', namespaced: true },
  { group: '', version: 'v1', kind: 'ReplicationController', namespaced: true },
  { group: '', version: 'v1', kind: 'Secret', namespaced: true },
  { group: '', version: 'v1', kind: 'Service', namespaced: true },
  { group: 'batch', version: 'v1', kind: 'Job', namespaced: true },
  { group: 'batch', version: 'v1', kind: 'CronJob', namespaced: true },
  { group: 'networking.k8s.io', version: 'v1', kind: 'Ingress', namespaced: true },
  { group: 'apps', version: 'v1', kind: 'DaemonSet', namespaced: true },
  { group: 'apps', version: 'v1', kind: 'Deployment', namespaced: true },
  { group: 'apps', version: 'v1', kind: 'ReplicaSet', namespaced: true },
  { group: 'apps', version: 'v1', kind: 'StatefulSet', namespaced: true },
  { group: '', version: 'v1', kind: 'Namespace', namespaced: false },
  { group: '', version: 'v1', kind: 'PersistentVolume', namespaced: false },
]);

const DEFAULT_LIST_WARNING =
  'Deprecated: kubectl apply will no longer prune non-namespaced resources by default when used with the --namespace flag in a future release. To preserve the current behaviour, list the resources you want to target explicitly in the --prune-allowlist flag.';

/** apimachinery's GroupVersionKind.String(): `apps/v1, Kind=Deployment`, `/v1, Kind=Pod`. */
export function gvkString(r: { group: string; version: string; kind: string }): string {
  return `${r.group}/${r.version}, Kind=${r.kind}`;
}

/**
 * The mapping of a kind at a version. Kinds match exactly first, then ignoring case (kubectl
 * accepts `apps/v1/deployment`). Throws apimachinery's `no matches for kind ...` text.
 */
async function mappingForKind(mapper: DeferredRestMapper, group: string, version: string, kind: string) {
  try {
    return await mapper.mappingForKind(group, version, kind);
  } catch (e) {
    if (!(e instanceof NoKindMatchError)) throw e;
    const lower = kind.toLowerCase();
    const hit = (await mapper.current())
      .mappings()
      .find((m) => m.gvk.group === group && m.gvk.version === version && m.gvk.kind.toLowerCase() === lower);
    if (hit) return hit;
    throw e;
  }
}

/**
 * Parses --prune-allowlist values (`group/version/Kind`, `core` meaning the legacy group) and
 * resolves each through the mapper to learn its scope. Errors are kubectl's: a value that is
 * not three slash-separated parts, or a kind the server does not serve at that version.
 */
export async function parsePruneAllowlist(mapper: DeferredRestMapper, values: string[]): Promise<PruneResource[]> {
  const out: PruneResource[] = [];
  for (const value of values) {
    const parts = value.split('/');
    if (parts.length !== 3) {
      throw new Error(`invalid GroupVersionKind format: ${value}, please follow <group/version/kind>`);
    }
    const group = parts[0] === 'core' ? '' : parts[0];
    const mapping = await mappingForKind(mapper, group, parts[1], parts[2]);
    out.push({ group, version: parts[1], kind: parts[2], namespaced: mapping.namespaced });
  }
  return out;
}

export interface PruneRequest {
  ctx: ClientContext;
  /** The parsed --prune-allowlist; empty means kubectl's default list. */
  allowlist: PruneResource[];
  /** UIDs of the objects just applied (never pruned). */
  visitedUids: ReadonlySet<string>;
  /** Namespaces of the applied namespaced objects, plus -n when given. */
  visitedNamespaces: ReadonlySet<string>;
  /** -l: only objects matching it are candidates (empty with --all). */
  selector?: string;
  cascade: Cascade;
  /** -1 leaves the grace period to the server. */
  gracePeriod: number;
  dryRun: DryRunStrategy;
  print: PrintFlags;
  out: Output;
  errOut: Output;
  /** For the deprecation warning's klog header (tests pin it). */
  now?: () => Date;
}

const POLICY: Record<Cascade, string> = { background: 'Background', foreground: 'Foreground', orphan: 'Orphan' };

/**
 * Deletes and prints what the apply left behind. The first failing list or delete ends pruning
 * with kubectl's `error pruning namespaced object GVK: ...` text. Namespaces are visited in
 * sorted order (kubectl's order is Go map order, i.e. unspecified).
 */
export async function pruneObjects(req: PruneRequest): Promise<void> {
  let resources: readonly PruneResource[] = req.allowlist;
  if (resources.length === 0) {
    resources = DEFAULT_PRUNE_RESOURCES;
    // kubectl's namespace is never empty (it defaults to `default`), so it always warns here.
    const now = req.now ?? (() => new Date());
    req.errOut.write(`${klogHeader('W', now(), process.pid, 'prune.go:71')}${DEFAULT_LIST_WARNING}\n`);
  }
  const namespaced: RestMapping[] = [];
  const clusterScoped: RestMapping[] = [];
  for (const r of resources) {
    let mapping: RestMapping;
    try {
      mapping = await mappingForKind(req.ctx.mapper, r.group, r.version, r.kind);
    } catch (e) {
      const what = `${gvkString(r)}, Namespaced=${r.namespaced}`;
      throw new Error(`error retrieving RESTMappings to prune: invalid resource ${what}: ${(e as Error).message}`);
    }
    (r.namespaced ? namespaced : clusterScoped).push(mapping);
  }
  for (const ns of [...req.visitedNamespaces].sort()) {
    for (const m of namespaced) {
      await pruneOne(req, m, ns).catch((e: Error) => {
        throw new Error(`error pruning namespaced object ${gvkString(m.gvk)}: ${e.message}`);
      });
    }
  }
  for (const m of clusterScoped) {
    await pruneOne(req, m, '').catch((e: Error) => {
      throw new Error(`error pruning nonNamespaced object ${gvkString(m.gvk)}: ${e.message}`);
    });
  }
}

async function pruneOne(req: PruneRequest, mapping: RestMapping, namespace: string): Promise<void> {
  const { ctx } = req;
  const query: Record<string, string> = {};
  if (req.selector) query.labelSelector = req.selector;
  const list = await ctx.rest.json<{ items?: KubeObject[] }>({ path: resourcePath(mapping, namespace), query });
  const apiVersion = mapping.gvk.group ? `${mapping.gvk.group}/${mapping.gvk.version}` : mapping.gvk.version;
  for (const item of list.items ?? []) {
    const meta = (item.metadata ?? {}) as { name?: string; uid?: string; annotations?: Record<string, string> };
    if (meta.annotations?.[LAST_APPLIED] === undefined) continue;
    if (meta.uid && req.visitedUids.has(meta.uid)) continue;
    const name = meta.name ?? '';
    if (req.dryRun !== 'client') {
      const body: Record<string, unknown> = { kind: 'DeleteOptions', apiVersion: 'v1' };
      if (req.gracePeriod >= 0) body.gracePeriodSeconds = req.gracePeriod;
      body.propagationPolicy = POLICY[req.cascade];
      if (req.dryRun === 'server') body.dryRun = ['All'];
      await ctx.rest.json({
        method: 'DELETE',
        path: resourcePath(mapping, namespace, name),
        query: dryRunQuery(req.dryRun),
        body,
      });
    }
    // List items come without their type (the dynamic client fills it in from the list).
    const obj = { apiVersion, kind: mapping.gvk.kind, ...item };
    await operationPrinter(req.print, 'pruned', req.dryRun).print(obj, req.out, {
      group: mapping.gvk.group,
      kind: mapping.gvk.kind,
    });
  }
}
