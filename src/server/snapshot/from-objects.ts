/**
 * Building a snapshot from API objects (what `kctl snapshot record` fetched from a real
 * cluster): each object goes to the storage key kube-apiserver would use for it, with
 * synthetic revisions in recording order, so `kctl serve` can replay the cluster offline.
 * Secrets are redacted unless asked: a recorded snapshot is meant to be shared as a demo.
 */
import type { Catalog } from '../apis/catalog.js';
import type { KindDefinition, KubeObject } from '../apis/types.js';
import { objectKey, resourcePrefix } from '../registry/keys.js';
import { SNAPSHOT_FORMAT, type SnapshotEntry, type StoreSnapshot } from './format.js';

/** What a redacted Secret value decodes to. */
export const REDACTED = 'REDACTED';
const REDACTED_B64 = Buffer.from(REDACTED).toString('base64');
const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration';

/**
 * Resolves 'deployments', 'deployments.apps' or a short name ('deploy') to the catalog kind of
 * its preferred (first registered) version; undefined when kctl does not serve it.
 */
export function findRecordableKind(catalog: Catalog, name: string): KindDefinition | undefined {
  const lower = name.toLowerCase();
  const dot = lower.indexOf('.');
  const [res, group] = dot < 0 ? [lower, undefined] : [lower.slice(0, dot), lower.slice(dot + 1)];
  return catalog.kinds.find(
    (k) =>
      (group === undefined || k.group === group) &&
      (k.resource === res || k.kind.toLowerCase() === res || (k.shortNames ?? []).includes(res)),
  );
}

/** A Secret with every value replaced (data, stringData, and the last-applied annotation that repeats them). */
export function redactSecret(obj: KubeObject): KubeObject {
  const out = structuredClone(obj) as KubeObject & { data?: Record<string, string>; stringData?: unknown };
  if (out.data) for (const k of Object.keys(out.data)) out.data[k] = REDACTED_B64;
  delete out.stringData;
  const ann = out.metadata?.annotations;
  if (ann && LAST_APPLIED in ann) delete ann[LAST_APPLIED];
  return out;
}

export interface FromObjectsOptions {
  /** Keep Secret values as they are (default: redacted). */
  includeSecretData?: boolean;
  source?: string;
}

/**
 * The snapshot of `groups` (kind -> its objects as a server returned them). Objects get
 * apiVersion/kind set, resourceVersion dropped (the store's revision is the RV), and one
 * revision each, in key order (re-recording an unchanged cluster gives the same entries). Objects without a name, or of a namespaced kind without a
 * namespace, are an error naming the object.
 */
export function snapshotFromObjects(
  groups: ReadonlyArray<{ kind: KindDefinition; objects: readonly KubeObject[] }>,
  opts: FromObjectsOptions = {},
): StoreSnapshot {
  const byKey = new Map<string, string>();
  for (const { kind, objects } of groups) {
    const prefix = resourcePrefix(kind);
    const apiVersion = kind.group ? `${kind.group}/${kind.version}` : kind.version;
    for (const o of objects) {
      const name = o.metadata?.name;
      const ns = o.metadata?.namespace ?? '';
      if (!name) throw new Error(`a ${kind.kind} without metadata.name cannot be recorded`);
      if (kind.namespaced && !ns) throw new Error(`${kind.kind} ${name} has no namespace`);
      let obj: KubeObject = { ...o, apiVersion, kind: kind.kind, metadata: { ...o.metadata } };
      delete obj.metadata?.resourceVersion;
      if (kind.kind === 'Secret' && kind.group === '' && !opts.includeSecretData) obj = redactSecret(obj);
      byKey.set(objectKey(prefix, kind.namespaced, ns, name), JSON.stringify(obj));
    }
  }
  const keys = [...byKey.keys()].sort();
  const entries: SnapshotEntry[] = keys.map((key, i) => ({
    key,
    value: byKey.get(key) as string,
    createRevision: i + 1,
    modRevision: i + 1,
    version: 1,
  }));
  return {
    format: SNAPSHOT_FORMAT,
    revision: entries.length,
    createdAt: new Date().toISOString(),
    ...(opts.source ? { source: opts.source } : {}),
    entries,
  };
}
