/**
 * The per-request state every filter and handler shares. Node's HTTP/1.1 and HTTP/2
 * compatibility APIs expose the same request/response surface, so one type covers both.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Http2ServerRequest, Http2ServerResponse } from 'node:http2';
import type { UserInfo } from '../registry/types.js';
import { parseRequestInfo, type RequestInfo } from './request-info.js';

export type NodeRequest = IncomingMessage | Http2ServerRequest;
export type NodeResponse = ServerResponse | Http2ServerResponse;

export interface HttpContext {
  req: NodeRequest;
  res: NodeResponse;
  method: string;
  url: URL;
  query: URLSearchParams;
  /** Aborted when the client goes away, the request times out or the server shuts down. */
  signal: AbortSignal;
  abort(reason?: unknown): void;
  user?: UserInfo;
  /** Set by the request-info filter; `requestInfo(ctx)` computes it on demand for earlier filters. */
  info?: RequestInfo;
  /** Warnings to send as `Warning: 299 - "..."` headers. */
  warnings: string[];
  /** Present on a WebSocket upgrade request: completes the handshake and yields the socket. */
  upgradeWebSocket?: () => Promise<import('ws').WebSocket>;
}

/**
 * Builds the context; the URL host is irrelevant (only path and query are used). The abort
 * signal is made on first use (watches and streams; most requests never look), then follows the
 * client closing the connection and the server shutting down.
 */
export function newContext(req: NodeRequest, res: NodeResponse, shutdown?: AbortSignal): HttpContext {
  const url = new URL(req.url ?? '/', 'https://kctl.invalid');
  let controller: AbortController | undefined;
  let early: { reason: unknown } | undefined;
  const abort = (reason?: unknown): void => {
    if (controller) controller.abort(reason);
    else early ??= { reason };
  };
  const onShutdown = (): void => abort(shutdown?.reason);
  res.on('close', () => {
    shutdown?.removeEventListener('abort', onShutdown);
    if (!res.writableEnded) abort(new Error('client closed the connection'));
  });
  const signal = (): AbortSignal => {
    if (controller) return controller.signal;
    controller = new AbortController();
    if (early) controller.abort(early.reason);
    else if (shutdown?.aborted) controller.abort(shutdown.reason);
    else if (shutdown) {
      shutdown.addEventListener('abort', onShutdown, { once: true });
      res.on('finish', () => shutdown.removeEventListener('abort', onShutdown));
    }
    return controller.signal;
  };
  return {
    req,
    res,
    method: (req.method ?? 'GET').toUpperCase(),
    url,
    query: url.searchParams,
    get signal() {
      return signal();
    },
    abort,
    warnings: [],
  };
}

/** The request's RequestInfo, parsed once. */
export function requestInfo(ctx: HttpContext): RequestInfo {
  if (!ctx.info) ctx.info = parseRequestInfo(ctx.method, ctx.url.pathname, ctx.query);
  return ctx.info;
}

/** kube's long-running requests: watches (and proxy/exec-style subresources, none served yet). */
export function isLongRunning(ctx: HttpContext): boolean {
  const info = requestInfo(ctx);
  if (!info.isResourceRequest) return false;
  if (info.verb === 'watch' || info.verb === 'proxy') return true;
  return ['log', 'exec', 'attach', 'portforward', 'proxy'].includes(info.subresource) && info.verb === 'get';
}

export type Handler = (ctx: HttpContext) => Promise<void>;
