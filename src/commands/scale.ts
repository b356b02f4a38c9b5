import { Flags } from '@oclif/core';
import { parseDryRun } from '../apply/dry-run.js';
import { runScale } from '../apply/scale-objects.js';
import { ClientCommand } from '../cli/client-command.js';
import { generatorFlags, generatorPrintFlags } from '../generators/index.js';

const { 'save-config': _s, 'field-manager': _f, validate: _v, ...printAndDryRun } = generatorFlags;

export default class Scale extends ClientCommand {
  static override summary = 'Set a new size for a deployment, replica set, replication controller, or stateful set';
  static override examples = [
    'kctl scale --replicas=3 deployment/web',
    'kctl scale --current-replicas=2 --replicas=3 deployment/web',
  ];
  static override strict = false;
  static override flags = {
    ...printAndDryRun,
    replicas: Flags.integer({ default: -1, description: 'The new desired number of replicas. Required.' }),
    'current-replicas': Flags.integer({ default: -1, description: 'Precondition for current size.' }),
    'resource-version': Flags.string({ description: 'Precondition for resource version.' }),
    filename: Flags.string({
      char: 'f',
      multiple: true,
      description: 'Filename, directory, or URL to files identifying the resource to set a new size',
    }),
    recursive: Flags.boolean({ char: 'R', description: 'Process the directory used in -f, --filename recursively.' }),
    selector: Flags.string({ char: 'l', description: 'Selector (label query) to filter on.' }),
    all: Flags.boolean({ description: 'Select all resources in the namespace of the specified resource types' }),
    timeout: Flags.string({
      default: '0s',
      description: 'The length of time to wait before giving up on a scale operation.',
    }),
  };

  async run(): Promise<void> {
    const { flags, argv } = await this.parse(Scale);
    if (!this.argv.some((a) => a === '--replicas' || a.startsWith('--replicas='))) {
      throw new Error('required flag(s) "replicas" not set');
    }
    await runScale({
      ctx: this.client(flags),
      args: argv as string[],
      filenames: flags.filename,
      recursive: flags.recursive,
      selector: flags.selector,
      all: flags.all,
      replicas: flags.replicas,
      currentReplicas: flags['current-replicas'],
      resourceVersion: flags['resource-version'],
      dryRun: parseDryRun(flags['dry-run']),
      print: generatorPrintFlags(flags),
      out: process.stdout,
    });
  }
}
