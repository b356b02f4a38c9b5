/**
 * Content negotiation as kubectl does it: the Accept values it sends and the media types it
 * recognises in answers.
 */
import yaml from 'js-yaml';

/** `kubectl get` human output: server-side Table (v1, then v1beta1), else plain JSON. */
export const ACCEPT_TABLE =
  'application/json;as=Table;v=v1;g=meta.k8s.io,application/json;as=Table;v=v1beta1;g=meta.k8s.io,application/json';
/** Objects as JSON (-o json/yaml/name/jsonpath...). */
export const ACCEPT_JSON = 'application/json';
/** client-go's default when a request sets no Accept. */
export const ACCEPT_ANY_JSON = 'application/json, */*';
/** Aggregated discovery (apidiscovery v2, then v2beta1), else the legacy documents. */
export const ACCEPT_AGGREGATED_DISCOVERY =
  'application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList,application/json;g=apidiscovery.k8s.io;v=v2beta1;as=APIGroupDiscoveryList,application/json';

export const CONTENT_TYPE_JSON = 'application/json';
export const CONTENT_TYPE_YAML = 'application/yaml';
export const PATCH_CONTENT_TYPES = {
  json: 'application/json-patch+json',
  merge: 'application/merge-patch+json',
  strategic: 'application/strategic-merge-patch+json',
  apply: 'application/apply-patch+yaml',
} as const;

export interface MediaType {
  type: string;
  params: Record<string, string>;
}

/** Parses `type/subtype;k=v;...` (lower-cased type, parameter names lower-cased). */
export function parseMediaType(value: string | undefined): MediaType {
  const [head, ...rest] = (value ?? '').split(';');
  const params: Record<string, string> = {};
  for (const p of rest) {
    const i = p.indexOf('=');
    if (i < 0) continue;
    params[p.slice(0, i).trim().toLowerCase()] = p
      .slice(i + 1)
      .trim()
      .replace(/^"(.*)"$/, '$1');
  }
  return { type: head.trim().toLowerCase(), params };
}

/** Which aggregated discovery version a response carries, if any. */
export function aggregatedDiscoveryVersion(contentType: string | undefined): 'v2' | 'v2beta1' | undefined {
  const mt = parseMediaType(contentType);
  if (mt.type !== 'application/json') return undefined;
  if (mt.params.g !== 'apidiscovery.k8s.io' || mt.params.as !== 'APIGroupDiscoveryList') return undefined;
  return mt.params.v === 'v2' ? 'v2' : mt.params.v === 'v2beta1' ? 'v2beta1' : undefined;
}

/** Whether a response body is a meta.k8s.io Table. */
export function isTableResponse(contentType: string | undefined, body: unknown): boolean {
  const mt = parseMediaType(contentType);
  if (mt.params.as === 'Table') return true;
  const o = body as { kind?: string; apiVersion?: string } | null;
  return Boolean(
    o && o.kind === 'Table' && typeof o.apiVersion === 'string' && o.apiVersion.startsWith('meta.k8s.io/'),
  );
}

/**
 * Decodes user input that may be JSON or YAML (one document). JSON is tried first because it
 * is also YAML but parses faster and reports better errors.
 */
export function decodeJsonOrYaml(text: string): unknown {
  const t = text.trimStart();
  if (t.startsWith('{') || t.startsWith('[')) {
    try {
      return JSON.parse(text);
    } catch {
      // fall through: YAML flow style also starts with { or [
    }
  }
  return yaml.load(text);
}
