/**
 * `kubectl apply` without --server-side (applyOneObject + patcher): objects that don't exist are
 * created carrying the last-applied annotation; existing ones get a three-way patch computed from
 * the annotation (original), the new configuration with its annotation (modified) and the live
 * object (current): a strategic merge patch for built-in kinds, a JSON merge patch for the rest.
 * A `{}` patch is not sent and the object is `unchanged`. Conflicts (409) refetch and retry.
 */

import { createThreeWayJsonMergePatch, createThreeWayMergePatch } from '../api/patch/index.js';
import { StatusError } from '../api/status.js';
import type { ClientContext } from '../client/index.js';
import { resourcePath } from '../client/mapper.js';
import type { Info, KubeObject } from '../resource/info.js';
import { type DryRunStrategy, dryRunQuery } from './dry-run.js';
import { getLastApplied, LAST_APPLIED, withLastApplied } from './last-applied.js';
import type { PatchMetaSource } from './patch-meta-source.js';
import { addSourceToErr, infoString } from './source-error.js';

export const CLIENT_SIDE_APPLY_MANAGER = 'kubectl-client-side-apply';
const MAX_PATCH_RETRY = 5;

export interface ApplyOneOptions {
  ctx: ClientContext;
  metas: PatchMetaSource;
  dryRun: DryRunStrategy;
  validation: 'Strict' | 'Warn' | 'Ignore';
  fieldManager?: string;
  overwrite?: boolean;
  /** Where kubectl's missing-annotation warning goes. */
  errOut: { write(s: string): unknown };
  sleep?: (ms: number) => Promise<void>;
}

export type ApplyOperation = 'created' | 'configured' | 'unchanged';

export interface ApplyOneResult {
  operation: ApplyOperation;
  object: KubeObject;
  patch?: string;
}

const isNotFound = (e: unknown) => e instanceof StatusError && e.code === 404;
const isConflict = (e: unknown) => e instanceof StatusError && e.code === 409 && e.reason === 'Conflict';

/** kubectl's info.ObjectName(): `resource[.group]/name`. */
export function objectName(info: Info): string {
  const r = info.mapping.resource;
  return `${r.group ? `${r.resource}.${r.group}` : r.resource}/${info.name}`;
}

/** The three-way patch body and its content type for one object. */
export async function computeApplyPatch(
  metas: PatchMetaSource,
  info: Info,
  modified: KubeObject,
  current: KubeObject,
  overwrite = true,
): Promise<{ patch: Record<string, unknown>; contentType: string }> {
  const originalText = getLastApplied(current as Record<string, unknown>);
  const original = originalText ? (JSON.parse(originalText) as unknown) : undefined;
  const meta = await metas.metaFor(info.mapping.gvk);
  if (meta) {
    return {
      patch: createThreeWayMergePatch(original, modified, current, meta, overwrite) as Record<string, unknown>,
      contentType: 'application/strategic-merge-patch+json',
    };
  }
  return {
    patch: createThreeWayJsonMergePatch(original, modified, current) as Record<string, unknown>,
    contentType: 'application/merge-patch+json',
  };
}

/** Applies one object from the builder; throws kubectl's errors (with the source file). */
export async function applyOne(info: Info, o: ApplyOneOptions): Promise<ApplyOneResult> {
  const { ctx } = o;
  const path = resourcePath(info.mapping, info.namespace, info.name);
  const manager = o.fieldManager || CLIENT_SIDE_APPLY_MANAGER;
  const baseQuery = { ...dryRunQuery(o.dryRun), fieldManager: manager, fieldValidation: o.validation };
  const modified = withLastApplied(info.object as Record<string, unknown>) as KubeObject;
  let current: KubeObject;
  try {
    current = await ctx.rest.json<KubeObject>({ path });
  } catch (e) {
    if (!isNotFound(e)) throw addSourceToErr('retrieving current configuration of', info.source, e);
    if (o.dryRun === 'client') return { operation: 'created', object: modified };
    const meta = { ...(modified.metadata ?? {}) };
    delete meta.resourceVersion;
    try {
      const created = await ctx.rest.json<KubeObject>({
        method: 'POST',
        path: resourcePath(info.mapping, info.namespace),
        query: baseQuery,
        body: { ...modified, metadata: meta },
      });
      return { operation: 'created', object: created };
    } catch (err) {
      throw addSourceToErr('creating', info.source, err);
    }
  }
  if (o.dryRun === 'client') return { operation: 'configured', object: current };
  if (getLastApplied(current as Record<string, unknown>) === undefined) {
    o.errOut.write(
      `Warning: resource ${objectName(info)} is missing the ${LAST_APPLIED} annotation which is required by kubectl apply. kubectl apply should only be used on resources created declaratively by either kubectl create --save-config or kubectl apply. The missing annotation will be patched automatically.\n`,
    );
  }
  const sleep = o.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  for (let attempt = 1; ; attempt++) {
    const { patch, contentType } = await computeApplyPatch(o.metas, info, modified, current, o.overwrite ?? true);
    const text = JSON.stringify(patch);
    if (text === '{}') return { operation: 'unchanged', object: current, patch: text };
    try {
      const patched = await ctx.rest.json<KubeObject>({
        method: 'PATCH',
        path,
        query: baseQuery,
        body: Buffer.from(text),
        contentType,
      });
      return { operation: 'configured', object: patched, patch: text };
    } catch (e) {
      if (!isConflict(e) || attempt >= MAX_PATCH_RETRY) {
        throw addSourceToErr(`applying patch:\n${text}\nto:\n${infoString(info)}\nfor:`, info.source, e);
      }
      if (attempt > 1) await sleep(1000);
      current = await ctx.rest.json<KubeObject>({ path });
    }
  }
}
