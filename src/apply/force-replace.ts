/**
 * `kubectl apply --force` (the Patcher's deleteAndCreate): when the three-way patch of an
 * existing object still fails with Conflict (after the usual retries) or Invalid (an immutable
 * field changed), the object is deleted with the --cascade/--grace-period options, looked up
 * once a second until it is gone, and created again from the new configuration (last-applied
 * annotation included). If that create fails, the old object is put back and the create's
 * error is still reported. The line printed is `configured`.
 *
 * The wait is bounded by --timeout with a context deadline of exactly that long (kubectl v1.35),
 * so the default 0 means one look only: an object that does not vanish at once (finalizers,
 * orphaning) fails with `context deadline exceeded`.
 *
 * apply's --wait is accepted and, as in kubectl v1.35, changes nothing: neither the forced
 * replacement nor --prune waits on it.
 */
import { isConflict, isInvalid, isNotFound, StatusError } from '../api/status.js';
import type { ClientContext } from '../client/index.js';
import { resourcePath } from '../client/mapper.js';
import { goJson, goJsonString } from '../printers/json/go-json.js';
import type { Info, KubeObject } from '../resource/info.js';
import { type ApplyOneOptions, type ApplyOneResult, applyOne, CLIENT_SIDE_APPLY_MANAGER } from './client-side-apply.js';
import { postObject } from './create-objects.js';
import type { Cascade } from './delete-objects.js';
import { dryRunQuery } from './dry-run.js';
import { withLastApplied } from './last-applied.js';
import { infoString } from './source-error.js';

export interface ForceOptions {
  cascade: Cascade;
  /** -1 leaves the grace period to the server (kubectl does not turn --force into 0 here). */
  gracePeriod: number;
  /** --timeout in ms: how long to wait for the deleted object to go (0: one look only). */
  timeoutMs: number;
  /** Injected in tests; a real 1 s pause otherwise. */
  sleep?: (ms: number) => Promise<void>;
  now?: () => number;
}

const POLICY: Record<Cascade, string> = { background: 'Background', foreground: 'Foreground', orphan: 'Orphan' };
const POLL_INTERVAL_MS = 1000;

/**
 * kubectl's AddSourceToErr around a failed forced replacement: the text shown is the modified
 * configuration (kubectl returns it in place of the patch). API errors keep their Status (so
 * Invalid still prints its causes); other errors become plain errors with the same prefix.
 */
function forceError(info: Info, modifiedText: string, err: unknown): Error {
  const verb = `applying patch:\n${modifiedText}\nto:\n${infoString(info)}\nfor:`;
  const e = err instanceof Error ? err : new Error(String(err));
  if (!info.source) return e;
  const prefix = `error when ${verb} ${goJsonString(info.source)}: `;
  if (e instanceof StatusError) return new StatusError({ ...e.status, message: prefix + (e.status.message ?? '') });
  return new Error(prefix + e.message);
}

/**
 * Deletes the live object, waits until it is gone, creates `modified`; on a failed create,
 * re-creates `original`. Throws the delete/wait/create error (raw; the caller adds the source).
 */
export async function deleteAndCreate(
  ctx: ClientContext,
  info: Info,
  modified: KubeObject,
  original: KubeObject,
  query: Record<string, string>,
  force: ForceOptions,
): Promise<KubeObject> {
  const path = resourcePath(info.mapping, info.namespace, info.name);
  const body: Record<string, unknown> = { kind: 'DeleteOptions', apiVersion: 'v1' };
  if (force.gracePeriod >= 0) body.gracePeriodSeconds = force.gracePeriod;
  body.propagationPolicy = POLICY[force.cascade];
  await ctx.rest.json({ method: 'DELETE', path, body });
  await waitGone(ctx, path, force);
  // kubectl's Helper.Create(modify=true) drops the resourceVersion before posting.
  const create = (obj: KubeObject) => postObject(ctx, info, obj, query);
  try {
    return await create(modified);
  } catch (err) {
    try {
      await create(original);
    } catch (restoreErr) {
      throw new Error(
        `An error occurred force-replacing the existing object with the newly provided one:\n\n${(err as Error).message}.\n\nAdditionally, an error occurred attempting to restore the original object:\n\n${(restoreErr as Error).message}`,
      );
    }
    throw err;
  }
}

/**
 * wait.PollUntilContextTimeout(1s, timeout, immediate): look now, then once a second until the
 * deadline; an expired deadline is Go's context error text.
 */
async function waitGone(ctx: ClientContext, path: string, force: ForceOptions): Promise<void> {
  const sleep = force.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const now = force.now ?? Date.now;
  const deadline = now() + Math.max(0, force.timeoutMs);
  for (;;) {
    try {
      await ctx.rest.json({ path });
    } catch (e) {
      if (isNotFound(e)) return;
      throw e;
    }
    const left = deadline - now();
    if (left <= 0) throw new Error('context deadline exceeded');
    await sleep(Math.min(POLL_INTERVAL_MS, left));
  }
}

/**
 * applyOne, then kubectl's --force fallback when the patch of an existing object failed with
 * Conflict or Invalid. A failure while creating a missing object is never forced: the object
 * still being absent tells the two apart.
 */
export async function applyOneForced(info: Info, o: ApplyOneOptions, force: ForceOptions): Promise<ApplyOneResult> {
  try {
    return await applyOne(info, o);
  } catch (e) {
    if (!isConflict(e) && !isInvalid(e)) throw e;
    const path = resourcePath(info.mapping, info.namespace, info.name);
    let current: KubeObject;
    try {
      current = await o.ctx.rest.json<KubeObject>({ path });
    } catch {
      throw e;
    }
    const modified = withLastApplied(info.object as Record<string, unknown>) as KubeObject;
    const modifiedText = `${goJson(modified)}\n`;
    const query = {
      ...dryRunQuery(o.dryRun),
      fieldManager: o.fieldManager || CLIENT_SIDE_APPLY_MANAGER,
      fieldValidation: o.validation,
    };
    try {
      const object = await deleteAndCreate(o.ctx, info, modified, current, query, force);
      return { operation: 'configured', object, patch: modifiedText };
    } catch (err) {
      throw forceError(info, modifiedText, err);
    }
  }
}
