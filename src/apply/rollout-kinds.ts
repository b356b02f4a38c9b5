/**
 * Which kinds `rollout history` and `rollout undo` work on, with kubectl's errors for the others.
 * kubectl dispatches through its kind visitor (apps.GroupKindElement.Accept): a kind the visitor
 * does not know fails with "no visitor method exists", and a known kind without a history viewer
 * or rollbacker (pods, jobs, replica sets, ...) fails with "no ... has been implemented".
 */

export type RolloutKind = 'Deployment' | 'DaemonSet' | 'StatefulSet';

export interface GroupKindRef {
  group: string;
  kind: string;
}

/** The annotation a deployment controller stamps on each ReplicaSet with its revision number. */
export const REVISION_ANNOTATION = 'deployment.kubernetes.io/revision';
/** The annotation `--record` used to write; history prints it as CHANGE-CAUSE. */
export const CHANGE_CAUSE_ANNOTATION = 'kubernetes.io/change-cause';
/** The label a deployment controller adds to ReplicaSet templates (never in the deployment's). */
export const POD_TEMPLATE_HASH_LABEL = 'pod-template-hash';

/** Kinds the visitor knows (group alternatives as kubectl lists them), and what it maps them to. */
const VISITED: { groups: string[]; kind: string; rollout?: RolloutKind }[] = [
  { groups: ['apps', 'extensions'], kind: 'DaemonSet', rollout: 'DaemonSet' },
  { groups: ['apps', 'extensions'], kind: 'Deployment', rollout: 'Deployment' },
  { groups: ['batch'], kind: 'Job' },
  { groups: ['', 'core'], kind: 'Pod' },
  { groups: ['apps', 'extensions'], kind: 'ReplicaSet' },
  { groups: ['', 'core'], kind: 'ReplicationController' },
  { groups: ['apps'], kind: 'StatefulSet', rollout: 'StatefulSet' },
  { groups: ['batch'], kind: 'CronJob' },
];

/** schema.GroupKind.String(): `Kind` for the core group, else `Kind.group`. */
export function groupKindString(gk: GroupKindRef): string {
  return gk.group ? `${gk.kind}.${gk.group}` : gk.kind;
}

/**
 * The rollout kind of `gk`, or kubectl's error: `purpose` picks the wording of the history
 * viewer (`rollout history`) or the rollbacker (`rollout undo`).
 */
export function rolloutKindFor(gk: GroupKindRef, purpose: 'history' | 'rollback'): RolloutKind {
  const hit = VISITED.find((v) => v.kind === gk.kind && v.groups.includes(gk.group));
  const name = JSON.stringify(groupKindString(gk));
  if (!hit) {
    // Go prints the GroupKindElement struct with %v: `{group kind}`.
    const what = purpose === 'history' ? 'history' : 'rollbacker';
    throw new Error(`error retrieving ${what} for ${name}, no visitor method exists for {${gk.group} ${gk.kind}}`);
  }
  if (!hit.rollout) {
    throw new Error(
      purpose === 'history'
        ? `no history viewer has been implemented for ${name}`
        : `no rollbacker has been implemented for ${name}`,
    );
  }
  return hit.rollout;
}

/**
 * deploymentutil.Revision: 0 without the revision annotation, else its value parsed as Go's
 * strconv.ParseInt(s, 10, 64); undefined when that fails (kubectl then skips the ReplicaSet).
 */
export function parseRevision(obj: unknown): number | undefined {
  const meta = (obj as { metadata?: { annotations?: Record<string, unknown> } } | undefined)?.metadata;
  const annotations = meta?.annotations ?? {};
  if (!Object.hasOwn(annotations, REVISION_ANNOTATION)) return 0;
  const text = annotations[REVISION_ANNOTATION];
  if (typeof text !== 'string' || !/^[+-]?\d+$/.test(text)) return undefined;
  const n = BigInt(text);
  if (n > 9223372036854775807n || n < -9223372036854775808n) return undefined;
  return Number(n);
}

/**
 * The error kubectl logs for a revision annotation that does not parse (Go's strconv error
 * text), or undefined when `parseRevision` accepts the object.
 */
export function revisionParseError(obj: unknown): string | undefined {
  if (parseRevision(obj) !== undefined) return undefined;
  const meta = (obj as { metadata?: { annotations?: Record<string, unknown> } } | undefined)?.metadata;
  const text = String(meta?.annotations?.[REVISION_ANNOTATION] ?? '');
  const why = /^[+-]?\d+$/.test(text) ? 'value out of range' : 'invalid syntax';
  return `strconv.ParseInt: parsing ${JSON.stringify(text)}: ${why}`;
}
