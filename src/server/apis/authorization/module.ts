/**
 * authorization.k8s.io/v1 access reviews: subjectaccessreviews, selfsubjectaccessreviews,
 * localsubjectaccessreviews (namespaced) and selfsubjectrulesreviews. Create-only, never
 * stored. The answer functions take the authorizer's decision as a parameter; for the admin
 * user (group system:masters) kube allows everything, which `ADMIN_DECIDER` reproduces.
 */
import type { Definitions } from '../../../api/openapi-schema.js';
import { type FieldError, fieldInvalid } from '../../../api/status.js';
import { clone, isMap, mapAt, strAt } from '../object-access.js';
import { atomic, bool, kindObj, listOf, mapOf, meta, obj, ref, str } from '../schema-dsl.js';
import { plainHooks } from '../status-split.js';
import type { CatalogModule, KindDefinition, KubeObject, StrategyContext } from '../types.js';

const AUTHZ = 'io.k8s.api.authorization.v1.';
const gvk = (kind: string) => ({ group: 'authorization.k8s.io', version: 'v1', kind });
const az = (name: string, description?: string) => ref(AUTHZ + name, description);

const sarSpec = () =>
  obj({
    extra: mapOf(listOf(str())),
    groups: atomic(str()),
    nonResourceAttributes: az('NonResourceAttributes'),
    resourceAttributes: az('ResourceAttributes'),
    uid: str(),
    user: str(),
  });

export const authorizationDefinitions: Definitions = {
  [`${AUTHZ}SubjectAccessReview`]: kindObj(
    gvk('SubjectAccessReview'),
    { spec: az('SubjectAccessReviewSpec'), status: az('SubjectAccessReviewStatus') },
    { required: ['spec'], description: 'Checks whether a user or group can perform an action.' },
  ),
  [`${AUTHZ}LocalSubjectAccessReview`]: kindObj(
    gvk('LocalSubjectAccessReview'),
    { spec: az('SubjectAccessReviewSpec'), status: az('SubjectAccessReviewStatus') },
    { required: ['spec'], description: 'Checks an action in one namespace.' },
  ),
  [`${AUTHZ}SelfSubjectAccessReview`]: kindObj(
    gvk('SelfSubjectAccessReview'),
    { spec: az('SelfSubjectAccessReviewSpec'), status: az('SubjectAccessReviewStatus') },
    { required: ['spec'], description: 'Checks whether the current user can perform an action.' },
  ),
  [`${AUTHZ}SelfSubjectRulesReview`]: kindObj(
    gvk('SelfSubjectRulesReview'),
    { spec: az('SelfSubjectRulesReviewSpec'), status: az('SubjectRulesReviewStatus') },
    { required: ['spec'], description: 'Lists the actions the current user can perform in a namespace.' },
  ),
  [`${AUTHZ}SubjectAccessReviewSpec`]: sarSpec(),
  [`${AUTHZ}SelfSubjectAccessReviewSpec`]: obj({
    nonResourceAttributes: az('NonResourceAttributes'),
    resourceAttributes: az('ResourceAttributes'),
  }),
  [`${AUTHZ}ResourceAttributes`]: obj({
    fieldSelector: az('FieldSelectorAttributes'),
    group: str(),
    labelSelector: az('LabelSelectorAttributes'),
    name: str(),
    namespace: str(),
    resource: str(),
    subresource: str(),
    verb: str(),
    version: str(),
  }),
  [`${AUTHZ}FieldSelectorAttributes`]: obj({
    rawSelector: str(),
    requirements: atomic(meta('FieldSelectorRequirement')),
  }),
  [`${AUTHZ}LabelSelectorAttributes`]: obj({
    rawSelector: str(),
    requirements: atomic(meta('LabelSelectorRequirement')),
  }),
  'io.k8s.apimachinery.pkg.apis.meta.v1.FieldSelectorRequirement': obj(
    { key: str(), operator: str(), values: atomic(str()) },
    { required: ['key', 'operator'] },
  ),
  [`${AUTHZ}NonResourceAttributes`]: obj({ path: str(), verb: str() }),
  [`${AUTHZ}SubjectAccessReviewStatus`]: obj(
    { allowed: bool(), denied: bool(), evaluationError: str(), reason: str() },
    { required: ['allowed'] },
  ),
  [`${AUTHZ}SelfSubjectRulesReviewSpec`]: obj({ namespace: str() }),
  [`${AUTHZ}SubjectRulesReviewStatus`]: obj(
    {
      evaluationError: str(),
      incomplete: bool(),
      nonResourceRules: atomic(az('NonResourceRule')),
      resourceRules: atomic(az('ResourceRule')),
    },
    { required: ['resourceRules', 'nonResourceRules', 'incomplete'] },
  ),
  [`${AUTHZ}ResourceRule`]: obj(
    { apiGroups: atomic(str()), resourceNames: atomic(str()), resources: atomic(str()), verbs: atomic(str()) },
    { required: ['verbs'] },
  ),
  [`${AUTHZ}NonResourceRule`]: obj({ nonResourceURLs: atomic(str()), verbs: atomic(str()) }, { required: ['verbs'] }),
};

/** ValidateSubjectAccessReviewSpec: exactly one of the attribute sets, a user or group. */
function validateAttributes(spec: Record<string, unknown>, needsSubject: boolean): FieldError[] {
  const errs: FieldError[] = [];
  const res = isMap(spec.resourceAttributes);
  const non = isMap(spec.nonResourceAttributes);
  if (res && non)
    errs.push(
      fieldInvalid(
        'spec.nonResourceAttributes',
        spec.nonResourceAttributes,
        'cannot be specified in combination with resourceAttributes',
      ),
    );
  if (!res && !non)
    errs.push(
      fieldInvalid(
        'spec.resourceAttributes',
        null,
        'exactly one of nonResourceAttributes or resourceAttributes must be specified',
      ),
    );
  if (needsSubject && !spec.user && !(Array.isArray(spec.groups) && spec.groups.length > 0))
    errs.push(fieldInvalid('spec.user', spec.user ?? '', '`user` or `groups` must be specified'));
  return errs;
}

/** How a review is decided: (user, attributes) -> allowed, with kube's reason text. */
export type AccessDecider = (
  user: { name: string; groups: string[] },
  attributes: Record<string, unknown>,
) => { allowed: boolean; reason?: string };

/** kube's answer for members of system:masters; everyone else is left undecided (denied). */
export const ADMIN_DECIDER: AccessDecider = (user) =>
  user.groups.includes('system:masters') ? { allowed: true } : { allowed: false };

/** The status of a (Local|Self)SubjectAccessReview. Self reviews use the requesting user. */
export function answerAccessReview(review: KubeObject, ctx: StrategyContext, decide: AccessDecider): KubeObject {
  const out = clone(review);
  const spec = mapAt(review, 'spec') ?? {};
  const self = review.kind === 'SelfSubjectAccessReview';
  const user = self
    ? { name: ctx.user?.name ?? '', groups: ctx.user?.groups ?? [] }
    : { name: strAt(spec, 'user') ?? '', groups: Array.isArray(spec.groups) ? spec.groups.map(String) : [] };
  const attributes = (mapAt(spec, 'resourceAttributes') ?? mapAt(spec, 'nonResourceAttributes') ?? {}) as Record<
    string,
    unknown
  >;
  const d = decide(user, attributes);
  out.status = { allowed: d.allowed, ...(d.reason ? { reason: d.reason } : {}) };
  return out;
}

/** The status of a SelfSubjectRulesReview for an admin: every verb on everything. */
export function answerRulesReview(review: KubeObject, ctx: StrategyContext): KubeObject {
  const out = clone(review);
  const admin = ctx.user?.groups.includes('system:masters') ?? false;
  out.status = admin
    ? {
        resourceRules: [
          {
            verbs: ['create'],
            apiGroups: ['authorization.k8s.io'],
            resources: ['selfsubjectaccessreviews', 'selfsubjectrulesreviews'],
          },
          { verbs: ['create'], apiGroups: ['authentication.k8s.io'], resources: ['selfsubjectreviews'] },
          { verbs: ['*'], apiGroups: ['*'], resources: ['*'] },
        ],
        nonResourceRules: [{ verbs: ['*'], nonResourceURLs: ['*'] }],
        incomplete: false,
      }
    : { resourceRules: [], nonResourceRules: [], incomplete: false };
  return out;
}

const review = (
  kind: string,
  resource: string,
  namespaced: boolean,
  validate: (o: KubeObject, ctx: StrategyContext) => FieldError[],
): KindDefinition => ({
  group: 'authorization.k8s.io',
  version: 'v1',
  kind,
  resource,
  singular: kind.toLowerCase(),
  namespaced,
  verbs: ['create'],
  definition: `${AUTHZ}${kind}`,
  strategy: { ...plainHooks(), validate },
});

const specOf = (o: KubeObject) => (mapAt(o, 'spec') ?? {}) as Record<string, unknown>;

export const subjectaccessreviews = review('SubjectAccessReview', 'subjectaccessreviews', false, (o) =>
  validateAttributes(specOf(o), true),
);
export const selfsubjectaccessreviews = review('SelfSubjectAccessReview', 'selfsubjectaccessreviews', false, (o) =>
  validateAttributes(specOf(o), false),
);
export const localsubjectaccessreviews = review(
  'LocalSubjectAccessReview',
  'localsubjectaccessreviews',
  true,
  (o, ctx) => {
    const errs = validateAttributes(specOf(o), true);
    const ns = strAt(mapAt(specOf(o), 'resourceAttributes'), 'namespace') ?? '';
    if (isMap(specOf(o).resourceAttributes) && ns !== ctx.namespace)
      errs.push(fieldInvalid('spec.resourceAttributes.namespace', ns, 'must match metadata.namespace'));
    if (isMap(specOf(o).nonResourceAttributes))
      errs.push(
        fieldInvalid(
          'spec.nonResourceAttributes',
          specOf(o).nonResourceAttributes,
          'disallowed on this kind of request',
        ),
      );
    return errs;
  },
);
export const selfsubjectrulesreviews = review(
  'SelfSubjectRulesReview',
  'selfsubjectrulesreviews',
  false,
  // An empty namespace is allowed: kube then reports cluster-wide rules.
  () => [],
);

export function authorizationModule(): CatalogModule {
  return {
    kinds: [localsubjectaccessreviews, selfsubjectaccessreviews, selfsubjectrulesreviews, subjectaccessreviews],
    definitions: authorizationDefinitions,
  };
}
