import { Flags } from '@oclif/core';
import { ClientCommand } from '../../cli/client-command.js';
import { generatorFlags, generatorPrintFlags, nameArg, quotaObject, runGenerator } from '../../generators/index.js';

export default class CreateQuota extends ClientCommand {
  static override summary = 'Create a quota with the specified name';
  static override aliases = ['create:resourcequota'];
  static override strict = false;
  static override flags = {
    ...generatorFlags,
    hard: Flags.string({ description: 'A comma-delimited set of resource=quantity pairs that define a hard limit.' }),
    scopes: Flags.string({
      description: 'A comma-delimited set of quota scopes that must all match each object tracked by the quota.',
    }),
  };

  async run(): Promise<void> {
    const { flags, argv } = await this.parse(CreateQuota);
    const args = argv as string[];
    const name = nameArg(args, 'create quota');
    await runGenerator({
      obj: quotaObject({ name, namespace: flags.namespace, hard: flags.hard, scopes: flags.scopes }),
      target: { group: '', version: 'v1', resource: 'resourcequotas', namespaced: true },
      client: () => this.client(flags),
      dryRun: flags['dry-run'],
      saveConfig: flags['save-config'],
      fieldManager: flags['field-manager'],
      print: generatorPrintFlags(flags),
      out: process.stdout,
    });
  }
}
