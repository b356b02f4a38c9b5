import { type Handler, isLongRunning, requestInfo } from '../http/context.js';
import { writeText } from '../http/response.js';

export interface MaxInflightDeps {
  /** kube's --max-requests-inflight (reads), default 400; 0 = unlimited. */
  maxReadOnly?: number;
  /** kube's --max-mutating-requests-inflight, default 200; 0 = unlimited. */
  maxMutating?: number;
}

const READ_VERBS = new Set(['get', 'list', 'watch']);

/**
 * kube's WithMaxInFlightLimit: reads and writes are counted apart, long-running requests are
 * not counted, and an over-limit request gets 429 with `Retry-After: 1` and kube's plain-text
 * body (it is written before the request is even decoded, as kube's http.Error does).
 */
export function withMaxInflight(handler: Handler, deps: MaxInflightDeps = {}): Handler {
  const limits = { read: deps.maxReadOnly ?? 400, write: deps.maxMutating ?? 200 };
  const inflight = { read: 0, write: 0 };
  return async (ctx) => {
    if (isLongRunning(ctx)) return handler(ctx);
    const info = requestInfo(ctx);
    const readOnly = info.isResourceRequest ? READ_VERBS.has(info.verb) : ctx.method === 'GET' || ctx.method === 'HEAD';
    const kind: 'read' | 'write' = readOnly ? 'read' : 'write';
    if (limits[kind] > 0 && inflight[kind] >= limits[kind]) {
      writeText(ctx, 429, 'Too many requests, please try again later.\n', { 'Retry-After': '1' });
      return;
    }
    inflight[kind]++;
    try {
      await handler(ctx);
    } finally {
      inflight[kind]--;
    }
  };
}
