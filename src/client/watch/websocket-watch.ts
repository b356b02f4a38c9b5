import WebSocket from 'ws';
import { StatusError } from '../../api/status.js';
import { encodeQuery, type QueryValue, type RestClient, userAgent } from '../rest/client.js';
import { type WatchEvent, WatchEventDecoder } from './event-decoder.js';

/** The subset of the WebSocket API used here: `ws` and mock-socket both provide it. */
export interface WebSocketLike {
  addEventListener(type: 'open' | 'close' | 'error' | 'message', listener: (ev: any) => void): void;
  close(code?: number, reason?: string): void;
}

export type WebSocketFactory = (url: string, protocols: string[], options: WebSocket.ClientOptions) => WebSocketLike;

export interface WebSocketWatchOptions {
  path: string;
  labelSelector?: string;
  fieldSelector?: string;
  resourceVersion?: string;
  query?: Record<string, QueryValue>;
  signal?: AbortSignal;
  /** Injected for tests (mock-socket); default opens a real `ws` socket with the client's TLS. */
  createSocket?: WebSocketFactory;
}

const defaultFactory: WebSocketFactory = (url, protocols, options) =>
  new WebSocket(url, protocols, options) as unknown as WebSocketLike;

/**
 * Watches a collection over WebSocket (the apiserver serves `?watch=true` upgrades, one JSON
 * event per message). Messages may be text or binary; they go through the same incremental
 * decoder as HTTP streams. ERROR events end the iteration with a StatusError; a close ends it
 * normally; aborting `signal` closes the socket.
 */
export async function* watchWebSocket(client: RestClient, opts: WebSocketWatchOptions): AsyncGenerator<WatchEvent> {
  const query: Record<string, QueryValue> = {
    ...(opts.query ?? {}),
    watch: 'true',
    labelSelector: opts.labelSelector || undefined,
    fieldSelector: opts.fieldSelector || undefined,
    resourceVersion: opts.resourceVersion || undefined,
  };
  const url = `${client.config.server.replace(/^http/, 'ws')}${opts.path}${encodeQuery(query)}`;
  const { headers } = await client.authHeaders();
  const tls = client.config.tls;
  const options: WebSocket.ClientOptions = {
    headers: { ...flatten(headers), 'User-Agent': userAgent() },
    rejectUnauthorized: !tls.insecure,
    ...(tls.ca && !tls.insecure ? { ca: tls.ca } : {}),
    ...(tls.cert ? { cert: tls.cert } : {}),
    ...(tls.key ? { key: tls.key } : {}),
    ...(tls.serverName ? { servername: tls.serverName } : {}),
  };
  const socket = (opts.createSocket ?? defaultFactory)(url, [], options);

  // A small queue bridges socket callbacks to the async iterator.
  const queue: WatchEvent[] = [];
  let finished = false;
  let failure: unknown;
  let wake: (() => void) | undefined;
  const notify = () => {
    wake?.();
    wake = undefined;
  };
  const decoder = new WatchEventDecoder();
  socket.addEventListener('message', (ev: { data: unknown }) => {
    try {
      queue.push(...decoder.push(messageText(ev.data)));
    } catch (e) {
      failure ??= e;
      finished = true;
    }
    notify();
  });
  socket.addEventListener('error', (ev: { message?: string; error?: unknown }) => {
    failure ??= ev.error ?? new Error(`websocket watch failed: ${ev.message ?? 'connection error'}`);
    finished = true;
    notify();
  });
  socket.addEventListener('close', () => {
    finished = true;
    notify();
  });
  const onAbort = () => {
    finished = true;
    socket.close(1000);
    notify();
  };
  opts.signal?.addEventListener('abort', onAbort, { once: true });
  try {
    while (true) {
      while (queue.length > 0) {
        const ev = queue.shift()!;
        if (ev.type === 'ERROR') throw StatusError.fromStatus(ev.object);
        yield ev;
      }
      if (opts.signal?.aborted) return;
      if (finished) {
        if (failure) throw failure;
        return;
      }
      await new Promise<void>((r) => {
        wake = r;
      });
    }
  } finally {
    opts.signal?.removeEventListener('abort', onAbort);
    socket.close(1000);
  }
}

function flatten(h: Record<string, string | string[]>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(h)) out[k] = Array.isArray(v) ? v.join(', ') : v;
  return out;
}

/** Message payloads: strings, Buffers (ws), ArrayBuffers or fragment lists. */
function messageText(data: unknown): string {
  if (typeof data === 'string') return data;
  if (Buffer.isBuffer(data)) return data.toString('utf8');
  if (data instanceof ArrayBuffer) return Buffer.from(data).toString('utf8');
  if (Array.isArray(data)) return Buffer.concat(data as Buffer[]).toString('utf8');
  throw new Error('websocket watch: unsupported message payload');
}
