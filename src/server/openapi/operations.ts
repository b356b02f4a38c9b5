/**
 * The REST paths of a kind as kube's installer publishes them in OpenAPI (operation ids such as
 * `listAppsV1NamespacedDeployment`, `x-kubernetes-action`, `x-kubernetes-group-version-kind`,
 * the query parameters of each verb). Produced in a neutral form; v2 and v3 documents render it.
 */
import type { KindDefinition } from '../apis/types.js';
import { DEFAULT_VERBS } from '../discovery/resources.js';
import { DELETE_PARAMS, LIST_PARAMS, P, WRITE_PARAMS } from './parameters.js';

export interface ParamSpec {
  name: string;
  in: 'path' | 'query' | 'body';
  description: string;
  type?: 'string' | 'integer' | 'boolean';
  required?: boolean;
  uniqueItems?: boolean;
  /** For the body parameter: the definition it carries. */
  schemaRef?: string;
}

export interface OperationSpec {
  method: 'get' | 'put' | 'post' | 'delete' | 'patch';
  operationId: string;
  description: string;
  action: 'get' | 'list' | 'post' | 'put' | 'patch' | 'delete' | 'deletecollection' | 'watch' | 'watchlist';
  gvk: { group: string; version: string; kind: string };
  tag: string;
  parameters: ParamSpec[];
  consumes?: string[];
  /** Definition name of the 200 response, or undefined for a free-form one. */
  response: string;
  /** Extra successful codes (201 Created, 202 Accepted). */
  extraCodes: number[];
}

export interface PathSpec {
  path: string;
  /** Parameters shared by every operation of the path (name, namespace, pretty). */
  parameters: ParamSpec[];
  operations: OperationSpec[];
}

const META = 'io.k8s.apimachinery.pkg.apis.meta.v1.';

const body = (ref: string): ParamSpec => ({
  name: 'body',
  in: 'body',
  description: '',
  required: true,
  schemaRef: ref,
});
const PATCH_TYPES = [
  'application/json-patch+json',
  'application/merge-patch+json',
  'application/strategic-merge-patch+json',
  'application/apply-patch+yaml',
];

/** `apps` -> `Apps`, `rbac.authorization.k8s.io` -> `RbacAuthorization`, core -> `Core`. */
export function groupCamel(group: string): string {
  if (!group) return 'Core';
  return group
    .replace(/\.k8s\.io$/, '')
    .split(/[.-]/)
    .map((s) => (s ? s[0]?.toUpperCase() + s.slice(1) : ''))
    .join('');
}

/** `core_v1`, `apps_v1`, `rbacAuthorization_v1` (kube's tags). */
export function groupTag(group: string, version: string): string {
  const c = groupCamel(group);
  return `${c[0]?.toLowerCase()}${c.slice(1)}_${version}`;
}

const capitalize = (s: string): string => (s ? `${s[0]?.toUpperCase()}${s.slice(1)}` : s);

/** Finds the definition name of a group/version/kind (undefined when the catalog has none). */
export type DefinitionLookup = (gvk: { group: string; version: string; kind: string }) => string | undefined;

/**
 * Every path a kind serves, in kube's shape. `listDefinition` names the kind's List definition;
 * `lookup` resolves the kinds of custom subresources (pods/eviction -> policy/v1 Eviction).
 */
export function kindPaths(
  k: KindDefinition,
  listDefinition: string,
  lookup: DefinitionLookup = () => undefined,
): PathSpec[] {
  const verbs = new Set(k.verbs ?? DEFAULT_VERBS);
  const gvk = { group: k.group, version: k.version, kind: k.kind };
  const root = k.group ? `/apis/${k.group}/${k.version}` : `/api/${k.version}`;
  const id = `${groupCamel(k.group)}${capitalize(k.version)}`;
  const scoped = k.namespaced ? `Namespaced${k.kind}` : k.kind;
  const tag = groupTag(k.group, k.version);
  const nsParam: ParamSpec = {
    name: 'namespace',
    in: 'path',
    description: 'object name and auth scope, such as for teams and projects',
    type: 'string',
    required: true,
    uniqueItems: true,
  };
  const nameParam = (what: string): ParamSpec => ({
    name: 'name',
    in: 'path',
    description: `name of the ${what}`,
    type: 'string',
    required: true,
    uniqueItems: true,
  });
  const base = k.namespaced ? `${root}/namespaces/{namespace}/${k.resource}` : `${root}/${k.resource}`;
  const scopeParams = k.namespaced ? [nsParam] : [];
  const op = (o: Omit<OperationSpec, 'gvk' | 'tag' | 'extraCodes'> & { extraCodes?: number[] }): OperationSpec => ({
    gvk,
    tag,
    extraCodes: [],
    ...o,
  });
  const paths: PathSpec[] = [];
  const coll: OperationSpec[] = [];
  if (verbs.has('list'))
    coll.push(
      op({
        method: 'get',
        operationId: `list${id}${scoped}`,
        description: `list or watch objects of kind ${k.kind}`,
        action: 'list',
        parameters: LIST_PARAMS,
        response: listDefinition,
      }),
    );
  if (verbs.has('create'))
    coll.push(
      op({
        method: 'post',
        operationId: `create${id}${scoped}`,
        description: `create ${article(k.kind)} ${k.kind}`,
        action: 'post',
        parameters: [body(k.definition), ...WRITE_PARAMS],
        response: k.definition,
        extraCodes: [201, 202],
      }),
    );
  if (verbs.has('deletecollection'))
    coll.push(
      op({
        method: 'delete',
        operationId: `delete${id}Collection${scoped}`,
        description: `delete collection of ${k.kind}`,
        action: 'deletecollection',
        parameters: [
          body(`${META}DeleteOptions`),
          P.continue,
          ...DELETE_PARAMS.slice(0, 1),
          P.fieldSelector,
          P.gracePeriodSeconds,
          P.ignoreStoreReadError,
          P.labelSelector,
          P.limit,
          P.orphanDependents,
          P.propagationPolicy,
          P.resourceVersion,
          P.resourceVersionMatch,
          P.sendInitialEvents,
          P.timeoutSeconds,
        ],
        response: `${META}Status`,
      }),
    );
  if (coll.length) paths.push({ path: base, parameters: [...scopeParams, P.pretty], operations: coll });

  const item: OperationSpec[] = [];
  if (verbs.has('get'))
    item.push(
      op({
        method: 'get',
        operationId: `read${id}${scoped}`,
        description: `read the specified ${k.kind}`,
        action: 'get',
        parameters: [],
        response: k.definition,
      }),
    );
  if (verbs.has('update'))
    item.push(
      op({
        method: 'put',
        operationId: `replace${id}${scoped}`,
        description: `replace the specified ${k.kind}`,
        action: 'put',
        parameters: [body(k.definition), ...WRITE_PARAMS],
        response: k.definition,
        extraCodes: [201],
      }),
    );
  if (verbs.has('delete'))
    item.push(
      op({
        method: 'delete',
        operationId: `delete${id}${scoped}`,
        description: `delete ${article(k.kind)} ${k.kind}`,
        action: 'delete',
        parameters: [body(`${META}DeleteOptions`), ...DELETE_PARAMS],
        response: `${META}Status`,
        extraCodes: [202],
      }),
    );
  if (verbs.has('patch'))
    item.push(
      op({
        method: 'patch',
        operationId: `patch${id}${scoped}`,
        description: `partially update the specified ${k.kind}`,
        action: 'patch',
        parameters: [body(`${META}Patch`), ...WRITE_PARAMS, P.force],
        consumes: PATCH_TYPES,
        response: k.definition,
        extraCodes: [201],
      }),
    );
  if (item.length)
    paths.push({ path: `${base}/{name}`, parameters: [nameParam(k.kind), ...scopeParams, P.pretty], operations: item });

  if (k.namespaced && verbs.has('list')) {
    paths.push({
      path: `${root}/${k.resource}`,
      parameters: [...LIST_PARAMS.slice(0, 7), P.pretty, ...LIST_PARAMS.slice(7)],
      operations: [
        op({
          method: 'get',
          operationId: `list${id}${k.kind}ForAllNamespaces`,
          description: `list or watch objects of kind ${k.kind}`,
          action: 'list',
          parameters: [],
          response: listDefinition,
        }),
      ],
    });
  }
  if (verbs.has('watch')) {
    const w = k.namespaced ? `${root}/watch/namespaces/{namespace}/${k.resource}` : `${root}/watch/${k.resource}`;
    const watchParams = [...LIST_PARAMS.slice(0, 7), P.pretty, ...LIST_PARAMS.slice(7)];
    paths.push({
      path: w,
      parameters: [...scopeParams, ...watchParams],
      operations: [
        op({
          method: 'get',
          operationId: `watch${id}${scoped}List`,
          description: `watch individual changes to a list of ${k.kind}. deprecated: use the 'watch' parameter with a list operation instead.`,
          action: 'watchlist',
          parameters: [],
          response: `${META}WatchEvent`,
        }),
      ],
    });
    paths.push({
      path: `${w}/{name}`,
      parameters: [nameParam(k.kind), ...scopeParams, ...watchParams],
      operations: [
        op({
          method: 'get',
          operationId: `watch${id}${scoped}`,
          description: `watch changes to an object of kind ${k.kind}. deprecated: use the 'watch' parameter with a list operation instead, filtered to a single item with the 'fieldSelector' parameter.`,
          action: 'watch',
          parameters: [],
          response: `${META}WatchEvent`,
        }),
      ],
    });
    if (k.namespaced) {
      paths.push({
        path: `${root}/watch/${k.resource}`,
        parameters: watchParams,
        operations: [
          op({
            method: 'get',
            operationId: `watch${id}${k.kind}ListForAllNamespaces`,
            description: `watch individual changes to a list of ${k.kind}. deprecated: use the 'watch' parameter with a list operation instead.`,
            action: 'watchlist',
            parameters: [],
            response: `${META}WatchEvent`,
          }),
        ],
      });
    }
  }
  for (const [sub, def, subKind] of [
    ['status', k.subresources?.status ? k.definition : undefined, k.kind],
    ['scale', k.subresources?.scale ? 'io.k8s.api.autoscaling.v1.Scale' : undefined, 'Scale'],
  ] as const) {
    if (!def) continue;
    const S = capitalize(sub);
    const sgvk = sub === 'scale' ? { group: 'autoscaling', version: 'v1', kind: 'Scale' } : gvk;
    const what = sub === 'scale' ? `scale of the specified ${k.kind}` : `status of the specified ${k.kind}`;
    paths.push({
      path: `${base}/{name}/${sub}`,
      parameters: [{ ...nameParam(subKind === 'Scale' ? 'Scale' : k.kind) }, ...scopeParams, P.pretty],
      operations: [
        {
          ...op({
            method: 'get',
            operationId: `read${id}${scoped}${S}`,
            description: `read ${what}`,
            action: 'get',
            parameters: [],
            response: def,
          }),
          gvk: sgvk,
        },
        {
          ...op({
            method: 'put',
            operationId: `replace${id}${scoped}${S}`,
            description: `replace ${what}`,
            action: 'put',
            parameters: [body(def), ...WRITE_PARAMS],
            response: def,
            extraCodes: [201],
          }),
          gvk: sgvk,
        },
        {
          ...op({
            method: 'patch',
            operationId: `patch${id}${scoped}${S}`,
            description: `partially update ${what}`,
            action: 'patch',
            parameters: [body(`${META}Patch`), ...WRITE_PARAMS, P.force],
            consumes: PATCH_TYPES,
            response: def,
            extraCodes: [201],
          }),
          gvk: sgvk,
        },
      ],
    });
  }
  for (const [sub, spec] of Object.entries(k.subresources?.custom ?? {})) {
    const def = lookup(spec.kind);
    const S = capitalize(sub);
    const ops: OperationSpec[] = [];
    const sgvk = { ...spec.kind };
    if (spec.verbs.includes('create') && def)
      ops.push({
        ...op({
          method: 'post',
          operationId: `create${id}${scoped}${S}`,
          description: `create ${sub} of ${article(k.kind)} ${k.kind}`,
          action: 'post',
          parameters: [body(def), ...WRITE_PARAMS],
          response: def,
          extraCodes: [201, 202],
        }),
        gvk: sgvk,
      });
    if (spec.verbs.includes('get'))
      ops.push({
        ...op({
          method: 'get',
          operationId: `read${id}${scoped}${S}`,
          description: `read ${sub} of the specified ${k.kind}`,
          action: 'get',
          parameters: [],
          response: def ?? k.definition,
        }),
        gvk: sgvk,
      });
    if (spec.verbs.includes('update') && def)
      ops.push({
        ...op({
          method: 'put',
          operationId: `replace${id}${scoped}${S}`,
          description: `replace ${sub} of the specified ${k.kind}`,
          action: 'put',
          parameters: [body(def), ...WRITE_PARAMS],
          response: def,
          extraCodes: [201],
        }),
        gvk: sgvk,
      });
    if (ops.length)
      paths.push({
        path: `${base}/{name}/${sub}`,
        parameters: [nameParam(spec.kind.kind), ...scopeParams, P.pretty],
        operations: ops,
      });
  }
  return paths;
}

const article = (kind: string): string => (/^[AEIOU]/.test(kind) ? 'an' : 'a');
