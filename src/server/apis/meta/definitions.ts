/**
 * meta/v1 (k8s.io/apimachinery/pkg/apis/meta/v1) and the apimachinery scalar types every kind
 * references: ObjectMeta, ListMeta, LabelSelector, Status, DeleteOptions, WatchEvent, discovery
 * lists, plus Quantity, IntOrString and RawExtension.
 */
import type { Definitions } from '../../../api/openapi-schema.js';
import {
  atomic,
  bool,
  INT_OR_STRING,
  int32,
  int64,
  listOf,
  META,
  meta,
  obj,
  QUANTITY,
  RAW_EXTENSION,
  ref,
  str,
  strMap,
  time,
} from '../schema-dsl.js';

const TYPE_META = {
  apiVersion: str('APIVersion defines the versioned schema of this representation of an object.'),
  kind: str('Kind is a string value representing the REST resource this object represents.'),
};

/** meta/v1 kinds that every group-version can carry (kube tags them with each group it serves). */
const metaGVKs = (kind: string) =>
  ['', 'apps', 'autoscaling', 'batch', 'policy'].map((group) => ({ group, version: 'v1', kind }));

export const metaDefinitions: Definitions = {
  [QUANTITY]: {
    type: 'string',
    description: 'A fixed-point number with a unit suffix, such as 500m, 1Gi or 2.5e3.',
  },
  [INT_OR_STRING]: {
    type: 'string',
    format: 'int-or-string',
    'x-kubernetes-int-or-string': true,
    description: 'An integer or a string, such as a port number or a percentage.',
  },
  [RAW_EXTENSION]: { type: 'object', description: 'An embedded object of any kind.' },
  [`${META}Time`]: { type: 'string', format: 'date-time', description: 'An RFC 3339 time, to the second.' },
  [`${META}MicroTime`]: { type: 'string', format: 'date-time', description: 'An RFC 3339 time, to the microsecond.' },
  [`${META}FieldsV1`]: { type: 'object', description: 'A set of fields, in the structured-merge-diff format.' },

  [`${META}ObjectMeta`]: obj(
    {
      annotations: strMap('Unstructured key/value data attached to the object.'),
      creationTimestamp: time('When the object was created; set by the server.'),
      deletionGracePeriodSeconds: int64('Seconds the object has left to terminate gracefully.'),
      deletionTimestamp: time('When the object will be deleted; set by the server.'),
      finalizers: listOf(str(), {
        listType: 'set',
        strategy: 'merge',
        description: 'Conditions that must be cleared before the object is removed.',
      }),
      generateName: str('A prefix for a server-generated unique name.'),
      generation: int64('The sequence number of the desired state; set by the server.'),
      labels: strMap('Key/value pairs used to select and organize objects.'),
      managedFields: atomic(meta('ManagedFieldsEntry'), 'Which managers own which fields.'),
      name: str('Unique name within a namespace.'),
      namespace: str('The namespace the object lives in.'),
      ownerReferences: listOf(meta('OwnerReference'), {
        listType: 'map',
        mapKeys: ['uid'],
        mergeKey: 'uid',
        strategy: 'merge',
        description: 'Objects this object depends on.',
      }),
      resourceVersion: str('Opaque version of the object, for optimistic concurrency.'),
      selfLink: str('Deprecated and unset.'),
      uid: str('Unique identifier over the whole cluster lifetime; set by the server.'),
    },
    { description: 'Metadata that all persisted resources must have.' },
  ),
  [`${META}ListMeta`]: obj(
    {
      continue: str('Token to fetch the next page of a chunked list.'),
      remainingItemCount: int64('How many items are left after this page.'),
      resourceVersion: str('The version of the list.'),
      selfLink: str('Deprecated and unset.'),
    },
    { description: 'Metadata of list responses.' },
  ),
  [`${META}LabelSelector`]: obj(
    {
      matchExpressions: atomic(meta('LabelSelectorRequirement'), 'Requirements that must all match.'),
      matchLabels: strMap('Labels that must all match.'),
    },
    { description: 'A label query over a set of resources.', mapType: 'atomic' },
  ),
  [`${META}LabelSelectorRequirement`]: obj(
    {
      key: str('The label key.'),
      operator: str('In, NotIn, Exists or DoesNotExist.'),
      values: atomic(str(), 'Values for In and NotIn.'),
    },
    { required: ['key', 'operator'] },
  ),
  [`${META}OwnerReference`]: obj(
    {
      apiVersion: str('API version of the owner.'),
      blockOwnerDeletion: bool('Foreground deletion of the owner waits for this object.'),
      controller: bool('Whether the owner is the managing controller.'),
      kind: str('Kind of the owner.'),
      name: str('Name of the owner.'),
      uid: str('UID of the owner.'),
    },
    { required: ['apiVersion', 'kind', 'name', 'uid'], mapType: 'atomic' },
  ),
  [`${META}ManagedFieldsEntry`]: obj({
    apiVersion: str(),
    fieldsType: str(),
    fieldsV1: meta('FieldsV1'),
    manager: str(),
    operation: str(),
    subresource: str(),
    time: time(),
  }),
  [`${META}Condition`]: obj(
    {
      lastTransitionTime: time(),
      message: str(),
      observedGeneration: int64(),
      reason: str(),
      status: str(),
      type: str(),
    },
    { required: ['type', 'status', 'lastTransitionTime', 'reason', 'message'] },
  ),
  [`${META}Status`]: obj(
    {
      ...TYPE_META,
      code: int32('Suggested HTTP return code.'),
      details: meta('StatusDetails'),
      message: str(),
      metadata: meta('ListMeta'),
      reason: str(),
      status: str('Success or Failure.'),
    },
    { gvk: metaGVKs('Status').slice(0, 1) },
  ),
  [`${META}StatusDetails`]: obj({
    causes: atomic(meta('StatusCause')),
    group: str(),
    kind: str(),
    name: str(),
    retryAfterSeconds: int32(),
    uid: str(),
  }),
  [`${META}StatusCause`]: obj({ field: str(), message: str(), reason: str() }),
  [`${META}Preconditions`]: obj({ resourceVersion: str(), uid: str() }),
  [`${META}DeleteOptions`]: obj(
    {
      ...TYPE_META,
      dryRun: atomic(str()),
      gracePeriodSeconds: int64(),
      ignoreStoreReadErrorWithClusterBreakingPotential: bool(),
      orphanDependents: bool(),
      preconditions: meta('Preconditions'),
      propagationPolicy: str(),
    },
    { gvk: metaGVKs('DeleteOptions') },
  ),
  [`${META}WatchEvent`]: obj(
    { object: ref(RAW_EXTENSION), type: str() },
    { required: ['type', 'object'], gvk: metaGVKs('WatchEvent') },
  ),
  [`${META}Patch`]: { type: 'object', description: 'A patch body.' },
  [`${META}APIResource`]: obj(
    {
      categories: atomic(str()),
      group: str(),
      kind: str(),
      name: str(),
      namespaced: bool(),
      shortNames: atomic(str()),
      singularName: str(),
      storageVersionHash: str(),
      verbs: listOf(str()),
      version: str(),
    },
    { required: ['name', 'singularName', 'namespaced', 'kind', 'verbs'] },
  ),
  [`${META}APIResourceList`]: obj(
    { ...TYPE_META, groupVersion: str(), resources: atomic(meta('APIResource')) },
    { required: ['groupVersion', 'resources'], gvk: [{ group: '', version: 'v1', kind: 'APIResourceList' }] },
  ),
  [`${META}GroupVersionForDiscovery`]: obj(
    { groupVersion: str(), version: str() },
    { required: ['groupVersion', 'version'] },
  ),
  [`${META}ServerAddressByClientCIDR`]: obj(
    { clientCIDR: str(), serverAddress: str() },
    { required: ['clientCIDR', 'serverAddress'] },
  ),
  [`${META}APIGroup`]: obj(
    {
      ...TYPE_META,
      name: str(),
      preferredVersion: meta('GroupVersionForDiscovery'),
      serverAddressByClientCIDRs: atomic(meta('ServerAddressByClientCIDR')),
      versions: atomic(meta('GroupVersionForDiscovery')),
    },
    { required: ['name', 'versions'], gvk: [{ group: '', version: 'v1', kind: 'APIGroup' }] },
  ),
  [`${META}APIGroupList`]: obj(
    { ...TYPE_META, groups: atomic(meta('APIGroup')) },
    { required: ['groups'], gvk: [{ group: '', version: 'v1', kind: 'APIGroupList' }] },
  ),
  [`${META}APIVersions`]: obj(
    {
      ...TYPE_META,
      serverAddressByClientCIDRs: atomic(meta('ServerAddressByClientCIDR')),
      versions: atomic(str()),
    },
    { required: ['versions', 'serverAddressByClientCIDRs'], gvk: [{ group: '', version: 'v1', kind: 'APIVersions' }] },
  ),
};
