/** kubectl's Deployment describer. */
import { listAll } from '../client/list-pager.js';
import { appendEvents } from './events.js';
import { formatLabels, printAnnotationsMultiline, printLabelsMultiline } from './format.js';
import { describePodTemplate } from './pod-template.js';
import { LEVEL_0, LEVEL_1, PrefixWriter } from './prefix-writer.js';
import type { DescribeContext, KObject } from './types.js';

type Obj = Record<string, unknown>;
const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** Go's time.RFC1123Z in UTC: `Mon, 02 Jan 2006 15:04:05 +0000`. */
export function rfc1123z(ts: string | undefined): string {
  const d = new Date(ts ?? 0);
  if (!ts || Number.isNaN(d.getTime())) return 'Mon, 01 Jan 0001 00:00:00 +0000';
  const p = (n: number) => String(n).padStart(2, '0');
  return `${DAYS[d.getUTCDay()]}, ${p(d.getUTCDate())} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())} +0000`;
}

/** A label selector (matchLabels + matchExpressions) as kubectl prints it. */
export function formatSelector(sel: Obj | undefined): string {
  if (!sel) return '<none>';
  const parts: string[] = [];
  const ml = (sel.matchLabels ?? {}) as Record<string, string>;
  for (const k of Object.keys(ml)) parts.push(`${k}=${ml[k]}`);
  for (const e of (sel.matchExpressions ?? []) as Obj[]) {
    const values = ((e.values ?? []) as string[]).slice().sort();
    const key = String(e.key);
    if (e.operator === 'In') parts.push(`${key} in (${values.join(',')})`);
    else if (e.operator === 'NotIn') parts.push(`${key} notin (${values.join(',')})`);
    else if (e.operator === 'Exists') parts.push(key);
    else if (e.operator === 'DoesNotExist') parts.push(`!${key}`);
  }
  parts.sort();
  return parts.length > 0 ? parts.join(',') : '<none>';
}

const rsSummary = (list: Obj[]) =>
  list.length === 0
    ? '<none>'
    : list
        .map((rs) => {
          const md = (rs.metadata ?? {}) as { name?: string };
          const status = (rs.status ?? {}) as { replicas?: number };
          const spec = (rs.spec ?? {}) as { replicas?: number };
          return `${md.name ?? ''} (${status.replicas ?? 0}/${spec.replicas ?? 1} replicas created)`;
        })
        .join(', ');

/** Template equality ignoring the pod-template-hash label (deploymentutil.EqualIgnoreHash). */
function sameTemplate(a: unknown, b: unknown): boolean {
  const strip = (t: unknown) => {
    const c = structuredClone((t ?? {}) as Obj);
    const md = (c.metadata ?? {}) as { labels?: Record<string, string> };
    if (md.labels) delete md.labels['pod-template-hash'];
    return JSON.stringify(c, Object.keys(c).sort());
  };
  return strip(a) === strip(b);
}

export async function describeDeployment(obj: KObject, ctx: DescribeContext): Promise<string> {
  const w = new PrefixWriter();
  const md = obj.metadata ?? {};
  const spec = (obj.spec ?? {}) as Obj;
  const status = (obj.status ?? {}) as Obj;
  const strategy = (spec.strategy ?? {}) as {
    type?: string;
    rollingUpdate?: { maxUnavailable?: unknown; maxSurge?: unknown };
  };
  w.write(LEVEL_0, `Name:\t${md.name ?? ''}\n`);
  w.write(LEVEL_0, `Namespace:\t${md.namespace ?? ''}\n`);
  w.write(LEVEL_0, `CreationTimestamp:\t${rfc1123z(md.creationTimestamp)}\n`);
  printLabelsMultiline(w, 'Labels', md.labels);
  printAnnotationsMultiline(w, 'Annotations', md.annotations);
  w.write(LEVEL_0, `Selector:\t${formatSelector(spec.selector as Obj | undefined)}\n`);
  const n = (x: unknown) => Number(x ?? 0);
  w.write(
    LEVEL_0,
    `Replicas:\t${n(spec.replicas ?? 1)} desired | ${n(status.updatedReplicas)} updated | ${n(status.replicas)} total | ${n(status.availableReplicas)} available | ${n(status.unavailableReplicas)} unavailable\n`,
  );
  w.write(LEVEL_0, `StrategyType:\t${strategy.type ?? ''}\n`);
  w.write(LEVEL_0, `MinReadySeconds:\t${n(spec.minReadySeconds)}\n`);
  if (strategy.rollingUpdate) {
    const ru = strategy.rollingUpdate;
    w.write(
      LEVEL_0,
      `RollingUpdateStrategy:\t${String(ru.maxUnavailable ?? '')} max unavailable, ${String(ru.maxSurge ?? '')} max surge\n`,
    );
  }
  describePodTemplate(spec.template as Obj | undefined, w);
  const conditions = (status.conditions ?? []) as Obj[];
  if (conditions.length > 0) {
    w.write(LEVEL_0, 'Conditions:\n  Type\tStatus\tReason\n');
    w.write(LEVEL_1, '----\t------\t------\n');
    for (const c of conditions)
      w.write(LEVEL_1, `${String(c.type ?? '')} \t${String(c.status ?? '')}\t${String(c.reason ?? '')}\n`);
  }
  const owned = await ownedReplicaSets(obj, ctx);
  if (owned && owned.length > 0) {
    const newRs = owned.filter((rs) => sameTemplate((rs.spec as Obj | undefined)?.template, spec.template)).slice(0, 1);
    const old = owned.filter((rs) => !newRs.includes(rs));
    w.write(LEVEL_0, `OldReplicaSets:\t${rsSummary(old)}\n`);
    w.write(LEVEL_0, `NewReplicaSet:\t${rsSummary(newRs)}\n`);
  }
  await appendEvents(obj, ctx, w);
  return w.toString();
}

async function ownedReplicaSets(obj: KObject, ctx: DescribeContext): Promise<Obj[] | undefined> {
  const md = obj.metadata ?? {};
  const matchLabels = ((obj.spec as Obj | undefined)?.selector as Obj | undefined)?.matchLabels as
    | Record<string, string>
    | undefined;
  try {
    const { items } = await listAll(ctx.rest, {
      path: `/apis/apps/v1/namespaces/${encodeURIComponent(md.namespace ?? '')}/replicasets`,
      query: { labelSelector: formatLabels(matchLabels) === '<none>' ? undefined : formatLabels(matchLabels) },
      limit: ctx.chunkSize,
    });
    return items.filter((rs) =>
      ((rs.metadata as Obj | undefined)?.ownerReferences as Obj[] | undefined)?.some(
        (o) => o.uid === md.uid && o.controller,
      ),
    );
  } catch {
    return undefined;
  }
}
