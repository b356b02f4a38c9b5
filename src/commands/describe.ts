import { Flags } from '@oclif/core';
import { StatusError } from '../api/status.js';
import { ClientCommand } from '../cli/client-command.js';
import { resourceFlags } from '../cli/flags/resource-flags.js';
import type { ClientContext } from '../client/index.js';
import { type DescribeContext, describerFor, type KObject } from '../describe/index.js';
import { buildResources } from '../resource/builder.js';
import type { Info } from '../resource/info.js';
import { aggregate } from '../resource/result.js';

export default class Describe extends ClientCommand {
  static override summary = 'Show details of a specific resource or group of resources';
  static override description =
    'Print a detailed description of the selected resources, including related resources such as events. `describe TYPE PREFIX` describes every object whose name starts with PREFIX when none is named PREFIX.';
  static override examples = [
    'kctl describe pods',
    'kctl describe cm web-config -n shop',
    'kctl describe svc -l app=web',
  ];
  static override strict = false;
  static override flags = {
    filename: resourceFlags.filename,
    recursive: resourceFlags.recursive,
    selector: resourceFlags.selector,
    'all-namespaces': resourceFlags['all-namespaces'],
    'chunk-size': resourceFlags['chunk-size'],
    'show-events': Flags.boolean({
      default: true,
      allowNo: true,
      description: 'If true, display events related to the described object.',
    }),
  };

  async run(): Promise<void> {
    const { flags, argv } = await this.parse(Describe);
    const args = argv as string[];
    const ctx = this.client(flags);
    const build = (builderArgs: string[]) =>
      buildResources({
        mapper: ctx.mapper,
        client: ctx.rest,
        args: builderArgs,
        filenames: flags.filename,
        recursive: flags.recursive,
        namespace: ctx.namespace,
        allNamespaces: flags['all-namespaces'],
        labelSelector: flags.selector,
        chunkSize: flags['chunk-size'],
        latest: true,
        continueOnError: true,
        requireNamespace: ctx.explicitNamespace && (flags.filename?.length ?? 0) > 0,
      });
    const result = await build(args);
    if (result.err) throw result.err;
    const { infos, errors } = await result.settle();
    const notFound = errors.find((e) => e instanceof StatusError && e.reason === 'NotFound');
    if (notFound && args.length === 2) return this.describeMatching(ctx, args[0], args[1], notFound, flags);
    const settings = { showEvents: flags['show-events'], chunkSize: flags['chunk-size'] };
    let first = true;
    for (const info of infos) {
      try {
        const text = await describeInfo(ctx, info, settings);
        this.out(first ? text : `\n\n${text}`);
        first = false;
      } catch (e) {
        errors.push(e as Error);
      }
    }
    if (infos.length === 0 && errors.length === 0) {
      this.err(
        flags['all-namespaces'] ? 'No resources found\n' : `No resources found in ${ctx.namespace} namespace.\n`,
      );
    }
    const err = aggregate(errors);
    if (err) throw err;
  }

  /** kubectl's DescribeMatchingResources: objects of TYPE whose names start with PREFIX. */
  private async describeMatching(
    ctx: ClientContext,
    type: string,
    prefix: string,
    original: Error,
    flags: { 'show-events': boolean; 'chunk-size': number },
  ): Promise<void> {
    const result = await buildResources({
      mapper: ctx.mapper,
      client: ctx.rest,
      args: [type],
      namespace: ctx.namespace,
      chunkSize: flags['chunk-size'],
      singleResourceType: true,
    });
    const infos = await result.infos();
    const matching = infos.filter((i) => i.name.startsWith(prefix));
    if (matching.length === 0) throw original;
    const settings = { showEvents: flags['show-events'], chunkSize: flags['chunk-size'] };
    for (const info of matching) this.out(`${await describeInfo(ctx, info, settings)}\n`);
  }
}

async function describeInfo(
  ctx: ClientContext,
  info: Info,
  settings: { showEvents: boolean; chunkSize: number },
): Promise<string> {
  const m = info.mapping;
  const dctx: DescribeContext = { rest: ctx.rest, mapping: m, now: Date.now(), ...settings };
  return describerFor(m.gvk.group, m.gvk.kind)(info.object as KObject, dctx);
}
