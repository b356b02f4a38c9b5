import { Flags } from '@oclif/core';
import { GeneratorCommand } from '../../cli/generator-command.js';
import { deploymentObject, generatorFlags, nameArg } from '../../generators/index.js';

export default class CreateDeployment extends GeneratorCommand {
  static override summary = 'Create a deployment with the specified name';
  static override aliases = ['create:deploy'];
  static override examples = [
    'kctl create deployment my-dep --image=busybox',
    'kctl create deployment my-dep --image=busybox -- date',
    'kctl create deployment my-dep --image=nginx --replicas=3 --port=80',
  ];
  static override strict = false;
  static override flags = {
    ...generatorFlags,
    image: Flags.string({
      multiple: true,
      description: 'Image names to run. A deployment can have multiple images set for multi-container pod.',
    }),
    port: Flags.integer({ default: -1, description: 'The containerPort that this deployment exposes.' }),
    replicas: Flags.integer({ char: 'r', default: 1, description: 'Number of replicas to create. Default is 1.' }),
  };

  async run(): Promise<void> {
    const { flags, argv } = await this.parse(CreateDeployment);
    const args = argv as string[];
    if (!flags.image || flags.image.length === 0) throw new Error('required flag(s) "image" not set');
    const name = nameArg(args, 'create deployment');
    await this.generate(
      flags,
      deploymentObject({
        name,
        namespace: flags.namespace,
        images: flags.image,
        replicas: flags.replicas,
        port: flags.port,
        command: args.slice(1),
      }),
      { group: 'apps', version: 'v1', resource: 'deployments', namespaced: true },
      'failed to create deployment: ',
    );
  }
}
