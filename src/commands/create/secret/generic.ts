import { Flags } from '@oclif/core';
import { dataSourceFlags } from '../../../cli/flags/data-source-flags.js';
import { GeneratorCommand } from '../../../cli/generator-command.js';
import { generatorFlags, genericSecretObject, nameArg } from '../../../generators/index.js';

// kubectl lists --type before --append-hash; keep that order.
const { 'append-hash': appendHash, ...sourceFlags } = dataSourceFlags(
  'secret',
  'Key files can be specified using their file path, in which case a default name will be given to them, or optionally with a name and file path, in which case the given name will be used.',
);

export default class CreateSecretGeneric extends GeneratorCommand {
  static override summary = 'Create a secret from a local file, directory, or literal value';
  static override examples = [
    'kctl create secret generic my-secret --from-file=path/to/bar',
    'kctl create secret generic my-secret --from-literal=key1=supersecret --from-literal=key2=topsecret',
  ];
  static override strict = false;
  static override flags = {
    ...generatorFlags,
    ...sourceFlags,
    type: Flags.string({ description: 'The type of secret to create' }),
    'append-hash': appendHash,
  };

  async run(): Promise<void> {
    const { flags, argv } = await this.parse(CreateSecretGeneric);
    const name = nameArg(argv as string[], 'create secret generic');
    const obj = genericSecretObject({
      name,
      namespace: flags.namespace,
      fromFile: flags['from-file'],
      fromLiteral: flags['from-literal'],
      fromEnvFile: flags['from-env-file'],
      type: flags.type,
      appendHash: flags['append-hash'],
    });
    await this.generate(
      flags,
      obj,
      { group: '', version: 'v1', resource: 'secrets', namespaced: true },
      'failed to create secret ',
    );
  }
}
