/**
 * `kubectl create job NAME --from=cronjob/CJ`: a Job made from a CronJob's jobTemplate, marked
 * `cronjob.kubernetes.io/instantiate: manual` and controlled by the CronJob.
 */

const CRONJOB_TYPES = new Set(['cronjob', 'cronjobs', 'cj', 'cronjob.batch', 'cronjobs.batch']);

/**
 * The CronJob name of a --from value (`cronjob/x`, `cj/x`, `cronjobs.batch/x`); any other
 * resource type is kubectl's "unknown object type" error, a bare word the builder's.
 */
export function cronJobNameFrom(from: string): string {
  const slash = from.indexOf('/');
  if (slash <= 0 || slash === from.length - 1) {
    throw new Error(
      `there is no need to specify a resource type as a separate argument when passing arguments in resource/name form (e.g. 'kctl get resource/<resource_name>' instead of 'kctl get resource resource/<resource_name>'`,
    );
  }
  const type = from.slice(0, slash).toLowerCase();
  if (!CRONJOB_TYPES.has(type) && !CRONJOB_TYPES.has(type.replace(/\.v1\.batch$/, '.batch'))) {
    throw new Error(`from must be an existing cronjob`);
  }
  return from.slice(slash + 1);
}

/** The Job kubectl builds from a fetched CronJob (labels and annotations of the template kept). */
export function jobFromCronJob(name: string, namespace: string | undefined, cronJob: Record<string, unknown>) {
  const cjMeta = (cronJob.metadata ?? {}) as { name?: string; uid?: string };
  const template = ((cronJob.spec as Record<string, unknown> | undefined)?.jobTemplate ?? {}) as {
    metadata?: { labels?: Record<string, string>; annotations?: Record<string, string> };
    spec?: Record<string, unknown>;
  };
  const annotations: Record<string, string> = {
    'cronjob.kubernetes.io/instantiate': 'manual',
    ...(template.metadata?.annotations ?? {}),
  };
  const metadata: Record<string, unknown> = { name };
  if (namespace) metadata.namespace = namespace;
  if (template.metadata?.labels && Object.keys(template.metadata.labels).length > 0) {
    metadata.labels = template.metadata.labels;
  }
  metadata.annotations = Object.fromEntries(
    Object.entries(annotations).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
  );
  metadata.ownerReferences = [
    { apiVersion: 'batch/v1', kind: 'CronJob', name: cjMeta.name ?? '', uid: cjMeta.uid ?? '', controller: true },
  ];
  return { kind: 'Job', apiVersion: 'batch/v1', metadata, spec: template.spec ?? {}, status: {} };
}
