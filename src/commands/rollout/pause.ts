import { Flags } from '@oclif/core';
import { runMutation } from '../../apply/object-mutation.js';
import { pauseObject } from '../../apply/rollout-mutations.js';
import { ClientCommand } from '../../cli/client-command.js';
import { generatorFlags, generatorPrintFlags } from '../../generators/index.js';

const { 'save-config': _s, 'field-manager': _f, validate: _v, 'dry-run': _d, ...printFlagsOnly } = generatorFlags;

export default class RolloutPause extends ClientCommand {
  static override summary = 'Mark the provided resource as paused';
  static override examples = ['kctl rollout pause deployment/nginx'];
  static override strict = false;
  static override flags = {
    ...printFlagsOnly,
    filename: Flags.string({
      char: 'f',
      multiple: true,
      description: 'Filename, directory, or URL to files identifying the resource to get from a server.',
    }),
    recursive: Flags.boolean({ char: 'R', description: 'Process the directory used in -f, --filename recursively.' }),
    selector: Flags.string({ char: 'l', description: 'Selector (label query) to filter on.' }),
    'field-manager': Flags.string({
      default: 'kubectl-rollout',
      description: 'Name of the manager used to track field ownership.',
    }),
  };

  async run(): Promise<void> {
    const { flags, argv } = await this.parse(RolloutPause);
    await runMutation({
      ctx: this.client(flags),
      args: argv as string[],
      filenames: flags.filename,
      recursive: flags.recursive,
      selector: flags.selector,
      mutate: (obj, info) => pauseObject(obj, info, true),
      operation: 'paused',
      dryRun: 'none',
      fieldManager: flags['field-manager'],
      print: generatorPrintFlags(flags),
      out: process.stdout,
    });
  }
}
