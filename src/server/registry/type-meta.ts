/**
 * apiVersion/kind of a request body against the URL's kind, with the errors kube's decoder and
 * handlers give: another registered kind cannot be converted, an unknown kind is not registered
 * in the scheme, and the right kind in another version is a version mismatch. Missing
 * apiVersion/kind default to the URL's (kube's defaulting decoder does the same).
 */
import { badRequest } from '../../api/status.js';
import type { KindDefinition, KubeObject } from '../apis/types.js';

export interface KindLookup {
  byKind(group: string, version: string, kind: string): KindDefinition | undefined;
}

const groupVersion = (k: Pick<KindDefinition, 'group' | 'version'>): string =>
  k.group ? `${k.group}/${k.version}` : k.version;

/** Go's internal package name of a group: `core`, `apps`, `rbac` (for rbac.authorization.k8s.io). */
const internalPackage = (group: string): string => (group ? (group.split('.')[0] ?? group) : 'core');

function splitApiVersion(apiVersion: string): { group: string; version: string } {
  const i = apiVersion.indexOf('/');
  return i < 0
    ? { group: '', version: apiVersion }
    : { group: apiVersion.slice(0, i), version: apiVersion.slice(i + 1) };
}

/**
 * Returns a deep copy of `body` with apiVersion and kind set to `kind`'s, or throws 400.
 * `body` must be a JSON object.
 */
export function checkTypeMeta(body: unknown, kind: KindDefinition, kinds: KindLookup): KubeObject {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) {
    throw badRequest(`the object provided is unrecognized (must be of type ${kind.kind})`);
  }
  const obj = structuredClone(body) as KubeObject;
  const gv = groupVersion(kind);
  const dataApiVersion = typeof obj.apiVersion === 'string' && obj.apiVersion ? obj.apiVersion : gv;
  const dataKind = typeof obj.kind === 'string' && obj.kind ? obj.kind : kind.kind;
  const data = splitApiVersion(dataApiVersion);
  if (dataKind !== kind.kind) {
    const other = kinds.byKind(data.group, data.version, dataKind);
    const cause = other
      ? `converting (${data.version}.${dataKind}) to (${internalPackage(kind.group)}.${kind.kind}): unknown conversion`
      : `no kind ${JSON.stringify(dataKind)} is registered for version ${JSON.stringify(dataApiVersion)} in scheme "pkg/api/legacyscheme/scheme.go:30"`;
    throw badRequest(
      `${dataKind} in version ${JSON.stringify(data.version)} cannot be handled as a ${kind.kind}: ${cause}`,
    );
  }
  if (dataApiVersion !== gv) {
    throw badRequest(`the API version in the data (${dataApiVersion}) does not match the expected API version (${gv})`);
  }
  obj.apiVersion = gv;
  obj.kind = kind.kind;
  if (
    obj.metadata !== undefined &&
    (obj.metadata === null || typeof obj.metadata !== 'object' || Array.isArray(obj.metadata))
  ) {
    throw badRequest(
      `${kind.kind} in version ${JSON.stringify(kind.version)} cannot be handled as a ${kind.kind}: json: cannot unmarshal ${Array.isArray(obj.metadata) ? 'array' : typeof obj.metadata} into Go struct field ${kind.kind}.metadata of type v1.ObjectMeta`,
    );
  }
  return obj;
}

export { groupVersion };
