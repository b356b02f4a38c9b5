/**
 * The revision history of a workload as kubectl's history viewers read it
 * (polymorphichelpers/history.go): a Deployment's history is the ReplicaSets it controls, keyed
 * by their `deployment.kubernetes.io/revision` annotation; a DaemonSet's or StatefulSet's is the
 * ControllerRevisions it controls, keyed by `.revision`, each holding a strategic merge patch that
 * turns the live object back into that revision. Both `rollout history` and `rollout undo` start
 * from `loadHistory`.
 */
import { type LabelSelector, labelSelectorAsSelector } from '../api/labels/label-selector.js';
import { isControlledBy } from '../api/owner-references.js';
import { applyStrategicMergePatch, NO_PATCH_META, type PatchMeta } from '../api/patch/index.js';
import type { RestClient } from '../client/rest/client.js';
import { describePodTemplate } from '../describe/pod-template.js';
import { PrefixWriter } from '../describe/prefix-writer.js';
import { TabWriter } from '../printers/index.js';
import {
  CHANGE_CAUSE_ANNOTATION,
  POD_TEMPLATE_HASH_LABEL,
  parseRevision,
  type RolloutKind,
  revisionParseError,
} from './rollout-kinds.js';

type Obj = Record<string, unknown>;

const asObj = (v: unknown): Obj => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Obj) : {});
const metaOf = (o: unknown) =>
  asObj(asObj(o).metadata) as {
    name?: string;
    namespace?: string;
    uid?: string;
    creationTimestamp?: string;
    annotations?: Record<string, string>;
    labels?: Record<string, string>;
  };

/** One revision: the object that records it (a ReplicaSet or ControllerRevision). */
export interface HistoryEntry {
  revision: number;
  /** The ReplicaSet (deployments) or ControllerRevision (daemon/stateful sets), as listed. */
  record: Obj;
}

export interface WorkloadHistory {
  kind: RolloutKind;
  /** The live workload (as fetched for this command). */
  workload: Obj;
  /**
   * The records in kubectl's order (old ReplicaSets then the new one; ControllerRevisions as
   * listed). Several may carry the same revision; kubectl's maps keep the last one.
   */
  records: HistoryEntry[];
  /** ReplicaSets left out because their revision annotation does not parse (kubectl logs them). */
  skipped?: { name: string; error: string }[];
}

/** API paths of the kinds involved (all apps/v1). */
const PATHS: Record<RolloutKind | 'ReplicaSet' | 'ControllerRevision', string> = {
  Deployment: 'deployments',
  DaemonSet: 'daemonsets',
  StatefulSet: 'statefulsets',
  ReplicaSet: 'replicasets',
  ControllerRevision: 'controllerrevisions',
};

export const appsPath = (resource: keyof typeof PATHS, namespace: string, name?: string): string =>
  `/apis/apps/v1/namespaces/${encodeURIComponent(namespace)}/${PATHS[resource]}${name ? `/${encodeURIComponent(name)}` : ''}`;

const message = (e: unknown): string => (e instanceof Error ? e.message : String(e));

/** kubectl's wording for each kind (its messages are not uniform, e.g. "Statefulset"). */
const WORDS: Record<RolloutKind, { get: string; selector: string; list: string }> = {
  Deployment: { get: 'deployment', selector: 'deployment', list: 'deployment' },
  DaemonSet: { get: 'DaemonSet', selector: 'DaemonSet', list: 'DaemonSet' },
  StatefulSet: { get: 'Statefulset', selector: 'StatefulSet', list: 'StatefulSet' },
};

/**
 * Reads the workload (unless `fetched` is given) and the history records it controls. Errors
 * carry kubectl's texts ("failed to retrieve DaemonSet web: ...", "unable to find history
 * controlled by ..."). ReplicaSets with an unparsable revision land in `skipped`.
 */
export async function loadHistory(
  rest: RestClient,
  kind: RolloutKind,
  namespace: string,
  name: string,
  fetched?: Obj,
): Promise<WorkloadHistory> {
  const words = WORDS[kind];
  let workload: Obj;
  try {
    workload = fetched ?? (await rest.json<Obj>({ path: appsPath(kind, namespace, name) }));
  } catch (e) {
    throw new Error(`failed to retrieve ${words.get} ${name}: ${message(e)}`);
  }
  const spec = asObj(workload.spec);
  let selector: string;
  try {
    selector = labelSelectorAsSelector(spec.selector as LabelSelector | undefined).toString();
  } catch (e) {
    if (kind === 'Deployment')
      throw new Error(`failed to retrieve replica sets from deployment ${name}: ${message(e)}`);
    throw new Error(`failed to create selector for ${words.selector} ${name}: ${message(e)}`);
  }
  const listed = await listOwned(rest, kind === 'Deployment' ? 'ReplicaSet' : 'ControllerRevision', namespace, selector)
    .then((items) => items.filter((item) => isControlledBy(item, workload)))
    .catch((e: unknown) => {
      throw new Error(
        kind === 'Deployment'
          ? `failed to retrieve replica sets from deployment ${name}: ${message(e)}`
          : `unable to find history controlled by ${words.list} ${name}: ${message(e)}`,
      );
    });
  if (kind !== 'Deployment') {
    const records = listed.map((record) => ({ revision: Number(record.revision ?? 0), record }));
    return { kind, workload, records };
  }
  // deploymentutil.GetAllReplicaSets: the new ReplicaSet (the oldest whose template matches the
  // deployment's) goes last, after the old ones in list order.
  const template = asObj(spec.template);
  const byAge = [...listed].sort(compareCreation);
  const newRs = byAge.find((rs) => templatesEqualIgnoringHash(asObj(asObj(rs.spec).template), template));
  const ordered = [...listed.filter((rs) => rs !== newRs), ...(newRs ? [newRs] : [])];
  const records: HistoryEntry[] = [];
  const skipped: { name: string; error: string }[] = [];
  for (const rs of ordered) {
    const revision = parseRevision(rs);
    if (revision !== undefined) records.push({ revision, record: rs });
    else skipped.push({ name: metaOf(rs).name ?? '', error: revisionParseError(rs) ?? '' });
  }
  return { kind, workload, records, skipped };
}

async function listOwned(
  rest: RestClient,
  resource: 'ReplicaSet' | 'ControllerRevision',
  ns: string,
  sel: string,
): Promise<Obj[]> {
  const query: Record<string, string> = sel ? { labelSelector: sel } : {};
  const list = await rest.json<{ items?: Obj[] }>({ path: appsPath(resource, ns), query });
  const kind = resource;
  // List items carry no type; kubectl's typed objects print as their kind.
  return (list.items ?? []).map((item): Obj => ({ kind, apiVersion: 'apps/v1', ...item }));
}

/** controller.ReplicaSetsByCreationTimestamp: oldest first, then by name. */
function compareCreation(a: Obj, b: Obj): number {
  const ta = metaOf(a).creationTimestamp ?? '';
  const tb = metaOf(b).creationTimestamp ?? '';
  if (ta !== tb) return ta < tb ? -1 : 1;
  const na = metaOf(a).name ?? '';
  const nb = metaOf(b).name ?? '';
  return na < nb ? -1 : na > nb ? 1 : 0;
}

/** The records keyed by revision (later records replace earlier ones, as kubectl's maps do). */
export function byRevision(h: WorkloadHistory): Map<number, Obj> {
  const out = new Map<number, Obj>();
  for (const r of h.records) out.set(r.revision, r.record);
  return out;
}

/** Revisions in ascending order. */
export function sortedRevisions(m: Map<number, unknown>): number[] {
  return [...m.keys()].sort((a, b) => a - b);
}

/**
 * The workload as it was at a ControllerRevision: its data (a strategic merge patch, normally
 * `{"spec":{"template":{"$patch":"replace",...}}}`) applied to the live object.
 */
export function applyRevision(workload: Obj, record: Obj, meta: PatchMeta): Obj {
  return applyStrategicMergePatch(workload, record.data ?? {}, meta) as Obj;
}

/**
 * The pod template of a deployment revision: the ReplicaSet's, with the ReplicaSet's
 * change-cause copied into its annotations (what `history --revision` shows).
 */
export function replicaSetTemplate(rs: Obj): Obj {
  const template = structuredClone(asObj(asObj(rs.spec).template));
  const cause = metaOf(rs).annotations?.[CHANGE_CAUSE_ANNOTATION];
  if (cause) {
    const md = asObj(template.metadata);
    template.metadata = { ...md, annotations: { ...asObj(md.annotations), [CHANGE_CAUSE_ANNOTATION]: cause } };
  }
  return template;
}

/**
 * kubectl's printTemplate: DescribePodTemplate into a prefix writer over a plain buffer, so
 * the tabs stay as they are (no column alignment, unlike `describe`).
 */
class RawPrefixWriter extends PrefixWriter {
  private raw = '';
  override write(level: number, s: string): void {
    this.raw += '  '.repeat(level) + s;
  }
  override writeLine(...parts: string[]): void {
    this.raw += `${parts.join(' ')}\n`;
  }
  override flush(): void {}
  override toString(): string {
    return this.raw;
  }
}

/** The `Pod Template:` text of a revision (tabs unaligned, as kubectl prints it). */
export function podTemplateText(template: Obj | undefined): string {
  const w = new RawPrefixWriter();
  describePodTemplate(template, w);
  return w.toString();
}

/** The REVISION/CHANGE-CAUSE table (Go tabwriter: minwidth 0, tabwidth 8, padding 2). */
export function revisionTable(rows: { revision: number; changeCause?: string }[]): string {
  let text = '';
  const tw = new TabWriter((s) => (text += s), {
    minWidth: 0,
    tabWidth: 8,
    padding: 2,
    padChar: ' ',
    rememberWidths: false,
  });
  tw.write('REVISION\tCHANGE-CAUSE\n');
  for (const r of rows) tw.write(`${r.revision}\t${r.changeCause || '<none>'}\n`);
  tw.flush();
  return text;
}

const labelsWithoutHash = (t: Obj): Obj => {
  const md = asObj(t.metadata);
  const labels = { ...asObj(md.labels) };
  delete labels[POD_TEMPLATE_HASH_LABEL];
  return { ...t, metadata: { ...md, labels } };
};

/**
 * deploymentutil.EqualIgnoreHash: two pod templates are equal once the pod-template-hash label
 * is dropped. Like apimachinery's semantic DeepEqual, an empty map or list equals a missing one.
 */
export function templatesEqualIgnoringHash(a: Obj, b: Obj): boolean {
  return semanticEqual(labelsWithoutHash(a), labelsWithoutHash(b));
}

const isEmptyCollection = (v: unknown): boolean =>
  v === undefined ||
  v === null ||
  (Array.isArray(v) && v.length === 0) ||
  (typeof v === 'object' && !Array.isArray(v) && Object.keys(v as object).length === 0);

function semanticEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b)) return isEmptyCollection(a) && isEmptyCollection(b);
    return a.length === b.length && a.every((x, i) => semanticEqual(x, b[i]));
  }
  if (a && b && typeof a === 'object' && typeof b === 'object') {
    const ao = a as Obj;
    const bo = b as Obj;
    const keys = new Set([...Object.keys(ao), ...Object.keys(bo)]);
    for (const k of keys) {
      const x = ao[k];
      const y = bo[k];
      if (x === undefined || y === undefined) {
        // A missing field equals an empty map/list (Go's nil vs empty), not a zero scalar.
        if (!(isEmptyCollection(x) && isEmptyCollection(y) && isCollectionOrMissing(x) && isCollectionOrMissing(y)))
          return false;
        continue;
      }
      if (!semanticEqual(x, y)) return false;
    }
    return true;
  }
  return false;
}

const isCollectionOrMissing = (v: unknown): boolean => v === undefined || v === null || typeof v === 'object';

/**
 * ViewHistory: the text after `kind/name ` in `rollout history` (`with revision #N` is the
 * caller's): "No rollout history found." when there are no records, the pod template of
 * `revision` when it is > 0 (error "unable to find the specified revision" when missing), else
 * the revision table (stateful sets' ControllerRevisions have change causes too).
 */
export function viewHistory(h: WorkloadHistory, revision: number, meta: PatchMeta | null): string {
  const records = byRevision(h);
  if (records.size === 0) return 'No rollout history found.';
  if (revision > 0) {
    const record = records.get(revision);
    if (!record) throw new Error('unable to find the specified revision');
    if (h.kind === 'Deployment') return podTemplateText(replicaSetTemplate(record));
    let applied: Obj;
    try {
      applied = applyRevision(h.workload, record, meta ?? NO_PATCH_META);
    } catch {
      throw new Error(`unable to parse history ${metaOf(record).name ?? ''}`);
    }
    return podTemplateText(asObj(asObj(applied.spec).template));
  }
  return revisionTable(
    sortedRevisions(records).map((r) => ({
      revision: r,
      changeCause: metaOf(records.get(r)).annotations?.[CHANGE_CAUSE_ANNOTATION],
    })),
  );
}

/**
 * GetHistory: what `rollout history -o ...` prints per revision, in ascending revision order:
 * the ReplicaSets of a deployment, or the daemon/stateful set as it was at each revision.
 */
export function historyObjects(h: WorkloadHistory, meta: PatchMeta | null): Map<number, Obj> {
  const records = byRevision(h);
  const out = new Map<number, Obj>();
  for (const r of sortedRevisions(records)) {
    const record = records.get(r)!;
    out.set(r, h.kind === 'Deployment' ? record : applyRevision(h.workload, record, meta ?? NO_PATCH_META));
  }
  return out;
}

/**
 * The warnings kubectl's deployment history viewer logs (klog, always shown) for ReplicaSets
 * whose revision does not parse; `where` is its source position (`history.go:114` for the
 * table, `history.go:172` for -o).
 */
export function skippedRevisionWarnings(h: WorkloadHistory, namespace: string, name: string): string[] {
  return (h.skipped ?? []).map(
    (s) =>
      `unable to get revision from replicaset ${s.name} for deployment ${name} in namespace ${namespace}: ${s.error}`,
  );
}
