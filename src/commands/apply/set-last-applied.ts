import { Flags } from '@oclif/core';
import { parseDryRun } from '../../apply/dry-run.js';
import { ClientCommand } from '../../cli/client-command.js';
import { templateFlags } from '../../cli/flags/template-flags.js';
import { runSetLastApplied } from '../../edit/set-last-applied.js';
import { generatorFlags, generatorPrintFlags } from '../../generators/index.js';

const { output, 'dry-run': dryRun } = generatorFlags;

export default class ApplySetLastApplied extends ClientCommand {
  static override summary =
    'Set the last-applied-configuration annotation on a live object to match the contents of a file.';
  static override description =
    "Set the latest last-applied-configuration annotations by setting it to match the contents of a file. This results in the last-applied-configuration being updated as though 'kubectl apply -f <file>' was run, without updating any other parts of the object.";
  static override examples = [
    'kctl apply set-last-applied -f deploy.yaml',
    'kctl apply set-last-applied -f path/',
    'kctl apply set-last-applied -f deploy.yaml --create-annotation=true',
  ];
  static override strict = false;
  static override flags = {
    output,
    ...templateFlags,
    'dry-run': dryRun,
    'create-annotation': Flags.boolean({
      description: "Will create 'last-applied-configuration' annotations if current objects doesn't have one",
    }),
    filename: Flags.string({
      char: 'f',
      multiple: true,
      description: 'Filename, directory, or URL to files that contains the last-applied-configuration annotations',
    }),
  };

  async run(): Promise<void> {
    const { flags } = await this.parse(ApplySetLastApplied);
    await runSetLastApplied({
      ctx: this.client(flags),
      filenames: flags.filename ?? [],
      createAnnotation: flags['create-annotation'],
      dryRun: parseDryRun(flags['dry-run']),
      print: generatorPrintFlags(flags),
      out: process.stdout,
    });
  }
}
