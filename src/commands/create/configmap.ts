import { Flags } from '@oclif/core';
import { ClientCommand } from '../../cli/client-command.js';
import { configMapObject, generatorFlags, generatorPrintFlags, nameArg, runGenerator } from '../../generators/index.js';

export default class CreateConfigMap extends ClientCommand {
  static override summary = 'Create a config map from a local file, directory or literal value';
  static override aliases = ['create:cm'];
  static override examples = [
    'kctl create configmap my-config --from-file=path/to/bar',
    'kctl create configmap my-config --from-literal=key1=config1 --from-literal=key2=config2',
    'kctl create configmap my-config --from-env-file=path/to/foo.env',
  ];
  static override strict = false;
  static override flags = {
    ...generatorFlags,
    'from-file': Flags.string({
      multiple: true,
      description:
        'Key file can be specified using its file path, in which case file basename will be used as configmap key, or optionally with a key and file path, in which case the given key will be used.',
    }),
    'from-literal': Flags.string({
      multiple: true,
      description: 'Specify a key and literal value to insert in configmap (i.e. mykey=somevalue)',
    }),
    'from-env-file': Flags.string({
      multiple: true,
      description: 'Specify the path to a file to read lines of key=val pairs to create a configmap.',
    }),
    'append-hash': Flags.boolean({ description: 'Append a hash of the configmap to its name.' }),
  };

  async run(): Promise<void> {
    const { flags, argv } = await this.parse(CreateConfigMap);
    const name = nameArg(argv as string[], 'create configmap');
    await runGenerator({
      obj: configMapObject({
        name,
        namespace: flags.namespace,
        fromFile: flags['from-file'],
        fromLiteral: flags['from-literal'],
        fromEnvFile: flags['from-env-file'],
        appendHash: flags['append-hash'],
      }),
      target: { group: '', version: 'v1', resource: 'configmaps', namespaced: true },
      client: () => this.client(flags),
      dryRun: flags['dry-run'],
      saveConfig: flags['save-config'],
      fieldManager: flags['field-manager'],
      print: generatorPrintFlags(flags),
      errorPrefix: 'failed to create configmap: ',
      out: process.stdout,
    });
  }
}
