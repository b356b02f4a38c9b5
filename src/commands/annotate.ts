import { Flags } from '@oclif/core';
import { parseDryRun } from '../apply/dry-run.js';
import { parseMetadataArgs, runMetadataUpdate } from '../apply/metadata-update.js';
import { ClientCommand } from '../cli/client-command.js';
import { generatorFlags, generatorPrintFlags } from '../generators/index.js';

const { 'save-config': _s, 'field-manager': _f, validate: _v, ...printAndDryRun } = generatorFlags;

export default class Annotate extends ClientCommand {
  static override summary = 'Update the annotations on a resource';
  static override strict = false;
  static override flags = {
    ...printAndDryRun,
    filename: Flags.string({
      char: 'f',
      multiple: true,
      description: 'Filename, directory, or URL to files identifying the resource to update',
    }),
    recursive: Flags.boolean({ char: 'R', description: 'Process the directory used in -f, --filename recursively.' }),
    selector: Flags.string({ char: 'l', description: 'Selector (label query) to filter on.' }),
    'field-selector': Flags.string({ description: 'Selector (field query) to filter on.' }),
    all: Flags.boolean({ description: 'Select all resources, in the namespace of the specified resource types' }),
    'all-namespaces': Flags.boolean({
      char: 'A',
      description: 'If true, check the specified action in all namespaces.',
    }),
    overwrite: Flags.boolean({
      description:
        'If true, allow annotations to be overwritten, otherwise reject annotations updates that overwrite existing annotations.',
    }),
    'resource-version': Flags.string({
      description:
        'If non-empty, the annotations update will only succeed if this is the current resource-version for the object.',
    }),
    list: Flags.boolean({ description: 'If true, display the annotations for a given resource.' }),
    local: Flags.boolean({ description: 'If true, annotate will NOT contact api-server but run locally.' }),
    'field-manager': Flags.string({
      default: 'kubectl-annotate',
      description: 'Name of the manager used to track field ownership.',
    }),
  };

  async run(): Promise<void> {
    const { flags, argv } = await this.parse(Annotate);
    if (flags.local) throw new Error('--local is not supported yet');
    if (flags.list && flags.output) throw new Error('--list and --output may not be specified together');
    await runMetadataUpdate({
      ctx: this.client(flags),
      field: 'annotations',
      changes: parseMetadataArgs(argv as string[], 'annotations'),
      filenames: flags.filename,
      recursive: flags.recursive,
      selector: flags.selector,
      fieldSelector: flags['field-selector'],
      all: flags.all,
      allNamespaces: flags['all-namespaces'],
      overwrite: flags.overwrite,
      resourceVersion: flags['resource-version'],
      list: flags.list,
      dryRun: parseDryRun(flags['dry-run']),
      fieldManager: flags['field-manager'],
      print: generatorPrintFlags(flags),
      out: process.stdout,
      errOut: process.stderr,
    });
  }
}
