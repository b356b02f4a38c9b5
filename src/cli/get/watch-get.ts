/**
 * `kubectl get -w` / `--watch-only`: print the current state (unless --watch-only), then every
 * change, one line per event, flushed as it comes so the output survives pipes. Human output
 * watches server-side Tables too, so rows line up with the header printed first.
 */
import type { RestMapping } from '../../client/mapper.js';
import { ACCEPT_TABLE } from '../../client/negotiate.js';
import type { RestClient } from '../../client/rest/client.js';
import { watch } from '../../client/watch/http-watch.js';
import { type PrintContext, printerForFlags } from '../../printers/index.js';
import { isListObject, normalizeList } from '../../printers/list.js';
import { buildResources } from '../../resource/builder.js';
import type { GetRequest } from './run-get.js';
import { multipleKinds } from './run-get.js';
import { watchEventPrinter } from './watch-events.js';

export interface WatchRequest extends GetRequest {
  watchOnly?: boolean;
  outputWatchEvents?: boolean;
  signal?: AbortSignal;
}

/** A client whose streams (watches) ask for `accept`. */
function streamingAs(client: RestClient, accept: string): RestClient {
  const wrapped = Object.create(client) as RestClient;
  wrapped.stream = (spec) => client.stream({ ...spec, accept });
  return wrapped;
}

function collectionPath(m: RestMapping, namespace: string): string {
  const { group, version, resource } = m.resource;
  let p = group ? `/apis/${group}/${version}` : `/api/${version}`;
  if (m.namespaced && namespace) p += `/namespaces/${encodeURIComponent(namespace)}`;
  return `${p}/${resource}`;
}

/** Runs until the watch ends or `signal` aborts; errors are thrown as kubectl reports them. */
export async function runWatch(req: WatchRequest): Promise<void> {
  const o = req.print.output ?? '';
  const human = (o === '' && !req.print.template) || o === 'wide';
  const r = req.resources;
  const result = await buildResources({
    mapper: req.ctx.mapper,
    client: req.ctx.rest,
    args: req.args,
    filenames: r.filename,
    recursive: r.recursive,
    namespace: req.ctx.namespace,
    allNamespaces: r['all-namespaces'],
    labelSelector: r.selector,
    fieldSelector: r['field-selector'],
    chunkSize: r['chunk-size'] ?? 500,
    accept: human ? ACCEPT_TABLE : undefined,
    latest: true,
    singleResourceType: true,
    flatten: false,
  });
  const infos = await result.infos();
  if (infos.length === 0) return;
  if (multipleKinds(infos)) {
    throw new Error(
      'watch is only supported on individual resources and resource collections, but a list of resources is found',
    );
  }
  const info = infos[0];
  const m = info.mapping;
  const printer = printerForFlags({ ...req.print, sortBy: undefined });
  const base: PrintContext = { kind: m.gvk.kind, group: m.gvk.group, namespaced: m.namespaced };
  const ctxFor = (type: string): PrintContext => (req.outputWatchEvents ? { ...base, eventType: type } : base);
  const wrapped = req.outputWatchEvents && !human ? watchEventPrinter(o, printer, req.out, base) : undefined;
  const emit = (type: string, object: unknown) =>
    wrapped ? wrapped(type, object) : printer.print(object, req.out, ctxFor(type));

  const obj = info.object as Record<string, unknown> | undefined;
  const isCollection = !info.name;
  const meta = (obj?.metadata ?? {}) as { resourceVersion?: string };
  if (!req.watchOnly && obj) {
    if (wrapped && isListObject(obj)) {
      // Items as kubectl decodes them: stamped with the list's apiVersion and kind.
      for (const item of normalizeList(obj).items as unknown[]) await emit('ADDED', item);
    } else await emit('ADDED', obj);
  }
  // A watch on one object starts "now" and opens with a synthetic ADDED event, which kubectl
  // does not print (the object was printed above).
  let skipFirst = !isCollection;
  const client = human ? streamingAs(req.ctx.rest, ACCEPT_TABLE) : req.ctx.rest;
  const fieldSelectors = [r['field-selector'], info.name ? `metadata.name=${info.name}` : undefined].filter(Boolean);
  for await (const ev of watch(client, {
    path: collectionPath(m, info.namespace),
    labelSelector: isCollection ? r.selector : undefined,
    fieldSelector: fieldSelectors.join(',') || undefined,
    resourceVersion: isCollection ? meta.resourceVersion || '0' : '0',
    signal: req.signal,
  })) {
    if (skipFirst) {
      skipFirst = false;
      continue;
    }
    await emit(ev.type, ev.object);
  }
}
