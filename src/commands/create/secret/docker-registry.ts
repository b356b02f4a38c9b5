import { Flags } from '@oclif/core';
import { GeneratorCommand } from '../../../cli/generator-command.js';
import { generatorFlags, nameArg } from '../../../generators/index.js';
import { DEFAULT_DOCKER_SERVER, dockerRegistrySecretObject } from '../../../generators/typed-secrets.js';

export default class CreateSecretDockerRegistry extends GeneratorCommand {
  static override summary = 'Create a secret for use with a Docker registry';
  static override examples = [
    'kctl create secret docker-registry my-secret --docker-server=DOCKER_REGISTRY_SERVER --docker-username=DOCKER_USER --docker-password=DOCKER_PASSWORD --docker-email=DOCKER_EMAIL',
  ];
  static override strict = false;
  static override flags = {
    ...generatorFlags,
    'docker-server': Flags.string({
      default: DEFAULT_DOCKER_SERVER,
      description: 'Server location for Docker registry',
    }),
    'docker-username': Flags.string({ description: 'Username for Docker registry authentication' }),
    'docker-password': Flags.string({ description: 'Password for Docker registry authentication' }),
    'docker-email': Flags.string({ description: 'Email for Docker registry' }),
    'from-file': Flags.string({
      multiple: true,
      description:
        'Key files can be specified using their file path, in which case a default name of .dockerconfigjson will be given to them, or optionally with a name and file path, in which case the given name will be used.',
    }),
    'append-hash': Flags.boolean({ description: 'Append a hash of the secret to its name.' }),
  };

  async run(): Promise<void> {
    const { flags, argv } = await this.parse(CreateSecretDockerRegistry);
    const name = nameArg(argv as string[], 'create secret docker-registry');
    await this.generate(
      flags,
      dockerRegistrySecretObject({
        name,
        namespace: flags.namespace,
        server: flags['docker-server'],
        username: flags['docker-username'],
        password: flags['docker-password'],
        email: flags['docker-email'],
        fromFile: flags['from-file'],
        appendHash: flags['append-hash'],
      }),
      { group: '', version: 'v1', resource: 'secrets', namespaced: true },
      'failed to create secret ',
    );
  }
}
