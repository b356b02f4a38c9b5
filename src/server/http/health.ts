/**
 * /healthz, /livez and /readyz as kube serves them (k8s.io/apiserver/pkg/server/healthz):
 * `ok` by default; `?verbose` lists `[+]<check> ok` lines and `<name> check passed`;
 * `/<endpoint>/<check>` runs one check; `?exclude=<check>` skips one. A failing check answers
 * 500 with `[-]<check> failed: reason withheld` (kube hides reasons from the response).
 */
import { notFound } from '../../api/status.js';
import type { HttpContext } from './context.js';
import { writeError, writeText } from './response.js';

export interface HealthCheck {
  name: string;
  /** Resolves when healthy; rejects (or returns an error text) when not. */
  check(): Promise<void> | void;
}

export interface HealthEndpoints {
  healthz: HealthCheck[];
  livez: HealthCheck[];
  readyz: HealthCheck[];
}

async function passes(c: HealthCheck): Promise<boolean> {
  try {
    await c.check();
    return true;
  } catch {
    return false;
  }
}

/** Serves a health path; returns false when the path is not a health path. */
export async function serveHealth(ctx: HttpContext, endpoints: HealthEndpoints): Promise<boolean> {
  const m = /^\/(healthz|livez|readyz)(?:\/(.*))?$/.exec(ctx.url.pathname);
  if (!m) return false;
  const name = m[1] as keyof HealthEndpoints;
  const checks = endpoints[name];
  const sub = m[2];
  if (sub) {
    const one = checks.find((c) => c.name === sub);
    if (!one) {
      writeError(ctx, notFound({ group: '', resource: '' }, ''));
      return true;
    }
    if (await passes(one)) writeText(ctx, 200, 'ok');
    else writeText(ctx, 500, `internal server error: ${one.name} failed\n`);
    return true;
  }
  const exclude = new Set(ctx.query.getAll('exclude'));
  const verbose = ctx.query.has('verbose');
  let out = '';
  let failed = false;
  for (const c of checks) {
    if (exclude.has(c.name)) {
      out += `[+]${c.name} excluded: ok\n`;
      continue;
    }
    if (await passes(c)) out += `[+]${c.name} ok\n`;
    else {
      failed = true;
      out += `[-]${c.name} failed: reason withheld\n`;
    }
  }
  if (failed) {
    writeText(ctx, 500, `${out}${name} check failed\n`);
    return true;
  }
  writeText(ctx, 200, verbose ? `${out}${name} check passed\n` : 'ok');
  return true;
}
