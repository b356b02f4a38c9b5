import { Flags } from '@oclif/core';
import { parseDryRun, parseValidate } from '../apply/dry-run.js';
import { runReplace } from '../apply/replace-objects.js';
import { ClientCommand } from '../cli/client-command.js';
import { generatorFlags, generatorPrintFlags } from '../generators/index.js';

const { 'field-manager': _f, ...base } = generatorFlags;

export default class Replace extends ClientCommand {
  static override summary = 'Replace a resource by file name or stdin';
  static override examples = ['kctl replace -f ./pod.json', 'kctl replace --force -f ./pod.json'];
  static override strict = false;
  static override flags = {
    ...base,
    filename: Flags.string({
      char: 'f',
      multiple: true,
      description: 'The files that contain the configurations to replace.',
    }),
    recursive: Flags.boolean({ char: 'R', description: 'Process the directory used in -f, --filename recursively.' }),
    force: Flags.boolean({
      description: 'If true, immediately remove resources from API and bypass graceful deletion.',
    }),
    'field-manager': Flags.string({
      default: 'kubectl-replace',
      description: 'Name of the manager used to track field ownership.',
    }),
  };

  async run(): Promise<void> {
    const { flags } = await this.parse(Replace);
    if ((flags.filename?.length ?? 0) === 0) throw new Error('must specify one of -f and -k');
    await runReplace({
      ctx: this.client(flags),
      filenames: flags.filename ?? [],
      recursive: flags.recursive,
      force: flags.force,
      saveConfig: flags['save-config'],
      dryRun: parseDryRun(flags['dry-run']),
      validation: parseValidate(flags.validate),
      fieldManager: flags['field-manager'],
      print: generatorPrintFlags(flags),
      out: process.stdout,
    });
  }
}
