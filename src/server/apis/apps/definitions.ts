/** apps/v1 (staging/src/k8s.io/api/apps/v1/types.go): Deployment, ReplicaSet, StatefulSet, DaemonSet. */
import type { Definitions } from '../../../api/openapi-schema.js';
import {
  APPS,
  atomic,
  bool,
  core,
  int32,
  int64,
  intOrString,
  kindObj,
  listKind,
  mapList,
  meta,
  obj,
  ref,
  str,
  time,
} from '../schema-dsl.js';

const gvk = (kind: string) => ({ group: 'apps', version: 'v1', kind });
const apps = (name: string, description?: string) => ref(APPS + name, description);

const condition = (extra: Record<string, ReturnType<typeof str>> = {}) =>
  obj(
    { lastTransitionTime: time(), ...extra, message: str(), reason: str(), status: str(), type: str() },
    { required: ['type', 'status'] },
  );

export const appsDefinitions: Definitions = {
  // ---- Deployment ----
  [`${APPS}Deployment`]: kindObj(
    gvk('Deployment'),
    { spec: apps('DeploymentSpec'), status: apps('DeploymentStatus') },
    { description: 'Declarative updates for Pods and ReplicaSets.' },
  ),
  [`${APPS}DeploymentList`]: listKind(gvk('DeploymentList'), `${APPS}Deployment`),
  [`${APPS}DeploymentSpec`]: obj(
    {
      minReadySeconds: int32(),
      paused: bool(),
      progressDeadlineSeconds: int32(),
      replicas: int32('Number of desired pods; defaults to 1.'),
      revisionHistoryLimit: int32(),
      selector: meta('LabelSelector', 'Label selector for pods; must match the template labels.'),
      strategy: { ...apps('DeploymentStrategy'), 'x-kubernetes-patch-strategy': 'retainKeys' },
      template: core('PodTemplateSpec', 'Template of the pods to create.'),
    },
    { required: ['selector', 'template'] },
  ),
  [`${APPS}DeploymentStrategy`]: obj({
    rollingUpdate: apps('RollingUpdateDeployment'),
    type: str('Recreate or RollingUpdate.'),
  }),
  [`${APPS}RollingUpdateDeployment`]: obj({ maxSurge: intOrString(), maxUnavailable: intOrString() }),
  [`${APPS}DeploymentStatus`]: obj({
    availableReplicas: int32(),
    collisionCount: int32(),
    conditions: mapList(apps('DeploymentCondition'), ['type'], true),
    observedGeneration: int64(),
    readyReplicas: int32(),
    replicas: int32(),
    terminatingReplicas: int32(),
    unavailableReplicas: int32(),
    updatedReplicas: int32(),
  }),
  [`${APPS}DeploymentCondition`]: condition({ lastUpdateTime: time() }),

  // ---- ReplicaSet ----
  [`${APPS}ReplicaSet`]: kindObj(
    gvk('ReplicaSet'),
    { spec: apps('ReplicaSetSpec'), status: apps('ReplicaSetStatus') },
    { description: 'Ensures a number of pod replicas are running.' },
  ),
  [`${APPS}ReplicaSetList`]: listKind(gvk('ReplicaSetList'), `${APPS}ReplicaSet`),
  [`${APPS}ReplicaSetSpec`]: obj(
    { minReadySeconds: int32(), replicas: int32(), selector: meta('LabelSelector'), template: core('PodTemplateSpec') },
    { required: ['selector'] },
  ),
  [`${APPS}ReplicaSetStatus`]: obj(
    {
      availableReplicas: int32(),
      conditions: mapList(apps('ReplicaSetCondition'), ['type'], true),
      fullyLabeledReplicas: int32(),
      observedGeneration: int64(),
      readyReplicas: int32(),
      replicas: int32(),
      terminatingReplicas: int32(),
    },
    { required: ['replicas'] },
  ),
  [`${APPS}ReplicaSetCondition`]: condition(),

  // ---- StatefulSet ----
  [`${APPS}StatefulSet`]: kindObj(
    gvk('StatefulSet'),
    { spec: apps('StatefulSetSpec'), status: apps('StatefulSetStatus') },
    { description: 'Pods with stable identities and storage.' },
  ),
  [`${APPS}StatefulSetList`]: listKind(gvk('StatefulSetList'), `${APPS}StatefulSet`),
  [`${APPS}StatefulSetSpec`]: obj(
    {
      minReadySeconds: int32(),
      ordinals: apps('StatefulSetOrdinals'),
      persistentVolumeClaimRetentionPolicy: apps('StatefulSetPersistentVolumeClaimRetentionPolicy'),
      podManagementPolicy: str('OrderedReady or Parallel.'),
      replicas: int32(),
      revisionHistoryLimit: int32(),
      selector: meta('LabelSelector'),
      serviceName: str(),
      template: core('PodTemplateSpec'),
      updateStrategy: apps('StatefulSetUpdateStrategy'),
      volumeClaimTemplates: atomic(core('PersistentVolumeClaim')),
    },
    { required: ['selector', 'template'] },
  ),
  [`${APPS}StatefulSetOrdinals`]: obj({ start: int32() }),
  [`${APPS}StatefulSetPersistentVolumeClaimRetentionPolicy`]: obj({ whenDeleted: str(), whenScaled: str() }),
  [`${APPS}StatefulSetUpdateStrategy`]: obj({ rollingUpdate: apps('RollingUpdateStatefulSetStrategy'), type: str() }),
  [`${APPS}RollingUpdateStatefulSetStrategy`]: obj({ maxUnavailable: intOrString(), partition: int32() }),
  [`${APPS}StatefulSetStatus`]: obj(
    {
      availableReplicas: int32(),
      collisionCount: int32(),
      conditions: mapList(apps('StatefulSetCondition'), ['type'], true),
      currentReplicas: int32(),
      currentRevision: str(),
      observedGeneration: int64(),
      readyReplicas: int32(),
      replicas: int32(),
      updateRevision: str(),
      updatedReplicas: int32(),
    },
    { required: ['replicas'] },
  ),
  [`${APPS}StatefulSetCondition`]: condition(),

  // ---- DaemonSet ----
  [`${APPS}DaemonSet`]: kindObj(
    gvk('DaemonSet'),
    { spec: apps('DaemonSetSpec'), status: apps('DaemonSetStatus') },
    { description: 'Runs a copy of a pod on each node.' },
  ),
  [`${APPS}DaemonSetList`]: listKind(gvk('DaemonSetList'), `${APPS}DaemonSet`),
  [`${APPS}DaemonSetSpec`]: obj(
    {
      minReadySeconds: int32(),
      revisionHistoryLimit: int32(),
      selector: meta('LabelSelector'),
      template: core('PodTemplateSpec'),
      updateStrategy: apps('DaemonSetUpdateStrategy'),
    },
    { required: ['selector', 'template'] },
  ),
  [`${APPS}DaemonSetUpdateStrategy`]: obj({ rollingUpdate: apps('RollingUpdateDaemonSet'), type: str() }),
  [`${APPS}RollingUpdateDaemonSet`]: obj({ maxSurge: intOrString(), maxUnavailable: intOrString() }),
  [`${APPS}DaemonSetStatus`]: obj(
    {
      collisionCount: int32(),
      conditions: mapList(apps('DaemonSetCondition'), ['type'], true),
      currentNumberScheduled: int32(),
      desiredNumberScheduled: int32(),
      numberAvailable: int32(),
      numberMisscheduled: int32(),
      numberReady: int32(),
      numberUnavailable: int32(),
      observedGeneration: int64(),
      updatedNumberScheduled: int32(),
    },
    { required: ['currentNumberScheduled', 'numberMisscheduled', 'desiredNumberScheduled', 'numberReady'] },
  ),
  [`${APPS}DaemonSetCondition`]: condition(),
};
