import { Flags } from '@oclif/core';
import { ClientCommand } from '../../../cli/client-command.js';
import { generatorFlags, generatorPrintFlags, nameArg, runGenerator } from '../../../generators/index.js';
import { tlsSecretObject } from '../../../generators/typed-secrets.js';

export default class CreateSecretTls extends ClientCommand {
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
    await runGenerator({
      obj: tlsSecretObject({
        name,
        namespace: flags.namespace,
        cert: flags.cert,
        key: flags.key,
        appendHash: flags['append-hash'],
      }),
      target: { group: '', version: 'v1', resource: 'secrets', namespaced: true },
      client: () => this.client(flags),
      dryRun: flags['dry-run'],
      saveConfig: flags['save-config'],
      fieldManager: flags['field-manager'],
      print: generatorPrintFlags(flags),
      errorPrefix: 'failed to create tls secret ',
      out: process.stdout,
    });
  }
}
