/**
 * The fault-injection filter: applies the injector's request-level faults (latency, error
 * statuses, 410 on lists) to resource requests, and serves the admin endpoint `/kctl/faults`
 * for clients outside the process. Sits after authentication (the endpoint needs the user) and
 * request info. Watch-stream faults (drop/stall/expire) are the registry wrapper's
 * (`faultyRegistry`), since only there are events visible one by one.
 *
 * Admin endpoint (members of system:masters only, i.e. the admin certificate; others get 403):
 *   GET    /kctl/faults                     -> { rules, openWatches }
 *   POST   /kctl/faults                     body: a rule or { rules: [...] } -> 201 { ids }
 *   DELETE /kctl/faults[/ID]                -> clears all rules, or one
 *   POST   /kctl/faults/watches/ACTION      ACTION drop|stall|expire, body: optional selector -> { count }
 *   POST   /kctl/faults/compact             -> { revision }
 *   POST   /kctl/faults/seed                body: { seed } -> restarts the generator
 */
import { badRequest, forbidden, notFound, StatusError } from '../../api/status.js';
import { ADMIN_GROUP } from '../certs/cert-store.js';
import { readBody } from '../http/body.js';
import { type Handler, type HttpContext, requestInfo } from '../http/context.js';
import { writeError, writeObject } from '../http/response.js';
import type { Faults, WatchSelector } from './fault-injector.js';
import type { FaultRule } from './rules.js';

export const FAULTS_PATH = '/kctl/faults';

async function jsonBody(ctx: HttpContext): Promise<unknown> {
  const buf = await readBody(ctx, 1024 * 1024);
  if (buf.length === 0) return undefined;
  try {
    return JSON.parse(buf.toString('utf8'));
  } catch {
    throw badRequest('fault admin: the body is not valid JSON');
  }
}

async function admin(ctx: HttpContext, faults: Faults): Promise<void> {
  if (!ctx.user?.groups.includes(ADMIN_GROUP))
    throw forbidden(
      { group: '', resource: '' },
      '',
      `User "${ctx.user?.name ?? ''}" cannot use the fault admin endpoint`,
    );
  const rest = ctx.url.pathname.slice(FAULTS_PATH.length).split('/').filter(Boolean);
  const m = ctx.method;
  if (rest.length === 0 && m === 'GET')
    return writeObject(ctx, 200, { rules: faults.list(), openWatches: faults.openWatchCount });
  if (rest.length === 0 && m === 'POST') {
    const body = (await jsonBody(ctx)) as { rules?: unknown[] } | undefined;
    const rules = body && Array.isArray(body.rules) ? body.rules : [body];
    const ids: string[] = [];
    try {
      for (const r of rules) ids.push(faults.add(r as FaultRule));
    } catch (e) {
      for (const id of ids) faults.remove(id);
      throw badRequest(e instanceof Error ? e.message : String(e));
    }
    return writeObject(ctx, 201, { ids });
  }
  if (m === 'DELETE' && rest.length <= 1) {
    if (rest.length === 0) faults.clear();
    else if (!faults.remove(rest[0] as string)) throw notFound({ group: '', resource: 'faults' }, rest[0] as string);
    return writeObject(ctx, 200, { rules: faults.list() });
  }
  if (m === 'POST' && rest[0] === 'watches' && rest.length === 2) {
    const sel = ((await jsonBody(ctx)) ?? {}) as WatchSelector;
    const action = rest[1];
    const count =
      action === 'drop'
        ? faults.dropWatches(sel)
        : action === 'stall'
          ? faults.stallWatches(sel)
          : action === 'expire'
            ? faults.expireWatches(sel)
            : -1;
    if (count < 0) throw badRequest(`unknown watch action ${JSON.stringify(action)} (drop, stall, expire)`);
    return writeObject(ctx, 200, { count });
  }
  if (m === 'POST' && rest[0] === 'compact' && rest.length === 1)
    return writeObject(ctx, 200, { revision: await faults.compactNow() });
  if (m === 'POST' && rest[0] === 'seed' && rest.length === 1) {
    const seed = ((await jsonBody(ctx)) as { seed?: unknown } | undefined)?.seed;
    if (typeof seed !== 'number' || !Number.isInteger(seed)) throw badRequest('fault admin: seed must be an integer');
    faults.reseed(seed);
    return writeObject(ctx, 200, { seed });
  }
  throw notFound({ group: '', resource: 'faults' }, rest.join('/'));
}

/**
 * Wraps `handler` with the injector. Marks the injector as owning request-level faults so the
 * registry wrapper does not apply them a second time.
 */
export function withFaults(handler: Handler, faults: Faults): Handler {
  faults.httpFilterInstalled = true;
  return async (ctx) => {
    const path = ctx.url.pathname;
    if (path === FAULTS_PATH || path.startsWith(`${FAULTS_PATH}/`)) {
      try {
        await admin(ctx, faults);
      } catch (e) {
        writeError(ctx, e instanceof StatusError ? e : badRequest(e instanceof Error ? e.message : String(e)));
      }
      return;
    }
    const info = requestInfo(ctx);
    if (info.isResourceRequest) {
      try {
        await faults.beforeRequest({
          verb: info.verb,
          group: info.apiGroup,
          resource: info.resource,
          subresource: info.subresource,
          namespace: info.namespace,
          name: info.name,
        });
      } catch (e) {
        writeError(ctx, e);
        return;
      }
    }
    return handler(ctx);
  };
}
