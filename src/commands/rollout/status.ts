import { Flags } from '@oclif/core';
import { parseGoDurationMs } from '../../api/duration.js';
import { rolloutTargetFlags } from '../../apply/rollout-command-support.js';
import { rolloutProgressSummary, rolloutStatus } from '../../apply/rollout-status.js';
import { ClientCommand } from '../../cli/client-command.js';
import { createProgress, elapsedSuffix } from '../../cli/progress.js';
import { resourcePath } from '../../client/mapper.js';
import { buildResources } from '../../resource/builder.js';

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

export default class RolloutStatus extends ClientCommand {
  static override summary = 'Show the status of the rollout';
  static override examples = ['kctl rollout status deployment/nginx'];
  static override strict = false;
  static override flags = {
    ...rolloutTargetFlags,
    watch: Flags.boolean({
      char: 'w',
      default: true,
      allowNo: true,
      description: "Watch the status of the rollout until it's done.",
    }),
    revision: Flags.integer({
      default: 0,
      description: 'Pin to a specific revision for showing its status. Defaults to 0 (last revision).',
    }),
    timeout: Flags.string({
      default: '0s',
      description: 'The length of time to wait before ending watch, zero means never.',
    }),
  };

  async run(): Promise<void> {
    const { flags, argv } = await this.parse(RolloutStatus);
    if (flags.revision < 0) throw new Error(`revision must be a positive integer: ${flags.revision}`);
    const timeoutMs = parseGoDurationMs(flags.timeout);
    const ctx = this.client(flags);
    const result = await buildResources({
      mapper: ctx.mapper,
      client: ctx.rest,
      args: argv as string[],
      filenames: flags.filename,
      recursive: flags.recursive,
      namespace: ctx.namespace,
      labelSelector: flags.selector,
      continueOnError: true,
      requireObject: false,
    });
    if (result.err) throw result.err;
    const { infos, errors } = await result.settle();
    if (errors.length > 0) throw errors[0];
    if (infos.length !== 1) {
      throw new Error(
        infos.length === 0
          ? 'no objects passed to rollout status'
          : 'rollout status is only supported on individual resources and resource collections, but 2 or more resources were found',
      );
    }
    const info = infos[0]!;
    const path = resourcePath(info.mapping, info.namespace, info.name);
    const deadline = timeoutMs > 0 ? Date.now() + timeoutMs : Number.POSITIVE_INFINITY;
    let last = '';
    // kubectl draws nothing; on a terminal, a watch longer than a second shows the counts.
    const progress = createProgress({ verbosity: flags.v, delayMs: 1000 });
    const startedAt = Date.now();
    try {
      for (;;) {
        const obj = await ctx.rest.json<Record<string, unknown>>({ path });
        const st = rolloutStatus(obj);
        // kubectl prints each distinct message once while watching
        if (st.message !== last) process.stdout.write(st.message);
        last = st.message;
        if (st.done || !flags.watch) return;
        if (Date.now() >= deadline) throw new Error('timed out waiting for the condition');
        const summary = rolloutProgressSummary(obj);
        progress.update(
          `rollout of ${info.mapping.resource.resource}/${info.name}: ${summary} ${elapsedSuffix(Date.now() - startedAt)}`,
        );
        await sleep(Math.min(500, Math.max(0, deadline - Date.now())));
      }
    } finally {
      progress.done();
    }
  }
}
