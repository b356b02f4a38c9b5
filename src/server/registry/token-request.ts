/**
 * `serviceaccounts/<name>/token` (kube's TokenREST): checks the TokenRequest against the URL and
 * the service account, resolves a bound pod/secret/node, signs a token and answers the request
 * with its status filled. Nothing is stored.
 */
import { badRequest, conflict, fieldInvalid, invalid, type StatusError } from '../../api/status.js';
import type { KubeObject } from '../apis/types.js';
import type { ServiceAccountTokens, TokenClaimsInput } from '../auth/service-account-tokens.js';
import type { GenericStore } from './generic-store.js';
import { rfc3339 } from './object-meta.js';
import type { RequestContext } from './types.js';

const TOKEN_REQUEST = { group: 'authentication.k8s.io', kind: 'TokenRequest' };
const MIN_SECONDS = 10 * 60;
const MAX_SECONDS = 2 ** 32;
const DEFAULT_SECONDS = 60 * 60;

interface TokenRequestBody {
  metadata?: { name?: string; namespace?: string; uid?: string };
  spec?: {
    audiences?: string[] | null;
    expirationSeconds?: number | null;
    boundObjectRef?: { apiVersion?: string; kind?: string; name?: string; uid?: string } | null;
  };
}

/** kube's ValidateTokenRequest (its Invalid error names no object). */
function validateExpiration(seconds: number): StatusError | undefined {
  const field = 'spec.expirationSeconds';
  if (seconds < MIN_SECONDS) {
    return invalid(TOKEN_REQUEST, '', [
      fieldInvalid(field, seconds, 'may not specify a duration less than 10 minutes'),
    ]);
  }
  if (seconds > MAX_SECONDS) {
    return invalid(TOKEN_REQUEST, '', [
      fieldInvalid(field, seconds, 'may not specify a duration larger than 2^32 seconds'),
    ]);
  }
  return undefined;
}

const refOf = (o: KubeObject) => ({ name: o.metadata?.name ?? '', uid: o.metadata?.uid ?? '' });

export async function requestToken(
  sas: GenericStore,
  ctx: RequestContext,
  name: string,
  body: unknown,
  issuer: ServiceAccountTokens,
): Promise<KubeObject> {
  const req = structuredClone((body ?? {}) as TokenRequestBody & KubeObject);
  const meta = (req.metadata ??= {});
  const spec = (req.spec ??= {});
  const seconds = spec.expirationSeconds ?? DEFAULT_SECONDS;
  spec.expirationSeconds = seconds;
  const bad = validateExpiration(seconds);
  if (bad) throw bad;
  if (meta.name && meta.name !== name) {
    throw invalid(TOKEN_REQUEST, name, [
      fieldInvalid('metadata.name', meta.name, 'must match the service account name if specified'),
    ]);
  }
  if (meta.namespace && meta.namespace !== ctx.namespace) {
    throw invalid(TOKEN_REQUEST, name, [
      fieldInvalid('metadata.namespace', meta.namespace, 'must match the service account namespace if specified'),
    ]);
  }
  const sa = await sas.get(ctx, name, {});
  const saUid = sa.metadata?.uid ?? '';
  if (meta.uid && meta.uid !== saUid) {
    throw conflict(
      { group: TOKEN_REQUEST.group, resource: TOKEN_REQUEST.kind },
      name,
      `the UID in the token request (${meta.uid}) does not match the UID of the service account (${saUid})`,
    );
  }
  if (!spec.audiences?.length) spec.audiences = [...issuer.audiences];
  meta.name ||= name;
  meta.namespace ||= ctx.namespace;
  const claims: TokenClaimsInput = {
    namespace: ctx.namespace,
    serviceAccount: { name, uid: saUid },
    audiences: spec.audiences,
    expirationSeconds: seconds,
  };
  if (spec.boundObjectRef) await bind(sas, ctx, name, spec.boundObjectRef, claims);
  const now = sas.now();
  const { token } = issuer.issue(claims, now);
  req.status = { token, expirationTimestamp: rfc3339(new Date(now.getTime() + seconds * 1000)) };
  return { ...req, apiVersion: 'authentication.k8s.io/v1', kind: 'TokenRequest' };
}

/** Resolves spec.boundObjectRef into the claims (Pod, Secret or Node of the core group). */
async function bind(
  sas: GenericStore,
  ctx: RequestContext,
  saName: string,
  ref: NonNullable<NonNullable<TokenRequestBody['spec']>['boundObjectRef']>,
  claims: TokenClaimsInput,
): Promise<void> {
  const apiVersion = ref.apiVersion ?? '';
  const group = apiVersion.includes('/') ? apiVersion.slice(0, apiVersion.indexOf('/')) : '';
  const store = (resource: string) => sas.deps.storeFor?.('', resource);
  const refName = ref.name ?? '';
  let uid = '';
  if (group === '' && ref.kind === 'Pod') {
    const pod = await (store('pods') as GenericStore).get(ctx, refName, {});
    const podSa = (pod.spec as { serviceAccountName?: string } | undefined)?.serviceAccountName;
    if (podSa !== saName) {
      throw badRequest(
        `cannot bind token for serviceaccount ${JSON.stringify(saName)} to pod running with different serviceaccount name.`,
      );
    }
    claims.pod = refOf(pod);
    uid = claims.pod.uid;
    const nodeName = (pod.spec as { nodeName?: string } | undefined)?.nodeName;
    if (nodeName) {
      const node = await (store('nodes') as GenericStore)
        .get({ ...ctx, namespace: '' }, nodeName, {})
        .catch(() => undefined);
      claims.node = node ? refOf(node) : { name: nodeName };
    }
  } else if (group === '' && ref.kind === 'Node') {
    const node = await (store('nodes') as GenericStore).get({ ...ctx, namespace: '' }, refName, {});
    claims.node = refOf(node);
    uid = claims.node.uid ?? '';
  } else if (group === '' && ref.kind === 'Secret') {
    const secret = await (store('secrets') as GenericStore).get(ctx, refName, {});
    claims.secret = refOf(secret);
    uid = claims.secret.uid;
  } else {
    const version = apiVersion.includes('/') ? apiVersion.slice(apiVersion.indexOf('/') + 1) : apiVersion;
    throw badRequest(`cannot bind token to object of type ${group}/${version}, Kind=${ref.kind ?? ''}`);
  }
  if (ref.uid && ref.uid !== uid) {
    throw conflict(
      { group, resource: ref.kind ?? '' },
      refName,
      `the UID in the bound object reference (${ref.uid}) does not match the UID in record. The object might have been deleted and then recreated`,
    );
  }
}
