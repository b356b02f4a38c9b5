/**
 * `kubectl scale`: sets spec.replicas through each object's `scale` subresource. Without
 * preconditions it sends a JSON merge patch; with --current-replicas / --resource-version it
 * reads the Scale, checks them (kubectl's texts) and PUTs it back with its resourceVersion.
 * Lines read `kind/name scaled`, with the dry-run suffix.
 */
import type { ClientContext } from '../client/index.js';
import { resourcePath } from '../client/mapper.js';
import type { Output, PrintFlags } from '../printers/index.js';
import type { KubeObject } from '../resource/info.js';
import { type DryRunStrategy, dryRunQuery } from './dry-run.js';
import { type LiveSelection, selectLive, throwCollected } from './object-selection.js';
import { operationPrinter } from './operation-printer.js';

/** The objects to work on (LiveSelection: arguments, -f/-R, -l, --all) and how. */
export interface ScaleRequest extends LiveSelection {
  ctx: ClientContext;
  replicas: number;
  /** -1 = no precondition. */
  currentReplicas: number;
  resourceVersion?: string;
  dryRun: DryRunStrategy;
  print: PrintFlags;
  out: Output;
}

interface Scale {
  metadata?: { resourceVersion?: string };
  spec?: { replicas?: number };
  status?: { replicas?: number };
}

export async function runScale(req: ScaleRequest): Promise<void> {
  const { ctx } = req;
  if (req.replicas < 0)
    throw new Error('The --replicas=COUNT flag is required, and COUNT must be greater than or equal to 0');
  if (req.currentReplicas < -1) {
    throw new Error('The --current-replicas must specify an integer of -1 or greater');
  }
  const printer = operationPrinter(req.print, 'scaled', req.dryRun);
  const result = await selectLive(ctx, req);
  const { infos, errors } = await result.settle();
  if (req.resourceVersion && infos.length > 1) throw new Error('cannot use --resource-version with multiple resources');
  if (infos.length === 0 && errors.length === 0) throw new Error('no objects passed to scale');
  const failures: Error[] = [...errors];
  for (const info of infos) {
    if (req.dryRun !== 'client') {
      const path = resourcePath(info.mapping, info.namespace, info.name, 'scale');
      const query = dryRunQuery(req.dryRun);
      try {
        if (req.currentReplicas !== -1 || req.resourceVersion) {
          const scale = await ctx.rest.json<Scale>({ path });
          const current = scale.spec?.replicas ?? 0;
          if (req.currentReplicas !== -1 && req.currentReplicas !== current) {
            throw new Error(`Expected replicas to be ${req.currentReplicas}, was ${current}`);
          }
          const rv = scale.metadata?.resourceVersion ?? '';
          if (req.resourceVersion && req.resourceVersion !== rv) {
            throw new Error(`Expected resource version to be ${req.resourceVersion}, was ${rv}`);
          }
          await ctx.rest.json({
            method: 'PUT',
            path,
            query,
            body: { ...scale, spec: { ...(scale.spec ?? {}), replicas: req.replicas } },
          });
        } else {
          await ctx.rest.json({
            method: 'PATCH',
            path,
            query,
            body: Buffer.from(JSON.stringify({ spec: { replicas: req.replicas } })),
            contentType: 'application/merge-patch+json',
          });
        }
      } catch (e) {
        failures.push(e as Error);
        continue;
      }
    }
    await printer.print(info.object as KubeObject, req.out, {
      group: info.mapping.gvk.group,
      kind: info.mapping.gvk.kind,
    });
  }
  throwCollected(failures);
}
