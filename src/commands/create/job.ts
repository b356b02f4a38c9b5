import { Flags } from '@oclif/core';
import { GeneratorCommand } from '../../cli/generator-command.js';
import { generatorFlags, jobObject, nameArg } from '../../generators/index.js';
import { cronJobNameFrom, jobFromCronJob } from '../../generators/job-from-cronjob.js';

export default class CreateJob extends GeneratorCommand {
  static override summary = 'Create a job with the specified name';

  static override strict = false;
  static override flags = {
    ...generatorFlags,
    image: Flags.string({ description: 'Image name to run.' }),
    from: Flags.string({ description: 'The name of the resource to create a Job from (only cronjob is supported).' }),
  };

  async run(): Promise<void> {
    const { flags, argv } = await this.parse(CreateJob);
    const args = argv as string[];
    const name = nameArg(args, 'create job');
    if (!flags.image === !flags.from) throw new Error('either --image or --from must be specified');
    if (flags.from && args.length > 1) throw new Error('cannot specify --from and command');
    let obj: Record<string, unknown>;
    if (flags.from) {
      // kubectl reads the CronJob from the server even with --dry-run=client
      const cjName = cronJobNameFrom(flags.from);
      const ctx = this.client(flags);
      const cj = await ctx.rest.json<Record<string, unknown>>({
        method: 'GET',
        path: `/apis/batch/v1/namespaces/${encodeURIComponent(ctx.namespace)}/cronjobs/${encodeURIComponent(cjName)}`,
      });
      obj = jobFromCronJob(name, flags.namespace, cj);
    } else {
      obj = jobObject({ name, namespace: flags.namespace, image: flags.image ?? '', command: args.slice(1) });
    }
    await this.generate(flags, obj, { group: 'batch', version: 'v1', resource: 'jobs', namespaced: true });
  }
}
