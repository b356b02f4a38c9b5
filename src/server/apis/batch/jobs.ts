/**
 * batch/v1 jobs and cronjobs: SetDefaults_Job/CronJob, the selector and labels kube generates
 * for a job (from its uid, which the registry sets before prepareForCreate), validation, tables.
 */
import { type LabelSelector, labelSelectorAsSelector } from '../../../api/labels/index.js';
import { type FieldError, fieldInvalid, fieldNotSupported, fieldRequired } from '../../../api/status.js';
import { containerCells, immutableSelector, selectorCell } from '../apps/workload-checks.js';
import { defaultTemplate } from '../core/pod-defaults.js';
import { validatePodSpec } from '../core/pod-validation.js';
import { goStringMap, invalidGo, nonNegative } from '../field-checks.js';
import { ensureMap, isMap, type JsonMap, mapAt, mapsAt, numAt, setDefault, strAt } from '../object-access.js';
import { statusSplitHooks } from '../status-split.js';
import { age, ageColumn, column, humanDuration, nameColumn, nameOf } from '../table-columns.js';
import type { KindDefinition, KubeObject } from '../types.js';

const MAX_INT32 = 2147483647;
export const JOB_LABELS = {
  legacyJobName: 'job-name',
  jobName: 'batch.kubernetes.io/job-name',
  legacyControllerUid: 'controller-uid',
  controllerUid: 'batch.kubernetes.io/controller-uid',
} as const;

/** SetDefaults_Job. */
export function defaultJob(job: KubeObject): void {
  const spec = ensureMap(job, 'spec');
  if (!spec) return;
  if (spec.completions == null && spec.parallelism == null) {
    spec.completions = 1;
    spec.parallelism = 1;
  }
  setDefault(spec, 'parallelism', 1);
  if (spec.backoffLimit == null) spec.backoffLimit = spec.backoffLimitPerIndex != null ? MAX_INT32 : 6;
  const templateLabels = mapAt(mapAt(spec.template, 'metadata'), 'labels');
  if (templateLabels && Object.keys(job.metadata?.labels ?? {}).length === 0) {
    job.metadata ??= {};
    job.metadata.labels = { ...(templateLabels as Record<string, string>) };
  }
  setDefault(spec, 'completionMode', 'NonIndexed');
  setDefault(spec, 'suspend', false);
  const pfp = mapAt(spec, 'podFailurePolicy');
  for (const rule of mapsAt(pfp, 'rules'))
    for (const c of mapsAt(rule, 'onPodConditions')) setDefault(c, 'status', 'True');
  setDefault(spec, 'podReplacementPolicy', pfp ? 'Failed' : 'TerminatingOrFailed');
  defaultTemplate(spec.template);
}

/** generateSelector: job-name and controller-uid labels on the template, the uid as selector. */
export function generateJobSelector(job: KubeObject): void {
  const spec = ensureMap(job, 'spec');
  if (!spec || spec.manualSelector === true) return;
  const template = ensureMap(spec, 'template');
  const meta = template && ensureMap(template, 'metadata');
  const labels = meta && ensureMap(meta, 'labels');
  if (!labels) return;
  const name = job.metadata?.name ?? '';
  const uid = job.metadata?.uid ?? '';
  for (const k of [JOB_LABELS.legacyJobName, JOB_LABELS.jobName]) if (!(k in labels)) labels[k] = name;
  for (const k of [JOB_LABELS.legacyControllerUid, JOB_LABELS.controllerUid]) if (!(k in labels)) labels[k] = uid;
  const selector = ensureMap(spec, 'selector');
  const matchLabels = selector && ensureMap(selector, 'matchLabels');
  if (matchLabels && !(JOB_LABELS.controllerUid in matchLabels)) matchLabels[JOB_LABELS.controllerUid] = uid;
}

/** validateJobSpec without the selector checks (shared with CronJob's jobTemplate). */
function validateJobSpecBody(spec: JsonMap, path: string): FieldError[] {
  const errs: FieldError[] = [];
  for (const k of ['parallelism', 'completions', 'activeDeadlineSeconds', 'backoffLimit', 'ttlSecondsAfterFinished'])
    errs.push(...nonNegative(spec[k], `${path}.${k}`));
  const mode = spec.completionMode;
  if (mode != null) {
    if (mode !== 'NonIndexed' && mode !== 'Indexed')
      errs.push(fieldNotSupported(`${path}.completionMode`, mode, ['NonIndexed', 'Indexed']));
    if (mode === 'Indexed' && spec.completions == null)
      errs.push(fieldRequired(`${path}.completions`, 'when completion mode is Indexed'));
  }
  const template = mapAt(spec, 'template');
  if (!template) return [...errs, fieldRequired(`${path}.template`)];
  const podSpec = mapAt(template, 'spec');
  errs.push(...validatePodSpec(podSpec, `${path}.template.spec`));
  const rp = podSpec?.restartPolicy;
  if (rp !== 'OnFailure' && rp !== 'Never')
    errs.push(fieldNotSupported(`${path}.template.spec.restartPolicy`, rp ?? '', ['OnFailure', 'Never']));
  return errs;
}

function validateJob(job: KubeObject): FieldError[] {
  const spec: JsonMap = isMap(job.spec) ? job.spec : {};
  const errs = validateJobSpecBody(spec, 'spec');
  const sel = spec.selector;
  if (!isMap(sel)) errs.push(fieldRequired('spec.selector'));
  else {
    try {
      const selector = labelSelectorAsSelector(sel as LabelSelector);
      const labels = mapAt(mapAt(spec.template, 'metadata'), 'labels') ?? {};
      if (!selector.matches(labels as Record<string, string>))
        errs.push(
          invalidGo(
            'spec.template.metadata.labels',
            goStringMap(labels),
            '`selector` does not match template `labels`',
          ),
        );
    } catch (e) {
      errs.push(fieldInvalid('spec.selector', sel, e instanceof Error ? e.message : String(e)));
    }
  }
  return errs;
}

function validateJobUpdate(job: KubeObject, old: KubeObject): FieldError[] {
  const errs = immutableSelector(job.spec, old.spec);
  const spec = mapAt(job, 'spec');
  const oldSpec = mapAt(old, 'spec');
  if (spec?.completionMode !== oldSpec?.completionMode)
    errs.push(fieldInvalid('spec.completionMode', spec?.completionMode ?? '', 'field is immutable'));
  return errs;
}

function jobStatus(job: KubeObject): string {
  const conds = mapsAt(mapAt(job, 'status'), 'conditions');
  const has = (t: string) => conds.some((c) => c.type === t && c.status === 'True');
  if (has('Complete')) return 'Complete';
  if (has('Failed')) return 'Failed';
  if (job.metadata?.deletionTimestamp) return 'Terminating';
  if (has('Suspended')) return 'Suspended';
  if (has('FailureTarget')) return 'FailureTarget';
  if (has('SuccessCriteriaMet')) return 'SuccessCriteriaMet';
  return 'Running';
}

function jobCompletions(spec: JsonMap | undefined, succeeded: number): string {
  const completions = numAt(spec, 'completions');
  if (completions !== undefined) return `${succeeded}/${completions}`;
  const parallelism = numAt(spec, 'parallelism') ?? 0;
  return parallelism > 1 ? `${succeeded}/1 of ${parallelism}` : `${succeeded}/1`;
}

function jobDuration(status: JsonMap | undefined, now: Date): string {
  const start = strAt(status, 'startTime');
  if (!start) return '';
  const end = strAt(status, 'completionTime');
  const endMs = end ? Date.parse(end) : now.getTime();
  return humanDuration(endMs - Date.parse(start));
}

const selectorColumn = (description: string) => column('Selector', description, { wide: true });

export const jobs: KindDefinition = {
  group: 'batch',
  version: 'v1',
  kind: 'Job',
  resource: 'jobs',
  singular: 'job',
  namespaced: true,
  categories: ['all'],
  definition: 'io.k8s.api.batch.v1.Job',
  subresources: { status: true },
  strategy: (() => {
    const hooks = statusSplitHooks({ generation: true, initialStatus: () => ({}) });
    return {
      defaults: defaultJob,
      ...hooks,
      prepareForCreate(obj: KubeObject, ctx) {
        generateJobSelector(obj);
        hooks.prepareForCreate?.(obj, ctx);
      },
      validate: validateJob,
      validateUpdate: validateJobUpdate,
    };
  })(),
  table: {
    columns: [
      nameColumn(),
      column('Status', 'Status of the job.'),
      column('Completions', 'The number of pods which reached phase Succeeded.'),
      column('Duration', 'Time required to complete the job.'),
      ageColumn(),
      column('Containers', 'Names of each container in the template.', { wide: true }),
      column('Images', 'Images referenced by each container in the template.', { wide: true }),
      selectorColumn('A label query over pods that should match the pod count.'),
    ],
    cells(job, now) {
      const spec = mapAt(job, 'spec');
      const status = mapAt(job, 'status');
      const [containers, images] = containerCells(mapAt(mapAt(spec, 'template'), 'spec'));
      return [
        nameOf(job),
        jobStatus(job),
        jobCompletions(spec, numAt(status, 'succeeded') ?? 0),
        jobDuration(status, now),
        age(job.metadata?.creationTimestamp, now),
        containers,
        images,
        selectorCell(spec?.selector),
      ];
    },
  },
  fieldSelectors: (job) => ({ 'status.successful': String(numAt(mapAt(job, 'status'), 'succeeded') ?? 0) }),
};

/** SetDefaults_CronJob. */
export function defaultCronJob(cj: KubeObject): void {
  const spec = ensureMap(cj, 'spec');
  if (!spec) return;
  if (!spec.concurrencyPolicy) spec.concurrencyPolicy = 'Allow';
  setDefault(spec, 'suspend', false);
  setDefault(spec, 'successfulJobsHistoryLimit', 3);
  setDefault(spec, 'failedJobsHistoryLimit', 1);
  const jobTemplate = mapAt(spec, 'jobTemplate');
  if (jobTemplate) setDefault(jobTemplate, 'metadata', {});
  defaultTemplate(mapAt(jobTemplate, 'spec')?.template);
}

function validateCronJob(cj: KubeObject): FieldError[] {
  const spec: JsonMap = isMap(cj.spec) ? cj.spec : {};
  const errs: FieldError[] = [];
  if (!strAt(spec, 'schedule')) errs.push(fieldRequired('spec.schedule'));
  else {
    const fields = String(spec.schedule).trim().split(/\s+/);
    const descriptor = fields[0]?.startsWith('@');
    if (!descriptor && fields.length !== 5)
      errs.push(
        fieldInvalid(
          'spec.schedule',
          spec.schedule,
          `expected exactly 5 fields, found ${fields.length}: [${fields.join(' ')}]`,
        ),
      );
  }
  const cp = spec.concurrencyPolicy;
  if (!cp) errs.push(fieldRequired('spec.concurrencyPolicy'));
  else if (!['Allow', 'Forbid', 'Replace'].includes(String(cp)))
    errs.push(fieldNotSupported('spec.concurrencyPolicy', cp, ['Allow', 'Forbid', 'Replace']));
  for (const k of ['startingDeadlineSeconds', 'successfulJobsHistoryLimit', 'failedJobsHistoryLimit'])
    errs.push(...nonNegative(spec[k], `spec.${k}`));
  const jobSpec = mapAt(mapAt(spec, 'jobTemplate'), 'spec');
  if (!jobSpec) errs.push(fieldRequired('spec.jobTemplate.spec.template'));
  else {
    errs.push(...validateJobSpecBody(jobSpec, 'spec.jobTemplate.spec'));
    if (jobSpec.selector != null)
      errs.push(fieldInvalid('spec.jobTemplate.spec.selector', jobSpec.selector, '`selector` will be auto-generated'));
  }
  return errs;
}

export const cronjobs: KindDefinition = {
  group: 'batch',
  version: 'v1',
  kind: 'CronJob',
  resource: 'cronjobs',
  singular: 'cronjob',
  namespaced: true,
  shortNames: ['cj'],
  categories: ['all'],
  definition: 'io.k8s.api.batch.v1.CronJob',
  subresources: { status: true },
  strategy: {
    defaults: defaultCronJob,
    ...statusSplitHooks({ generation: true, initialStatus: () => ({}) }),
    validate: validateCronJob,
    validateUpdate: (obj) => validateCronJob(obj),
  },
  table: {
    columns: [
      nameColumn(),
      column('Schedule', 'The schedule in Cron format.'),
      column('Timezone', 'The time zone name for the given schedule.'),
      { ...column('Suspend', 'Whether the controller should suspend subsequent executions.'), type: 'boolean' },
      { ...column('Active', 'Pointers to currently running jobs.'), type: 'integer' },
      column('Last Schedule', 'When the job was last successfully scheduled.'),
      ageColumn(),
      column('Containers', 'Names of each container in the template.', { wide: true }),
      column('Images', 'Images referenced by each container in the template.', { wide: true }),
      selectorColumn('A label query over pods that should match the pod count.'),
    ],
    cells(cj, now) {
      const spec = mapAt(cj, 'spec');
      const status = mapAt(cj, 'status');
      const jobSpec = mapAt(mapAt(spec, 'jobTemplate'), 'spec');
      const [containers, images] = containerCells(mapAt(mapAt(jobSpec, 'template'), 'spec'));
      const last = strAt(status, 'lastScheduleTime');
      const suspend = spec?.suspend;
      return [
        nameOf(cj),
        strAt(spec, 'schedule') ?? '',
        strAt(spec, 'timeZone') ?? '<none>',
        typeof suspend === 'boolean' ? (suspend ? 'True' : 'False') : '<unset>',
        mapsAt(status, 'active').length,
        last ? age(last, now) : '<none>',
        age(cj.metadata?.creationTimestamp, now),
        containers,
        images,
        selectorCell(jobSpec?.selector),
      ];
    },
  },
};
