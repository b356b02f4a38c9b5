import type { Handler } from '../http/context.js';
import { writeError } from '../http/response.js';

export interface RecoverDeps {
  /** Where to report an unexpected error (a server log); defaults to stderr. */
  log?: (message: string) => void;
}

/**
 * Panic recovery: anything a handler throws that is not already answered becomes kube's 500
 * InternalError Status, and the server keeps serving. StatusErrors that escape are written as
 * they are (a handler may throw one instead of writing it).
 */
export function withRecover(handler: Handler, deps: RecoverDeps = {}): Handler {
  const log = deps.log ?? ((m: string) => process.stderr.write(`${m}\n`));
  return async (ctx) => {
    try {
      await handler(ctx);
    } catch (err) {
      if (!(err instanceof Error && err.name === 'StatusError')) {
        log(
          `kctl serve: ${ctx.method} ${ctx.url.pathname}: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`,
        );
      }
      try {
        writeError(ctx, err);
      } catch {
        if (!ctx.res.writableEnded) ctx.res.end();
      }
    }
  };
}
