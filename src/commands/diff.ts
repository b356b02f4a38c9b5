import { Flags } from '@oclif/core';
import { runDiff } from '../apply/diff-objects.js';
import { ClientCommand } from '../cli/client-command.js';
import { ExitError } from '../cli/kubectl-errors.js';

export default class Diff extends ClientCommand {
  static override summary = 'Diff the live version against a would-be applied version';
  static override description =
    'Exit status: 0 no differences were found, 1 differences were found, >1 kctl or diff failed with an error. KUBECTL_EXTERNAL_DIFF picks the diff program.';
  static override examples = ['kctl diff -f pod.json', 'cat service.yaml | kctl diff -f -'];
  static override strict = false;
  static override flags = {
    filename: Flags.string({
      char: 'f',
      multiple: true,
      description: 'Filename, directory, or URL to files contains the configuration to diff',
    }),
    recursive: Flags.boolean({ char: 'R', description: 'Process the directory used in -f, --filename recursively.' }),
    selector: Flags.string({ char: 'l', description: 'Selector (label query) to filter on.' }),
    'field-manager': Flags.string({
      default: 'kubectl-client-side-apply',
      description: 'Name of the manager used to track field ownership.',
    }),
    'server-side': Flags.boolean({ description: 'If true, apply runs in the server instead of the client.' }),
  };

  async run(): Promise<void> {
    const { flags } = await this.parse(Diff);
    if ((flags.filename?.length ?? 0) === 0) throw new Error('must specify one of -f and -k');
    if (flags['server-side']) throw new Error('diff --server-side is not supported yet');
    const code = await runDiff({
      ctx: this.client(flags),
      filenames: flags.filename ?? [],
      recursive: flags.recursive,
      selector: flags.selector,
      fieldManager: flags['field-manager'],
      out: process.stdout,
      errOut: process.stderr,
    });
    if (code > 1) {
      this.err(`error: exit status ${code}\n`);
      throw new ExitError(code);
    }
    if (code !== 0) throw new ExitError(code);
  }
}
