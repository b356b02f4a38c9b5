/**
 * Content negotiation as kube-apiserver does it (k8s.io/apiserver/pkg/endpoints/handlers/
 * negotiation): the first Accept clause the server can satisfy wins; `as=Table` /
 * `as=PartialObjectMetadata[List]` with `g=meta.k8s.io` and `v=v1|v1beta1` ask for a
 * server-side conversion. Protobuf is not served: a client asking only for it gets 406,
 * clients that list JSON as a fallback (client-go, kubectl) get JSON.
 */
import { notAcceptable, unsupportedMediaType } from '../../api/status.js';

export type WireFormat = 'json' | 'yaml';

export interface MediaRange {
  type: string;
  subtype: string;
  params: Record<string, string>;
}

export interface OutputTarget {
  format: WireFormat;
  /** The conversion asked for with `as=`, or undefined for the object itself. */
  as?: 'Table' | 'PartialObjectMetadata' | 'PartialObjectMetadataList';
  /** meta.k8s.io version of the conversion. */
  version?: 'v1' | 'v1beta1';
}

/** The media types this server writes, in kube's order (minus protobuf). */
export const SERVED_MEDIA_TYPES = ['application/json', 'application/yaml'] as const;
/** Bodies this server reads for create/update. */
export const BODY_MEDIA_TYPES = ['application/json', 'application/yaml'] as const;

/** Splits on a separator outside double quotes. */
function splitOutsideQuotes(s: string, sep: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  for (const ch of s) {
    if (ch === '"') quoted = !quoted;
    if (ch === sep && !quoted) {
      out.push(cur);
      cur = '';
    } else cur += ch;
  }
  out.push(cur);
  return out;
}

/** Parses one media type with parameters; undefined when malformed. */
export function parseMediaType(text: string): MediaRange | undefined {
  const [head, ...rest] = splitOutsideQuotes(text, ';');
  const [type, subtype, extra] = (head ?? '').trim().toLowerCase().split('/');
  if (!type || !subtype || extra !== undefined) return undefined;
  const params: Record<string, string> = {};
  for (const p of rest) {
    const eq = p.indexOf('=');
    if (eq < 0) continue;
    const k = p.slice(0, eq).trim().toLowerCase();
    let v = p.slice(eq + 1).trim();
    if (v.startsWith('"') && v.endsWith('"') && v.length >= 2) v = v.slice(1, -1);
    if (k) params[k] = v;
  }
  return { type, subtype, params };
}

/** Parses an Accept header into ranges ordered by q (stable), dropping q=0 and malformed entries. */
export function parseAccept(header: string | undefined): MediaRange[] {
  if (!header?.trim()) return [];
  const ranges = splitOutsideQuotes(header, ',')
    .map((t) => parseMediaType(t))
    .filter((r): r is MediaRange => r !== undefined)
    .map((r, i) => ({ r, i, q: r.params.q === undefined ? 1 : Number(r.params.q) }))
    .filter((x) => !(x.q <= 0) && !Number.isNaN(x.q));
  ranges.sort((a, b) => b.q - a.q || a.i - b.i);
  return ranges.map((x) => x.r);
}

function formatOf(r: MediaRange): WireFormat | undefined {
  if (r.type === '*' && r.subtype === '*') return 'json';
  if (r.type !== 'application') return undefined;
  if (r.subtype === '*' || r.subtype === 'json') return 'json';
  if (r.subtype === 'yaml') return 'yaml';
  return undefined;
}

export type Endpoint = 'get' | 'list' | 'watch' | 'other';

/**
 * The output for a request. `endpoint` limits conversions to where kube offers them (Table on
 * get/list/watch, PartialObjectMetadata on get/watch, PartialObjectMetadataList on list).
 * Throws kube's 406 when nothing in Accept can be served.
 */
export function negotiateOutput(accept: string | undefined, endpoint: Endpoint): OutputTarget {
  const ranges = parseAccept(accept);
  if (ranges.length === 0) return { format: 'json' };
  for (const r of ranges) {
    const format = formatOf(r);
    if (!format) continue;
    const as = r.params.as;
    if (as === undefined) {
      // A stream=watch parameter is fine for watches and meaningless elsewhere (kube ignores it).
      return { format };
    }
    if (r.params.g !== 'meta.k8s.io') continue;
    const version = r.params.v;
    if (version !== 'v1' && version !== 'v1beta1') continue;
    if (as === 'Table' && endpoint !== 'other') return { format, as, version };
    if (as === 'PartialObjectMetadata' && (endpoint === 'get' || endpoint === 'watch')) return { format, as, version };
    if (as === 'PartialObjectMetadataList' && endpoint === 'list') return { format, as, version };
  }
  throw notAcceptable(SERVED_MEDIA_TYPES);
}

/** The output for non-resource JSON endpoints (discovery, version): JSON or 406. */
export function negotiatePlainJson(accept: string | undefined): void {
  const ranges = parseAccept(accept);
  if (ranges.length === 0) return;
  if (ranges.some((r) => formatOf(r) !== undefined && r.params.as === undefined)) return;
  throw notAcceptable(SERVED_MEDIA_TYPES);
}

/** The wire format of a request body; kube's 415 for anything else (protobuf included). */
export function bodyFormat(contentType: string | undefined): WireFormat {
  const mt = parseMediaType(contentType ?? '');
  // A missing Content-Type is read as JSON, as kube's decoder does for JSON-looking bodies.
  if (!contentType || !mt) return 'json';
  const t = `${mt.type}/${mt.subtype}`;
  if (t === 'application/json') return 'json';
  if (t === 'application/yaml') return 'yaml';
  throw unsupportedMediaType(contentType, BODY_MEDIA_TYPES);
}

export const PATCH_MEDIA_TYPES = [
  'application/json-patch+json',
  'application/merge-patch+json',
  'application/strategic-merge-patch+json',
  'application/apply-patch+yaml',
] as const;

/** The patch type of a PATCH body; kube's 415 listing the patch types for anything else. */
export function patchTypeOf(contentType: string | undefined): 'json' | 'merge' | 'strategic' | 'apply' {
  const mt = parseMediaType(contentType ?? '');
  const t = mt ? `${mt.type}/${mt.subtype}` : '';
  switch (t) {
    case 'application/json-patch+json':
      return 'json';
    case 'application/merge-patch+json':
      return 'merge';
    case 'application/strategic-merge-patch+json':
      return 'strategic';
    case 'application/apply-patch+yaml':
      return 'apply';
    default:
      throw unsupportedMediaType(contentType ?? '', PATCH_MEDIA_TYPES);
  }
}
