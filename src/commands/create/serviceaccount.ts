import { ClientCommand } from '../../cli/client-command.js';
import {
  generatorFlags,
  generatorPrintFlags,
  nameArg,
  runGenerator,
  serviceAccountObject,
} from '../../generators/index.js';

export default class CreateServiceAccount extends ClientCommand {
  static override summary = 'Create a service account with the specified name';
  static override aliases = ['create:sa'];
  static override examples = ['kctl create serviceaccount my-service-account'];
  static override strict = false;
  static override flags = { ...generatorFlags };

  async run(): Promise<void> {
    const { flags, argv } = await this.parse(CreateServiceAccount);
    const name = nameArg(argv as string[], 'create serviceaccount');
    await runGenerator({
      obj: serviceAccountObject(name, flags.namespace),
      target: { group: '', version: 'v1', resource: 'serviceaccounts', namespaced: true },
      client: () => this.client(flags),
      dryRun: flags['dry-run'],
      saveConfig: flags['save-config'],
      fieldManager: flags['field-manager'],
      print: generatorPrintFlags(flags),
      out: process.stdout,
    });
  }
}
