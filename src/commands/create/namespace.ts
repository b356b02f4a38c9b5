import { ClientCommand } from '../../cli/client-command.js';
import { generatorFlags, generatorPrintFlags, nameArg, namespaceObject, runGenerator } from '../../generators/index.js';

export default class CreateNamespace extends ClientCommand {
  static override summary = 'Create a namespace with the specified name';
  static override aliases = ['create:ns'];
  static override examples = ['kctl create namespace my-namespace'];
  static override strict = false;
  static override flags = { ...generatorFlags };

  async run(): Promise<void> {
    const { flags, argv } = await this.parse(CreateNamespace);
    const name = nameArg(argv as string[], 'create namespace');
    await runGenerator({
      obj: namespaceObject(name),
      target: { group: '', version: 'v1', resource: 'namespaces', namespaced: false },
      client: () => this.client(flags),
      dryRun: flags['dry-run'],
      saveConfig: flags['save-config'],
      fieldManager: flags['field-manager'],
      print: generatorPrintFlags(flags),
      out: process.stdout,
    });
  }
}
