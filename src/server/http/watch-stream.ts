/**
 * Watch streaming (kube's WatchServer): newline-delimited JSON events over a chunked HTTP
 * response, or one text message per event over a WebSocket. The stream ends when the client
 * leaves, `timeoutSeconds` passes (default: a random 30-60 min like kube's
 * --min-request-timeout), or the server shuts down. An error raised by the watch once it has
 * started (e.g. 410 "too old resource version") is sent as an ERROR event carrying the Status,
 * as kube does; errors raised before the first event (bad selectors) are a normal error response.
 */
import type { WebSocket } from 'ws';
import type { RegistryWatchEvent } from '../registry/types.js';
import type { HttpContext } from './context.js';
import type { WireFormat } from './negotiation.js';
import { CONTENT_TYPE, commonHeaders, encode, toStatus } from './response.js';

export interface WatchStreamOptions {
  events: AsyncIterable<RegistryWatchEvent>;
  /** Turns a registry event object into what the client asked for (Table, metadata...). */
  transform: (ev: RegistryWatchEvent) => unknown;
  format: WireFormat;
  timeoutSeconds?: number;
  /** Stops the registry watch (aborts its signal). */
  stop: () => void;
}

/** kube's default watch timeout: [minRequestTimeout, 2*minRequestTimeout) with 1800 s. */
export const defaultWatchTimeoutSeconds = (): number => 1800 + Math.floor(Math.random() * 1800);

const errorEvent = (err: unknown) => ({ type: 'ERROR', object: toStatus(err) });

/** A sink events are written to; `false` from write = the peer is gone. */
interface Sink {
  start(): void;
  write(text: string): Promise<void>;
  end(): void;
}

async function pump(opts: WatchStreamOptions, sink: Sink, ctx: HttpContext): Promise<void> {
  const iterator = opts.events[Symbol.asyncIterator]();
  const seconds = opts.timeoutSeconds ?? defaultWatchTimeoutSeconds();
  const timer = setTimeout(() => opts.stop(), seconds * 1000);
  const onAbort = (): void => opts.stop();
  ctx.signal.addEventListener('abort', onAbort, { once: true });
  // The first event decides: an immediate rejection (bad selector, 404) is a plain error response.
  let first: IteratorResult<RegistryWatchEvent> | undefined;
  let firstError: unknown;
  let settled = false;
  const firstPromise = iterator.next().then(
    (r) => {
      first = r;
      settled = true;
    },
    (e) => {
      firstError = e;
      settled = true;
    },
  );
  await Promise.race([firstPromise, new Promise((r) => setTimeout(r, 5))]);
  let started = false;
  try {
    if (settled && firstError !== undefined && !isStreamError(firstError)) throw firstError;
    sink.start();
    started = true;
    if (!settled) await firstPromise;
    if (firstError !== undefined) {
      await sink.write(encode(errorEvent(firstError), opts.format));
      return;
    }
    let r = first as IteratorResult<RegistryWatchEvent>;
    while (!r.done) {
      if (ctx.signal.aborted) break;
      const ev = r.value;
      await sink.write(
        encode({ type: ev.type, object: ev.type === 'ERROR' ? ev.object : opts.transform(ev) }, opts.format),
      );
      try {
        r = await iterator.next();
      } catch (e) {
        if (!ctx.signal.aborted) await sink.write(encode(errorEvent(e), opts.format));
        break;
      }
    }
  } finally {
    clearTimeout(timer);
    ctx.signal.removeEventListener('abort', onAbort);
    opts.stop();
    await iterator.return?.().catch(() => undefined);
    if (started) sink.end();
  }
}

/** Errors that belong in the stream (410 Gone/Expired, 5xx) rather than as the response status. */
function isStreamError(e: unknown): boolean {
  const s = toStatus(e);
  return s.code === 410 || s.code >= 500;
}

/** Streams over the HTTP response (chunked on HTTP/1.1, DATA frames on HTTP/2). */
export async function streamWatchHttp(ctx: HttpContext, opts: WatchStreamOptions): Promise<void> {
  const res = ctx.res;
  const sink: Sink = {
    start() {
      commonHeaders(ctx);
      res.setHeader('Content-Type', CONTENT_TYPE[opts.format]);
      res.writeHead(200);
      (res as { flushHeaders?: () => void }).flushHeaders?.();
    },
    write(text) {
      if (res.writableEnded || res.destroyed) return Promise.resolve();
      return new Promise((resolve) => {
        const ok = (res as { write(c: string): boolean }).write(text);
        if (ok) resolve();
        else {
          const done = (): void => {
            res.off('drain', done);
            res.off('close', done);
            resolve();
          };
          res.on('drain', done);
          res.on('close', done);
        }
      });
    },
    end() {
      if (!res.writableEnded) res.end();
    },
  };
  await pump(opts, sink, ctx);
}

/** Streams over an accepted WebSocket: one text message per event, closed at the end. */
export async function streamWatchWebSocket(ctx: HttpContext, ws: WebSocket, opts: WatchStreamOptions): Promise<void> {
  ws.on('close', () => ctx.abort(new Error('websocket closed')));
  ws.on('message', () => undefined); // clients may send keep-alives; they mean nothing here
  const sink: Sink = {
    start() {},
    write(text) {
      if (ws.readyState !== ws.OPEN) return Promise.resolve();
      return new Promise((resolve) => ws.send(text, () => resolve()));
    },
    end() {
      if (ws.readyState === ws.OPEN) ws.close(1000);
    },
  };
  try {
    await pump(opts, sink, ctx);
  } catch (e) {
    // Before the first event: report as an ERROR message, then close.
    if (ws.readyState === ws.OPEN) {
      ws.send(encode(errorEvent(e), opts.format));
      ws.close(1000);
    }
  }
}
