import { GeneratorCommand } from '../../cli/generator-command.js';
import { generatorFlags, nameArg, namespaceObject } from '../../generators/index.js';

export default class CreateNamespace extends GeneratorCommand {
  static override summary = 'Create a namespace with the specified name';
  static override aliases = ['create:ns'];
  static override examples = ['kctl create namespace my-namespace'];
  static override strict = false;
  static override flags = { ...generatorFlags };

  async run(): Promise<void> {
    const { flags, argv } = await this.parse(CreateNamespace);
    const name = nameArg(argv as string[], 'create namespace');
    await this.generate(flags, namespaceObject(name), {
      group: '',
      version: 'v1',
      resource: 'namespaces',
      namespaced: false,
    });
  }
}
