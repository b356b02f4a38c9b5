/**
 * `kubectl delete` (DeleteOptions.RunDelete): one DELETE per object with kubectl's
 * DeleteOptions body (propagation policy, grace period, dryRun), a `kind "name" deleted from ns
 * namespace` line per object, then (with --wait, the default) waiting until every deleted
 * object is gone or was replaced by one with another UID.
 */
import { StatusError } from '../api/status.js';
import { countLine, createProgress, noProgress, type Progress, pendingLine } from '../cli/progress.js';
import type { ClientContext } from '../client/index.js';
import { resourcePath } from '../client/mapper.js';
import type { Output } from '../printers/index.js';
import { buildResources } from '../resource/builder.js';
import type { Info } from '../resource/info.js';
import { AggregateResultError } from '../resource/result.js';
import { type DryRunStrategy, dryRunSuffix } from './dry-run.js';
import { throwCollected } from './object-selection.js';
import { addSourceToErr } from './source-error.js';

export type Cascade = 'background' | 'foreground' | 'orphan';

export interface DeleteRequest {
  ctx: ClientContext;
  args: string[];
  filenames?: string[];
  recursive?: boolean;
  selector?: string;
  fieldSelector?: string;
  all?: boolean;
  allNamespaces?: boolean;
  cascade: Cascade;
  /** After kubectl's --now/--force/0 adjustments; -1 = the object's default. */
  gracePeriod: number;
  ignoreNotFound?: boolean;
  wait: boolean;
  /** --timeout in ms; 0 = a week, as kubectl. */
  timeoutMs: number;
  dryRun: DryRunStrategy;
  output?: string;
  out: Output;
  errOut: Output;
  sleep?: (ms: number) => Promise<void>;
  /**
   * The TTY progress line (`deleting 3/10 objects...`). Default: one on process.stderr when
   * errOut is process.stderr (it draws only if that is a terminal), else none.
   */
  progress?: Progress;
}

const POLICY: Record<Cascade, string> = { background: 'Background', foreground: 'Foreground', orphan: 'Orphan' };

/** --cascade: true/false are kubectl's deprecated spellings of background/orphan. */
export function parseCascade(v: string | undefined): Cascade {
  const s = (v ?? 'background').toLowerCase();
  if (s === 'background' || s === 'true') return 'background';
  if (s === 'foreground') return 'foreground';
  if (s === 'orphan' || s === 'false') return 'orphan';
  throw new Error(`invalid cascade value (${v}). Must be "background", "foreground", or "orphan"`);
}

/** kubectl's grace-period rules: --now = 1, 0 without --force = 1, --force with no period = 0. */
export function effectiveGracePeriod(gracePeriod: number, now: boolean, force: boolean): number {
  let g = gracePeriod;
  if (now) {
    if (g !== -1) throw new Error('--now and --grace-period cannot be specified together');
    g = 1;
  }
  if (g === 0 && !force) g = 1;
  if (force && g < 0) g = 0;
  return g;
}

function kindString(info: Info): string {
  const { group, kind } = info.mapping.gvk;
  return group ? `${kind.toLowerCase()}.${group}` : kind.toLowerCase();
}

function deletedLine(info: Info, req: DeleteRequest): string {
  if (req.output === 'name') return `${kindString(info)}/${info.name}\n`;
  const op = req.gracePeriod === 0 ? 'force deleted' : 'deleted';
  const where = info.mapping.namespaced ? ` from ${info.namespace} namespace` : '';
  return `${kindString(info)} "${info.name}" ${op}${where}${dryRunSuffix(req.dryRun)}\n`;
}

const isNotFound = (e: unknown) => e instanceof StatusError && e.code === 404;

export async function runDelete(req: DeleteRequest): Promise<void> {
  const progress = req.progress ?? (req.errOut === process.stderr ? createProgress() : noProgress());
  try {
    await deleteAll(req, progress);
  } finally {
    progress.done();
  }
}

async function deleteAll(req: DeleteRequest, progress: Progress): Promise<void> {
  const { ctx } = req;
  if (req.all && req.selector) throw new Error('cannot set --all and --selector at the same time');
  if (req.all && req.fieldSelector) throw new Error('cannot set --all and --field-selector at the same time');
  const result = await buildResources({
    mapper: ctx.mapper,
    client: ctx.rest,
    args: req.args,
    filenames: req.filenames,
    recursive: req.recursive,
    namespace: ctx.namespace,
    allNamespaces: req.allNamespaces,
    labelSelector: req.selector,
    fieldSelector: req.fieldSelector,
    selectAll: req.all,
    allowEmptySelector: false,
    continueOnError: true,
    requireNamespace: ctx.explicitNamespace && (req.filenames?.length ?? 0) > 0,
    requireObject: false,
  });
  if (result.err) throw result.err;
  const errors: Error[] = [];
  const deleted: { info: Info; uid?: string }[] = [];
  let found = 0;
  let warnClusterScope = ctx.explicitNamespace && !req.allNamespaces;
  // The line needs the total, so on a terminal everything is read first; piped runs keep the
  // streaming visit (and its exact interleaving). Errors still surface in the visit below.
  const total = progress.active
    ? await result.settle().then(
        (r) => r.infos.length,
        () => 0,
      )
    : 0;
  await result
    .visit(async (info) => {
      found++;
      if (total > 1) progress.update(countLine('deleting', found, total));
      if (warnClusterScope && !info.mapping.namespaced) {
        req.errOut.write('warning: deleting cluster-scoped resources, not scoped to the provided namespace\n');
        warnClusterScope = false;
      }
      if (req.dryRun === 'client') {
        req.out.write(deletedLine(info, req));
        return;
      }
      const body: Record<string, unknown> = { kind: 'DeleteOptions', apiVersion: 'v1' };
      if (req.gracePeriod >= 0) body.gracePeriodSeconds = req.gracePeriod;
      body.propagationPolicy = POLICY[req.cascade];
      if (req.dryRun === 'server') body.dryRun = ['All'];
      let response: Record<string, unknown>;
      try {
        response = await ctx.rest.json<Record<string, unknown>>({
          method: 'DELETE',
          path: resourcePath(info.mapping, info.namespace, info.name),
          query: req.dryRun === 'server' ? { dryRun: 'All' } : {},
          body,
        });
      } catch (e) {
        if (req.ignoreNotFound && isNotFound(e)) return;
        errors.push(addSourceToErr('deleting', info.source, e));
        return;
      }
      req.out.write(deletedLine(info, req));
      const meta = (response.kind === 'Status' ? (response.details as Record<string, unknown>) : response.metadata) as
        | { uid?: string }
        | undefined;
      deleted.push({ info, uid: meta?.uid });
    })
    .catch((e: Error) => {
      for (const one of e instanceof AggregateResultError ? e.errors : [e]) {
        if (req.ignoreNotFound && isNotFound(one)) continue;
        errors.push(one);
      }
    });
  if (found === 0 && errors.length === 0) {
    req.out.write('No resources found\n');
    return;
  }
  if (req.wait && req.dryRun === 'none' && deleted.length > 0) {
    const onPending = (pending: number, all: number) => {
      if (all > 1) progress.update(pendingLine(pending, all, 'objects to be deleted'));
    };
    await waitForDeletion(ctx, deleted, req.timeoutMs || 7 * 24 * 3600 * 1000, req.sleep, onPending).catch((e: Error) =>
      errors.push(e),
    );
  }
  throwCollected(errors);
}

/**
 * Polls until each object is gone (404) or has a different UID; kubectl's wait error on timeout.
 * `onPending` hears how many are still there before each poll (for the progress line).
 */
export async function waitForDeletion(
  ctx: ClientContext,
  items: { info: Info; uid?: string }[],
  timeoutMs: number,
  sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms)),
  onPending?: (pending: number, total: number) => void,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  const pending = [...items];
  while (pending.length > 0) {
    onPending?.(pending.length, items.length);
    const { info, uid } = pending[0]!;
    try {
      const live = await ctx.rest.json<{ metadata?: { uid?: string } }>({
        path: resourcePath(info.mapping, info.namespace, info.name),
      });
      if (uid && live.metadata?.uid && live.metadata.uid !== uid) pending.shift();
    } catch (e) {
      if (!isNotFound(e)) throw e;
      pending.shift();
      continue;
    }
    if (pending.length === 0) break;
    if (Date.now() >= deadline) {
      const r = info.mapping.resource;
      throw new Error(
        `timed out waiting for the condition on ${r.group ? `${r.resource}.${r.group}` : r.resource}/${info.name}`,
      );
    }
    await sleep(200);
  }
}
