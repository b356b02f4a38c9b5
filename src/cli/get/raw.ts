import type { ClientContext } from '../../client/index.js';
import type { Output } from '../../printers/index.js';

/**
 * `kubectl get --raw PATH`: GET the URI as given (query included) and copy the body to stdout
 * unchanged. Error statuses end the command with kubectl's error text.
 */
export async function runRaw(ctx: ClientContext, uri: string, out: Output): Promise<void> {
  if (!uri.startsWith('/')) throw new Error(`--raw must be a valid URL path: parse "${uri}": invalid URI for request`);
  const res = await ctx.rest.request({ path: uri });
  out.write(res.body.toString('utf8'));
}
