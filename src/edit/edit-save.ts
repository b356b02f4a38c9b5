/**
 * What each edit mode does with the saved objects (kubectl's visitToPatch,
 * visitToApplyEditPatch and visitToCreate). Edited objects are matched to the originals by
 * uid; an unchanged one is printed as `skipped`.
 */
import {
  checkPreconditions,
  createMergePatch,
  createTwoWayMergePatch,
  PatchPreconditionError,
  requireKeyUnchanged,
  requireMetadataKeyUnchanged,
} from '../api/patch/index.js';
import { postObject } from '../apply/create-objects.js';
import type { OperationPrinter } from '../apply/operation-printer.js';
import type { PatchMetaSource } from '../apply/patch-meta-source.js';
import type { ClientContext } from '../client/index.js';
import { resourcePath } from '../client/mapper.js';
import { goJson } from '../printers/json/go-json.js';
import type { Info, KubeObject } from '../resource/info.js';
import type { EditResults } from './edit-results.js';
import type { Writer } from './edit-session.js';
import { lastAppliedPatch } from './last-applied-patch.js';

export interface SaveContext {
  ctx: ClientContext;
  metas: PatchMetaSource;
  /** The printer for an operation (`edited`, `skipped`, `created`). */
  printer(operation: string): OperationPrinter;
  out: Writer;
  errOut: Writer;
  fieldManager: string;
  validation: 'Strict' | 'Warn' | 'Ignore';
  /** --subresource (only `status`). */
  subresource?: string;
  /** --output-patch */
  outputPatch?: boolean;
}

const PRECONDITIONS = [
  requireKeyUnchanged('apiVersion'),
  requireKeyUnchanged('kind'),
  requireMetadataKeyUnchanged('name'),
  requireKeyUnchanged('managedFields'),
];

const CHANGED_IDENTITY = 'At least one of apiVersion, kind and name was changed';

const uidOf = (o: KubeObject | undefined) => (o?.metadata as { uid?: string } | undefined)?.uid ?? '';

/** The original with the same uid (kubectl compares uids, so objects without one match the first such). */
function originalFor(originals: Info[], edited: Info): Info {
  const uid = uidOf(edited.object);
  const hit = originals.find((i) => uidOf(i.object) === uid);
  if (!hit) throw new Error(`no original object found for ${goJson(edited.object)}`);
  return hit;
}

async function print(s: SaveContext, operation: string, info: Info, obj: unknown): Promise<void> {
  await s.printer(operation).print(obj, s.out, { group: info.mapping.gvk.group, kind: info.mapping.gvk.kind });
}

function mutationQuery(s: SaveContext): Record<string, string> {
  return { fieldManager: s.fieldManager, fieldValidation: s.validation };
}

/** The two-way patch from the original to the edited object, and its content type. */
export async function editPatch(
  metas: PatchMetaSource,
  info: Info,
  original: KubeObject,
  edited: KubeObject,
): Promise<{ patch: string; contentType: string }> {
  const meta = await metas.metaFor(info.mapping.gvk);
  try {
    if (meta) {
      const p = createTwoWayMergePatch(original, edited, meta, PRECONDITIONS);
      return { patch: goJson(p), contentType: 'application/strategic-merge-patch+json' };
    }
    const p = createMergePatch(original, edited);
    checkPreconditions(p, PRECONDITIONS);
    return { patch: goJson(p), contentType: 'application/merge-patch+json' };
  } catch (e) {
    if (e instanceof PatchPreconditionError) throw new Error(CHANGED_IDENTITY);
    throw e;
  }
}

/** `kubectl edit`: PATCH each changed object; server errors are recorded in `results`. */
export async function patchEdited(s: SaveContext, originals: Info[], edited: Info[], results: EditResults) {
  for (const info of edited) {
    const orig = originalFor(originals, info);
    const before = orig.object ?? {};
    const after = info.object ?? {};
    if (goJson(before) === goJson(after)) {
      await print(s, 'skipped', info, after);
      continue;
    }
    const { patch, contentType } = await editPatch(s.metas, info, before, after);
    if (s.outputPatch) s.out.write(`Patch: ${patch}\n`);
    let patched: KubeObject;
    try {
      patched = await s.ctx.rest.json<KubeObject>({
        method: 'PATCH',
        path: resourcePath(info.mapping, info.namespace, info.name, s.subresource),
        query: mutationQuery(s),
        body: Buffer.from(patch),
        contentType,
      });
    } catch (e) {
      s.errOut.write(`${results.addError(e, info)}\n`);
      continue;
    }
    await print(s, 'edited', info, patched);
  }
}

/**
 * `kubectl apply edit-last-applied`: the edited configuration becomes the annotation of the
 * live object (a JSON merge patch in the command's namespace). Errors end the edit.
 */
export async function patchLastApplied(s: SaveContext, originals: Info[], edited: Info[]) {
  for (const info of edited) {
    const orig = originalFor(originals, info);
    const after = info.object ?? {};
    if (goJson(orig.object ?? {}) === goJson(after)) {
      await print(s, 'skipped', info, after);
      continue;
    }
    await s.ctx.rest.json<KubeObject>({
      method: 'PATCH',
      path: resourcePath(info.mapping, s.ctx.namespace, info.name),
      query: mutationQuery(s),
      body: Buffer.from(lastAppliedPatch(after)),
      contentType: 'application/merge-patch+json',
    });
    await print(s, 'edited', info, after);
  }
}

/** `kubectl create --edit`: POST each edited object; the first error ends the edit. */
export async function createEdited(s: SaveContext, edited: Info[]) {
  for (const info of edited) {
    const created = await postObject(s.ctx, info, info.object ?? {}, mutationQuery(s));
    await print(s, 'created', info, created);
  }
}
