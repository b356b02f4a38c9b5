/**
 * What `rollout history` and `rollout undo` share: their flags (kubectl's PrintFlags, -f/-R/-l),
 * how they find their objects, and the printing of the typed objects kubectl holds there (Go
 * struct field order for `-o json`, managed fields dropped unless --show-managed-fields).
 */
import { Flags } from '@oclif/core';
import type { ClientContext } from '../client/index.js';
import { generatorFlags, generatorPrintFlags } from '../generators/index.js';
import { type Output, type PrintFlags, stripManagedFields } from '../printers/index.js';
import { buildResources } from '../resource/builder.js';
import type { Result } from '../resource/result.js';
import { typedOrder } from './go-typed-order.js';
import type { OperationPrinter } from './operation-printer.js';

const { 'save-config': _s, 'field-manager': _f, validate: _v, 'dry-run': _d, ...printFlagsOnly } = generatorFlags;

/** -f, -R, -l: how every `rollout` subcommand names its objects. */
export const rolloutTargetFlags = {
  filename: Flags.string({
    char: 'f',
    multiple: true,
    description: 'Filename, directory, or URL to files identifying the resource to get from a server.',
  }),
  recursive: Flags.boolean({ char: 'R', description: 'Process the directory used in -f, --filename recursively.' }),
  selector: Flags.string({ char: 'l', description: 'Selector (label query) to filter on.' }),
};

/** -o/--template/..., -f, -R, -l: the flags `rollout history|undo|pause|resume|restart` take. */
export const rolloutReadFlags = { ...printFlagsOnly, ...rolloutTargetFlags };

export { generatorPrintFlags as rolloutPrintFlags };

/**
 * Prints one object as kubectl prints its typed objects (see typedOrder): `-o json` in Go field
 * order, other formats through the printer (which sorts keys where it matters).
 */
export async function printTyped(
  printer: OperationPrinter,
  flags: PrintFlags,
  obj: Record<string, unknown>,
  out: Output,
): Promise<void> {
  const shown = (flags.showManagedFields ? obj : stripManagedFields(obj)) as Record<string, unknown>;
  // Every format sees the typed object (empty omitempty fields gone); only json shows the order.
  await printer.print(typedOrder(shown), out, { typed: (flags.output ?? '') === 'json' });
}

export interface RolloutTargets {
  args: string[];
  filename?: string[];
  recursive?: boolean;
  selector?: string;
}

/**
 * The live objects to work on (kubectl: ResourceTypeOrNameArgs(true, ...), Latest,
 * ContinueOnError): a bare type selects all its objects in the namespace. Throws kubectl's
 * "required resource not specified" without arguments or files, and the builder's own errors.
 */
export async function selectRolloutTargets(ctx: ClientContext, t: RolloutTargets): Promise<Result> {
  if (t.args.length === 0 && (t.filename?.length ?? 0) === 0) throw new Error('required resource not specified');
  const result = await buildResources({
    mapper: ctx.mapper,
    client: ctx.rest,
    args: t.args,
    filenames: t.filename,
    recursive: t.recursive,
    namespace: ctx.namespace,
    labelSelector: t.selector,
    latest: true,
    continueOnError: true,
    requireNamespace: ctx.explicitNamespace && (t.filename?.length ?? 0) > 0,
  });
  if (result.err) throw result.err;
  return result;
}
