/**
 * The REST paths of a kind as kube's installer publishes them in OpenAPI (operation ids such as
 * `listAppsV1NamespacedDeployment`, `x-kubernetes-action`, `x-kubernetes-group-version-kind`,
 * the query parameters of each verb). Produced in a neutral form; v2 and v3 documents render it.
 */
import type { KindDefinition } from '../apis/types.js';
import { DEFAULT_VERBS } from '../discovery/resources.js';

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

const q = (name: string, description: string, type: ParamSpec['type'] = 'string'): ParamSpec => ({
  name,
  in: 'query',
  description,
  type,
  uniqueItems: true,
});

const P = {
  pretty: q(
    'pretty',
    "If 'true', then the output is pretty printed. Defaults to 'false' unless the user-agent indicates a browser or command-line HTTP tool (curl and wget).",
  ),
  dryRun: q(
    'dryRun',
    'When present, indicates that modifications should not be persisted. An invalid or unrecognized dryRun directive will result in an error response and no further processing of the request. Valid values are: - All: all dry run stages will be processed',
  ),
  fieldManager: q(
    'fieldManager',
    'fieldManager is a name associated with the actor or entity that is making these changes. The value must be less than or 128 characters long, and only contain printable characters, as defined by https://golang.org/pkg/unicode/#IsPrint.',
  ),
  fieldValidation: q(
    'fieldValidation',
    'fieldValidation instructs the server on how to handle objects in the request (POST/PUT/PATCH) containing unknown or duplicate fields. Valid values are: - Ignore: This will ignore any unknown fields that are silently dropped from the object, and will ignore all but the last duplicate field that the decoder encounters. This is the default behavior prior to v1.23. - Warn: This will send a warning via the standard warning response header for each unknown field that is dropped from the object, and for each duplicate field that is encountered. The request will still succeed if there are no other errors, and will only persist the last of any duplicate fields. This is the default in v1.23+ - Strict: This will fail the request with a BadRequest error if any unknown fields would be dropped from the object, or if any duplicate fields are present. The error returned from the server will contain all unknown and duplicate fields encountered.',
  ),
  force: q(
    'force',
    'Force is going to "force" Apply requests. It means user will re-acquire conflicting fields owned by other people. Force flag must be unset for non-apply patch requests.',
    'boolean',
  ),
  allowWatchBookmarks: q(
    'allowWatchBookmarks',
    'allowWatchBookmarks requests watch events with type "BOOKMARK". Servers that do not implement bookmarks may ignore this flag and bookmarks are sent at the server\'s discretion. Clients should not assume bookmarks are returned at any specific interval, nor may they assume the server will send any BOOKMARK event during a session. If this is not a watch, this field is ignored.',
    'boolean',
  ),
  continue: q(
    'continue',
    'The continue option should be set when retrieving more results from the server. Since this value is server defined, clients may only use the continue value from a previous query result with identical query parameters (except for the value of continue) and the server may reject a continue value it does not recognize.',
  ),
  fieldSelector: q(
    'fieldSelector',
    'A selector to restrict the list of returned objects by their fields. Defaults to everything.',
  ),
  labelSelector: q(
    'labelSelector',
    'A selector to restrict the list of returned objects by their labels. Defaults to everything.',
  ),
  limit: q(
    'limit',
    'limit is a maximum number of responses to return for a list call. If more items exist, the server will set the `continue` field on the list metadata to a value that can be used with the same initial query to retrieve the next set of results.',
    'integer',
  ),
  resourceVersion: q(
    'resourceVersion',
    'resourceVersion sets a constraint on what resource versions a request may be served from. See https://kubernetes.io/docs/reference/using-api/api-concepts/#resource-versions for details.\n\nDefaults to unset',
  ),
  resourceVersionMatch: q(
    'resourceVersionMatch',
    'resourceVersionMatch determines how resourceVersion is applied to list calls. It is highly recommended that resourceVersionMatch be set for list calls where resourceVersion is set See https://kubernetes.io/docs/reference/using-api/api-concepts/#resource-versions for details.\n\nDefaults to unset',
  ),
  sendInitialEvents: q(
    'sendInitialEvents',
    '`sendInitialEvents=true` may be set together with `watch=true`. In that case, the watch stream will begin with synthetic events to produce the current state of objects in the collection.',
    'boolean',
  ),
  timeoutSeconds: q(
    'timeoutSeconds',
    'Timeout for the list/watch call. This limits the duration of the call, regardless of any activity or inactivity.',
    'integer',
  ),
  watch: q(
    'watch',
    'Watch for changes to the described resources and return them as a stream of add, update, and remove notifications. Specify resourceVersion.',
    'boolean',
  ),
  gracePeriodSeconds: q(
    'gracePeriodSeconds',
    'The duration in seconds before the object should be deleted. Value must be non-negative integer. The value zero indicates delete immediately. If this value is nil, the default grace period for the specified type will be used. Defaults to a per object value if not specified. zero means delete immediately.',
    'integer',
  ),
  ignoreStoreReadError: q(
    'ignoreStoreReadErrorWithClusterBreakingPotential',
    'if set to true, it will trigger an unsafe deletion of the resource in case the normal deletion flow fails with a corrupt object error. A resource is considered corrupt if it can not be retrieved from the underlying storage successfully because of a) its data can not be transformed e.g. decryption failure, or b) it fails to decode into an object. NOTE: unsafe deletion ignores finalizer constraints, skips precondition checks, and removes the object from the storage. WARNING: This may potentially break the cluster if the workload associated with the resource being unsafe-deleted relies on normal deletion flow. Use only if you REALLY know what you are doing. The default value is false, and the user must opt in to enable it',
    'boolean',
  ),
  orphanDependents: q(
    'orphanDependents',
    'Deprecated: please use the PropagationPolicy, this field will be deprecated in 1.7. Should the dependent objects be orphaned. If true/false, the "orphan" finalizer will be added to/removed from the object\'s finalizers list. Either this field or PropagationPolicy may be set, but not both.',
    'boolean',
  ),
  propagationPolicy: q(
    'propagationPolicy',
    "Whether and how garbage collection will be performed. Either this field or OrphanDependents may be set, but not both. The default policy is decided by the existing finalizer set in the metadata.finalizers and the resource-specific default policy. Acceptable values are: 'Orphan' - orphan the dependents; 'Background' - allow the garbage collector to delete the dependents in the background; 'Foreground' - a cascading policy that deletes all dependents in the foreground.",
  ),
};

const LIST_PARAMS = [
  P.allowWatchBookmarks,
  P.continue,
  P.fieldSelector,
  P.labelSelector,
  P.limit,
  P.resourceVersion,
  P.resourceVersionMatch,
  P.sendInitialEvents,
  P.timeoutSeconds,
  P.watch,
];
const WRITE_PARAMS = [P.dryRun, P.fieldManager, P.fieldValidation];
const DELETE_PARAMS = [P.dryRun, P.gracePeriodSeconds, P.ignoreStoreReadError, P.orphanDependents, P.propagationPolicy];
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
