/**
 * The three ways kubectl opens the editor (EditOptions.Run): `edit` (the live objects, all in
 * one file), `apply edit-last-applied` (the last-applied configurations, in one file) and
 * `create --edit` (each manifest object in its own session before it is created).
 */
import { getLastApplied, withLastApplied } from '../apply/last-applied.js';
import { operationPrinter } from '../apply/operation-printer.js';
import { PatchMetaSource } from '../apply/patch-meta-source.js';
import type { ClientContext } from '../client/index.js';
import { resourcePath } from '../client/mapper.js';
import type { PrintFlags } from '../printers/index.js';
import { buildResources } from '../resource/builder.js';
import type { Info, KubeObject } from '../resource/info.js';
import type { EditMode } from './edit-file.js';
import { createEdited, patchEdited, patchLastApplied, type SaveContext } from './edit-save.js';
import { type EditFormat, parseEdited, runEditSession, type Writer } from './edit-session.js';
import { editorCommand } from './editor-launch.js';

export const SUPPORTED_SUBRESOURCES = ['status', 'scale'];

export interface EditRequest {
  ctx: ClientContext;
  args?: string[];
  filenames?: string[];
  recursive?: boolean;
  /** -o and the template flags: pick the file format (json, yaml, kyaml) and the result printer. */
  print: PrintFlags;
  windowsLineEndings?: boolean;
  /** --save-config */
  saveConfig?: boolean;
  fieldManager: string;
  validation: 'Strict' | 'Warn' | 'Ignore';
  subresource?: string;
  outputPatch?: boolean;
  out: Writer;
  errOut: Writer;
}

const EDIT_FORMATS = new Set(['json', 'yaml', 'kyaml']);

/**
 * The editor's file format from -o (default yaml). Only the JSON/YAML printers can write the
 * file, so anything else is kubectl's printer error.
 */
export function editFormat(print: PrintFlags): EditFormat {
  const o = print.output ?? '';
  if (o === '') return 'yaml';
  if (EDIT_FORMATS.has(o)) return o as EditFormat;
  throw new Error(
    `unable to match a printer suitable for the output format "${o}", allowed formats are: json,kyaml,yaml`,
  );
}

function saveContext(req: EditRequest): SaveContext {
  return {
    ctx: req.ctx,
    metas: new PatchMetaSource(req.ctx.rest),
    printer: (op) => operationPrinter(req.print, op, 'none'),
    out: req.out,
    errOut: req.errOut,
    fieldManager: req.fieldManager,
    validation: req.validation,
    subresource: req.subresource,
    outputPatch: req.outputPatch,
  };
}

function session(req: EditRequest, mode: EditMode, format: EditFormat) {
  return {
    ctx: req.ctx,
    mode,
    format,
    windowsLineEndings: req.windowsLineEndings ?? false,
    validation: req.validation,
    editor: editorCommand(),
    filePrefix: 'kctl-edit-',
    applyAnnotation: (o: KubeObject) => (req.saveConfig ? (withLastApplied(o) as KubeObject) : o),
    out: req.out,
    errOut: req.errOut,
  };
}

/** The live objects named by arguments or files (`latest`), errors thrown together. */
async function liveInfos(req: EditRequest): Promise<Info[]> {
  const { ctx } = req;
  const result = await buildResources({
    mapper: ctx.mapper,
    client: ctx.rest,
    args: req.args ?? [],
    filenames: req.filenames,
    recursive: req.recursive,
    namespace: ctx.namespace,
    latest: true,
    continueOnError: true,
    requireNamespace: ctx.explicitNamespace && (req.filenames?.length ?? 0) > 0,
  });
  if (result.err) throw result.err;
  const infos = await result.infos();
  if (!req.subresource) return infos;
  const out: Info[] = [];
  for (const i of infos) {
    const path = resourcePath(i.mapping, i.namespace, i.name, req.subresource);
    out.push({ ...i, object: await ctx.rest.json<KubeObject>({ path }) });
  }
  return out;
}

/** `kctl edit`: throws kubectl's errors (the edit file's path is printed first when kept). */
export async function runEdit(req: EditRequest): Promise<void> {
  if (req.subresource && !SUPPORTED_SUBRESOURCES.includes(req.subresource)) {
    throw new Error(
      `invalid subresource value: "${req.subresource}". Must be one of [${SUPPORTED_SUBRESOURCES.join(' ')}]`,
    );
  }
  const format = editFormat(req.print);
  const infos = await liveInfos(req);
  if (infos.length === 0) throw new Error('edit cancelled, no objects found');
  const save = saveContext(req);
  await runEditSession(infos, {
    ...session(req, 'normal', format),
    save: (originals, edited, results) => patchEdited(save, originals, edited, results),
  });
}

/** `kctl apply edit-last-applied`: edits the annotations of the named objects. */
export async function runEditLastApplied(req: EditRequest): Promise<void> {
  const format = editFormat(req.print);
  const live = await liveInfos({ ...req, subresource: undefined });
  const configs: Info[] = [];
  for (const info of live) {
    const data = getLastApplied((info.object ?? {}) as Record<string, unknown>);
    if (data === undefined) continue;
    const [first] = await parseEdited(req.ctx, data);
    if (first) configs.push(first);
  }
  if (configs.length === 0) {
    throw new Error(
      'no last-applied-configuration annotation found on resources, to create the annotation, use command `kubectl apply set-last-applied --create-annotation`',
    );
  }
  const save = saveContext(req);
  await runEditSession(configs, {
    ...session(req, 'last-applied', format),
    applyAnnotation: (o) => o,
    save: (originals, edited) => patchLastApplied(save, originals, edited),
  });
}

/**
 * `kctl create -f FILE --edit`: each object of the manifests is edited on its own, then
 * created (kubectl ignores --dry-run here). Errors are collected per object.
 */
export async function runCreateEdit(req: EditRequest): Promise<void> {
  const { ctx } = req;
  const format = editFormat(req.print);
  const result = await buildResources({
    mapper: ctx.mapper,
    client: ctx.rest,
    filenames: req.filenames,
    recursive: req.recursive,
    namespace: ctx.namespace,
    continueOnError: true,
    requireNamespace: ctx.explicitNamespace,
    requireObject: false,
  });
  if (result.err) throw result.err;
  const save = saveContext(req);
  await result.visit((info) =>
    runEditSession([info], {
      ...session(req, 'create', format),
      save: (_originals, edited) => createEdited(save, edited),
    }),
  );
}
