import { Flags } from '@oclif/core';
import { operationPrinter } from '../../apply/operation-printer.js';
import { PatchMetaSource } from '../../apply/patch-meta-source.js';
import {
  printTyped,
  rolloutPrintFlags,
  rolloutReadFlags,
  selectRolloutTargets,
} from '../../apply/rollout-command-support.js';
import { historyObjects, loadHistory, skippedRevisionWarnings, viewHistory } from '../../apply/rollout-history.js';
import { rolloutKindFor } from '../../apply/rollout-kinds.js';
import { ClientCommand } from '../../cli/client-command.js';
import { klogHeader } from '../../client/rest/debug-log.js';

export default class RolloutHistory extends ClientCommand {
  static override summary = 'View rollout history';
  static override description = 'View previous rollout revisions and configurations.';
  static override examples = [
    '# View the rollout history of a deployment\nkctl rollout history deployment/abc',
    '# View the details of daemonset revision 3\nkctl rollout history daemonset/abc --revision=3',
  ];
  static override strict = false;
  static override flags = {
    ...rolloutReadFlags,
    revision: Flags.integer({
      default: 0,
      description: 'See the details, including podTemplate of the revision specified',
    }),
  };

  async run(): Promise<void> {
    const { flags, argv } = await this.parse(RolloutHistory);
    const args = argv as string[];
    if (args.length > 0 || (flags.filename?.length ?? 0) > 0) {
      if (flags.revision < 0) throw new Error(`revision must be a positive integer: ${flags.revision}`);
    }
    const ctx = this.client(flags);
    const result = await selectRolloutTargets(ctx, { args, ...flags });
    const print = rolloutPrintFlags(flags);
    const metas = new PatchMetaSource(ctx.rest);
    const out = process.stdout;
    // With -o, kubectl prints the recorded objects themselves (and builds the printer first).
    const objectPrinter = print.output ? operationPrinter(print, '', 'none') : undefined;
    await result.visit(async (info) => {
      const kind = rolloutKindFor(info.mapping.gvk, 'history');
      const history = await loadHistory(ctx.rest, kind, info.namespace, info.name);
      for (const warning of skippedRevisionWarnings(history, info.namespace, info.name)) {
        const where = objectPrinter ? 'history.go:172' : 'history.go:114';
        this.err(`${klogHeader('W', new Date(), process.pid, where)}${warning}\n`);
      }
      const meta = kind === 'Deployment' ? null : await metas.metaFor(info.mapping.gvk);
      if (objectPrinter) {
        const objects = historyObjects(history, meta);
        if (flags.revision > 0) {
          const obj = objects.get(flags.revision);
          if (!obj) throw new Error('unable to find the specified revision');
          await printTyped(objectPrinter, print, obj, out);
          return;
        }
        for (const obj of objects.values()) await printTyped(objectPrinter, print, obj, out);
        return;
      }
      const text = viewHistory(history, flags.revision, meta);
      const withRevision = flags.revision > 0 ? `with revision #${flags.revision}` : '';
      const printer = operationPrinter(print, `${withRevision}\n${text}`, 'none');
      await printer.print(info.object, out, { group: info.mapping.gvk.group, kind: info.mapping.gvk.kind });
    });
  }
}
