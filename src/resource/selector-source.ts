import { StatusError } from '../api/status.js';
import { listPages } from '../client/list-pager.js';
import { type RestMapping, resourcePath } from '../client/mapper.js';
import type { RestClient } from '../client/rest/client.js';
import type { Visitor } from './info.js';

export interface SelectorSourceOptions {
  mapping: RestMapping;
  /** "" lists across all namespaces (or a cluster-scoped type). */
  namespace: string;
  labelSelector?: string;
  fieldSelector?: string;
  /** --chunk-size; 0 disables paging. */
  chunkSize: number;
  accept?: string;
  signal?: AbortSignal;
}

/**
 * Lists one type (kubectl's Selector visitor): one Info per page, holding the page as the
 * server sent it (a List, or a Table when a Table was asked for). The builder flattens Lists
 * into items when asked to.
 */
export async function* selectorVisitor(client: RestClient, o: SelectorSourceOptions): Visitor {
  const namespace = o.mapping.namespaced ? o.namespace : '';
  try {
    for await (const page of listPages(client, {
      path: resourcePath(o.mapping, namespace),
      query: { labelSelector: o.labelSelector || undefined, fieldSelector: o.fieldSelector || undefined },
      limit: o.chunkSize,
      accept: o.accept,
      target: { group: o.mapping.resource.group, resource: o.mapping.resource.resource },
      signal: o.signal,
    })) {
      yield { mapping: o.mapping, namespace, name: '', object: page as never };
    }
  } catch (e) {
    yield listError(e as Error, o);
  }
}

/** The GroupVersionResource as Go prints it: `/v1, Resource=pods`, `apps/v1, Resource=deployments`. */
export const gvrString = (m: RestMapping): string =>
  `${m.resource.group}/${m.resource.version}, Resource=${m.resource.resource}`;

/**
 * cli-runtime's Selector visitor rewords NotFound/BadRequest list failures, keeping them API
 * errors: `Unable to list "/v1, Resource=pods": ...`, or with selectors
 * `Unable to find "/v1, Resource=pods" that match label selector "a=b", field selector "": ...`.
 */
function listError(e: Error, o: SelectorSourceOptions): Error {
  if (!(e instanceof StatusError)) return e;
  const notFound = e.reason === 'NotFound' || (e.reason === '' && e.code === 404);
  const badRequest = e.reason === 'BadRequest' || (e.reason === '' && e.code === 400);
  if (!notFound && !badRequest) return e;
  const gvr = gvrString(o.mapping);
  const message =
    !o.labelSelector && !o.fieldSelector
      ? `Unable to list "${gvr}": ${e.message}`
      : `Unable to find "${gvr}" that match label selector "${o.labelSelector ?? ''}", field selector "${o.fieldSelector ?? ''}": ${e.message}`;
  return new StatusError({ ...e.status, message });
}
