/** `kubectl create job` and `create cronjob` (Go field order). */

export interface JobOptions {
  name: string;
  namespace?: string;
  image: string;
  /** Arguments after `--`. */
  command?: string[];
}

function podTemplate(name: string, image: string, command: string[] | undefined, restartPolicy: string) {
  const container: Record<string, unknown> = { name, image };
  if (command && command.length > 0) container.command = [...command];
  container.resources = {};
  return { metadata: {}, spec: { containers: [container], restartPolicy } };
}

function meta(name: string, namespace?: string): Record<string, unknown> {
  return namespace ? { name, namespace } : { name };
}

export function jobObject(o: JobOptions): Record<string, unknown> {
  return {
    kind: 'Job',
    apiVersion: 'batch/v1',
    metadata: meta(o.name, o.namespace),
    spec: { template: podTemplate(o.name, o.image, o.command, 'Never') },
    status: {},
  };
}

export interface CronJobOptions extends JobOptions {
  schedule: string;
  /** --restart: OnFailure (default) or Never. */
  restart?: string;
}

export function cronJobObject(o: CronJobOptions): Record<string, unknown> {
  const restart = o.restart || 'OnFailure';
  if (restart !== 'OnFailure' && restart !== 'Never') {
    throw new Error(`restart policy must be one of [OnFailure Never]`);
  }
  // The job template names the job but never carries the namespace.
  const jobMeta: Record<string, unknown> = { name: o.name };
  return {
    kind: 'CronJob',
    apiVersion: 'batch/v1',
    metadata: meta(o.name, o.namespace),
    spec: {
      schedule: o.schedule,
      jobTemplate: { metadata: jobMeta, spec: { template: podTemplate(o.name, o.image, o.command, restart) } },
    },
    status: {},
  };
}
