/** kubectl's StatefulSet, DaemonSet and CronJob describers. */
import { formatSelector, rfc1123z } from './deployment-describer.js';
import { appendEvents } from './events.js';
import { formatLabels, printAnnotationsMultiline, printLabelsMultiline } from './format.js';
import { describePodTemplate } from './pod-template.js';
import { LEVEL_0, LEVEL_1, PrefixWriter } from './prefix-writer.js';
import type { DescribeContext, KObject } from './types.js';
import { podPhases } from './workload-describers.js';

type Obj = Record<string, unknown>;
const arr = (x: unknown): Obj[] => (Array.isArray(x) ? (x as Obj[]) : []);
const has = (x: unknown) => x !== undefined && x !== null;
const n = (x: unknown) => Number(x ?? 0);

async function phasesOrError(obj: KObject, ctx: DescribeContext): Promise<string> {
  try {
    return await podPhases(obj, ctx);
  } catch (e) {
    return `error in fetching pods: ${(e as Error).message}`;
  }
}

export async function describeStatefulSet(obj: KObject, ctx: DescribeContext): Promise<string> {
  const w = new PrefixWriter();
  const md = obj.metadata ?? {};
  const spec = (obj.spec ?? {}) as Obj;
  const status = (obj.status ?? {}) as Obj;
  w.write(LEVEL_0, `Name:\t${md.name ?? ''}\n`);
  w.write(LEVEL_0, `Namespace:\t${md.namespace ?? ''}\n`);
  w.write(LEVEL_0, `CreationTimestamp:\t${rfc1123z(md.creationTimestamp)}\n`);
  w.write(LEVEL_0, `Selector:\t${formatSelector(spec.selector as Obj | undefined)}\n`);
  printLabelsMultiline(w, 'Labels', md.labels);
  printAnnotationsMultiline(w, 'Annotations', md.annotations);
  w.write(LEVEL_0, `Replicas:\t${n(spec.replicas ?? 1)} desired | ${n(status.replicas)} total\n`);
  const strategy = (spec.updateStrategy ?? {}) as { type?: string; rollingUpdate?: Obj };
  w.write(LEVEL_0, `Update Strategy:\t${strategy.type ?? ''}\n`);
  const ru = strategy.rollingUpdate;
  if (ru && has(ru.partition)) {
    w.write(LEVEL_1, `Partition:\t${n(ru.partition)}\n`);
    if (has(ru.maxUnavailable)) w.write(LEVEL_1, `MaxUnavailable:\t${String(ru.maxUnavailable)}\n`);
  }
  w.write(LEVEL_0, `Pods Status:\t${await phasesOrError(obj, ctx)}\n`);
  describePodTemplate(spec.template as Obj | undefined, w);
  const claims = arr(spec.volumeClaimTemplates);
  if (claims.length === 0) w.write(LEVEL_0, 'Volume Claims:\t<none>\n');
  else {
    w.write(LEVEL_0, 'Volume Claims:\n');
    for (const c of claims) {
      const cmd = (c.metadata ?? {}) as {
        name?: string;
        labels?: Record<string, string>;
        annotations?: Record<string, string>;
      };
      const cspec = (c.spec ?? {}) as {
        storageClassName?: string;
        accessModes?: string[];
        resources?: { requests?: Obj };
      };
      w.write(LEVEL_1, `Name:\t${cmd.name ?? ''}\n`);
      w.write(LEVEL_1, `StorageClass:\t${cspec.storageClassName ?? ''}\n`);
      printLabelsMultiline(w, 'Labels', cmd.labels, '  ');
      printLabelsMultiline(w, 'Annotations', cmd.annotations, '  ');
      const storage = cspec.resources?.requests?.storage;
      w.write(LEVEL_1, `Capacity:\t${storage ? String(storage) : '<default>'}\n`);
      w.write(LEVEL_1, `Access Modes:\t[${(cspec.accessModes ?? []).join(' ')}]\n`);
    }
  }
  await appendEvents(obj, ctx, w);
  return w.toString();
}

export async function describeDaemonSet(obj: KObject, ctx: DescribeContext): Promise<string> {
  const w = new PrefixWriter();
  const md = obj.metadata ?? {};
  const spec = (obj.spec ?? {}) as Obj;
  const status = (obj.status ?? {}) as Obj;
  const template = (spec.template ?? {}) as { spec?: { nodeSelector?: Record<string, string> } };
  w.write(LEVEL_0, `Name:\t${md.name ?? ''}\n`);
  w.write(LEVEL_0, `Namespace:\t${md.namespace ?? ''}\n`);
  w.write(LEVEL_0, `Selector:\t${formatSelector(spec.selector as Obj | undefined)}\n`);
  w.write(LEVEL_0, `Node-Selector:\t${formatLabels(template.spec?.nodeSelector)}\n`);
  printLabelsMultiline(w, 'Labels', md.labels);
  printAnnotationsMultiline(w, 'Annotations', md.annotations);
  w.write(LEVEL_0, `Desired Number of Nodes Scheduled: ${n(status.desiredNumberScheduled)}\n`);
  w.write(LEVEL_0, `Current Number of Nodes Scheduled: ${n(status.currentNumberScheduled)}\n`);
  w.write(LEVEL_0, `Number of Nodes Scheduled with Up-to-date Pods: ${n(status.updatedNumberScheduled)}\n`);
  w.write(LEVEL_0, `Number of Nodes Scheduled with Available Pods: ${n(status.numberAvailable)}\n`);
  w.write(LEVEL_0, `Number of Nodes Misscheduled: ${n(status.numberMisscheduled)}\n`);
  w.write(LEVEL_0, `Pods Status:\t${await phasesOrError(obj, ctx)}\n`);
  describePodTemplate(spec.template as Obj | undefined, w);
  await appendEvents(obj, ctx, w);
  return w.toString();
}

const unset = (x: unknown, suffix = '') => (has(x) ? `${n(x)}${suffix}` : '<unset>');

export async function describeCronJob(obj: KObject, ctx: DescribeContext): Promise<string> {
  const w = new PrefixWriter();
  const md = obj.metadata ?? {};
  const spec = (obj.spec ?? {}) as Obj;
  const status = (obj.status ?? {}) as Obj;
  w.write(LEVEL_0, `Name:\t${md.name ?? ''}\n`);
  w.write(LEVEL_0, `Namespace:\t${md.namespace ?? ''}\n`);
  printLabelsMultiline(w, 'Labels', md.labels);
  printAnnotationsMultiline(w, 'Annotations', md.annotations);
  w.write(LEVEL_0, `Schedule:\t${String(spec.schedule ?? '')}\n`);
  w.write(LEVEL_0, `Concurrency Policy:\t${String(spec.concurrencyPolicy ?? '')}\n`);
  w.write(LEVEL_0, `Suspend:\t${has(spec.suspend) ? (spec.suspend ? 'True' : 'False') : '<unset>'}\n`);
  w.write(LEVEL_0, `Successful Job History Limit:\t${unset(spec.successfulJobsHistoryLimit)}\n`);
  w.write(LEVEL_0, `Failed Job History Limit:\t${unset(spec.failedJobsHistoryLimit)}\n`);
  w.write(LEVEL_0, `Starting Deadline Seconds:\t${unset(spec.startingDeadlineSeconds, 's')}\n`);
  const jobSpec = ((spec.jobTemplate ?? {}) as Obj).spec as Obj | undefined;
  const js = jobSpec ?? {};
  w.write(LEVEL_0, `Selector:\t${js.selector ? formatSelector(js.selector as Obj) : '<unset>'}\n`);
  w.write(LEVEL_0, `Parallelism:\t${unset(js.parallelism)}\n`);
  w.write(LEVEL_0, `Completions:\t${unset(js.completions)}\n`);
  if (has(js.activeDeadlineSeconds)) w.write(LEVEL_0, `Active Deadline Seconds:\t${n(js.activeDeadlineSeconds)}s\n`);
  describePodTemplate(js.template as Obj | undefined, w);
  w.write(
    LEVEL_0,
    `Last Schedule Time:\t${status.lastScheduleTime ? rfc1123z(String(status.lastScheduleTime)) : '<unset>'}\n`,
  );
  const active = arr(status.active);
  w.write(LEVEL_0, 'Active Jobs:\t');
  if (active.length === 0) w.writeLine('<none>');
  else w.writeLine(active.map((j) => String(j.name ?? '')).join(', '));
  await appendEvents(obj, ctx, w);
  return w.toString();
}
