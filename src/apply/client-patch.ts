/**
 * kubectl's "patch calculation" step, shared by `set ...` and `rollout pause|resume|restart`: the
 * two-way patch between an object as read and the copy the client changed, and the PATCH that
 * sends it.
 */
import { createMergePatch, createTwoWayMergePatch } from '../api/patch/index.js';
import type { ClientContext } from '../client/index.js';
import { resourcePath } from '../client/mapper.js';
import type { Info, KubeObject } from '../resource/info.js';
import { type DryRunStrategy, dryRunQuery } from './dry-run.js';
import type { PatchMetaSource } from './patch-meta-source.js';

export interface ClientPatch {
  /** The JSON text of the patch; `{}` when nothing changed. */
  text: string;
  contentType: 'application/strategic-merge-patch+json' | 'application/merge-patch+json';
}

/**
 * The patch from `before` to `after`: a strategic merge patch when the type has patch metadata
 * (built-in kinds), else a JSON merge patch (custom resources, whose lists are replaced whole).
 */
export async function twoWayPatch(
  metas: PatchMetaSource,
  info: Info,
  before: KubeObject,
  after: KubeObject,
): Promise<ClientPatch> {
  const meta = await metas.metaFor(info.mapping.gvk);
  const patch = meta ? createTwoWayMergePatch(before, after, meta) : createMergePatch(before, after);
  return {
    text: JSON.stringify(patch),
    contentType: meta ? 'application/strategic-merge-patch+json' : 'application/merge-patch+json',
  };
}

/**
 * PATCHes the object of `info` and resolves to what the server stored (or would store, with
 * --dry-run=server). An empty `fieldManager` is left out of the query. Server errors are thrown
 * as the client raised them.
 */
export function sendPatch(
  ctx: ClientContext,
  info: Info,
  patch: ClientPatch,
  dryRun: DryRunStrategy,
  fieldManager: string | undefined,
): Promise<KubeObject> {
  const query: Record<string, string> = { ...dryRunQuery(dryRun) };
  if (fieldManager) query.fieldManager = fieldManager;
  return ctx.rest.json<KubeObject>({
    method: 'PATCH',
    path: resourcePath(info.mapping, info.namespace, info.name),
    query,
    body: Buffer.from(patch.text),
    contentType: patch.contentType,
  });
}
