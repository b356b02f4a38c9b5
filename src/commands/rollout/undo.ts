import { Flags } from '@oclif/core';
import { parseDryRun } from '../../apply/dry-run.js';
import { operationPrinter } from '../../apply/operation-printer.js';
import { PatchMetaSource } from '../../apply/patch-meta-source.js';
import {
  printTyped,
  rolloutPrintFlags,
  rolloutReadFlags,
  selectRolloutTargets,
} from '../../apply/rollout-command-support.js';
import { rolloutKindFor } from '../../apply/rollout-kinds.js';
import { rollback } from '../../apply/rollout-undo.js';
import { ClientCommand } from '../../cli/client-command.js';

export default class RolloutUndo extends ClientCommand {
  static override summary = 'Undo a previous rollout';
  static override description = 'Roll back to a previous rollout.';
  static override examples = [
    '# Roll back to the previous deployment\nkctl rollout undo deployment/abc',
    '# Roll back to daemonset revision 3\nkctl rollout undo daemonset/abc --to-revision=3',
    '# Roll back to the previous deployment with dry-run\nkctl rollout undo --dry-run=server deployment/abc',
  ];
  static override strict = false;
  static override flags = {
    ...rolloutReadFlags,
    'to-revision': Flags.integer({
      default: 0,
      description: 'The revision to rollback to. Default to 0 (last revision).',
    }),
    'dry-run': Flags.string({
      default: 'none',
      description:
        'Must be "none", "server", or "client". If client strategy, only print the object that would be sent, without sending it. If server strategy, submit server-side request without persisting the resource.',
    }),
  };

  async run(): Promise<void> {
    const { flags, argv } = await this.parse(RolloutUndo);
    const dryRun = parseDryRun(flags['dry-run']);
    const ctx = this.client(flags);
    const result = await selectRolloutTargets(ctx, { args: argv as string[], ...flags });
    const print = rolloutPrintFlags(flags);
    const metas = new PatchMetaSource(ctx.rest);
    await result.visit(async (info) => {
      const kind = rolloutKindFor(info.mapping.gvk, 'rollback');
      const meta = kind === 'Deployment' ? null : await metas.metaFor(info.mapping.gvk);
      const operation = await rollback({
        rest: ctx.rest,
        kind,
        namespace: info.namespace,
        name: info.name,
        toRevision: flags['to-revision'],
        dryRun,
        meta,
      });
      // kubectl builds the printer after the rollback, so a bad -o fails only then.
      const printer = operationPrinter(print, operation, dryRun);
      if (printer.printsObject) await printTyped(printer, print, info.object ?? {}, process.stdout);
      else
        await printer.print(info.object, process.stdout, {
          group: info.mapping.gvk.group,
          kind: info.mapping.gvk.kind,
        });
    });
  }
}
