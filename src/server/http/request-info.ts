/**
 * kube's RequestInfo: what a URL + method mean in API terms (k8s.io/apiserver/pkg/endpoints/
 * request/requestinfo.go). Resource requests live under /api (the core group, no group segment)
 * and /apis/<group>; everything else is a non-resource request (discovery, health, openapi).
 */

export interface RequestInfo {
  isResourceRequest: boolean;
  /** The URL path as given. */
  path: string;
  /**
   * get list watch create update patch delete deletecollection for resources; the lowercased
   * HTTP method for non-resource requests.
   */
  verb: string;
  apiPrefix: string;
  apiGroup: string;
  apiVersion: string;
  namespace: string;
  resource: string;
  subresource: string;
  name: string;
  /** Path segments after the group/version (kube's `Parts`). */
  parts: string[];
}

const SPECIAL_VERBS = new Set(['proxy', 'watch']);
/** Subresources of a namespace that do not make the namespace a scope (kube's namespaceSubresources). */
const NAMESPACE_SUBRESOURCES = new Set(['status', 'finalize']);

function truthy(v: string | null): boolean {
  // Go's strconv.ParseBool, which kube uses for `watch`.
  return v !== null && ['1', 't', 'T', 'TRUE', 'true', 'True'].includes(v);
}

/**
 * Parses a request. Never throws: a path that is not a well-formed resource path is reported as a
 * non-resource request (the router then answers 404 like kube).
 */
export function parseRequestInfo(method: string, path: string, query: URLSearchParams): RequestInfo {
  const upper = method.toUpperCase();
  const info: RequestInfo = {
    isResourceRequest: false,
    path,
    verb: upper.toLowerCase(),
    apiPrefix: '',
    apiGroup: '',
    apiVersion: '',
    namespace: '',
    resource: '',
    subresource: '',
    name: '',
    parts: [],
  };
  let segs = path.replace(/^\/+|\/+$/g, '').split('/');
  if (segs.length === 1 && segs[0] === '') segs = [];
  if (segs.length < 3) return info; // /api/v1 and shorter are discovery
  const prefix = segs[0];
  if (prefix !== 'api' && prefix !== 'apis') return info;
  info.apiPrefix = prefix;
  segs = segs.slice(1);
  if (prefix === 'apis') {
    if (segs.length < 3) return info; // /apis/<g>/<v> is discovery
    info.apiGroup = segs[0] ?? '';
    segs = segs.slice(1);
  }
  info.apiVersion = segs[0] ?? '';
  segs = segs.slice(1);
  if (segs.length === 0) return info;
  info.isResourceRequest = true;

  // The legacy /watch/ and /proxy/ prefixes name the verb themselves.
  if (SPECIAL_VERBS.has(segs[0] ?? '')) {
    if (segs.length < 2) {
      info.isResourceRequest = false;
      return info;
    }
    info.verb = segs[0] ?? '';
    segs = segs.slice(1);
  } else {
    switch (upper) {
      case 'POST':
        info.verb = 'create';
        break;
      case 'GET':
      case 'HEAD':
        info.verb = 'get';
        break;
      case 'PUT':
        info.verb = 'update';
        break;
      case 'PATCH':
        info.verb = 'patch';
        break;
      case 'DELETE':
        info.verb = 'delete';
        break;
      default:
        info.verb = '';
    }
  }

  if (segs[0] === 'namespaces') {
    if (segs.length > 1) {
      info.namespace = segs[1] ?? '';
      // /namespaces/<ns>/<resource>...: the namespace is a scope; /namespaces/<ns>[/status] is the object.
      if (segs.length > 2 && !NAMESPACE_SUBRESOURCES.has(segs[2] ?? '')) segs = segs.slice(2);
    }
  }
  info.parts = segs;
  if (segs.length >= 3) info.subresource = segs[2] ?? '';
  if (segs.length >= 2) info.name = segs[1] ?? '';
  if (segs.length >= 1) info.resource = segs[0] ?? '';
  if (info.name === '' && info.verb === 'get') {
    info.verb = truthy(query.get('watch')) ? 'watch' : 'list';
  }
  if (info.name === '' && info.verb === 'delete') info.verb = 'deletecollection';
  return info;
}
