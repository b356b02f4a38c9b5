/**
 * `kubectl get` (RunGet) on the client core: the builder fetches the objects (server-side
 * Tables for human output), then either the human printer prints each result, a blank line
 * between kinds, or the generic path prints one object or a `List` of everything.
 */
import { StatusError } from '../../api/status.js';
import type { ClientContext } from '../../client/index.js';
import type { RestMapping } from '../../client/mapper.js';
import { ACCEPT_TABLE } from '../../client/negotiate.js';
import type { RestClient } from '../../client/rest/client.js';
import {
  HumanReadablePrinter,
  kubectlList,
  type Output,
  type PrintFlags,
  printerForFlags,
} from '../../printers/index.js';
import { buildResources } from '../../resource/builder.js';
import type { Info } from '../../resource/info.js';
import { aggregate } from '../../resource/result.js';
import type { ResourceFlagValues } from '../flags/resource-flags.js';

export interface GetRequest {
  ctx: ClientContext;
  args: string[];
  print: PrintFlags;
  resources: ResourceFlagValues;
  ignoreNotFound?: boolean;
  out: Output;
  errOut: Output;
}

const isNotFound = (e: Error) => e instanceof StatusError && e.code === 404 && e.reason === 'NotFound';

/** A RestClient whose requests carry extra query parameters (kubectl's TransformRequests). */
export function withExtraQuery(client: RestClient, extra: Record<string, string>): RestClient {
  const wrapped = Object.create(client) as RestClient;
  wrapped.request = (spec) => client.request({ ...spec, query: { ...(spec.query ?? {}), ...extra } });
  return wrapped;
}

const gvkKey = (m: RestMapping) => `${m.gvk.group}/${m.gvk.version}/${m.gvk.kind}`;

/** Whether the infos hold more than one kind (kubectl then prefixes names with their kind). */
export function multipleKinds(infos: Info[]): boolean {
  return new Set(infos.map((i) => gvkKey(i.mapping))).size > 1;
}

function build(req: GetRequest, human: boolean) {
  const { ctx, resources: r } = req;
  const sorting = Boolean(req.print.sortBy);
  const client = human && sorting ? withExtraQuery(ctx.rest, { includeObject: 'Object' }) : ctx.rest;
  return buildResources({
    mapper: ctx.mapper,
    client,
    args: req.args,
    filenames: r.filename,
    recursive: r.recursive,
    namespace: ctx.namespace,
    allNamespaces: r['all-namespaces'],
    labelSelector: r.selector,
    fieldSelector: r['field-selector'],
    // kubectl lists everything in one request when sorting, to sort all of it.
    chunkSize: sorting ? 0 : (r['chunk-size'] ?? 500),
    accept: human ? ACCEPT_TABLE : undefined,
    latest: true,
    continueOnError: true,
    requireNamespace: ctx.explicitNamespace && (r.filename?.length ?? 0) > 0,
  });
}

/** Runs `get` without --watch/--raw; throws the error kubectl would end with (after printing what loaded). */
export async function runGet(req: GetRequest): Promise<void> {
  const o = req.print.output ?? '';
  const human = (o === '' && !req.print.template) || o === 'wide';
  // An unknown -o fails before anything is fetched.
  printerForFlags(req.print);
  const result = await build(req, human);
  if (result.err) throw result.err;
  const settled = await result.settle();
  let errors = settled.errors;
  if (req.ignoreNotFound) errors = errors.filter((e) => !isNotFound(e));
  const infos = settled.infos;
  if (!human) return printGeneric(req, infos, errors, result.flags.singleItemImplied);

  const flags = { ...req.print, showKind: req.print.showKind || multipleKinds(infos) };
  let allNamespaced = !req.resources['all-namespaces'];
  const entries = infos.map((info) => {
    allNamespaced = allNamespaced && info.mapping.namespaced;
    const m = info.mapping;
    return { obj: info.object, ctx: { kind: m.gvk.kind, group: m.gvk.group, namespaced: m.namespaced } };
  });
  let written = 0;
  const counting: Output = {
    write(s: string) {
      written += s.length;
      return req.out.write(s);
    },
  };
  if (flags.sortBy) {
    // Sorting lists each type in one request, so each kind is one Table: print them one by one.
    const printer = printerForFlags(flags);
    for (const e of entries) await printer.print(e.obj, counting, e.ctx);
  } else {
    // One tab writer per kind, flushed at kind changes, as kubectl's get loop does.
    new HumanReadablePrinter({
      wide: flags.output === 'wide',
      noHeaders: flags.noHeaders,
      showLabels: flags.showLabels,
      labelColumns: flags.labelColumns,
      showKind: flags.showKind,
      allNamespaces: flags.allNamespaces,
    }).printAll(entries, counting);
  }
  if (written === 0 && !req.ignoreNotFound && errors.length === 0) {
    req.errOut.write(
      allNamespaced ? `No resources found in ${req.ctx.namespace} namespace.\n` : 'No resources found\n',
    );
  }
  const err = aggregate(errors);
  if (err) throw err;
}

async function printGeneric(req: GetRequest, infos: Info[], errors: Error[], single: boolean): Promise<void> {
  if (errors.length > 0 && single) throw aggregate(errors)!;
  if (infos.length === 0 && req.ignoreNotFound) {
    const err = aggregate(errors);
    if (err) throw err;
    return;
  }
  const printer = printerForFlags(req.print);
  const obj = !single || infos.length !== 1 ? kubectlList(infos.map((i) => i.object)) : infos[0].object;
  await printer.print(obj, req.out);
  const err = aggregate(errors);
  if (err) throw err;
}
