/**
 * The shape shared by `set image`, `rollout restart|pause|resume` and similar commands (kubectl's
 * "patch calculation" pattern): read each object, change a copy on the client, send the two-way
 * strategic merge patch between them, print `kind/name <operation>`. Unchanged objects (patch
 * `{}`) are skipped silently when `skipUnchanged`, as `set` does.
 */
import type { ClientContext } from '../client/index.js';
import type { Output, PrintFlags } from '../printers/index.js';
import type { Info, KubeObject } from '../resource/info.js';
import { sendPatch, twoWayPatch } from './client-patch.js';
import type { DryRunStrategy } from './dry-run.js';
import { type LiveSelection, selectLive, throwCollected } from './object-selection.js';
import { operationPrinter } from './operation-printer.js';
import { PatchMetaSource } from './patch-meta-source.js';

/** The objects to work on (LiveSelection: arguments, -f/-R, -l, --all) and how. */
export interface MutationRequest extends LiveSelection {
  ctx: ClientContext;
  /** Returns the changed copy; throws to report an error for this object. */
  mutate(obj: KubeObject, info: Info): KubeObject;
  operation: string;
  skipUnchanged?: boolean;
  dryRun: DryRunStrategy;
  fieldManager: string;
  print: PrintFlags;
  out: Output;
}

/** A deep copy that mutators may change freely. */
export function clone<T>(v: T): T {
  return structuredClone(v);
}

export async function runMutation(req: MutationRequest): Promise<void> {
  const { ctx } = req;
  const printer = operationPrinter(req.print, req.operation, req.dryRun);
  const result = await selectLive(ctx, req);
  const metas = new PatchMetaSource(ctx.rest);
  const { infos, errors } = await result.settle();
  const failures: Error[] = [...errors];
  for (const info of infos) {
    const before = info.object as KubeObject;
    let after: KubeObject;
    try {
      after = req.mutate(clone(before), info);
    } catch (e) {
      failures.push(e as Error);
      continue;
    }
    const patch = await twoWayPatch(metas, info, before, after);
    if (patch.text === '{}' && req.skipUnchanged) continue;
    let printed = after;
    if (req.dryRun !== 'client') {
      try {
        printed = await sendPatch(ctx, info, patch, req.dryRun, req.fieldManager);
      } catch (e) {
        failures.push(e as Error);
        continue;
      }
    }
    await printer.print(printed, req.out, { group: info.mapping.gvk.group, kind: info.mapping.gvk.kind });
  }
  throwCollected(failures);
}

type Obj = Record<string, unknown>;

/**
 * The pod spec inside a workload (pods, pod templates of deployments, replica sets, stateful
 * sets, daemon sets, replication controllers, jobs, and cron jobs' job templates), or undefined.
 */
export function podSpecOf(obj: KubeObject): Obj | undefined {
  const kind = obj.kind ?? '';
  const spec = obj.spec as Obj | undefined;
  if (!spec) return undefined;
  if (kind === 'Pod') return spec;
  if (kind === 'CronJob') {
    const job = spec.jobTemplate as Obj | undefined;
    return ((job?.spec as Obj | undefined)?.template as Obj | undefined)?.spec as Obj | undefined;
  }
  return (spec.template as Obj | undefined)?.spec as Obj | undefined;
}

/** kubectl's `kind.group "name"` for messages (deployments.apps "web"). */
export function resourceName(info: Info): string {
  const r = info.mapping.resource;
  return `${r.group ? `${r.resource}.${r.group}` : r.resource} "${info.name}"`;
}
