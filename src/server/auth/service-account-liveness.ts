/**
 * kube's object checks for service account tokens (pkg/serviceaccount claims validation): a
 * token stops authenticating once its service account, or the secret, pod or node it is bound
 * to, is gone, replaced (another UID) or deleted more than the 60 s leeway ago.
 */
import type { KubeObject } from '../apis/types.js';
import type { UserInfo } from '../registry/types.js';
import type { PrivateClaims, ServiceAccountTokens } from './service-account-tokens.js';

/** Reads one core/v1 object (undefined when missing). */
export type ObjectGetter = (resource: string, namespace: string, name: string) => Promise<KubeObject | undefined>;

const LEEWAY_MS = 60_000;
const INVALIDATED = 'service account token has been invalidated';

function deletedBefore(obj: KubeObject, now: Date): boolean {
  const at = obj.metadata?.deletionTimestamp;
  return !!at && Date.parse(at) < now.getTime() - LEEWAY_MS;
}

/** Why the claims no longer hold (kube's texts), or undefined when they do. */
export async function staleReason(
  claims: PrivateClaims,
  get: ObjectGetter,
  now = new Date(),
): Promise<string | undefined> {
  const ns = claims.namespace;
  const sa = await get('serviceaccounts', ns, claims.serviceaccount.name);
  if (!sa) return `serviceaccount "${claims.serviceaccount.name}" not found`;
  if (sa.metadata?.uid !== claims.serviceaccount.uid) {
    return `service account UID (${sa.metadata?.uid ?? ''}) does not match claim (${claims.serviceaccount.uid})`;
  }
  if (deletedBefore(sa, now)) return `service account ${ns}/${claims.serviceaccount.name} has been deleted`;
  const bound: Array<[string, string, { name: string; uid?: string } | undefined]> = [
    ['secrets', 'secret', claims.secret],
    ['pods', 'pod', claims.pod],
    ['nodes', 'node', claims.node],
  ];
  for (const [resource, what, ref] of bound) {
    if (!ref) continue;
    const obj = await get(resource, resource === 'nodes' ? '' : ns, ref.name);
    if (!obj || deletedBefore(obj, now)) return INVALIDATED;
    // Node refs from older tokens may carry no UID; kube then checks the name only.
    if (ref.uid !== undefined && obj.metadata?.uid !== ref.uid) {
      return `${what} UID (${obj.metadata?.uid ?? ''}) does not match service account ${what} ref claim (${ref.uid})`;
    }
  }
  return undefined;
}

/** A bearer-token lookup: the token's user when it verifies and its objects still hold. */
export function serviceAccountTokenUser(
  tokens: ServiceAccountTokens,
  get: ObjectGetter,
): (bearer: string) => Promise<UserInfo | undefined> {
  return async (bearer) => {
    const v = tokens.verify(bearer);
    if (!v) return undefined;
    return (await staleReason(v.claims, get)) === undefined ? v.user : undefined;
  };
}
