import { type Handler, requestInfo } from '../http/context.js';

/**
 * Attaches kube's RequestInfo (verb, group, version, namespace, resource, name, subresource)
 * to the context. Earlier filters may already have asked for it; it is parsed once.
 */
export function withRequestInfo(handler: Handler): Handler {
  return async (ctx) => {
    requestInfo(ctx);
    return handler(ctx);
  };
}
