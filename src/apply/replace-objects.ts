/**
 * `kubectl replace -f`: PUT each object from the files (taking the live resourceVersion when the
 * manifest has none, as resource.Helper.Replace with overwrite does), refreshing an existing
 * last-applied annotation (or adding one with --save-config). `--force` deletes everything first,
 * waits until it is gone, then creates it again.
 */
import type { ClientContext } from '../client/index.js';
import { resourcePath } from '../client/mapper.js';
import type { Output, PrintFlags } from '../printers/index.js';
import type { KubeObject } from '../resource/info.js';
import { postObject } from './create-objects.js';
import { waitForDeletion } from './delete-objects.js';
import { type DryRunStrategy, dryRunQuery } from './dry-run.js';
import { getLastApplied, withLastApplied } from './last-applied.js';
import { selectFromFiles, throwCollected } from './object-selection.js';
import { operationPrinter } from './operation-printer.js';
import { addSourceToErr } from './source-error.js';

export interface ReplaceRequest {
  ctx: ClientContext;
  filenames: string[];
  recursive?: boolean;
  force?: boolean;
  saveConfig?: boolean;
  dryRun: DryRunStrategy;
  validation: 'Strict' | 'Warn' | 'Ignore';
  fieldManager: string;
  print: PrintFlags;
  out: Output;
}

export async function runReplace(req: ReplaceRequest): Promise<void> {
  const { ctx } = req;
  const printer = operationPrinter(req.print, 'replaced', req.dryRun);
  const result = await selectFromFiles(ctx, req);
  const { infos, errors } = await result.settle();
  const failures: Error[] = [...errors];
  const query: Record<string, string> = { ...dryRunQuery(req.dryRun), fieldValidation: req.validation };
  if (req.fieldManager) query.fieldManager = req.fieldManager;
  if (req.force && req.dryRun === 'none') {
    const deleted: { info: (typeof infos)[number] }[] = [];
    for (const info of infos) {
      try {
        await ctx.rest.json({
          method: 'DELETE',
          path: resourcePath(info.mapping, info.namespace, info.name),
          body: { kind: 'DeleteOptions', apiVersion: 'v1', propagationPolicy: 'Background' },
        });
      } catch (e) {
        failures.push(addSourceToErr('deleting', info.source, e));
        continue;
      }
      const { group, kind } = info.mapping.gvk;
      const k = group ? `${kind.toLowerCase()}.${group}` : kind.toLowerCase();
      req.out.write(
        info.mapping.namespaced
          ? `${k} "${info.name}" deleted from ${info.namespace} namespace\n`
          : `${k} "${info.name}" deleted\n`,
      );
      deleted.push({ info });
    }
    await waitForDeletion(ctx, deleted, 7 * 24 * 3600 * 1000);
  }
  for (const info of infos) {
    let obj = info.object as KubeObject;
    if (req.saveConfig || getLastApplied(obj as Record<string, unknown>) !== undefined) {
      obj = withLastApplied(obj as Record<string, unknown>) as KubeObject;
    }
    if (req.dryRun !== 'client') {
      try {
        if (req.force && req.dryRun === 'none') {
          obj = await postObject(ctx, info, obj, query);
        } else {
          const path = resourcePath(info.mapping, info.namespace, info.name);
          if (!obj.metadata?.resourceVersion) {
            const live = await ctx.rest.json<KubeObject>({ path });
            obj = { ...obj, metadata: { ...(obj.metadata ?? {}), resourceVersion: live.metadata?.resourceVersion } };
          }
          obj = await ctx.rest.json<KubeObject>({ method: 'PUT', path, query, body: obj });
        }
      } catch (e) {
        failures.push(addSourceToErr('replacing', info.source, e));
        continue;
      }
    }
    await printer.print(obj, req.out, { group: info.mapping.gvk.group, kind: info.mapping.gvk.kind });
  }
  throwCollected(failures);
}
