import { Flags } from '@oclif/core';
import { GeneratorCommand } from '../../cli/generator-command.js';
import { generatorFlags, nameArg, priorityClassObject } from '../../generators/index.js';

export default class CreatePriorityClass extends GeneratorCommand {
  static override summary = 'Create a priority class with the specified name';
  static override aliases = ['create:pc'];
  static override strict = false;
  static override flags = {
    ...generatorFlags,
    value: Flags.integer({ default: 0, description: 'the value of this priority class.' }),
    'global-default': Flags.boolean({
      description: 'global-default specifies whether this PriorityClass should be considered as the default priority.',
    }),
    description: Flags.string({
      description:
        'description is an arbitrary string that usually provides guidelines on when this priority class should be used.',
    }),
    'preemption-policy': Flags.string({
      default: 'PreemptLowerPriority',
      description: 'preemption-policy is the policy for preempting pods with lower priority.',
    }),
  };

  async run(): Promise<void> {
    const { flags, argv } = await this.parse(CreatePriorityClass);
    const args = argv as string[];
    const name = nameArg(args, 'create priorityclass');
    await this.generate(
      flags,
      priorityClassObject({
        name,
        value: flags.value,
        globalDefault: flags['global-default'],
        description: flags.description,
        preemptionPolicy: flags['preemption-policy'],
      }),
      { group: 'scheduling.k8s.io', version: 'v1', resource: 'priorityclasses', namespaced: false },
    );
  }
}
