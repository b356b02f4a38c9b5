import type { ClientContext } from '../../client/index.js';
import type { OpenApiDocument } from './render.js';

interface OpenApiIndex {
  paths?: Record<string, { serverRelativeURL?: string }>;
}

/**
 * The OpenAPI v3 document of one group version, found through the /openapi/v3 index (its
 * serverRelativeURL carries the hash that makes the document cacheable).
 */
export async function openApiV3Document(ctx: ClientContext, group: string, version: string): Promise<OpenApiDocument> {
  const index = await ctx.rest.json<OpenApiIndex>({ path: '/openapi/v3' });
  const key = group ? `apis/${group}/${version}` : `api/${version}`;
  const url = index.paths?.[key]?.serverRelativeURL;
  if (!url) throw new Error(`couldn't find resource for "${group ? `${group}/` : ''}${version}"`);
  return ctx.rest.json<OpenApiDocument>({ path: url });
}
