/**
 * The step every `kubectl set <field>` command shares (kubectl's CalculatePatches + patch loop):
 * pick the objects (live ones by argument, selector or file; or, with --local, the files as
 * read), change a copy of each on the client, then send the two-way strategic merge patch
 * between the two, or print the changed copy for --local and --dry-run=client.
 *
 * As in kubectl, every object is changed before anything is sent (so warnings and `--list`
 * text come first), an object that cannot be changed is reported as
 * `error: <resource>/<name> <why>` while the others go on, and an unchanged object (patch
 * `{}`) is skipped silently unless the command always sends (set selector, set serviceaccount).
 */
import { sendPatch, twoWayPatch } from '../apply/client-patch.js';
import type { DryRunStrategy } from '../apply/dry-run.js';
import { typedOrder } from '../apply/go-typed-order.js';
import { type LiveSelection, selectLive, throwCollected } from '../apply/object-selection.js';
import { operationPrinter } from '../apply/operation-printer.js';
import { PatchMetaSource } from '../apply/patch-meta-source.js';
import type { ClientContext } from '../client/index.js';
import { type Output, type PrintFlags, stripManagedFields } from '../printers/index.js';
import { buildResources } from '../resource/builder.js';
import type { Info, KubeObject } from '../resource/info.js';
import type { Result } from '../resource/result.js';
import { typedLocalObject } from './typed-local.js';

/** The objects to work on (LiveSelection: arguments, -f/-R, -l, --all) and how. */
export interface SetRequest extends LiveSelection {
  ctx: ClientContext;
  /** --local: work on the files as read, contact the server only for type information. */
  local: boolean;
  dryRun: DryRunStrategy;
  fieldManager: string;
  print: PrintFlags;
  out: Output;
  /** The past-tense text of the default output (`env updated`). */
  operation: string;
  /**
   * Changes `obj` in place. Returns false when it changed nothing on purpose (kubectl then
   * neither sends nor prints); throws to report that this object cannot be changed.
   */
  mutate(obj: KubeObject, info: Info): boolean | undefined | Promise<boolean | undefined>;
  /** Checks run once the objects are known (kubectl's Validate after Complete built the Infos). */
  validate?(infos: Info[]): void;
  /** Called on the unchanged copy before the diff (set selector clears resourceVersion there). */
  prepareBefore?(obj: KubeObject): void;
  /** Send and print even when the patch is `{}` (set selector, set serviceaccount). */
  sendEmptyPatches?: boolean;
  /** Stop once every object was changed (set env --list prints during the change). */
  mutateOnly?: boolean;
  /** Wraps an error from the PATCH request the way the command words it. */
  patchError?(e: Error): Error;
}

/**
 * A mutation error kubectl reports as it is, not as `error: <resource>/<name> <why>` (set
 * resources' unknown container, set selector's unsupported kind). The object is skipped.
 */
export class BareSetError extends Error {
  override name = 'BareSetError';
}

/** `deployments/web`: cli-runtime's Info.ObjectName(), used in per-object errors. */
export function objectName(info: Info): string {
  return `${info.mapping.resource.resource}/${info.name}`;
}

/**
 * --local: the files' objects as written. kubectl leaves their namespace alone (it is printed
 * only when the file has one), even with an explicit -n.
 */
export async function selectLocal(
  ctx: ClientContext,
  sel: { filenames?: string[]; recursive?: boolean },
): Promise<Result> {
  const result = await buildResources({
    mapper: ctx.mapper,
    client: ctx.rest,
    filenames: sel.filenames ?? [],
    recursive: sel.recursive,
    namespace: ctx.namespace,
    continueOnError: true,
    defaultNamespace: false,
    requireObject: false,
  });
  if (result.err) throw result.err;
  return result;
}

interface Change {
  info: Info;
  before: KubeObject;
  after: KubeObject;
}

/** Runs one `set` command; see the module comment. Throws the collected errors at the end. */
export async function runSet(req: SetRequest): Promise<void> {
  const { ctx } = req;
  const printer = operationPrinter(req.print, req.operation, req.dryRun);
  // kubectl prints the typed object it decoded: `-o json` in Go field order where kctl knows it.
  const json = (req.print.output ?? '') === 'json';
  const print = (obj: KubeObject, info: Info) => {
    const kindCtx = { group: info.mapping.gvk.group, kind: info.mapping.gvk.kind };
    if (!json) return printer.print(obj, req.out, kindCtx);
    const shown = (req.print.showManagedFields ? obj : stripManagedFields(obj)) as KubeObject;
    return printer.print(typedOrder(shown), req.out, { ...kindCtx, typed: true });
  };
  const result = req.local ? await selectLocal(ctx, req) : await selectLive(ctx, req);
  const { infos, errors } = await result.settle();
  throwCollected(errors);
  req.validate?.(infos);

  const failures: Error[] = [];
  const changes: Change[] = [];
  for (const info of infos) {
    const read = info.object as KubeObject;
    const base = req.local ? typedLocalObject(read) : read;
    const before = structuredClone(base);
    req.prepareBefore?.(before);
    const after = structuredClone(base);
    try {
      if ((await req.mutate(after, info)) === false) continue;
    } catch (e) {
      const err = e as Error;
      failures.push(err instanceof BareSetError ? err : new Error(`error: ${objectName(info)} ${err.message}\n`));
      continue;
    }
    changes.push({ info, before, after });
  }
  if (req.mutateOnly) {
    throwCollected(failures);
    return;
  }

  const metas = new PatchMetaSource(ctx.rest);
  for (const { info, before, after } of changes) {
    const patch = await twoWayPatch(metas, info, before, after);
    if (patch.text === '{}' && !req.sendEmptyPatches) continue;
    if (req.local || req.dryRun === 'client') {
      await print(after, info);
      continue;
    }
    let actual: KubeObject;
    try {
      actual = await sendPatch(ctx, info, patch, req.dryRun, req.fieldManager);
    } catch (e) {
      failures.push(req.patchError ? req.patchError(e as Error) : (e as Error));
      continue;
    }
    await print(actual, info);
  }
  throwCollected(failures);
}
