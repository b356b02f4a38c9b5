/**
 * How the write commands ask the builder for their objects, in one place: kubectl's create,
 * replace and apply read manifests (-f, -R, -l) and keep going past per-object errors; set,
 * rollout and scale name objects by arguments or files and always work on the live copy.
 * Both throw the builder's own error (bad arguments, unknown types) straight away.
 */
import type { ClientContext } from '../client/index.js';
import { buildResources } from '../resource/builder.js';
import { AggregateResultError, aggregate, type Result } from '../resource/result.js';

export interface FileSelection {
  filenames: string[];
  recursive?: boolean;
  /** -l: only objects whose labels match. */
  selector?: string;
}

/**
 * The objects of the given manifests, as read (no server round trip for them). With an explicit
 * -n, an object naming another namespace is an error for that object.
 */
export async function selectFromFiles(ctx: ClientContext, sel: FileSelection): Promise<Result> {
  const result = await buildResources({
    mapper: ctx.mapper,
    client: ctx.rest,
    filenames: sel.filenames,
    recursive: sel.recursive,
    namespace: ctx.namespace,
    labelSelector: sel.selector,
    continueOnError: true,
    requireNamespace: ctx.explicitNamespace,
    requireObject: false,
  });
  if (result.err) throw result.err;
  return result;
}

export interface LiveSelection {
  args: string[];
  filenames?: string[];
  recursive?: boolean;
  selector?: string;
  /** --all: every object of the named types (an empty selector is then allowed). */
  all?: boolean;
}

/**
 * The live objects named by arguments (`type name`, `type/name`, `type -l sel`) or files (fetched
 * again from the server). The namespace is enforced only when -n was explicit and files were given.
 */
export async function selectLive(ctx: ClientContext, sel: LiveSelection): Promise<Result> {
  const result = await buildResources({
    mapper: ctx.mapper,
    client: ctx.rest,
    args: sel.args,
    filenames: sel.filenames,
    recursive: sel.recursive,
    namespace: ctx.namespace,
    labelSelector: sel.selector,
    // kubectl's set/scale/rollout pass --all as ResourceTypeOrNameArgs' allowEmptySelector, not
    // SelectAllParam: `--all -l x` with a name then fails on the name, not on --all.
    allowEmptySelector: sel.all ?? false,
    latest: true,
    continueOnError: true,
    requireNamespace: ctx.explicitNamespace && (sel.filenames?.length ?? 0) > 0,
  });
  if (result.err) throw result.err;
  return result;
}

/**
 * Throws the collected per-object errors as one (nothing when empty). An aggregate among them
 * contributes its members, so every failure ends up on its own line.
 */
export function throwCollected(failures: Error[]): void {
  const err = aggregate(failures.flatMap((e) => (e instanceof AggregateResultError ? e.errors : [e])));
  if (err) throw err;
}
