import { Flags } from '@oclif/core';
import { GeneratorCommand } from '../../cli/generator-command.js';
import { generatorFlags, nameArg, pdbObject } from '../../generators/index.js';

export default class CreatePodDisruptionBudget extends GeneratorCommand {
  static override summary = 'Create a pod disruption budget with the specified name';
  static override aliases = ['create:pdb'];
  static override strict = false;
  static override flags = {
    ...generatorFlags,
    selector: Flags.string({ description: 'A label selector to use for this budget.' }),
    'min-available': Flags.string({
      description: 'The minimum number or percentage of available pods this budget requires.',
    }),
    'max-unavailable': Flags.string({
      description: 'The maximum number or percentage of unavailable pods this budget requires.',
    }),
  };

  async run(): Promise<void> {
    const { flags, argv } = await this.parse(CreatePodDisruptionBudget);
    const args = argv as string[];
    const name = nameArg(args, 'create poddisruptionbudget');
    await this.generate(
      flags,
      pdbObject({
        name,
        namespace: flags.namespace,
        selector: flags.selector ?? '',
        minAvailable: flags['min-available'],
        maxUnavailable: flags['max-unavailable'],
      }),
      { group: 'policy', version: 'v1', resource: 'poddisruptionbudgets', namespaced: true },
    );
  }
}
