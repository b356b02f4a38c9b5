import { badRequest, timeout as timeoutError } from '../../api/status.js';
import { type Handler, isLongRunning } from '../http/context.js';
import { writeError } from '../http/response.js';

export interface TimeoutDeps {
  /** The server's request timeout (kube's --request-timeout, default 60 s). */
  defaultTimeoutMs?: number;
}

const UNITS: Record<string, number> = { ns: 1e-6, us: 1e-3, µs: 1e-3, ms: 1, s: 1000, m: 60_000, h: 3_600_000 };

/** Parses a Go duration (`30s`, `1m30s`, `250ms`, `0`); undefined when malformed. */
export function parseGoDuration(text: string): number | undefined {
  if (text === '0') return 0;
  const re = /(\d+(?:\.\d*)?|\.\d+)(ns|us|µs|ms|s|m|h)/gy;
  let total = 0;
  let pos = 0;
  let m: RegExpExecArray | null = re.exec(text);
  while (m) {
    total += Number(m[1]) * (UNITS[m[2] ?? ''] ?? 0);
    pos = re.lastIndex;
    m = re.exec(text);
  }
  return pos === text.length && pos > 0 ? total : undefined;
}

/**
 * kube's WithRequestDeadline + WithTimeoutForNonLongRunningRequests: a non-long-running request
 * gets `min(?timeout, default)`; when it runs out the client gets 504 Timeout and the handler's
 * signal is aborted (its late writes are dropped). Watches and other long-running requests are
 * exempt (they end on their own timeoutSeconds).
 */
export function withTimeout(handler: Handler, deps: TimeoutDeps = {}): Handler {
  const fallback = deps.defaultTimeoutMs ?? 60_000;
  return async (ctx) => {
    if (isLongRunning(ctx)) return handler(ctx);
    let ms = fallback;
    const given = ctx.query.get('timeout');
    if (given !== null && given !== '') {
      const parsed = parseGoDuration(given);
      if (parsed === undefined) {
        writeError(ctx, badRequest(`invalid timeout specified in the request URL - time: invalid duration "${given}"`));
        return;
      }
      if (parsed > 0) ms = Math.min(parsed, fallback);
    }
    let timer: NodeJS.Timeout | undefined;
    const expired = new Promise<'timeout'>((resolve) => {
      timer = setTimeout(() => resolve('timeout'), ms);
    });
    try {
      const outcome = await Promise.race([handler(ctx).then(() => 'done' as const), expired]);
      if (outcome === 'timeout') {
        writeError(ctx, timeoutError('request did not complete within requested timeout - context deadline exceeded'));
        ctx.abort(new Error('request timed out'));
      }
    } finally {
      clearTimeout(timer);
    }
  };
}
