import { Flags } from '@oclif/core';
import { GeneratorCommand } from '../cli/generator-command.js';
import { generatorFlags, nameArg } from '../generators/index.js';
import { podObject } from '../generators/pod.js';

export default class Run extends GeneratorCommand {
  static override summary = 'Run a particular image on the cluster';
  static override examples = [
    'kctl run nginx --image=nginx',
    'kctl run hazelcast --image=hazelcast/hazelcast --port=5701',
    'kctl run nginx --image=nginx --dry-run=client -o yaml',
  ];
  static override strict = false;
  static override flags = {
    ...generatorFlags,
    'field-manager': Flags.string({
      default: 'kubectl-run',
      description: 'Name of the manager used to track field ownership.',
    }),
    image: Flags.string({ description: 'The image for the container to run.' }),
    port: Flags.integer({ default: -1, description: 'The port that this container exposes.' }),
    labels: Flags.string({
      char: 'l',
      description: 'Comma separated labels to apply to the pod. Will override previous values.',
    }),
    annotations: Flags.string({ multiple: true, description: 'Annotations to apply to the pod.' }),
    env: Flags.string({ multiple: true, description: 'Environment variables to set in the container.' }),
    restart: Flags.string({
      default: 'Always',
      description: 'The restart policy for this Pod.  Legal values [Always, OnFailure, Never].',
    }),
    command: Flags.boolean({
      description:
        "If true and extra arguments are present, use them as the 'command' field in the container, rather than the 'args' field which is the default.",
    }),
    'image-pull-policy': Flags.string({
      description:
        'The image pull policy for the container. If left empty, this value will not be specified by the client and defaulted by the server.',
    }),
    stdin: Flags.boolean({
      char: 'i',
      description: 'Keep stdin open on the container in the pod, even if nothing is attached.',
    }),
    tty: Flags.boolean({ char: 't', description: 'Allocate a TTY for the container in the pod.' }),
  };

  async run(): Promise<void> {
    const { flags, argv } = await this.parse(Run);
    const args = argv as string[];
    const name = nameArg(args, 'run');
    await this.generate(
      flags,
      podObject({
        name,
        namespace: flags.namespace,
        image: flags.image,
        port: flags.port,
        labels: flags.labels,
        annotations: flags.annotations,
        env: flags.env,
        restart: flags.restart,
        command: flags.command,
        args: args.slice(1),
        imagePullPolicy: flags['image-pull-policy'],
        stdin: flags.stdin,
        tty: flags.tty,
        dryRun: flags['dry-run'],
      }),
      { group: '', version: 'v1', resource: 'pods', namespaced: true },
    );
  }
}
