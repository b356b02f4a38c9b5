import { GeneratorCommand } from '../../cli/generator-command.js';
import { generatorFlags, nameArg, serviceAccountObject } from '../../generators/index.js';

export default class CreateServiceAccount extends GeneratorCommand {
  static override summary = 'Create a service account with the specified name';
  static override aliases = ['create:sa'];
  static override examples = ['kctl create serviceaccount my-service-account'];
  static override strict = false;
  static override flags = { ...generatorFlags };

  async run(): Promise<void> {
    const { flags, argv } = await this.parse(CreateServiceAccount);
    const name = nameArg(argv as string[], 'create serviceaccount');
    await this.generate(flags, serviceAccountObject(name, flags.namespace), {
      group: '',
      version: 'v1',
      resource: 'serviceaccounts',
      namespaced: true,
    });
  }
}
