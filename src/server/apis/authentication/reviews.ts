/**
 * authentication.k8s.io/v1 tokenreviews and selfsubjectreviews: create-only, never stored.
 * `answerSelfSubjectReview` fills the status kube returns; token reviews need the server's
 * authenticators, so `answerTokenReview` takes the lookup as a parameter.
 */
import type { Definitions } from '../../../api/openapi-schema.js';
import { type FieldError, fieldRequired } from '../../../api/status.js';
import { clone, mapAt, strAt } from '../object-access.js';
import { atomic, bool, kindObj, listOf, mapOf, obj, ref, str } from '../schema-dsl.js';
import { plainHooks } from '../status-split.js';
import type { CatalogModule, KindDefinition, KubeObject, StrategyContext } from '../types.js';
import { authenticationDefinitions } from './definitions.js';

const AUTHN = 'io.k8s.api.authentication.v1.';
const gvk = (kind: string) => ({ group: 'authentication.k8s.io', version: 'v1', kind });

export const reviewDefinitions: Definitions = {
  [`${AUTHN}TokenReview`]: kindObj(
    gvk('TokenReview'),
    { spec: ref(`${AUTHN}TokenReviewSpec`), status: ref(`${AUTHN}TokenReviewStatus`) },
    { required: ['spec'], description: 'Authenticates a token against the server.' },
  ),
  [`${AUTHN}TokenReviewSpec`]: obj({ audiences: atomic(str()), token: str() }),
  [`${AUTHN}TokenReviewStatus`]: obj({
    audiences: atomic(str()),
    authenticated: bool(),
    error: str(),
    user: ref(`${AUTHN}UserInfo`),
  }),
  [`${AUTHN}UserInfo`]: obj({ extra: mapOf(listOf(str())), groups: atomic(str()), uid: str(), username: str() }),
  [`${AUTHN}SelfSubjectReview`]: kindObj(
    gvk('SelfSubjectReview'),
    { status: ref(`${AUTHN}SelfSubjectReviewStatus`) },
    { description: 'Returns the user attributes the server sees for the request.' },
  ),
  [`${AUTHN}SelfSubjectReviewStatus`]: obj({ userInfo: ref(`${AUTHN}UserInfo`) }),
};

type LookedUpUser = { name: string; groups: string[]; uid?: string; extra?: Record<string, string[]> };
export type UserLookup = (token: string) => LookedUpUser | undefined | Promise<LookedUpUser | undefined>;

const userInfo = (u: NonNullable<StrategyContext['user']>) => ({
  username: u.name,
  ...(u.uid ? { uid: u.uid } : {}),
  groups: [...u.groups],
  ...(u.extra && Object.keys(u.extra).length ? { extra: u.extra } : {}),
});

/** The status kube returns for a TokenReview; `lookup` authenticates the token. */
export async function answerTokenReview(review: KubeObject, lookup: UserLookup): Promise<KubeObject> {
  const out = clone(review);
  const spec = mapAt(review, 'spec') ?? {};
  const user = await lookup(strAt(spec, 'token') ?? '');
  out.status = user
    ? { authenticated: true, user: userInfo(user), audiences: spec.audiences ?? [] }
    : { user: {}, error: '[invalid bearer token, token lookup failed]' };
  return out;
}

/** The status kube returns for a SelfSubjectReview: the requesting user's attributes. */
export function answerSelfSubjectReview(review: KubeObject, ctx: StrategyContext): KubeObject {
  const out = clone(review);
  out.metadata = { creationTimestamp: null as unknown as string };
  out.status = { userInfo: ctx.user ? userInfo(ctx.user) : {} };
  return out;
}

const createOnly = (kind: string, resource: string, validate?: (o: KubeObject) => FieldError[]): KindDefinition => ({
  group: 'authentication.k8s.io',
  version: 'v1',
  kind,
  resource,
  singular: kind.toLowerCase(),
  namespaced: false,
  verbs: ['create'],
  definition: `${AUTHN}${kind}`,
  strategy: { ...plainHooks(), ...(validate ? { validate } : {}) },
});

export const tokenreviews = createOnly('TokenReview', 'tokenreviews', (r) =>
  strAt(mapAt(r, 'spec'), 'token') ? [] : [fieldRequired('spec.token')],
);
export const selfsubjectreviews = createOnly('SelfSubjectReview', 'selfsubjectreviews');

export function authenticationModule(): CatalogModule {
  return {
    kinds: [selfsubjectreviews, tokenreviews],
    definitions: { ...authenticationDefinitions, ...reviewDefinitions },
  };
}
