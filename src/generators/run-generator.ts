/**
 * What every `kubectl create <generator>` does after building its object (the generators' Run):
 * add the last-applied annotation with --save-config, POST it unless --dry-run=client (with
 * fieldManager and dryRun=All for server dry run), and print it (`kind/name created`).
 */

import { dryRunQuery, parseDryRun } from '../apply/dry-run.js';
import { withLastApplied } from '../apply/last-applied.js';
import { operationPrinter } from '../apply/operation-printer.js';
import type { ClientContext } from '../client/index.js';
import type { PrintFlags } from '../printers/index.js';

export interface GeneratedResource {
  group: string;
  version: string;
  /** Plural resource name, e.g. `deployments`. */
  resource: string;
  namespaced: boolean;
}

export interface GeneratorRun {
  obj: Record<string, unknown>;
  target: GeneratedResource;
  /** Lazily creates the client (never touched with --dry-run=client). */
  client: () => ClientContext;
  dryRun?: string;
  saveConfig?: boolean;
  fieldManager?: string;
  print: PrintFlags;
  /** kubectl wraps some server errors, e.g. `failed to create deployment: `. */
  errorPrefix?: string;
  out: { write(s: string): unknown };
}

export function collectionPath(t: GeneratedResource, namespace: string): string {
  const base = t.group ? `/apis/${t.group}/${t.version}` : `/api/${t.version}`;
  return t.namespaced ? `${base}/namespaces/${encodeURIComponent(namespace)}/${t.resource}` : `${base}/${t.resource}`;
}

/** Runs a generator's create; throws kubectl's error texts. */
export async function runGenerator(r: GeneratorRun): Promise<void> {
  const dryRun = parseDryRun(r.dryRun);
  const printer = operationPrinter(r.print, 'created', dryRun);
  let obj = r.saveConfig ? withLastApplied(r.obj, true) : r.obj;
  let typed = true;
  if (dryRun !== 'client') {
    const ctx = r.client();
    const meta = (obj.metadata ?? {}) as { namespace?: string };
    const ns = meta.namespace || ctx.namespace;
    const query: Record<string, string> = { ...dryRunQuery(dryRun) };
    if (r.fieldManager) query.fieldManager = r.fieldManager;
    try {
      obj = await ctx.rest.json<Record<string, unknown>>({
        method: 'POST',
        path: collectionPath(r.target, ns),
        query,
        body: obj,
      });
    } catch (e) {
      if (r.errorPrefix && e instanceof Error) throw new Error(`${r.errorPrefix}${e.message}`);
      throw e;
    }
    typed = false;
  }
  await printer.print(obj, r.out, { typed, group: r.target.group });
}
