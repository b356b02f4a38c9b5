/**
 * `kubectl label` and `kubectl annotate`: parse `key=value` / `key-` arguments, change the map
 * on each object (refusing to overwrite without --overwrite, with kubectl's texts), and send the
 * difference as a JSON merge patch. The printed operation follows kubectl: label prints
 * `labeled`, `not labeled` (nothing changed) or `unlabeled` (only removals, no --overwrite);
 * annotate always prints `annotated`.
 */
import { createMergePatch } from '../api/patch/index.js';
import type { ClientContext } from '../client/index.js';
import { resourcePath } from '../client/mapper.js';
import type { Output, PrintFlags } from '../printers/index.js';
import { goJson } from '../printers/json/go-json.js';
import { buildResources } from '../resource/builder.js';
import type { KubeObject } from '../resource/info.js';
import { aggregate } from '../resource/result.js';
import { type DryRunStrategy, dryRunQuery } from './dry-run.js';
import { readLocalObjects } from './local-objects.js';
import { operationPrinter } from './operation-printer.js';

export type MetadataField = 'labels' | 'annotations';

export interface MetadataChanges {
  resources: string[];
  set: [string, string][];
  remove: string[];
}

const LABEL_VALUE = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/;

/** Splits arguments into resources and changes (`k=v` sets, `k-` removes), kubectl's errors included. */
export function parseMetadataArgs(args: string[], field: MetadataField): MetadataChanges {
  const out: MetadataChanges = { resources: [], set: [], remove: [] };
  for (const a of args) {
    if (a.includes('=')) {
      if (field === 'labels') {
        const parts = a.split('=');
        if (parts.length !== 2) throw new Error(`invalid label spec: ${a}`);
        const [k, v] = parts as [string, string];
        if (v.length > 63 || !LABEL_VALUE.test(v)) {
          const errs: string[] = [];
          if (v.length > 63) errs.push('must be no more than 63 characters');
          if (!LABEL_VALUE.test(v)) {
            errs.push(
              "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')",
            );
          }
          throw new Error(`invalid label value: "${a}": ${errs.join('; ')}`);
        }
        out.set.push([k, v]);
      } else {
        const eq = a.indexOf('=');
        if (eq === 0) throw new Error(`invalid annotation format: ${a}`);
        out.set.push([a.slice(0, eq), a.slice(eq + 1)]);
      }
    } else if (a.endsWith('-')) {
      out.remove.push(a.slice(0, -1));
    } else {
      out.resources.push(a);
    }
  }
  for (const k of out.remove) {
    if (out.set.some(([s]) => s === k)) {
      throw new Error(
        `can not both modify and remove ${field === 'labels' ? 'a label' : 'an annotation'} in the same command`,
      );
    }
  }
  return out;
}

export interface MetadataUpdateRequest {
  ctx: ClientContext;
  field: MetadataField;
  changes: MetadataChanges;
  filenames?: string[];
  recursive?: boolean;
  selector?: string;
  fieldSelector?: string;
  all?: boolean;
  allNamespaces?: boolean;
  overwrite?: boolean;
  resourceVersion?: string;
  list?: boolean;
  dryRun: DryRunStrategy;
  fieldManager: string;
  print: PrintFlags;
  out: Output;
  errOut: Output;
}

function currentMap(obj: KubeObject, field: MetadataField): Record<string, string> | undefined {
  const meta = (obj.metadata ?? {}) as Record<string, unknown>;
  return meta[field] as Record<string, string> | undefined;
}

/** The changed object; throws kubectl's overwrite error. */
export function applyChanges(
  obj: KubeObject,
  req: Pick<MetadataUpdateRequest, 'field' | 'changes' | 'overwrite' | 'resourceVersion'>,
): KubeObject {
  const cur = currentMap(obj, req.field) ?? {};
  if (!req.overwrite) {
    if (req.field === 'labels') {
      for (const [k] of req.changes.set) {
        if (k in cur) throw new Error(`'${k}' already has a value (${cur[k]}), and --overwrite is false`);
      }
    } else {
      const clashes = req.changes.set
        .filter(([k, v]) => k !== 'kubernetes.io/change-cause' && k in cur && cur[k] !== v)
        .map(([k]) => `'${k}' already has a value (${cur[k]})`);
      if (clashes.length > 0) {
        throw new Error(`--overwrite is false but found the following declared annotation(s): ${clashes.join('; ')}`);
      }
    }
  }
  const next: Record<string, string> = { ...cur };
  for (const [k, v] of req.changes.set) next[k] = v;
  for (const k of req.changes.remove) delete next[k];
  const meta: Record<string, unknown> = { ...((obj.metadata ?? {}) as Record<string, unknown>) };
  // Set even when empty, as kubectl's SetLabels/SetAnnotations do (so `app-` on an object without
  // labels reads as a change, though the server's Go round trip drops the empty map again).
  meta[req.field] = next;
  if (req.resourceVersion) meta.resourceVersion = req.resourceVersion;
  return { ...obj, metadata: meta as KubeObject['metadata'] };
}

/** label's message from the JSON before and after (kubectl's updateDataChangeMsg). */
export function labelChangeMessage(oldJson: string, newJson: string, overwrite: boolean): string {
  if (oldJson === newJson) return 'not labeled';
  if (!overwrite && Buffer.byteLength(newJson) < Buffer.byteLength(oldJson)) return 'unlabeled';
  return 'labeled';
}

export async function runMetadataUpdate(req: MetadataUpdateRequest): Promise<void> {
  const { ctx, field, changes } = req;
  const noun = field === 'labels' ? 'label' : 'annotation';
  if (!req.list && changes.set.length === 0 && changes.remove.length === 0) {
    throw new Error(`at least one ${noun} update is required`);
  }
  if (changes.resources.length === 0 && (req.filenames?.length ?? 0) === 0) {
    throw new Error('one or more resources must be specified as <resource> <name> or <resource>/<name>');
  }
  const result = await buildResources({
    mapper: ctx.mapper,
    client: ctx.rest,
    args: changes.resources,
    filenames: req.filenames,
    recursive: req.recursive,
    namespace: ctx.namespace,
    allNamespaces: req.allNamespaces,
    labelSelector: req.selector,
    fieldSelector: req.fieldSelector,
    selectAll: req.all,
    allowEmptySelector: req.all ?? false,
    latest: true,
    requireNamespace: ctx.explicitNamespace && (req.filenames?.length ?? 0) > 0,
  });
  if (result.err) throw result.err;
  const infos = await result.infos();
  for (const info of infos) {
    let obj = info.object as KubeObject;
    if (req.resourceVersion) obj = { ...obj, metadata: { ...(obj.metadata ?? {}), resourceVersion: '' } };
    if (req.list) {
      const m = currentMap(obj, field) ?? {};
      let indent = '';
      if (infos.length > 1) {
        indent = ' ';
        req.out.write(`Listing ${field} for ${info.mapping.gvk.kind}.${info.mapping.gvk.group}/${info.name}:\n`);
      }
      for (const k of Object.keys(m).sort()) req.out.write(`${indent}${k}=${m[k]}\n`);
      continue;
    }
    const oldJson = goJson(obj);
    let output: KubeObject;
    let changed: KubeObject;
    if (req.dryRun === 'client') {
      changed = applyChanges(obj, req);
      output = changed;
    } else {
      if (field === 'labels') {
        const cur = currentMap(obj, field) ?? {};
        for (const k of changes.remove) if (!(k in cur)) req.out.write(`label "${k}" not found.\n`);
      }
      changed = applyChanges(obj, req);
      const patch = createMergePatch(obj, changed);
      const query: Record<string, string> = { ...dryRunQuery(req.dryRun) };
      if (req.fieldManager) query.fieldManager = req.fieldManager;
      output = await ctx.rest.json<KubeObject>({
        method: 'PATCH',
        path: resourcePath(info.mapping, info.namespace, info.name),
        query,
        body: Buffer.from(JSON.stringify(patch)),
        contentType: 'application/merge-patch+json',
      });
    }
    const op = field === 'labels' ? labelChangeMessage(oldJson, goJson(changed), req.overwrite ?? false) : 'annotated';
    await operationPrinter(req.print, op, req.dryRun).print(output, req.out, {
      group: info.mapping.gvk.group,
      kind: info.mapping.gvk.kind,
    });
  }
}

export interface LocalMetadataRequest
  extends Pick<MetadataUpdateRequest, 'field' | 'changes' | 'overwrite' | 'resourceVersion' | 'list'> {
  filenames: string[];
  recursive?: boolean;
  /** Only when -n was given. */
  namespace?: string;
  dryRun: DryRunStrategy;
  print: PrintFlags;
  out: Output;
  stdin?: AsyncIterable<Buffer | string>;
}

/**
 * `--local`: the changes are made to the objects of the -f files and the results printed; the
 * server is never contacted. Unlike the server path, the field is always written back, so an
 * object that had no labels shows `labels: {}` (kubectl sets the empty map). Errors of single
 * objects (overwrite refusals, namespace mismatches) are reported together after the others.
 */
export async function runLocalMetadataUpdate(req: LocalMetadataRequest): Promise<void> {
  const { field } = req;
  const { items, singleItemImplied } = await readLocalObjects(req);
  if (!singleItemImplied && req.resourceVersion) {
    throw new Error('--resource-version may only be used with a single resource');
  }
  const errors: Error[] = [];
  for (const item of items) {
    if (item instanceof Error) {
      errors.push(item);
      continue;
    }
    let obj = item.object;
    if (req.resourceVersion) {
      const meta = { ...(obj.metadata ?? {}) };
      delete meta.resourceVersion;
      obj = { ...obj, metadata: meta };
    }
    let changed: KubeObject;
    try {
      changed = applyChanges(obj, req);
    } catch (e) {
      errors.push(e as Error);
      continue;
    }
    const meta = { ...(changed.metadata ?? {}) } as Record<string, unknown>;
    meta[field] ??= {};
    changed = { ...changed, metadata: meta as KubeObject['metadata'] };
    if (req.list) {
      const m = currentMap(changed, field) ?? {};
      let indent = '';
      if (!singleItemImplied) {
        indent = ' ';
        req.out.write(`Listing ${field} for ${item.kind}.${item.group}/${item.name}:\n`);
      }
      for (const k of Object.keys(m).sort()) req.out.write(`${indent}${k}=${m[k]}\n`);
      continue;
    }
    const op =
      field === 'labels' ? labelChangeMessage(goJson(obj), goJson(changed), req.overwrite ?? false) : 'annotated';
    // kubectl builds the printer per object, so a bad -o is one error per object.
    try {
      await operationPrinter(req.print, op, req.dryRun).print(changed, req.out, { group: item.group, kind: item.kind });
    } catch (e) {
      errors.push(e as Error);
    }
  }
  const err = aggregate(errors);
  if (err) throw err;
}
