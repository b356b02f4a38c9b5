/**
 * `kubectl patch`: the patch text (JSON or YAML, from -p or --patch-file) is sent as a strategic
 * merge (default), JSON merge or JSON patch to each object or its subresource; the line says
 * `patched` or `patched (no change)` depending on whether the object came back different from
 * what was read. --dry-run=client applies the patch locally instead. kubectl adds no dry-run
 * suffix to patch's lines.
 */
import { readFileSync } from 'node:fs';
import { load } from 'js-yaml';
import { applyJsonPatch, applyMergePatch, applyStrategicMergePatch, NO_PATCH_META } from '../api/patch/index.js';
import type { ClientContext } from '../client/index.js';
import { resourcePath } from '../client/mapper.js';
import type { Output, PrintFlags } from '../printers/index.js';
import { goJson } from '../printers/json/go-json.js';
import { buildResources } from '../resource/builder.js';
import type { KubeObject } from '../resource/info.js';
import { AggregateResultError, aggregate } from '../resource/result.js';
import { type DryRunStrategy, dryRunQuery } from './dry-run.js';
import { readLocalObjects } from './local-objects.js';
import { operationPrinter } from './operation-printer.js';
import { PatchMetaSource, usesStrategicMerge } from './patch-meta-source.js';
import { addSourceToErr } from './source-error.js';

export type PatchType = 'strategic' | 'merge' | 'json';

const CONTENT_TYPE: Record<PatchType, string> = {
  strategic: 'application/strategic-merge-patch+json',
  merge: 'application/merge-patch+json',
  json: 'application/json-patch+json',
};

export function parsePatchType(t: string | undefined): PatchType {
  const v = (t ?? 'strategic').toLowerCase();
  if (v === 'strategic' || v === 'merge' || v === 'json') return v;
  throw new Error(`--type must be one of [json merge strategic], not "${t}"`);
}

/** The patch as JSON text: kubectl converts YAML to JSON before sending. */
export function patchText(patch: string | undefined, patchFile: string | undefined): string {
  if (patch && patchFile) throw new Error('--patch and --patch-file are mutually exclusive');
  let text = patch;
  if (patchFile) {
    try {
      text = readFileSync(patchFile, 'utf8');
    } catch {
      throw new Error(`unable to read patch file: open ${patchFile}: no such file or directory`);
    }
  }
  if (!text) throw new Error('must specify --patch or --patch-file containing the contents of the patch');
  const trimmed = text.trim();
  if (trimmed.startsWith('{') || trimmed.startsWith('[')) {
    try {
      return JSON.stringify(JSON.parse(trimmed));
    } catch {
      // not JSON: fall through to YAML, as sigs.k8s.io/yaml.ToJSON does
    }
  }
  let v: unknown;
  try {
    v = load(text);
  } catch (e) {
    throw new Error(`unable to parse "${text}": ${(e as Error).message}`);
  }
  return JSON.stringify(v ?? null);
}

export interface PatchRequest {
  ctx: ClientContext;
  args: string[];
  filenames?: string[];
  recursive?: boolean;
  type: PatchType;
  patch: string;
  subresource?: string;
  dryRun: DryRunStrategy;
  fieldManager: string;
  print: PrintFlags;
  out: Output;
}

export async function runPatch(req: PatchRequest): Promise<void> {
  const { ctx } = req;
  const printerFor = (op: string) => operationPrinter(req.print, op, 'none');
  printerFor('patched');
  const result = await buildResources({
    mapper: ctx.mapper,
    client: ctx.rest,
    args: req.args,
    filenames: req.filenames,
    recursive: req.recursive,
    namespace: ctx.namespace,
    allowEmptySelector: false,
    latest: true,
    continueOnError: true,
    requireNamespace: ctx.explicitNamespace && (req.filenames?.length ?? 0) > 0,
  });
  if (result.err) throw result.err;
  const metas = new PatchMetaSource(ctx.rest);
  const errors: Error[] = [];
  let count = 0;
  await result
    .visit(async (info) => {
      count++;
      const path = resourcePath(info.mapping, info.namespace, info.name, req.subresource);
      let before = info.object as KubeObject;
      if (req.subresource) before = await ctx.rest.json<KubeObject>({ path });
      let after: KubeObject;
      if (req.dryRun === 'client') {
        const patch = JSON.parse(req.patch) as unknown;
        if (req.type === 'json') after = applyJsonPatch(before, patch) as KubeObject;
        else if (req.type === 'merge') after = applyMergePatch(before, patch) as KubeObject;
        else {
          const meta = await metas.metaFor(info.mapping.gvk);
          if (!meta) throw new Error('strategic merge patch is not supported for this type; use --type=merge');
          after = applyStrategicMergePatch(before, patch, meta) as KubeObject;
        }
      } else {
        const query: Record<string, string> = { ...dryRunQuery(req.dryRun) };
        if (req.fieldManager) query.fieldManager = req.fieldManager;
        try {
          after = await ctx.rest.json<KubeObject>({
            method: 'PATCH',
            path,
            query,
            body: Buffer.from(req.patch),
            contentType: CONTENT_TYPE[req.type],
          });
        } catch (e) {
          errors.push(addSourceToErr('patching', info.source, e));
          return;
        }
      }
      const changed = goJson(before) !== goJson(after);
      await printerFor(changed ? 'patched' : 'patched (no change)').print(after, req.out, {
        group: info.mapping.gvk.group,
        kind: info.mapping.gvk.kind,
      });
    })
    .catch((e: Error) => {
      if (e instanceof AggregateResultError) errors.push(...e.errors);
      else errors.push(e);
    });
  const err = aggregate(errors);
  if (err) throw err;
  if (count === 0) throw new Error('no objects passed to patch');
}

export interface LocalPatchRequest {
  filenames: string[];
  recursive?: boolean;
  /** Only when -n was given. */
  namespace?: string;
  type: PatchType;
  patch: string;
  print: PrintFlags;
  out: Output;
  stdin?: AsyncIterable<Buffer | string>;
}

/**
 * `patch --local`: applies the patch to each object of the -f files in memory and prints the
 * result; the server is never contacted. A strategic merge patch needs a kind kubectl has
 * compiled in (kubectl's `try --type merge` error otherwise); its merge keys come from the
 * built-in catalog, as kubectl's come from its compiled-in types.
 */
export async function runLocalPatch(req: LocalPatchRequest): Promise<void> {
  const { items } = await readLocalObjects(req);
  const patch = JSON.parse(req.patch) as unknown;
  const errors: Error[] = [];
  const builtinMeta = PatchMetaSource.builtin();
  let count = 0;
  for (const item of items) {
    if (item instanceof Error) {
      errors.push(item);
      continue;
    }
    count++;
    const before = item.object;
    let after: KubeObject;
    try {
      if (req.type === 'json') after = applyJsonPatch(before, patch) as KubeObject;
      else if (req.type === 'merge') after = applyMergePatch(before, patch) as KubeObject;
      else {
        if (!usesStrategicMerge(item)) {
          const gvk = `${item.group}/${item.version}, Kind=${item.kind}`;
          throw new Error(`strategic merge patch is not supported for ${gvk} locally, try --type merge`);
        }
        const meta = await builtinMeta.metaFor(item);
        after = applyStrategicMergePatch(before, patch, meta ?? NO_PATCH_META) as KubeObject;
      }
    } catch (e) {
      errors.push(e as Error);
      continue;
    }
    const op = goJson(before) !== goJson(after) ? 'patched' : 'patched (no change)';
    // kubectl builds the printer per object, so a bad -o is one error per object.
    try {
      await operationPrinter(req.print, op, 'none').print(after, req.out, { group: item.group, kind: item.kind });
    } catch (e) {
      errors.push(e as Error);
    }
  }
  const err = aggregate(errors);
  if (err) throw err;
  if (count === 0) throw new Error('no objects passed to patch');
}
