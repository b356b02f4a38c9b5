import { Flags } from '@oclif/core';
import { GeneratorCommand } from '../../cli/generator-command.js';
import { cronJobObject, generatorFlags, nameArg } from '../../generators/index.js';

export default class CreateCronJob extends GeneratorCommand {
  static override summary = 'Create a cron job with the specified name';
  static override aliases = ['create:cj'];
  static override strict = false;
  static override flags = {
    ...generatorFlags,
    image: Flags.string({ description: 'Image name to run.' }),
    schedule: Flags.string({ description: 'A schedule in the Cron format the job should be run with.' }),
    restart: Flags.string({ description: "job's restart policy. supported values: OnFailure, Never" }),
  };

  async run(): Promise<void> {
    const { flags, argv } = await this.parse(CreateCronJob);
    const args = argv as string[];
    const missing = [flags.image ? '' : '"image"', flags.schedule ? '' : '"schedule"'].filter((m) => m);
    if (missing.length > 0) throw new Error(`required flag(s) ${missing.join(', ')} not set`);
    const name = nameArg(args, 'create cronjob');
    await this.generate(
      flags,
      cronJobObject({
        name,
        namespace: flags.namespace,
        image: flags.image ?? '',
        schedule: flags.schedule ?? '',
        restart: flags.restart,
        command: args.slice(1),
      }),
      { group: 'batch', version: 'v1', resource: 'cronjobs', namespaced: true },
    );
  }
}
