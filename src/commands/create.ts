import { Flags } from '@oclif/core';
import { createFromFiles } from '../apply/create-objects.js';
import { parseDryRun, parseValidate } from '../apply/dry-run.js';
import { ClientCommand } from '../cli/client-command.js';
import { runCreateEdit } from '../edit/run-edit.js';
import { generatorFlags, generatorPrintFlags } from '../generators/index.js';

export default class Create extends ClientCommand {
  static override summary = 'Create a resource from a file or from stdin';
  static override description = 'Create a resource from a file or from stdin. JSON and YAML formats are accepted.';
  static override examples = ['kctl create -f ./pod.json', 'cat pod.json | kctl create -f -'];
  static override strict = false;
  static override flags = {
    ...generatorFlags,
    filename: Flags.string({
      char: 'f',
      multiple: true,
      description: 'Filename, directory, or URL to files to use to create the resource',
    }),
    recursive: Flags.boolean({ char: 'R', description: 'Process the directory used in -f, --filename recursively.' }),
    selector: Flags.string({ char: 'l', description: 'Selector (label query) to filter on.' }),
    edit: Flags.boolean({ description: 'Edit the API resource before creating' }),
    raw: Flags.string({
      description: 'Raw URI to POST to the server.  Uses the transport specified by the kubeconfig file.',
    }),
    'windows-line-endings': Flags.boolean({
      description: 'Only relevant if --edit=true. Defaults to the line ending native to your platform.',
    }),
  };

  async run(): Promise<void> {
    const { flags, argv } = await this.parse(Create);
    const files = flags.filename ?? [];
    if ((argv as string[]).length > 0) {
      throw new Error(`Unexpected args: [${(argv as string[]).join(' ')}]\nSee 'kctl create -h' for help and examples`);
    }
    if (files.length === 0) {
      throw new Error(
        'must specify one of -f and -k\n\nerror: Required resource not specified.\nUse "kctl explain <resource>" for a detailed description of that resource (e.g. kctl explain pods).\nSee \'kctl create -h\' for help and examples',
      );
    }
    const ctx = this.client(flags);
    if (flags.edit) {
      // kubectl's RunEditOnCreate: --dry-run and --field-manager are not passed on, nor is
      // --windows-line-endings (the platform's line endings are used).
      await runCreateEdit({
        ctx,
        filenames: files,
        recursive: flags.recursive,
        print: generatorPrintFlags(flags),
        saveConfig: flags['save-config'],
        fieldManager: 'kubectl-create',
        validation: parseValidate(flags.validate),
        out: process.stdout,
        errOut: process.stderr,
      });
      return;
    }
    await createFromFiles({
      ctx,
      filenames: files,
      recursive: flags.recursive,
      selector: flags.selector,
      dryRun: parseDryRun(flags['dry-run']),
      saveConfig: flags['save-config'],
      fieldManager: flags['field-manager'],
      validation: parseValidate(flags.validate),
      print: generatorPrintFlags(flags),
      out: process.stdout,
    });
  }
}
