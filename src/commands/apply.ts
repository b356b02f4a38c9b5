import { Flags } from '@oclif/core';
import { parseDryRun, parseValidate } from '../apply/dry-run.js';
import { runApply } from '../apply/run-apply.js';
import { ClientCommand } from '../cli/client-command.js';
import { generatorFlags, generatorPrintFlags } from '../generators/index.js';

const { 'save-config': _saveConfig, 'field-manager': _fm, ...printAndDryRun } = generatorFlags;

export default class Apply extends ClientCommand {
  static override summary = 'Apply a configuration to a resource by file name or stdin';
  static override description =
    "The resource name must be specified. This resource will be created if it doesn't exist yet. JSON and YAML formats are accepted.";
  static override examples = ['kctl apply -f ./pod.json', 'cat pod.json | kctl apply -f -', 'kctl apply -f dir/ -R'];
  static override strict = false;
  static override flags = {
    ...printAndDryRun,
    filename: Flags.string({
      char: 'f',
      multiple: true,
      description: 'The files that contain the configurations to apply.',
    }),
    recursive: Flags.boolean({ char: 'R', description: 'Process the directory used in -f, --filename recursively.' }),
    selector: Flags.string({ char: 'l', description: 'Selector (label query) to filter on.' }),
    'server-side': Flags.boolean({ description: 'If true, apply runs in the server instead of the client.' }),
    'force-conflicts': Flags.boolean({
      description: 'If true, server-side apply will force the changes against conflicts.',
    }),
    'field-manager': Flags.string({ description: 'Name of the manager used to track field ownership.' }),
    overwrite: Flags.boolean({
      default: true,
      allowNo: true,
      description:
        'Automatically resolve conflicts between the modified and live configuration by using values from the modified configuration',
    }),
    prune: Flags.boolean({ description: 'Automatically delete resource objects that do not appear in the configs.' }),
  };

  async run(): Promise<void> {
    const { flags, argv } = await this.parse(Apply);
    if ((argv as string[]).length > 0) {
      throw new Error(`Unexpected args: [${(argv as string[]).join(' ')}]\nSee 'kctl apply -h' for help and examples`);
    }
    const files = flags.filename ?? [];
    if (files.length === 0) throw new Error('must specify one of -f and -k');
    if (flags['force-conflicts'] && !flags['server-side'])
      throw new Error('--force-conflicts only works with --server-side');
    if (flags.prune) throw new Error('--prune is not supported yet');
    const dryRun = parseDryRun(flags['dry-run']);
    if (flags['server-side'] && dryRun === 'client')
      throw new Error("--dry-run=client doesn't work with --server-side (did you mean --dry-run=server instead?)");
    await runApply({
      ctx: this.client(flags),
      filenames: files,
      recursive: flags.recursive,
      selector: flags.selector,
      dryRun,
      validation: parseValidate(flags.validate),
      serverSide: flags['server-side'],
      forceConflicts: flags['force-conflicts'],
      fieldManager: flags['field-manager'],
      overwrite: flags.overwrite,
      print: generatorPrintFlags(flags),
      out: process.stdout,
      errOut: process.stderr,
    });
  }
}
