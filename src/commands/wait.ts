import { Flags } from '@oclif/core';
import { parseGoDurationMs } from '../api/duration.js';
import { StatusError } from '../api/status.js';
import { operationPrinter } from '../apply/operation-printer.js';
import { conditionMet, parseWaitFor } from '../apply/wait-conditions.js';
import { ClientCommand } from '../cli/client-command.js';
import { createProgress, elapsedSuffix, pendingLine } from '../cli/progress.js';
import { resourcePath } from '../client/mapper.js';
import { generatorFlags, generatorPrintFlags } from '../generators/index.js';
import { buildResources } from '../resource/builder.js';
import type { Info } from '../resource/info.js';

const { 'save-config': _s, 'field-manager': _f, validate: _v, 'dry-run': _d, ...printFlagsOnly } = generatorFlags;

const isNotFound = (e: unknown) => e instanceof StatusError && e.code === 404;
const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

export default class Wait extends ClientCommand {
  static override summary = 'Experimental: Wait for a specific condition on one or many resources';
  static override examples = [
    'kctl wait --for=condition=Ready pod/busybox1',
    "kctl wait --for=jsonpath='{.status.phase}'=Running pod/busybox1",
    'kctl wait --for=delete pod/busybox1 --timeout=60s',
  ];
  static override strict = false;
  static override flags = {
    ...printFlagsOnly,
    for: Flags.string({
      description:
        "The condition to wait on: [create|delete|condition=condition-name[=condition-value]|jsonpath='{JSONPath expression}'=[JSONPath value]].",
    }),
    timeout: Flags.string({ default: '30s', description: 'The length of time to wait before giving up.' }),
    filename: Flags.string({ char: 'f', multiple: true, description: 'identifying the resource.' }),
    recursive: Flags.boolean({ char: 'R', description: 'Process the directory used in -f, --filename recursively.' }),
    selector: Flags.string({ char: 'l', description: 'Selector (label query) to filter on.' }),
    'field-selector': Flags.string({ description: 'Selector (field query) to filter on.' }),
    all: Flags.boolean({ description: 'Select all resources in the namespace of the specified resource types' }),
    'all-namespaces': Flags.boolean({
      char: 'A',
      description: 'If present, list the requested object(s) across all namespaces.',
    }),
    local: Flags.boolean({ description: 'If true, annotation will NOT contact api-server but run locally.' }),
  };

  async run(): Promise<void> {
    const { flags, argv } = await this.parse(Wait);
    const waitFor = parseWaitFor(flags.for);
    const timeoutMs = parseGoDurationMs(flags.timeout);
    const ctx = this.client(flags);
    // kubectl draws nothing; on a terminal, a wait longer than a second shows what is pending.
    const progress = createProgress({ verbosity: flags.v, delayMs: 1000 });
    const startedAt = Date.now();
    const show = (text: string) => progress.update(`${text} ${elapsedSuffix(Date.now() - startedAt)}`);
    try {
      const deadline = Date.now() + (timeoutMs < 0 ? 7 * 24 * 3600 * 1000 : timeoutMs);
      const buildOnce = async () => {
        const result = await buildResources({
          mapper: ctx.mapper,
          client: ctx.rest,
          args: argv as string[],
          filenames: flags.filename,
          recursive: flags.recursive,
          namespace: ctx.namespace,
          allNamespaces: flags['all-namespaces'],
          labelSelector: flags.selector,
          fieldSelector: flags['field-selector'],
          selectAll: flags.all,
          allowEmptySelector: flags.all,
          continueOnError: true,
          requireObject: false,
        });
        if (result.err) throw result.err;
        return result.settle();
      };
      let { infos, errors } = await buildOnce();
      if (errors.length > 0) throw errors[0];
      if (waitFor.kind === 'create') {
        // Selectors may match nothing yet: list again until something exists.
        while (infos.length === 0) {
          if (Date.now() >= deadline) throw new Error('timed out waiting for the condition');
          show('waiting for a matching object to exist...');
          await sleep(250);
          ({ infos, errors } = await buildOnce());
        }
      }
      const printerFor = (op: string) => operationPrinter(generatorPrintFlags(flags), op, 'none');
      const expanded: Info[] = [];
      for (const info of infos) {
        if (info.name) expanded.push(info);
        else {
          const list = (info.object as { items?: { metadata?: { name?: string; namespace?: string } }[] }) ?? {};
          for (const item of list.items ?? []) {
            expanded.push({
              ...info,
              name: item.metadata?.name ?? '',
              namespace: item.metadata?.namespace ?? info.namespace,
            });
          }
        }
      }
      if (expanded.length === 0 && waitFor.kind !== 'delete') throw new Error('no matching resources found');
      const kinds = new Set(expanded.map((i) => i.mapping.resource.resource));
      const noun = kinds.size === 1 ? [...kinds][0]! : 'objects';
      for (const [index, info] of expanded.entries()) {
        const path = resourcePath(info.mapping, info.namespace, info.name);
        const r = info.mapping.resource;
        let uid: string | undefined;
        for (let first = true; ; first = false) {
          let obj: Record<string, unknown> | undefined;
          try {
            obj = await ctx.rest.json<Record<string, unknown>>({ path });
          } catch (e) {
            if (!isNotFound(e)) throw e;
          }
          const gone = obj === undefined || (uid !== undefined && (obj.metadata as { uid?: string })?.uid !== uid);
          if (waitFor.kind === 'delete') {
            if (gone) {
              if (!first)
                await printerFor('deleted').print(
                  {
                    kind: info.mapping.gvk.kind,
                    apiVersion: info.mapping.gvk.group
                      ? `${info.mapping.gvk.group}/${info.mapping.gvk.version}`
                      : info.mapping.gvk.version,
                    metadata: { name: info.name },
                  },
                  process.stdout,
                );
              break;
            }
            uid ??= (obj?.metadata as { uid?: string })?.uid;
          } else if (obj && conditionMet(obj, waitFor)) {
            await printerFor('condition met').print(obj, process.stdout, {
              group: info.mapping.gvk.group,
              kind: info.mapping.gvk.kind,
            });
            break;
          }
          if (Date.now() >= deadline) {
            throw new Error(`timed out waiting for the condition on ${r.resource}/${info.name}`);
          }
          show(
            expanded.length > 1
              ? pendingLine(expanded.length - index, expanded.length, noun)
              : `waiting for ${r.resource}/${info.name}...`,
          );
          await sleep(250);
        }
      }
    } finally {
      progress.done();
    }
  }
}
