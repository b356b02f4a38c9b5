import { StatusError } from '../../api/status.js';
import type { QueryValue, RestClient } from '../rest/client.js';
import { eventResourceVersion, type WatchEvent, WatchEventDecoder } from './event-decoder.js';

export interface WatchOptions {
  /** Collection path, e.g. `/api/v1/namespaces/default/pods`. */
  path: string;
  labelSelector?: string;
  fieldSelector?: string;
  /** Start after this resourceVersion ("" = current state as synthetic ADDED events, then changes). */
  resourceVersion?: string;
  allowWatchBookmarks?: boolean;
  timeoutSeconds?: number;
  /** Extra query parameters. */
  query?: Record<string, QueryValue>;
  signal?: AbortSignal;
  /** Re-open a dropped stream from the last seen resourceVersion (default true). */
  resume?: boolean;
  /** Consecutive failed re-opens tolerated before giving up (default 5). */
  maxReconnects?: number;
  /** Delay before re-opening, grows x2 up to 1s (default 50ms). */
  reconnectDelayMs?: number;
}

/**
 * Watches a collection over HTTP as an AsyncIterable of events. A stream that ends or breaks
 * (server timeout, dropped connection) is re-opened from the last resourceVersion seen, so no
 * event is lost or repeated. An ERROR event ends the watch with its Status as a StatusError
 * (410 Gone/Expired when the resourceVersion is too old; see listWatch to re-list then). Abort
 * `signal` to stop; the iterator then just finishes.
 */
export async function* watch(client: RestClient, opts: WatchOptions): AsyncGenerator<WatchEvent> {
  let rv = opts.resourceVersion;
  let failures = 0;
  let delay = opts.reconnectDelayMs ?? 50;
  const resume = opts.resume ?? true;
  while (!opts.signal?.aborted) {
    let progressed = false;
    try {
      const query: Record<string, QueryValue> = {
        ...(opts.query ?? {}),
        watch: 'true',
        labelSelector: opts.labelSelector || undefined,
        fieldSelector: opts.fieldSelector || undefined,
        resourceVersion: rv || undefined,
        allowWatchBookmarks: opts.allowWatchBookmarks ? 'true' : undefined,
        timeoutSeconds: opts.timeoutSeconds,
      };
      const { body } = await client.stream({ path: opts.path, query, signal: opts.signal });
      const decoder = new WatchEventDecoder();
      try {
        for await (const chunk of body) {
          for (const ev of decoder.push(chunk as Buffer)) {
            if (ev.type === 'ERROR') throw StatusError.fromStatus(ev.object);
            rv = eventResourceVersion(ev) ?? rv;
            progressed = true;
            failures = 0;
            delay = opts.reconnectDelayMs ?? 50;
            if (ev.type === 'BOOKMARK' && !opts.allowWatchBookmarks) continue;
            yield ev;
          }
        }
        decoder.end();
      } finally {
        body.destroy();
      }
    } catch (err) {
      if (opts.signal?.aborted) return;
      if (err instanceof StatusError) throw err;
      if (!resume || ++failures > (opts.maxReconnects ?? 5)) throw err;
    }
    if (!resume || opts.signal?.aborted) return;
    if (!progressed) {
      await sleep(delay, opts.signal);
      delay = Math.min(delay * 2, 1000);
    }
  }
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const t = setTimeout(done, ms);
    function done() {
      clearTimeout(t);
      signal?.removeEventListener('abort', done);
      resolve();
    }
    signal?.addEventListener('abort', done, { once: true });
  });
}
