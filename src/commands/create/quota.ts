import { Flags } from '@oclif/core';
import { GeneratorCommand } from '../../cli/generator-command.js';
import { generatorFlags, nameArg, quotaObject } from '../../generators/index.js';

export default class CreateQuota extends GeneratorCommand {
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
    await this.generate(
      flags,
      quotaObject({ name, namespace: flags.namespace, hard: flags.hard, scopes: flags.scopes }),
      { group: '', version: 'v1', resource: 'resourcequotas', namespaced: true },
    );
  }
}
