/**
 * `kubectl apply -f` over everything the builder reads: client-side (applyOne) or server-side
 * (an apply patch per object), printing `kind/name created|configured|unchanged|serverside-applied`
 * per object, or with -o yaml/json the resulting objects at the end (one object alone, several
 * as a List). Errors are collected per object and thrown together at the end.
 */
import { countLine, noProgress, type Progress } from '../cli/progress.js';
import type { ClientContext } from '../client/index.js';
import { resourcePath } from '../client/mapper.js';
import type { Output, PrintFlags } from '../printers/index.js';
import type { KubeObject } from '../resource/info.js';
import { AggregateResultError, aggregate } from '../resource/result.js';
import { type ApplyOneOptions, applyOne } from './client-side-apply.js';
import { type DryRunStrategy, dryRunQuery } from './dry-run.js';
import { applyOneForced, type ForceOptions } from './force-replace.js';
import { selectFromFiles } from './object-selection.js';
import { operationPrinter } from './operation-printer.js';
import { PatchMetaSource } from './patch-meta-source.js';
import { type PruneRequest, pruneObjects } from './prune.js';
import { addSourceToErr } from './source-error.js';

export interface ApplyRequest {
  ctx: ClientContext;
  filenames: string[];
  recursive?: boolean;
  selector?: string;
  dryRun: DryRunStrategy;
  validation: 'Strict' | 'Warn' | 'Ignore';
  serverSide?: boolean;
  forceConflicts?: boolean;
  /** Undefined = kubectl's default for the mode. */
  fieldManager?: string;
  overwrite?: boolean;
  print: PrintFlags;
  out: Output;
  errOut: Output;
  /** --prune: what to prune once every object applied cleanly (-l or --all already checked). */
  prune?: Pick<PruneRequest, 'allowlist' | 'selector' | 'cascade' | 'gracePeriod'>;
  /** --force: delete and re-create objects whose patch fails with Conflict or Invalid. */
  force?: ForceOptions;
  /** The TTY progress line (`applying 3/10 objects...`); none by default. */
  progress?: Progress;
}

export async function runApply(req: ApplyRequest): Promise<void> {
  const progress = req.progress ?? noProgress();
  try {
    await applyAll(req, progress);
  } finally {
    progress.done();
  }
}

async function applyAll(req: ApplyRequest, progress: Progress): Promise<void> {
  const { ctx } = req;
  const output = req.print.output ?? '';
  const printsObjects = output !== '' && output !== 'name';
  const result = await selectFromFiles(ctx, req);
  const metas = new PatchMetaSource(ctx.rest);
  const errors: Error[] = [];
  const objects: KubeObject[] = [];
  // What --prune must keep: the applied objects' UIDs and the namespaces they live in (plus an
  // explicit -n even when nothing namespaced was applied, as kubectl does).
  const visitedUids = new Set<string>();
  const visitedNamespaces = new Set<string>(ctx.explicitNamespace ? [ctx.namespace] : []);
  let count = 0;
  // The line needs the total: read everything first (kubectl's GetObjects does too). Only on a
  // terminal, so piped runs keep the visit's exact interleaving. Errors surface in the visit.
  const total = progress.active
    ? await result.settle().then(
        (r) => r.infos.length,
        () => 0,
      )
    : 0;
  let index = 0;
  await result
    .visit(async (info) => {
      if (total > 1) progress.update(countLine('applying', ++index, total));
      if (info.mapping.namespaced) visitedNamespaces.add(info.namespace);
      let operation: string;
      let object: KubeObject;
      if (req.serverSide) {
        const query: Record<string, string> = {
          ...dryRunQuery(req.dryRun),
          fieldManager: req.fieldManager ?? 'kubectl',
          fieldValidation: req.validation,
        };
        if (req.forceConflicts) query.force = 'true';
        object = info.object as KubeObject;
        if (req.dryRun !== 'client') {
          try {
            object = await ctx.rest.json<KubeObject>({
              method: 'PATCH',
              path: resourcePath(info.mapping, info.namespace, info.name),
              query,
              body: Buffer.from(JSON.stringify(info.object)),
              contentType: 'application/apply-patch+yaml',
            });
          } catch (e) {
            errors.push(addSourceToErr('patching', info.source, e));
            return;
          }
        }
        operation = 'serverside-applied';
      } else {
        try {
          const options: ApplyOneOptions = {
            ctx,
            metas,
            dryRun: req.dryRun,
            validation: req.validation,
            fieldManager: req.fieldManager,
            overwrite: req.overwrite,
            errOut: req.errOut,
          };
          const r = req.force ? await applyOneForced(info, options, req.force) : await applyOne(info, options);
          operation = r.operation;
          object = r.object;
        } catch (e) {
          errors.push(e as Error);
          return;
        }
      }
      count++;
      const uid = (object.metadata as { uid?: string } | undefined)?.uid;
      if (uid) visitedUids.add(uid);
      if (printsObjects) {
        objects.push(object);
        return;
      }
      // kubectl prints `unchanged` without the dry-run suffix only when nothing was computed.
      const printer = operationPrinter(req.print, operation, req.dryRun);
      await printer.print(object, req.out, { group: info.mapping.gvk.group, kind: info.mapping.gvk.kind });
    })
    .catch((e: Error) => {
      if (e instanceof AggregateResultError) errors.push(...e.errors);
      else errors.push(e);
    });
  if (printsObjects && objects.length > 0) {
    const printer = operationPrinter(req.print, '', req.dryRun);
    const one =
      objects.length === 1
        ? objects[0]
        : { apiVersion: 'v1', kind: 'List', metadata: { resourceVersion: '' }, items: objects };
    await printer.print(one, req.out);
  }
  const err = aggregate(errors);
  if (err) throw err;
  if (count === 0 && errors.length === 0) throw new Error('no objects passed to apply');
  if (req.prune) {
    await pruneObjects({
      ...req.prune,
      ctx,
      visitedUids,
      visitedNamespaces,
      dryRun: req.dryRun,
      print: req.print,
      out: req.out,
      errOut: req.errOut,
    });
  }
}
