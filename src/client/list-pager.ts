import type { QueryValue, RestClient } from './rest/client.js';
import { parseJsonBody } from './rest/client.js';
import type { RequestTarget } from './rest/response-errors.js';

/** A list response (any kind ending in List, or a meta.k8s.io Table). */
export interface ListObject {
  apiVersion?: string;
  kind?: string;
  metadata?: { resourceVersion?: string; continue?: string; remainingItemCount?: number };
  items?: Record<string, unknown>[];
  rows?: unknown[];
  [k: string]: unknown;
}

export interface ListPagesOptions {
  path: string;
  query?: Record<string, QueryValue>;
  /** Page size (kubectl's --chunk-size, default 500); 0 = one unpaged request. */
  limit?: number;
  accept?: string;
  target?: RequestTarget;
  signal?: AbortSignal;
}

/**
 * Lists a collection page by page, following `metadata.continue` as kubectl does with
 * --chunk-size. Each page is yielded as the server sent it (a List or a Table).
 */
export async function* listPages(client: RestClient, opts: ListPagesOptions): AsyncGenerator<ListObject> {
  let cont: string | undefined;
  do {
    const query: Record<string, QueryValue> = { ...(opts.query ?? {}) };
    if (opts.limit && opts.limit > 0) query.limit = opts.limit;
    if (cont) query.continue = cont;
    const res = await client.request({
      path: opts.path,
      query,
      accept: opts.accept,
      target: opts.target,
      signal: opts.signal,
    });
    const page = parseJsonBody<ListObject>(res.body);
    yield page;
    cont = page.metadata?.continue || undefined;
  } while (cont);
}

/** All items of a collection (all pages) and the resourceVersion of the last page. */
export async function listAll(
  client: RestClient,
  opts: ListPagesOptions,
): Promise<{ items: Record<string, unknown>[]; resourceVersion: string; list: ListObject }> {
  const items: Record<string, unknown>[] = [];
  let last: ListObject = {};
  for await (const page of listPages(client, opts)) {
    items.push(...(page.items ?? []));
    last = page;
  }
  return { items, resourceVersion: last.metadata?.resourceVersion ?? '', list: last };
}
