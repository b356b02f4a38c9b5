import { Flags } from '@oclif/core';
import { GeneratorCommand } from '../../../cli/generator-command.js';
import { generatorFlags, nameArg } from '../../../generators/index.js';
import { tlsSecretObject } from '../../../generators/typed-secrets.js';

export default class CreateSecretTls extends GeneratorCommand {
  static override summary = 'Create a TLS secret';
  static override examples = ['kctl create secret tls tls-secret --cert=path/to/tls.crt --key=path/to/tls.key'];
  static override strict = false;
  static override flags = {
    ...generatorFlags,
    cert: Flags.string({ description: 'Path to PEM encoded public key certificate.' }),
    key: Flags.string({ description: 'Path to private key associated with given certificate.' }),
    'append-hash': Flags.boolean({ description: 'Append a hash of the secret to its name.' }),
  };

  async run(): Promise<void> {
    const { flags, argv } = await this.parse(CreateSecretTls);
    const name = nameArg(argv as string[], 'create secret tls');
    await this.generate(
      flags,
      tlsSecretObject({
        name,
        namespace: flags.namespace,
        cert: flags.cert,
        key: flags.key,
        appendHash: flags['append-hash'],
      }),
      { group: '', version: 'v1', resource: 'secrets', namespaced: true },
      'failed to create tls secret ',
    );
  }
}
