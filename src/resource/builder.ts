import type { DeferredRestMapper, RestMapping } from '../client/mapper.js';
import type { RestClient } from '../client/rest/client.js';
import { parseResourceArgs, splitResourceArgument } from './args.js';
import { expandFilePattern, fileVisitor, manifestFiles } from './file-source.js';
import type { Info, Visitor } from './info.js';
import { namedVisitor } from './name-source.js';
import { Result, type ResultFlags } from './result.js';
import { selectorVisitor } from './selector-source.js';
import { STDIN_SOURCE, stdinVisitor } from './stdin-source.js';
import { isUrl, urlVisitor } from './url-source.js';
import {
  concat,
  decorate,
  filterByLabelSelector,
  filterNamespace,
  flattenLists,
  type InfoDecorator,
  requireNamespace,
  retrieveLatest,
  retrieveLazy,
  setNamespace,
} from './visitors.js';

/** kubectl's text when neither arguments nor files name anything. */
export const MISSING_RESOURCE_MESSAGE = `You must provide one or more resources by argument or filename.
Example resource specifications include:
   '-f rsrc.yaml'
   '--filename=rsrc.json'
   '<resource> <name>'
   '<resource>'`;

export interface BuilderOptions {
  mapper: DeferredRestMapper;
  client: RestClient;
  /** Positional arguments (types, names, type/name). */
  args?: string[];
  /** -f values: files, directories, globs, http(s) URLs, `-` for stdin. */
  filenames?: string[];
  recursive?: boolean;
  /** The namespace to use (-n or the context's). */
  namespace: string;
  /** -A: list across namespaces (named lookups then fail with kubectl's text). */
  allNamespaces?: boolean;
  labelSelector?: string;
  fieldSelector?: string;
  /** --all */
  selectAll?: boolean;
  /** `get`'s ResourceTypeOrNameArgs(true, ...): a lone TYPE lists everything. Default true. */
  allowEmptySelector?: boolean;
  /** --chunk-size (default 500; 0 = no paging). */
  chunkSize?: number;
  /** Accept for GET/LIST (e.g. the Table media types for human output). */
  accept?: string;
  /** Expand List objects into items (default true; Tables are never flattened). */
  flatten?: boolean;
  /** Refetch objects read from files from the server. */
  latest?: boolean;
  continueOnError?: boolean;
  /** Fill the namespace of objects that have none (default true). */
  defaultNamespace?: boolean;
  /** Objects naming another namespace are errors (use when -n was explicit). */
  requireNamespace?: boolean;
  /** GET named objects that have no object yet (default true). */
  requireObject?: boolean;
  singleResourceType?: boolean;
  /** Extra filters applied last. */
  filters?: InfoDecorator[];
  stdin?: AsyncIterable<Buffer | string>;
  signal?: AbortSignal;
}

const mappingKey = (m: RestMapping) => `${m.gvk.group}/${m.gvk.version}/${m.gvk.kind}`;

/**
 * kubectl's resource.Builder as one async function: it validates the argument forms, resolves
 * types through the mapper (unknown types are build errors: `the server doesn't have a
 * resource type "foo"`), picks the input (paths, then selectors, then type/name tuples, then
 * names) and decorates the resulting visitor (flatten, namespace defaulting/enforcement,
 * lazy retrieval, filters). Build errors come back in `Result.err`, never thrown.
 */
export async function buildResources(o: BuilderOptions): Promise<Result> {
  const flags: ResultFlags = { singleItemImplied: false, targetsSingleItems: false };
  try {
    const visitor = await selectInput(o, flags);
    return new Result(finish(o, visitor), undefined, flags, o.continueOnError ?? false);
  } catch (e) {
    return Result.failed(e as Error, flags);
  }
}

async function expandCategories(o: BuilderOptions, typeArg: string): Promise<string> {
  const out: string[] = [];
  for (const part of typeArg.split(',')) {
    const hits = await o.mapper.expandCategory(part);
    out.push(
      hits
        ? hits
            .map((m) => (m.resource.group ? `${m.resource.resource}.${m.resource.group}` : m.resource.resource))
            .join(',')
        : part,
    );
  }
  return out.join(',');
}

async function selectInput(o: BuilderOptions, flags: ResultFlags): Promise<Visitor> {
  const args = o.args ?? [];
  let label = o.labelSelector?.trim() ? o.labelSelector.trim() : undefined;
  const field = o.fieldSelector?.trim() ? o.fieldSelector.trim() : undefined;
  if (o.selectAll && (label !== undefined || field !== undefined)) {
    throw new Error("setting 'all' parameter but found a non empty selector. ");
  }
  // Categories are expanded in the first argument of the non-slash forms only (ReplaceAliases).
  let expandedFirst: string | undefined;
  if (args.length > 0 && !args.some((a) => a.includes('/')) && splitResourceArgument(args[0]).length > 0) {
    expandedFirst = await expandCategories(o, args[0]);
  }
  const parsed = parseResourceArgs(args, (t) => expandedFirst ?? t);
  if (parsed.types.length > 0 && parsed.names.length === 0 && (o.allowEmptySelector ?? true) && label === undefined) {
    label = '';
  }
  if (o.selectAll) label = '';
  const namespace = o.allNamespaces ? '' : o.namespace;
  const files = o.filenames ?? [];

  if (files.length > 0) {
    if (parsed.types.length > 0) {
      throw new Error(
        'when paths, URLs, or stdin is provided as input, you may not specify resource arguments as well',
      );
    }
    if (parsed.names.length > 0) throw new Error('name cannot be provided when a path is specified');
    if (parsed.tuples.length > 0)
      throw new Error('resource/name arguments cannot be provided when a path is specified');
    const sources = pathVisitors(o, files);
    flags.targetsSingleItems = true;
    flags.singleItemImplied = sources.single;
    let v: Visitor = concat(sources.visitors);
    if (o.latest) {
      if (o.defaultNamespace ?? true) v = decorate(v, setNamespace(namespace));
      v = decorate(v, retrieveLatest(o.client, o.accept));
    }
    if (label) v = decorate(v, filterByLabelSelector(label));
    return v;
  }

  if (label !== undefined || field !== undefined) {
    if (parsed.names.length > 0) throw new Error('name cannot be provided when a selector is specified');
    if (parsed.tuples.length > 0) {
      throw new Error('selectors and the all flag cannot be used when passing resource/name arguments');
    }
    if (parsed.types.length === 0) throw new Error('at least one resource must be specified to use a selector');
    const mappings = await typeMappings(o, parsed.types);
    return concat(
      mappings.map((mapping) =>
        selectorVisitor(o.client, {
          mapping,
          namespace,
          labelSelector: label,
          fieldSelector: field,
          chunkSize: o.chunkSize ?? 500,
          accept: o.accept,
          signal: o.signal,
        }),
      ),
    );
  }

  if (parsed.tuples.length > 0) {
    flags.targetsSingleItems = true;
    flags.singleItemImplied = parsed.tuples.length === 1;
    const byArg = new Map<string, RestMapping>();
    for (const t of parsed.tuples)
      if (!byArg.has(t.resource)) byArg.set(t.resource, await o.mapper.mappingFor(t.resource));
    if (o.singleResourceType && new Set([...byArg.values()].map(mappingKey)).size > 1) {
      throw new Error('you may only specify a single resource type');
    }
    const items = parsed.tuples.map((t) => {
      const mapping = byArg.get(t.resource)!;
      checkNamedNamespace(mapping, namespace, o.allNamespaces);
      return { mapping, namespace, name: t.name };
    });
    return namedVisitor(items);
  }

  if (parsed.names.length > 0) {
    flags.targetsSingleItems = true;
    flags.singleItemImplied = parsed.names.length === 1;
    if (parsed.types.length === 0) throw new Error('you must provide a resource and a resource name together');
    if (parsed.types.length > 1) throw new Error('you must specify only one resource');
    const [mapping] = await typeMappings(o, parsed.types);
    checkNamedNamespace(mapping, namespace, o.allNamespaces);
    return namedVisitor(parsed.names.map((name) => ({ mapping, namespace, name })));
  }

  if (parsed.types.length > 0) {
    await typeMappings(o, parsed.types);
    throw new Error('resource(s) were provided, but no name was specified');
  }
  throw new Error(MISSING_RESOURCE_MESSAGE);
}

function checkNamedNamespace(mapping: RestMapping, namespace: string, all?: boolean): void {
  if (!mapping.namespaced || namespace) return;
  throw new Error(
    all
      ? 'a resource cannot be retrieved by name across all namespaces'
      : 'namespace may not be empty when retrieving a resource by name',
  );
}

/** Resolves type arguments, de-duplicating types named twice (`po,pods`). */
async function typeMappings(o: BuilderOptions, types: string[]): Promise<RestMapping[]> {
  if (types.length > 1 && o.singleResourceType) throw new Error('you may only specify a single resource type');
  const out: RestMapping[] = [];
  const seen = new Set<string>();
  for (const t of types) {
    const m = await o.mapper.mappingFor(t);
    if (seen.has(mappingKey(m))) continue;
    seen.add(mappingKey(m));
    out.push(m);
  }
  return out;
}

function pathVisitors(o: BuilderOptions, files: string[]): { visitors: Visitor[]; single: boolean } {
  const visitors: Visitor[] = [];
  let dir = false;
  let stream = false;
  let stdinUsed = false;
  for (const f of files) {
    if (f === '-') {
      if (stdinUsed) throw new Error('standard input cannot be used for multiple arguments');
      stdinUsed = true;
      stream = true;
      visitors.push(stdinVisitor(o.stdin ?? process.stdin, o.mapper));
      continue;
    }
    if (isUrl(f)) {
      visitors.push(urlVisitor(f, o.mapper));
      continue;
    }
    for (const path of expandFilePattern(f)) {
      const list = manifestFiles(path, o.recursive ?? false);
      if (list.length !== 1 || list[0] !== path) dir = true;
      for (const file of list) visitors.push(fileVisitor(file, o.mapper));
    }
  }
  return { visitors, single: !dir && !stream && files.length === 1 };
}

function finish(o: BuilderOptions, v: Visitor): Visitor {
  if (o.flatten ?? true) {
    v = flattenLists(v, async (item, parent): Promise<Info> => {
      const md = item.metadata ?? {};
      return {
        mapping: parent.mapping,
        namespace: md.namespace ?? '',
        name: md.name ?? '',
        object: item,
        source: parent.source,
      };
    });
  }
  const steps: InfoDecorator[] = [];
  const namespace = o.allNamespaces ? '' : o.namespace;
  if (o.defaultNamespace ?? true) steps.push(setNamespace(namespace));
  if (o.requireNamespace) steps.push(requireNamespace(namespace));
  steps.push(filterNamespace);
  if (o.requireObject ?? true) steps.push(retrieveLazy(o.client, o.accept));
  steps.push(...(o.filters ?? []));
  return decorate(v, ...steps);
}

export { STDIN_SOURCE };
