import { parseSelector } from '../api/labels/index.js';
import { resourcePath } from '../client/mapper.js';
import type { RestClient } from '../client/rest/client.js';
import { parseJsonBody } from '../client/rest/client.js';
import { type Info, isInfo, type KubeObject, type VisitItem, type Visitor } from './info.js';

/** A step applied to each Info: return it (possibly changed), null to drop it, or throw. */
export type InfoDecorator = (info: Info) => Promise<Info | null> | Info | null;

/** Visits the visitors one after another (cli-runtime's VisitorList / EagerVisitorList). */
export async function* concat(visitors: Visitor[]): Visitor {
  for (const v of visitors) yield* v;
}

/** Applies decorators in order to every Info; a throwing decorator turns that Info into an error. */
export async function* decorate(v: Visitor, ...fns: InfoDecorator[]): Visitor {
  for await (const item of v) {
    if (!isInfo(item)) {
      yield item;
      continue;
    }
    let cur: Info | null = item;
    try {
      for (const fn of fns) {
        cur = await fn(cur);
        if (!cur) break;
      }
    } catch (e) {
      yield e instanceof Error ? e : new Error(String(e));
      continue;
    }
    if (cur) yield cur;
  }
}

/** True for `*List` objects with an items array (not Tables). */
export function isListObject(o: KubeObject | undefined): boolean {
  return Boolean(
    o && Array.isArray((o as { items?: unknown }).items) && typeof o.kind === 'string' && o.kind.endsWith('List'),
  );
}

/**
 * Replaces list Infos by one Info per item (kubectl's FlattenListVisitor). Items of a typed
 * list get apiVersion/kind from the list (`PodList` -> `Pod`); `resolve` maps an item to its
 * Info (needed for `v1 List` manifests mixing kinds).
 */
export async function* flattenLists(v: Visitor, resolve: (item: KubeObject, parent: Info) => Promise<Info>): Visitor {
  for await (const item of v) {
    if (!isInfo(item) || !isListObject(item.object)) {
      yield item;
      continue;
    }
    const list = item.object!;
    const itemKind = list.kind === 'List' ? undefined : list.kind!.slice(0, -'List'.length);
    for (const raw of (list as { items: KubeObject[] }).items) {
      const obj: KubeObject = { ...raw };
      if (!obj.kind && itemKind) obj.kind = itemKind;
      if (!obj.apiVersion && list.apiVersion) obj.apiVersion = list.apiVersion;
      try {
        if (isListObject(obj)) {
          // Nested lists (a List of Lists) flatten recursively.
          yield* flattenLists(one({ ...item, object: obj }), resolve);
        } else yield await resolve(obj, item);
      } catch (e) {
        yield e as Error;
      }
    }
  }
}

async function* one(i: VisitItem): Visitor {
  yield i;
}

const setObjectNamespace = (info: Info, ns: string) => {
  const o = info.object;
  if (!o || isListObject(o) || o.kind === 'Table') return;
  o.metadata = { ...(o.metadata ?? {}), namespace: ns };
};

/** Fills the namespace of namespaced Infos that have none (kubectl's SetNamespace). */
export const setNamespace =
  (ns: string): InfoDecorator =>
  (info) => {
    if (!info.mapping.namespaced || info.namespace || !ns) return info;
    setObjectNamespace(info, ns);
    return { ...info, namespace: ns };
  };

/**
 * Like setNamespace, but an object that names another namespace is an error with kubectl's
 * text (used when -n was given explicitly).
 */
export const requireNamespace =
  (ns: string): InfoDecorator =>
  (info) => {
    if (!info.mapping.namespaced) return info;
    if (!info.namespace) {
      setObjectNamespace(info, ns);
      return { ...info, namespace: ns };
    }
    if (info.namespace !== ns) {
      throw new Error(
        `the namespace from the provided object "${info.namespace}" does not match the namespace "${ns}". You must pass '--namespace=${info.namespace}' to perform this operation.`,
      );
    }
    return info;
  };

/** Cluster-scoped Infos carry no namespace, even if a manifest set one (kubectl's FilterNamespace). */
export const filterNamespace: InfoDecorator = (info) => {
  if (info.mapping.namespaced || !info.namespace) return info;
  const o = info.object;
  if (o?.metadata?.namespace) {
    const { namespace: _drop, ...rest } = o.metadata;
    o.metadata = rest;
  }
  return { ...info, namespace: '' };
};

/** GETs the object (Accept as given, e.g. a Table for `get`). */
export async function fetchObject(
  client: RestClient,
  info: Info,
  accept?: string,
  signal?: AbortSignal,
): Promise<KubeObject> {
  const res = await client.request({
    path: resourcePath(info.mapping, info.namespace, info.name),
    accept,
    target: { group: info.mapping.resource.group, resource: info.mapping.resource.resource, name: info.name },
    signal,
  });
  return parseJsonBody<KubeObject>(res.body);
}

/** Loads the object when the Info has none (kubectl's RetrieveLazy). */
export const retrieveLazy =
  (client: RestClient, accept?: string): InfoDecorator =>
  async (info) =>
    info.object ? info : { ...info, object: await fetchObject(client, info, accept) };

/** Replaces the object by the server's current copy (kubectl's RetrieveLatest, for -f input). */
export const retrieveLatest =
  (client: RestClient, accept?: string): InfoDecorator =>
  async (info) => {
    if (!info.name) return info;
    return { ...info, object: await fetchObject(client, info, accept), source: undefined };
  };

/**
 * Keeps Infos whose object labels match (for -f input with -l; selectors sent to the server
 * filter server-side). An invalid selector is kubectl's `the provided selector "X" is not valid: ...`.
 */
export function filterByLabelSelector(selector: string): InfoDecorator {
  let sel: ReturnType<typeof parseSelector>;
  try {
    sel = parseSelector(selector);
  } catch (e) {
    throw new Error(`the provided selector "${selector}" is not valid: ${(e as Error).message}`);
  }
  return (info) => (sel.matches(info.object?.metadata?.labels ?? {}) ? info : null);
}
