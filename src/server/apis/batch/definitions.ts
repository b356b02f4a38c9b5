/** batch/v1 (staging/src/k8s.io/api/batch/v1/types.go): Job and CronJob. */
import type { Definitions } from '../../../api/openapi-schema.js';
import {
  atomic,
  BATCH,
  bool,
  core,
  int32,
  int64,
  kindObj,
  listKind,
  listOf,
  meta,
  obj,
  objectMeta,
  ref,
  setOf,
  str,
  time,
} from '../schema-dsl.js';

const gvk = (kind: string) => ({ group: 'batch', version: 'v1', kind });
const batch = (name: string, description?: string) => ref(BATCH + name, description);

export const batchDefinitions: Definitions = {
  [`${BATCH}Job`]: kindObj(
    gvk('Job'),
    { spec: batch('JobSpec'), status: batch('JobStatus') },
    { description: 'A single job: pods run to completion.' },
  ),
  [`${BATCH}JobList`]: listKind(gvk('JobList'), `${BATCH}Job`),
  [`${BATCH}JobSpec`]: obj(
    {
      activeDeadlineSeconds: int64(),
      backoffLimit: int32('Retries before marking the job failed; defaults to 6.'),
      backoffLimitPerIndex: int32(),
      completionMode: str('NonIndexed or Indexed.'),
      completions: int32(),
      managedBy: str(),
      manualSelector: bool(),
      maxFailedIndexes: int32(),
      parallelism: int32(),
      podFailurePolicy: batch('PodFailurePolicy'),
      podReplacementPolicy: str('TerminatingOrFailed or Failed.'),
      selector: meta('LabelSelector'),
      successPolicy: batch('SuccessPolicy'),
      suspend: bool(),
      template: core('PodTemplateSpec'),
      ttlSecondsAfterFinished: int32(),
    },
    { required: ['template'] },
  ),
  [`${BATCH}PodFailurePolicy`]: obj({ rules: atomic(batch('PodFailurePolicyRule')) }, { required: ['rules'] }),
  [`${BATCH}PodFailurePolicyRule`]: obj(
    {
      action: str(),
      onExitCodes: batch('PodFailurePolicyOnExitCodesRequirement'),
      onPodConditions: atomic(batch('PodFailurePolicyOnPodConditionsPattern')),
    },
    { required: ['action'] },
  ),
  [`${BATCH}PodFailurePolicyOnExitCodesRequirement`]: obj(
    { containerName: str(), operator: str(), values: setOf(int32()) },
    { required: ['operator', 'values'] },
  ),
  [`${BATCH}PodFailurePolicyOnPodConditionsPattern`]: obj({ status: str(), type: str() }, { required: ['type'] }),
  [`${BATCH}SuccessPolicy`]: obj({ rules: atomic(batch('SuccessPolicyRule')) }, { required: ['rules'] }),
  [`${BATCH}SuccessPolicyRule`]: obj({ succeededCount: int32(), succeededIndexes: str() }),
  [`${BATCH}JobStatus`]: obj({
    active: int32(),
    completedIndexes: str(),
    completionTime: time(),
    conditions: listOf(batch('JobCondition'), { listType: 'atomic', mergeKey: 'type', strategy: 'merge' }),
    failed: int32(),
    failedIndexes: str(),
    ready: int32(),
    startTime: time(),
    succeeded: int32(),
    terminating: int32(),
    uncountedTerminatedPods: batch('UncountedTerminatedPods'),
  }),
  [`${BATCH}JobCondition`]: obj(
    {
      lastProbeTime: time(),
      lastTransitionTime: time(),
      message: str(),
      reason: str(),
      status: str(),
      type: str(),
    },
    { required: ['type', 'status'] },
  ),
  [`${BATCH}UncountedTerminatedPods`]: obj({ failed: setOf(str()), succeeded: setOf(str()) }),
  [`${BATCH}JobTemplateSpec`]: obj({ metadata: objectMeta(), spec: batch('JobSpec') }),

  [`${BATCH}CronJob`]: kindObj(
    gvk('CronJob'),
    { spec: batch('CronJobSpec'), status: batch('CronJobStatus') },
    { description: 'Runs a job on a schedule.' },
  ),
  [`${BATCH}CronJobList`]: listKind(gvk('CronJobList'), `${BATCH}CronJob`),
  [`${BATCH}CronJobSpec`]: obj(
    {
      concurrencyPolicy: str('Allow, Forbid or Replace.'),
      failedJobsHistoryLimit: int32(),
      jobTemplate: batch('JobTemplateSpec'),
      schedule: str('The schedule in Cron format.'),
      startingDeadlineSeconds: int64(),
      successfulJobsHistoryLimit: int32(),
      suspend: bool(),
      timeZone: str(),
    },
    { required: ['schedule', 'jobTemplate'] },
  ),
  [`${BATCH}CronJobStatus`]: obj({
    active: atomic(core('ObjectReference')),
    lastScheduleTime: time(),
    lastSuccessfulTime: time(),
  }),
};
