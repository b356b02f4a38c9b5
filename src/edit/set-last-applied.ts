/**
 * `kubectl apply set-last-applied -f FILE`: the last-applied-configuration annotation of each
 * live object becomes the file's object, as if `apply -f FILE` had run, without changing
 * anything else. Every object is checked first (it must exist and, without
 * --create-annotation, already carry the annotation); only then are the patches sent.
 */

import { StatusError } from '../api/status.js';
import { type DryRunStrategy, dryRunQuery } from '../apply/dry-run.js';
import { getLastApplied } from '../apply/last-applied.js';
import { operationPrinter } from '../apply/operation-printer.js';
import { addSourceToErr } from '../apply/source-error.js';
import type { ClientContext } from '../client/index.js';
import { resourcePath } from '../client/mapper.js';
import type { PrintFlags } from '../printers/index.js';
import { buildResources } from '../resource/builder.js';
import type { Info, KubeObject } from '../resource/info.js';
import { stripComments } from './edit-file.js';
import type { Writer } from './edit-session.js';
import { applyConfiguration, lastAppliedPatch } from './last-applied-patch.js';

export interface SetLastAppliedRequest {
  ctx: ClientContext;
  filenames: string[];
  createAnnotation?: boolean;
  dryRun: DryRunStrategy;
  print: PrintFlags;
  out: Writer;
}

/** kubectl's info.String() in the "retrieving current configuration" error. */
function infoString(info: Info): string {
  const r = info.mapping.resource;
  const kind = `${info.mapping.gvk.kind}${r.group ? `.${r.group}` : ''}`;
  return `Name: "${info.name}", Namespace: "${info.namespace}"\nObject: ${kind}`;
}

export async function runSetLastApplied(req: SetLastAppliedRequest): Promise<void> {
  const { ctx } = req;
  const printer = operationPrinter(req.print, 'configured', req.dryRun);
  const result = await buildResources({
    mapper: ctx.mapper,
    client: ctx.rest,
    filenames: req.filenames,
    namespace: ctx.namespace,
    requireNamespace: ctx.explicitNamespace,
    requireObject: false,
  });
  if (result.err) throw result.err;
  const pending: { info: Info; live: KubeObject; patch: string }[] = [];
  await result.visit(async (info) => {
    const config = applyConfiguration(info.object ?? {});
    const patch = lastAppliedPatch(info.object ?? {});
    let live: KubeObject;
    try {
      live = await ctx.rest.json<KubeObject>({ path: resourcePath(info.mapping, info.namespace, info.name) });
    } catch (e) {
      if (e instanceof StatusError && (e.reason === 'NotFound' || e.code === 404)) throw e;
      throw addSourceToErr(
        `retrieving current configuration of:\n${infoString(info)}\nfrom server for:`,
        info.source,
        e,
      );
    }
    const current = getLastApplied(live as Record<string, unknown>);
    if (current === undefined && !req.createAnnotation) {
      throw new Error(
        `no last-applied-configuration annotation found on resource: ${info.name}, to create the annotation, run the command with --create-annotation`,
      );
    }
    if (stripComments(current ?? '') !== stripComments(config)) pending.push({ info, live, patch });
    else req.out.write(`set-last-applied ${info.name}: no changes required.\n`);
  });
  for (const { info, live, patch } of pending) {
    let obj = live;
    if (req.dryRun !== 'client') {
      obj = await ctx.rest.json<KubeObject>({
        method: 'PATCH',
        path: resourcePath(info.mapping, ctx.namespace, info.name),
        query: dryRunQuery(req.dryRun),
        body: Buffer.from(patch),
        contentType: 'application/merge-patch+json',
      });
    }
    await printer.print(obj, req.out, { group: info.mapping.gvk.group, kind: info.mapping.gvk.kind });
  }
}
