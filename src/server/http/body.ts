/**
 * Request bodies: read whole with kube's 3 MiB limit (413 beyond it, checked against
 * Content-Length first so a huge upload is refused before it is read).
 */
import { requestEntityTooLarge } from '../../api/status.js';
import type { HttpContext } from './context.js';

/** kube's MaxRequestBodyBytes. */
export const MAX_BODY_BYTES = 3 * 1024 * 1024;

export async function readBody(ctx: HttpContext, limit = MAX_BODY_BYTES): Promise<Buffer> {
  const declared = Number(ctx.req.headers['content-length'] ?? Number.NaN);
  if (Number.isFinite(declared) && declared > limit) throw requestEntityTooLarge(`limit is ${limit}`);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of ctx.req as AsyncIterable<Buffer | string>) {
    const b = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    size += b.length;
    if (size > limit) throw requestEntityTooLarge(`limit is ${limit}`);
    chunks.push(b);
  }
  return Buffer.concat(chunks);
}
