import { unauthorized } from '../../api/status.js';
import type { Authenticator } from '../auth/authenticator.js';
import type { Handler } from '../http/context.js';
import { writeError } from '../http/response.js';

export interface AuthenticationDeps {
  authenticator: Authenticator;
  /**
   * Paths served to anyone (kube's anonymous access to /healthz, /livez, /readyz and /version
   * through the system:public-info-viewer role). Exact paths or prefixes ending in '/'.
   */
  publicPaths?: string[];
}

export const DEFAULT_PUBLIC_PATHS = ['/healthz', '/healthz/', '/livez', '/livez/', '/readyz', '/readyz/', '/version'];

const ANONYMOUS = { name: 'system:anonymous', groups: ['system:unauthenticated'] };

function isPublic(path: string, list: string[]): boolean {
  return list.some((p) => (p.endsWith('/') ? path.startsWith(p) : path === p));
}

/**
 * Authentication: the user from a client certificate or bearer token; the Authorization header
 * is removed once used (kube does not pass credentials on). No credentials, or bad ones -> 401
 * Status `Unauthorized`, except on the public paths.
 */
export function withAuthentication(handler: Handler, deps: AuthenticationDeps): Handler {
  const publicPaths = deps.publicPaths ?? DEFAULT_PUBLIC_PATHS;
  return async (ctx) => {
    const pending = deps.authenticator({ headers: ctx.req.headers, socket: ctx.req.socket });
    const result = pending instanceof Promise ? await pending : pending;
    if (result && 'user' in result) {
      ctx.user = result.user;
      delete ctx.req.headers.authorization;
      return handler(ctx);
    }
    if (isPublic(ctx.url.pathname, publicPaths)) {
      ctx.user = ANONYMOUS;
      return handler(ctx);
    }
    writeError(ctx, unauthorized());
  };
}
