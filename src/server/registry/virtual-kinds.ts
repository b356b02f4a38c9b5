/**
 * Kinds kube serves without storing them: the authentication/authorization reviews (create
 * answers with status filled, nothing persists), core/v1 bindings (create binds the pod named
 * by the Binding, like pods/binding) and componentstatuses (get/list answer objects kube
 * computes on read). The answers themselves are the catalog's; this file only routes.
 */
import { invalid, notFound } from '../../api/status.js';
import { answerSelfSubjectReview, answerTokenReview, type UserLookup } from '../apis/authentication/reviews.js';
import { ADMIN_DECIDER, answerAccessReview, answerRulesReview } from '../apis/authorization/module.js';
import { componentStatuses } from '../apis/seeds.js';
import type { KindDefinition, KubeObject, StrategyContext } from '../apis/types.js';
import type { GenericStore } from './generic-store.js';
import type { KubeList, RequestContext, WriteOptions } from './types.js';

type Answer = (review: KubeObject, sctx: StrategyContext, tokens: UserLookup) => KubeObject | Promise<KubeObject>;

const ANSWERS: Record<string, Answer> = {
  'authentication.k8s.io/tokenreviews': (r, _c, tokens) => answerTokenReview(r, tokens),
  'authentication.k8s.io/selfsubjectreviews': (r, c) => answerSelfSubjectReview(r, c),
  'authorization.k8s.io/subjectaccessreviews': (r, c) => answerAccessReview(r, c, ADMIN_DECIDER),
  'authorization.k8s.io/selfsubjectaccessreviews': (r, c) => answerAccessReview(r, c, ADMIN_DECIDER),
  'authorization.k8s.io/localsubjectaccessreviews': (r, c) => answerAccessReview(r, c, ADMIN_DECIDER),
  'authorization.k8s.io/selfsubjectrulesreviews': (r, c) => answerRulesReview(r, c),
};

const kindKey = (k: Pick<KindDefinition, 'group' | 'resource'>): string => `${k.group}/${k.resource}`;

/** True for kinds whose create answers without writing storage. */
export const isVirtualCreate = (kind: KindDefinition): boolean =>
  kindKey(kind) in ANSWERS || kindKey(kind) === '/bindings';

/** No token authenticates unless the server supplies a lookup. */
export const NO_TOKENS: UserLookup = () => undefined;

/**
 * The create of a virtual kind. `obj` is decoded and type-checked; the kind's defaults and
 * validation run as for stored kinds (kube's review REST validates before answering). A
 * LocalSubjectAccessReview takes the request's namespace. Bindings go to the pods store
 * (`pods`), which answers kube's Status Success.
 */
export async function createVirtual(
  store: GenericStore,
  pods: GenericStore | undefined,
  ctx: RequestContext,
  obj: KubeObject,
  opts: WriteOptions,
  tokens: UserLookup,
): Promise<KubeObject> {
  const kind = store.kind;
  const meta = (obj.metadata ??= {});
  if (kind.namespaced && !meta.namespace) meta.namespace = ctx.namespace;
  const sctx: StrategyContext = { namespace: ctx.namespace, user: ctx.user, dryRun: opts.dryRun };
  kind.strategy.defaults?.(obj);
  const errs = kind.strategy.validate?.(obj, sctx) ?? [];
  if (errs.length) throw invalid(store.gk, meta.name ?? '', errs);
  if (kindKey(kind) === '/bindings') {
    if (!pods) throw store.noSubresource('binding');
    return pods.createSubresource(ctx, meta.name ?? '', 'binding', obj, opts);
  }
  const answer = ANSWERS[kindKey(kind)];
  if (!answer) throw store.noSubresource(kind.resource);
  const out = await answer(obj, sctx, tokens);
  out.apiVersion = store.apiVersion;
  out.kind = kind.kind;
  return out;
}

/** The computed objects of a read-only kind (componentstatuses), or undefined for stored kinds. */
export function computedObjects(kind: KindDefinition): KubeObject[] | undefined {
  return kindKey(kind) === '/componentstatuses' ? componentStatuses() : undefined;
}

/** get of a computed object: NotFound with kube's message for unknown names. */
export function getComputed(store: GenericStore, objects: KubeObject[], name: string): KubeObject {
  const found = objects.find((o) => o.metadata?.name === name);
  if (!found) throw notFound(store.gr, name);
  return found;
}

/** list of computed objects; kube answers without a resourceVersion (nothing is stored). */
export function listComputed(
  store: GenericStore,
  objects: KubeObject[],
  predicate: ((o: KubeObject) => boolean) | undefined,
): KubeList {
  return {
    kind: `${store.kind.kind}List`,
    apiVersion: store.apiVersion,
    metadata: { resourceVersion: '' },
    items: predicate ? objects.filter(predicate) : objects,
  };
}
