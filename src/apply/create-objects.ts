/**
 * `kubectl create -f` (RunCreate): every object from the builder is created on the server (or
 * only printed with --dry-run=client), with the last-applied annotation under --save-config,
 * errors collected per object so one failure doesn't stop the rest.
 */

import type { ClientContext } from '../client/index.js';
import { resourcePath } from '../client/mapper.js';
import type { Output, PrintFlags } from '../printers/index.js';
import type { Info, KubeObject } from '../resource/info.js';
import { AggregateResultError, aggregate } from '../resource/result.js';
import { type DryRunStrategy, dryRunQuery } from './dry-run.js';
import { withLastApplied } from './last-applied.js';
import { selectFromFiles } from './object-selection.js';
import { operationPrinter } from './operation-printer.js';
import { addSourceToErr } from './source-error.js';

export interface CreateRequest {
  ctx: ClientContext;
  filenames: string[];
  recursive?: boolean;
  selector?: string;
  dryRun: DryRunStrategy;
  saveConfig?: boolean;
  fieldManager?: string;
  validation: 'Strict' | 'Warn' | 'Ignore';
  print: PrintFlags;
  out: Output;
}

/**
 * POSTs `obj` to the collection of `info` (its namespace) and returns what the server stored.
 * A resourceVersion in the manifest is dropped: the server refuses one on create.
 */
export function postObject(
  ctx: ClientContext,
  info: Info,
  obj: KubeObject,
  query: Record<string, string>,
): Promise<KubeObject> {
  const meta = { ...(obj.metadata ?? {}) };
  delete meta.resourceVersion;
  return ctx.rest.json<KubeObject>({
    method: 'POST',
    path: resourcePath(info.mapping, info.namespace),
    query,
    body: { ...obj, metadata: meta },
  });
}

/** Creates everything; throws the aggregate of per-object errors (after printing the rest). */
export async function createFromFiles(req: CreateRequest): Promise<void> {
  const { ctx } = req;
  const printer = operationPrinter(req.print, 'created', req.dryRun);
  const result = await selectFromFiles(ctx, req);
  const errors: Error[] = [];
  let count = 0;
  await result
    .visit(async (info) => {
      let obj = info.object as KubeObject;
      if (req.saveConfig) obj = withLastApplied(obj) as KubeObject;
      if (req.dryRun !== 'client') {
        const query: Record<string, string> = { ...dryRunQuery(req.dryRun), fieldValidation: req.validation };
        if (req.fieldManager) query.fieldManager = req.fieldManager;
        try {
          obj = await postObject(ctx, info, obj, query);
        } catch (e) {
          errors.push(addSourceToErr('creating', info.source, e));
          return;
        }
      }
      count++;
      await printer.print(obj, req.out, { group: info.mapping.gvk.group, kind: info.mapping.gvk.kind });
    })
    .catch((e: Error) => {
      if (e instanceof AggregateResultError) errors.push(...e.errors);
      else errors.push(e);
    });
  const err = aggregate(errors);
  if (err) throw err;
  if (count === 0) throw new Error('no objects passed to create');
}
