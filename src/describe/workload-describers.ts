/** kubectl's Job and ReplicaSet describers (both end with the pod template). */
import { listAll } from '../client/list-pager.js';
import { formatSelector, rfc1123z } from './deployment-describer.js';
import { appendEvents } from './events.js';
import { printAnnotationsMultiline, printLabelsMultiline } from './format.js';
import { describePodTemplate } from './pod-template.js';
import { LEVEL_0, LEVEL_1, PrefixWriter } from './prefix-writer.js';
import type { DescribeContext, KObject } from './types.js';

type Obj = Record<string, unknown>;
const arr = (x: unknown): Obj[] => (Array.isArray(x) ? (x as Obj[]) : []);
const has = (x: unknown) => x !== undefined && x !== null;
const n = (x: unknown) => Number(x ?? 0);

function controller(md: Obj): string {
  const ref = arr(md.ownerReferences).find((o) => o.controller);
  return ref ? `${String(ref.kind ?? '')}/${String(ref.name ?? '')}` : '';
}

function header(w: PrefixWriter, obj: KObject, selectorFirst: boolean): void {
  const md = (obj.metadata ?? {}) as Obj & KObject['metadata'];
  const spec = (obj.spec ?? {}) as Obj;
  w.write(LEVEL_0, `Name:\t${md?.name ?? ''}\n`);
  w.write(LEVEL_0, `Namespace:\t${md?.namespace ?? ''}\n`);
  if (selectorFirst) w.write(LEVEL_0, `Selector:\t${formatSelector(spec.selector as Obj | undefined)}\n`);
  printLabelsMultiline(w, 'Labels', md?.labels);
  printAnnotationsMultiline(w, 'Annotations', md?.annotations);
  const owner = controller(md as Obj);
  if (owner) w.write(LEVEL_0, `Controlled By:\t${owner}\n`);
}

export async function describeJob(obj: KObject, ctx: DescribeContext): Promise<string> {
  const w = new PrefixWriter();
  const spec = (obj.spec ?? {}) as Obj;
  const status = (obj.status ?? {}) as Obj;
  header(w, obj, true);
  if (has(spec.parallelism)) w.write(LEVEL_0, `Parallelism:\t${n(spec.parallelism)}\n`);
  w.write(LEVEL_0, `Completions:\t${has(spec.completions) ? n(spec.completions) : '<unset>'}\n`);
  if (has(spec.completionMode)) w.write(LEVEL_0, `Completion Mode:\t${String(spec.completionMode)}\n`);
  if (has(spec.suspend)) w.write(LEVEL_0, `Suspend:\t${Boolean(spec.suspend)}\n`);
  if (has(spec.backoffLimit)) w.write(LEVEL_0, `Backoff Limit:\t${n(spec.backoffLimit)}\n`);
  if (has(spec.ttlSecondsAfterFinished)) {
    w.write(LEVEL_0, `TTL Seconds After Finished:\t${n(spec.ttlSecondsAfterFinished)}\n`);
  }
  if (status.startTime) w.write(LEVEL_0, `Start Time:\t${rfc1123z(String(status.startTime))}\n`);
  if (status.completionTime) w.write(LEVEL_0, `Completed At:\t${rfc1123z(String(status.completionTime))}\n`);
  if (has(spec.activeDeadlineSeconds))
    w.write(LEVEL_0, `Active Deadline Seconds:\t${n(spec.activeDeadlineSeconds)}s\n`);
  const counts = `${n(status.succeeded)} Succeeded / ${n(status.failed)} Failed`;
  w.write(
    LEVEL_0,
    has(status.ready)
      ? `Pods Statuses:\t${n(status.active)} Active (${n(status.ready)} Ready) / ${counts}\n`
      : `Pods Statuses:\t${n(status.active)} Active / ${counts}\n`,
  );
  if (spec.completionMode === 'Indexed') {
    w.write(LEVEL_0, `Completed Indexes:\t${String(status.completedIndexes || '<none>')}\n`);
  }
  describePodTemplate(spec.template as Obj | undefined, w);
  await appendEvents(obj, ctx, w);
  return w.toString();
}

/** Pod phases of the pods a selector picks (Running / Waiting(Pending) / Succeeded / Failed). */
export async function podPhases(obj: KObject, ctx: DescribeContext): Promise<string> {
  const ns = obj.metadata?.namespace ?? '';
  const selector = formatSelector((obj.spec as Obj | undefined)?.selector as Obj | undefined);
  const { items } = await listAll(ctx.rest, {
    path: `/api/v1/namespaces/${encodeURIComponent(ns)}/pods`,
    query: { labelSelector: selector === '<none>' ? undefined : selector },
    limit: ctx.chunkSize,
  });
  const uid = obj.metadata?.uid;
  const count = { Running: 0, Pending: 0, Succeeded: 0, Failed: 0 } as Record<string, number>;
  for (const pod of items) {
    const owners = arr((pod.metadata as Obj | undefined)?.ownerReferences);
    if (uid && !owners.some((o) => o.uid === uid && o.controller)) continue;
    const phase = String((pod.status as Obj | undefined)?.phase ?? '');
    if (phase in count) count[phase]++;
  }
  return `${count.Running} Running / ${count.Pending} Waiting / ${count.Succeeded} Succeeded / ${count.Failed} Failed`;
}

export async function describeReplicaSet(obj: KObject, ctx: DescribeContext): Promise<string> {
  const w = new PrefixWriter();
  const spec = (obj.spec ?? {}) as Obj;
  const status = (obj.status ?? {}) as Obj;
  header(w, obj, true);
  w.write(LEVEL_0, `Replicas:\t${n(status.replicas)} current / ${n(spec.replicas ?? 1)} desired\n`);
  let phases: string;
  try {
    phases = await podPhases(obj, ctx);
  } catch (e) {
    phases = `error in fetching pods: ${(e as Error).message}`;
  }
  w.write(LEVEL_0, `Pods Status:\t${phases}\n`);
  describePodTemplate(spec.template as Obj | undefined, w);
  const conditions = arr(status.conditions);
  if (conditions.length > 0) {
    w.write(LEVEL_0, 'Conditions:\n  Type\tStatus\tReason\n');
    w.write(LEVEL_1, '----\t------\t------\n');
    for (const c of conditions)
      w.write(LEVEL_1, `${String(c.type ?? '')} \t${String(c.status ?? '')}\t${String(c.reason ?? '')}\n`);
  }
  await appendEvents(obj, ctx, w);
  return w.toString();
}
