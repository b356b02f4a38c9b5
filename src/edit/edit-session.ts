/**
 * One edit session (kubectl's editFn): the objects are written to a temp file (one object, or a
 * v1 List of several), the editor runs, and the saved text is parsed and handed to the mode's
 * `save` step. Objects the server rejects as invalid, and files that do not parse, reopen the
 * editor with the reasons as comments at the top; saving such a file unchanged ends the edit
 * with the file kept. An unchanged or empty file cancels the edit.
 */
import { unlinkSync } from 'node:fs';
import yaml from 'js-yaml';
import { ExitError } from '../cli/kubectl-errors.js';
import type { ClientContext } from '../client/index.js';
import { stripManagedFields } from '../printers/index.js';
import { goJson } from '../printers/json/go-json.js';
import { GoYamlV2Emitter } from '../printers/yaml/emitter.js';
import { KyamlPrinter } from '../printers/yaml/kyaml.js';
import type { Info, KubeObject } from '../resource/info.js';
import { decodeManifests, expandLists } from '../resource/manifest-decoder.js';
import { infoForObject } from '../resource/object-info.js';
import { requireNamespace } from '../resource/visitors.js';
import { type EditMode, editHeader, hasLines, manualStrip, stripComments, toCrlf } from './edit-file.js';
import { EditResults } from './edit-results.js';
import { type EditorCommand, editInTempFile } from './editor-launch.js';

/** Where edit writes its lines (process.stdout / process.stderr in commands). */
export interface Writer {
  write(s: string): unknown;
}

export type EditFormat = 'yaml' | 'json' | 'kyaml';

/** kubectl's source name for the saved file in parse errors. */
export const EDITED_SOURCE = 'edited-file';

export interface EditSessionOptions {
  ctx: ClientContext;
  mode: EditMode;
  format: EditFormat;
  windowsLineEndings: boolean;
  editor: EditorCommand;
  /** --validate: anything but Ignore checks that the saved file is one well-formed object first. */
  validation: 'Strict' | 'Warn' | 'Ignore';
  /** The temp file's name starts with this (`kctl-edit-`). */
  filePrefix: string;
  /** --save-config: the edited objects get the last-applied annotation before saving. */
  applyAnnotation: (obj: KubeObject) => KubeObject;
  out: Writer;
  errOut: Writer;
  /**
   * Sends the edited objects. Per-object failures that should reopen the editor or end it go
   * into `results` (through addError); a thrown error ends the edit with the file kept.
   */
  save(originals: Info[], edited: Info[], results: EditResults): Promise<void>;
}

/** Go's %q of a path in kubectl's messages. */
const quote = (s: string) => JSON.stringify(s);

/** The text kubectl's JSON/YAML printers write for the file. */
export function renderForEdit(obj: unknown, format: EditFormat): string {
  if (format === 'json') return `${goJson(obj, '    ')}\n`;
  if (format === 'kyaml') {
    let s = '';
    new KyamlPrinter().print(obj, { write: (c: string) => (s += c) });
    return s;
  }
  return GoYamlV2Emitter.stringify(obj);
}

/** The object shown to the user: the one object, or a v1 List of them; managedFields removed. */
function editedDocument(infos: Info[]): unknown {
  const objs = infos.map((i) => stripManagedFields(i.object ?? {}) as KubeObject);
  if (objs.length === 1) return objs[0];
  return { apiVersion: 'v1', items: objs, kind: 'List', metadata: {} };
}

/** Parses the saved file into Infos (Lists flattened); throws on a syntax or type error. */
export async function parseEdited(ctx: ClientContext, text: string): Promise<Info[]> {
  const objects = expandLists(decodeManifests(text, EDITED_SOURCE));
  const out: Info[] = [];
  for (const obj of objects) out.push(await infoForObject(ctx.mapper, obj, EDITED_SOURCE));
  return out;
}

const uidOf = (o: KubeObject | undefined) => (o?.metadata as { uid?: string } | undefined)?.uid ?? '';

/** Puts back the managedFields the file did not show (by uid), as kubectl does before diffing. */
function restoreManagedFields(edited: Info[], originals: Info[]): void {
  const byUid = new Map<string, unknown>();
  for (const i of originals) {
    const mf = (i.object?.metadata as { managedFields?: unknown } | undefined)?.managedFields;
    if (mf !== undefined) byUid.set(uidOf(i.object), mf);
  }
  for (const i of edited) {
    const meta = { ...((i.object?.metadata as Record<string, unknown> | undefined) ?? {}) };
    const mf = byUid.get(uidOf(i.object));
    if (mf === undefined) delete meta.managedFields;
    else meta.managedFields = mf;
    i.object = { ...(i.object ?? {}), metadata: meta };
  }
}

/**
 * kubectl's client-side check of the saved file before anything else (its schema validator):
 * the comment-free text must parse as YAML and hold an object. Returns the problem, or
 * undefined. The server still validates the objects themselves.
 */
export function validateEdited(text: string): string | undefined {
  let doc: unknown;
  try {
    doc = yaml.load(manualStrip(text));
  } catch (e) {
    const ye = e as { reason?: string; mark?: { line?: number }; message?: string };
    const where = ye.mark?.line !== undefined ? `line ${ye.mark.line + 1}: ` : '';
    return `yaml: ${where}${ye.reason ?? ye.message}`;
  }
  if (doc === null || typeof doc !== 'object' || Array.isArray(doc)) return 'invalid object to validate';
  return undefined;
}

/** Removes a file kubectl would remove, ignoring one that is already gone. */
function remove(path: string): void {
  try {
    unlinkSync(path);
  } catch {
    // already gone: nothing to clean up
  }
}

/** kubectl's preservedFile: tells the user where the file is, then returns the error to throw. */
function preserved(err: Error, file: string, o: EditSessionOptions): Error {
  if (file) o.errOut.write(`A copy of your changes has been stored to ${quote(file)}\n`);
  return err;
}

/** Runs the session over `infos` until it is saved, cancelled or fails (throws). */
export async function runEditSession(infos: Info[], o: EditSessionOptions): Promise<void> {
  const ext = o.format === 'json' ? '.json' : '.yaml';
  const crlf = (s: string) => (o.windowsLineEndings ? toCrlf(s) : s);
  let results = new EditResults();
  let original = '';
  let edited = '';
  let containsError = false;
  for (;;) {
    let buf = o.format === 'json' ? '' : crlf(editHeader(o.mode, results.reasons));
    if (!containsError) {
      buf += crlf(renderForEdit(editedDocument(infos), o.format));
      original = buf;
    } else {
      buf += manualStrip(edited);
    }
    const previous = edited;
    let file: string;
    try {
      ({ edited, file } = await editInTempFile(o.editor, o.filePrefix, ext, buf));
    } catch (e) {
      throw preserved(e as Error, results.file, o);
    }
    if (containsError && stripComments(previous) === stripComments(edited)) {
      throw preserved(new Error('Edit cancelled, no valid changes were saved.'), file, o);
    }
    if (results.file) remove(results.file);
    const invalid = o.validation === 'Ignore' ? undefined : validateEdited(edited);
    if (invalid !== undefined) {
      results = new EditResults(file);
      containsError = true;
      o.errOut.write(`${results.addValidationError(invalid, infos[0])}\n`);
      continue;
    }
    if (stripComments(original) === stripComments(edited)) {
      remove(file);
      o.errOut.write('Edit cancelled, no changes made.\n');
      return;
    }
    if (!hasLines(edited)) {
      remove(file);
      o.errOut.write('Edit cancelled, saved file was empty.\n');
      return;
    }
    results = new EditResults(file);
    let updated: Info[];
    try {
      updated = await parseEdited(o.ctx, edited);
    } catch (e) {
      containsError = true;
      results.reasons.push({ head: `The edited file had a syntax error: ${(e as Error).message}`, other: [] });
      continue;
    }
    containsError = false;
    try {
      restoreManagedFields(updated, infos);
      const ns = requireNamespace(o.ctx.namespace);
      updated = (await Promise.all(updated.map((i) => ns(i)))).filter((i): i is Info => i !== null);
      for (const i of updated) i.object = o.applyAnnotation(i.object ?? {});
      await o.save(infos, updated, results);
    } catch (e) {
      throw preserved(e as Error, results.file, o);
    }
    if (results.retryable > 0) {
      o.errOut.write(`You can run \`kctl replace -f ${file}\` to try this update again.\n`);
      throw new ExitError(1);
    }
    if (results.notfound > 0) {
      o.errOut.write(`The edits you made on deleted resources have been saved to ${quote(file)}\n`);
      throw new ExitError(1);
    }
    if (results.edit.length === 0) {
      remove(file);
      return;
    }
    if (results.reasons.length > 0) containsError = true;
  }
}
