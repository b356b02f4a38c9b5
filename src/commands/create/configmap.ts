import { dataSourceFlags } from '../../cli/flags/data-source-flags.js';
import { GeneratorCommand } from '../../cli/generator-command.js';
import { configMapObject, generatorFlags, nameArg } from '../../generators/index.js';

export default class CreateConfigMap extends GeneratorCommand {
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
    ...dataSourceFlags(
      'configmap',
      'Key file can be specified using its file path, in which case file basename will be used as configmap key, or optionally with a key and file path, in which case the given key will be used.',
    ),
  };

  async run(): Promise<void> {
    const { flags, argv } = await this.parse(CreateConfigMap);
    const name = nameArg(argv as string[], 'create configmap');
    const obj = configMapObject({
      name,
      namespace: flags.namespace,
      fromFile: flags['from-file'],
      fromLiteral: flags['from-literal'],
      fromEnvFile: flags['from-env-file'],
      appendHash: flags['append-hash'],
    });
    await this.generate(
      flags,
      obj,
      { group: '', version: 'v1', resource: 'configmaps', namespaced: true },
      'failed to create configmap: ',
    );
  }
}
