import { StatusError } from '../../api/status.js';
import { listAll } from '../list-pager.js';
import type { RestClient } from '../rest/client.js';
import type { WatchEvent } from './event-decoder.js';
import { watch } from './http-watch.js';

export interface ListWatchOptions {
  path: string;
  labelSelector?: string;
  fieldSelector?: string;
  chunkSize?: number;
  signal?: AbortSignal;
  /** Re-lists tolerated in a row without a successful watch event (default 3). */
  maxRelists?: number;
}

type Obj = Record<string, unknown>;
const keyOf = (o: Obj): string => {
  const md = (o.metadata ?? {}) as { namespace?: string; name?: string };
  return `${md.namespace ?? ''}/${md.name ?? ''}`;
};
const rvOf = (o: Obj): string => ((o.metadata ?? {}) as { resourceVersion?: string }).resourceVersion ?? '';

/**
 * An informer-lite: lists the collection (emitting every object as ADDED), then watches from
 * the list's resourceVersion. When the watch fails with 410 (Gone/Expired: the resourceVersion
 * was compacted) it re-lists and emits only the difference against what it had seen (ADDED for
 * new objects, MODIFIED for changed ones, DELETED for vanished ones), then watches again.
 * Dropped connections are resumed by `watch` itself.
 */
export async function* listWatch(client: RestClient, opts: ListWatchOptions): AsyncGenerator<WatchEvent> {
  const known = new Map<string, Obj>();
  let relists = 0;
  while (!opts.signal?.aborted) {
    const { items, resourceVersion } = await listAll(client, {
      path: opts.path,
      query: { labelSelector: opts.labelSelector || undefined, fieldSelector: opts.fieldSelector || undefined },
      limit: opts.chunkSize ?? 500,
      signal: opts.signal,
    });
    const fresh = new Map(items.map((o) => [keyOf(o), o]));
    for (const [k, o] of fresh) {
      const old = known.get(k);
      if (!old) yield { type: 'ADDED', object: o };
      else if (rvOf(old) !== rvOf(o)) yield { type: 'MODIFIED', object: o };
      known.set(k, o);
    }
    for (const [k, o] of known) {
      if (fresh.has(k)) continue;
      known.delete(k);
      yield { type: 'DELETED', object: o };
    }
    try {
      for await (const ev of watch(client, {
        path: opts.path,
        labelSelector: opts.labelSelector,
        fieldSelector: opts.fieldSelector,
        resourceVersion,
        signal: opts.signal,
      })) {
        relists = 0;
        if (ev.type === 'DELETED') known.delete(keyOf(ev.object));
        else if (ev.type === 'ADDED' || ev.type === 'MODIFIED') known.set(keyOf(ev.object), ev.object);
        yield ev;
      }
      return;
    } catch (err) {
      if (!(err instanceof StatusError) || err.code !== 410) throw err;
      if (++relists > (opts.maxRelists ?? 3)) throw err;
    }
  }
}
