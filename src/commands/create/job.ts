import { Flags } from '@oclif/core';
import { ClientCommand } from '../../cli/client-command.js';
import { generatorFlags, generatorPrintFlags, jobObject, nameArg, runGenerator } from '../../generators/index.js';

export default class CreateJob extends ClientCommand {
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
    if (flags.from) throw new Error('create job --from is not supported yet');
    if (!flags.image) throw new Error('either --image or --from must be specified');
    const name = nameArg(args, 'create job');
    await runGenerator({
      obj: jobObject({ name, namespace: flags.namespace, image: flags.image ?? '', command: args.slice(1) }),
      target: { group: 'batch', version: 'v1', resource: 'jobs', namespaced: true },
      client: () => this.client(flags),
      dryRun: flags['dry-run'],
      saveConfig: flags['save-config'],
      fieldManager: flags['field-manager'],
      print: generatorPrintFlags(flags),
      out: process.stdout,
    });
  }
}
