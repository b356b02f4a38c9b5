/**
 * `rollout undo` for one object: kubectl's rollbackers (polymorphichelpers/rollback.go).
 * A Deployment gets the pod template of the ReplicaSet of the chosen revision back (hash label
 * removed) with a JSON patch that also replaces its annotations; a DaemonSet or StatefulSet gets
 * the chosen ControllerRevision's data sent as a strategic merge patch. Each returns the
 * operation kubectl prints after `kind/name` ("rolled back", "skipped rollback (...)", or the
 * pod template for a client dry run).
 */
import { NO_PATCH_META, type PatchMeta } from '../api/patch/index.js';
import type { RestClient } from '../client/rest/client.js';
import { compareBytes, goJsonString } from '../printers/json/go-json.js';
import { type DryRunStrategy, dryRunQuery } from './dry-run.js';
import {
  applyRevision,
  appsPath,
  type HistoryEntry,
  loadHistory,
  podTemplateText,
  templatesEqualIgnoringHash,
} from './rollout-history.js';
import { POD_TEMPLATE_HASH_LABEL, REVISION_ANNOTATION, type RolloutKind } from './rollout-kinds.js';

type Obj = Record<string, unknown>;
const asObj = (v: unknown): Obj => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Obj) : {});
const message = (e: unknown): string => (e instanceof Error ? e.message : String(e));

export interface RollbackRequest {
  rest: RestClient;
  kind: RolloutKind;
  namespace: string;
  name: string;
  /** 0 = the revision before the latest. */
  toRevision: number;
  dryRun: DryRunStrategy;
  /** Strategic merge patch metadata of the kind (daemon/stateful sets; null: none published). */
  meta: PatchMeta | null;
}

/** Annotations a rollback keeps from the deployment instead of copying from the ReplicaSet. */
const ANNOTATIONS_TO_SKIP = new Set([
  'kubectl.kubernetes.io/last-applied-configuration',
  REVISION_ANNOTATION,
  'deployment.kubernetes.io/revision-history',
  'deployment.kubernetes.io/desired-replicas',
  'deployment.kubernetes.io/max-replicas',
  'deprecated.deployment.rollback.to',
]);

const revisionNotFound = (r: number) => new Error(`unable to find specified revision ${r} in history`);

/** Rolls one workload back; throws kubectl's error texts. */
export function rollback(req: RollbackRequest): Promise<string> {
  return req.kind === 'Deployment' ? rollbackDeployment(req) : rollbackFromControllerRevision(req);
}

async function rollbackDeployment(req: RollbackRequest): Promise<string> {
  const { rest, namespace, name, toRevision } = req;
  if (toRevision < 0) throw revisionNotFound(toRevision);
  let deployment: Obj;
  try {
    deployment = await rest.json<Obj>({ path: appsPath('Deployment', namespace, name) });
  } catch (e) {
    throw new Error(`failed to retrieve Deployment ${name}: ${message(e)}`);
  }
  const history = await loadHistory(rest, 'Deployment', namespace, name, deployment);
  const rs = deploymentRevision(history.records, toRevision, name);
  const rsTemplate = asObj(asObj(rs.spec).template);
  if (req.dryRun === 'client') return podTemplateText(rsTemplate);
  const spec = asObj(deployment.spec);
  if (spec.paused === true) {
    throw new Error(
      "you cannot rollback a paused deployment; resume it first with 'kubectl rollout resume' and try again",
    );
  }
  if (templatesEqualIgnoringHash(rsTemplate, asObj(spec.template))) {
    return `skipped rollback (current template already matches revision ${toRevision})`;
  }
  const patch = JSON.stringify([
    { op: 'replace', path: '/spec/template', value: templateWithoutHash(rsTemplate) },
    { op: 'replace', path: '/metadata/annotations', value: rollbackAnnotations(deployment, rs) },
  ]);
  try {
    await rest.json({
      method: 'PATCH',
      path: appsPath('Deployment', namespace, name),
      query: dryRunQuery(req.dryRun),
      body: Buffer.from(patch),
      contentType: 'application/json-patch+json',
    });
  } catch (e) {
    throw new Error(`failed restoring revision ${toRevision}: ${message(e)}`);
  }
  return 'rolled back';
}

/**
 * The ReplicaSet to roll back to: the first with revision `toRevision`, or for 0 the one with
 * the second-highest revision (in kubectl's scan order, so ties keep the earlier record).
 */
export function deploymentRevision(records: HistoryEntry[], toRevision: number, name: string): Obj {
  let latest = -1;
  let latestRs: Obj | undefined;
  let previous = -1;
  let previousRs: Obj | undefined;
  for (const { revision, record } of records) {
    if (toRevision === 0) {
      if (latest < revision) {
        previous = latest;
        previousRs = latestRs;
        latest = revision;
        latestRs = record;
      } else if (previous < revision) {
        previous = revision;
        previousRs = record;
      }
    } else if (revision === toRevision) return record;
  }
  if (toRevision > 0) throw revisionNotFound(toRevision);
  if (!previousRs) throw new Error(`no rollout history found for deployment ${JSON.stringify(name)}`);
  return previousRs;
}

/** The ReplicaSet's template without the pod-template-hash label (an emptied map is dropped). */
export function templateWithoutHash(template: Obj): Obj {
  const out = structuredClone(template);
  const md = asObj(out.metadata);
  const labels = asObj(md.labels);
  if (POD_TEMPLATE_HASH_LABEL in labels) {
    delete labels[POD_TEMPLATE_HASH_LABEL];
    if (Object.keys(labels).length === 0) delete md.labels;
  }
  return out;
}

/** The deployment's skip-listed annotations plus every other annotation of the ReplicaSet. */
export function rollbackAnnotations(deployment: Obj, rs: Obj): Record<string, string> {
  const current = asObj(asObj(deployment.metadata).annotations) as Record<string, string>;
  const fromRs = asObj(asObj(rs.metadata).annotations) as Record<string, string>;
  const out: Record<string, string> = {};
  for (const k of ANNOTATIONS_TO_SKIP) if (Object.hasOwn(current, k)) out[k] = current[k]!;
  for (const [k, v] of Object.entries(fromRs)) if (!ANNOTATIONS_TO_SKIP.has(k)) out[k] = v;
  return out;
}

async function rollbackFromControllerRevision(req: RollbackRequest): Promise<string> {
  const { rest, kind, namespace, name, toRevision } = req;
  if (toRevision < 0) throw revisionNotFound(toRevision);
  const history = await loadHistory(rest, kind, namespace, name);
  if (toRevision === 0 && history.records.length <= 1) throw new Error('no last revision to roll back to');
  const target = findRevision(history.records, toRevision);
  if (!target) throw revisionNotFound(toRevision);
  if (req.dryRun === 'client') {
    const applied = applyRevision(history.workload, target, req.meta ?? NO_PATCH_META);
    return `will roll back to ${podTemplateText(asObj(asObj(applied.spec).template))}`;
  }
  if (templatePatchText(history.workload) === JSON.stringify(target.data ?? null)) {
    return `skipped rollback (current template already matches revision ${toRevision})`;
  }
  try {
    await rest.json({
      method: 'PATCH',
      path: appsPath(kind, namespace, name),
      query: dryRunQuery(req.dryRun),
      body: Buffer.from(JSON.stringify(target.data ?? {})),
      contentType: 'application/strategic-merge-patch+json',
    });
  } catch (e) {
    throw new Error(`failed restoring revision ${toRevision}: ${message(e)}`);
  }
  return 'rolled back';
}

/** kubectl's findHistory: the matching revision, or for 0 the second-highest one. */
export function findRevision(records: HistoryEntry[], toRevision: number): Obj | undefined {
  if (toRevision === 0) {
    if (records.length <= 1) return undefined;
    const sorted = [...records].sort((a, b) => a.revision - b.revision);
    return sorted[sorted.length - 2]!.record;
  }
  return records.find((r) => r.revision === toRevision)?.record;
}

/**
 * The bytes a controller would record for the workload's current template (getDaemonSetPatch /
 * getStatefulSetPatch): `{"spec":{"template":{"$patch":"replace",...}}}` encoded as Go encodes
 * a map (keys sorted at every level, compact, HTML characters escaped). kubectl compares these
 * bytes with the ControllerRevision's data to decide that there is nothing to roll back.
 */
export function templatePatchText(workload: Obj): string {
  const template = { ...asObj(asObj(workload.spec).template), $patch: 'replace' };
  return goCompact({ spec: { template } });
}

function goCompact(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(goCompact).join(',')}]`;
  if (v && typeof v === 'object') {
    const o = v as Obj;
    const keys = Object.keys(o)
      .filter((k) => o[k] !== undefined)
      .sort(compareBytes);
    return `{${keys.map((k) => `${goJsonString(k)}:${goCompact(o[k])}`).join(',')}}`;
  }
  if (typeof v === 'string') return goJsonString(v);
  return JSON.stringify(v ?? null);
}
