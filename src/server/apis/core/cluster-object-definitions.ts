/**
 * core/v1 ResourceQuota, LimitRange, ReplicationController, PodTemplate and ComponentStatus
 * (staging/src/k8s.io/api/core/v1/types.go).
 */
import type { Definitions } from '../../../api/openapi-schema.js';
import {
  atomic,
  CORE,
  core,
  enumStr,
  int32,
  int64,
  kindObj,
  listKind,
  mapList,
  mapOf,
  obj,
  quantity,
  str,
  strMap,
  time,
} from '../schema-dsl.js';

const gvk = (kind: string) => ({ group: '', version: 'v1', kind });
const resources = () => mapOf(quantity());

export const clusterObjectDefinitions: Definitions = {
  // ---- ResourceQuota ----
  [`${CORE}ResourceQuota`]: kindObj(
    gvk('ResourceQuota'),
    { spec: core('ResourceQuotaSpec'), status: core('ResourceQuotaStatus') },
    { description: 'Aggregate quota restrictions enforced per namespace.' },
  ),
  [`${CORE}ResourceQuotaList`]: listKind(gvk('ResourceQuotaList'), `${CORE}ResourceQuota`),
  [`${CORE}ResourceQuotaSpec`]: obj({
    hard: resources(),
    scopeSelector: core('ScopeSelector'),
    scopes: atomic(str()),
  }),
  [`${CORE}ScopeSelector`]: obj(
    { matchExpressions: atomic(core('ScopedResourceSelectorRequirement')) },
    { mapType: 'atomic' },
  ),
  [`${CORE}ScopedResourceSelectorRequirement`]: obj(
    {
      operator: enumStr(['DoesNotExist', 'Exists', 'In', 'NotIn']),
      scopeName: enumStr([
        'BestEffort',
        'CrossNamespacePodAffinity',
        'NotBestEffort',
        'NotTerminating',
        'PriorityClass',
        'Terminating',
        'VolumeAttributesClass',
      ]),
      values: atomic(str()),
    },
    { required: ['scopeName', 'operator'] },
  ),
  [`${CORE}ResourceQuotaStatus`]: obj({ hard: resources(), used: resources() }),

  // ---- LimitRange ----
  [`${CORE}LimitRange`]: kindObj(
    gvk('LimitRange'),
    { spec: core('LimitRangeSpec') },
    { description: 'Resource usage limits for each kind of resource in a namespace.' },
  ),
  [`${CORE}LimitRangeList`]: listKind(gvk('LimitRangeList'), `${CORE}LimitRange`),
  [`${CORE}LimitRangeSpec`]: obj({ limits: atomic(core('LimitRangeItem')) }, { required: ['limits'] }),
  [`${CORE}LimitRangeItem`]: obj(
    {
      default: resources(),
      defaultRequest: resources(),
      max: resources(),
      maxLimitRequestRatio: resources(),
      min: resources(),
      type: str('Container, Pod or PersistentVolumeClaim.'),
    },
    { required: ['type'] },
  ),

  // ---- ReplicationController ----
  [`${CORE}ReplicationController`]: kindObj(
    gvk('ReplicationController'),
    { spec: core('ReplicationControllerSpec'), status: core('ReplicationControllerStatus') },
    { description: 'The configuration of a replication controller.' },
  ),
  [`${CORE}ReplicationControllerList`]: listKind(gvk('ReplicationControllerList'), `${CORE}ReplicationController`),
  [`${CORE}ReplicationControllerSpec`]: obj({
    minReadySeconds: int32(),
    replicas: int32(),
    selector: strMap({ 'x-kubernetes-map-type': 'atomic' }),
    template: core('PodTemplateSpec'),
  }),
  [`${CORE}ReplicationControllerStatus`]: obj(
    {
      availableReplicas: int32(),
      conditions: mapList(core('ReplicationControllerCondition'), ['type']),
      fullyLabeledReplicas: int32(),
      observedGeneration: int64(),
      readyReplicas: int32(),
      replicas: int32(),
    },
    { required: ['replicas'] },
  ),
  [`${CORE}ReplicationControllerCondition`]: obj(
    { lastTransitionTime: time(), message: str(), reason: str(), status: str(), type: str() },
    { required: ['type', 'status'] },
  ),

  // ---- PodTemplate ----
  [`${CORE}PodTemplate`]: kindObj(
    gvk('PodTemplate'),
    { template: core('PodTemplateSpec') },
    { description: 'A template for creating copies of a predefined pod.' },
  ),
  [`${CORE}PodTemplateList`]: listKind(gvk('PodTemplateList'), `${CORE}PodTemplate`),

  // ---- ComponentStatus ----
  [`${CORE}ComponentStatus`]: kindObj(
    gvk('ComponentStatus'),
    { conditions: mapList(core('ComponentCondition'), ['type']) },
    { description: 'Status of a control plane component (deprecated in kube).' },
  ),
  [`${CORE}ComponentStatusList`]: listKind(gvk('ComponentStatusList'), `${CORE}ComponentStatus`),
  [`${CORE}ComponentCondition`]: obj(
    { error: str(), message: str(), status: str(), type: str() },
    { required: ['type', 'status'] },
  ),
};
