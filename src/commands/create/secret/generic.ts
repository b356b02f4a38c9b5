import { Flags } from '@oclif/core';
import { ClientCommand } from '../../../cli/client-command.js';
import {
  generatorFlags,
  generatorPrintFlags,
  genericSecretObject,
  nameArg,
  runGenerator,
} from '../../../generators/index.js';

export default class CreateSecretGeneric extends ClientCommand {
  static override summary = 'Create a secret from a local file, directory, or literal value';
  static override examples = [
    'kctl create secret generic my-secret --from-file=path/to/bar',
    'kctl create secret generic my-secret --from-literal=key1=supersecret --from-literal=key2=topsecret',
  ];
  static override strict = false;
  static override flags = {
    ...generatorFlags,
    'from-file': Flags.string({
      multiple: true,
      description:
        'Key files can be specified using their file path, in which case a default name will be given to them, or optionally with a name and file path, in which case the given name will be used.',
    }),
    'from-literal': Flags.string({
      multiple: true,
      description: 'Specify a key and literal value to insert in secret (i.e. mykey=somevalue)',
    }),
    'from-env-file': Flags.string({
      multiple: true,
      description: 'Specify the path to a file to read lines of key=val pairs to create a secret.',
    }),
    type: Flags.string({ description: 'The type of secret to create' }),
    'append-hash': Flags.boolean({ description: 'Append a hash of the secret to its name.' }),
  };

  async run(): Promise<void> {
    const { flags, argv } = await this.parse(CreateSecretGeneric);
    const name = nameArg(argv as string[], 'create secret generic');
    await runGenerator({
      obj: genericSecretObject({
        name,
        namespace: flags.namespace,
        fromFile: flags['from-file'],
        fromLiteral: flags['from-literal'],
        fromEnvFile: flags['from-env-file'],
        type: flags.type,
        appendHash: flags['append-hash'],
      }),
      target: { group: '', version: 'v1', resource: 'secrets', namespaced: true },
      client: () => this.client(flags),
      dryRun: flags['dry-run'],
      saveConfig: flags['save-config'],
      fieldManager: flags['field-manager'],
      print: generatorPrintFlags(flags),
      errorPrefix: 'failed to create secret ',
      out: process.stdout,
    });
  }
}
