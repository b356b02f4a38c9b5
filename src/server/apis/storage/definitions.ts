/** storage.k8s.io/v1 (staging/src/k8s.io/api/storage/v1/types.go). */
import type { Definitions } from '../../../api/openapi-schema.js';
import {
  atomic,
  bool,
  core,
  enumStr,
  int32,
  int64,
  kindObj,
  listKind,
  mapList,
  meta,
  obj,
  quantity,
  ref,
  setOf,
  str,
  strMap,
  time,
} from '../schema-dsl.js';

export const STORAGE = 'io.k8s.api.storage.v1.';
const gvk = (kind: string) => ({ group: 'storage.k8s.io', version: 'v1', kind });
const st = (name: string, description?: string) => ref(STORAGE + name, description);

export const storageDefinitions: Definitions = {
  // ---- StorageClass ----
  [`${STORAGE}StorageClass`]: kindObj(
    gvk('StorageClass'),
    {
      allowVolumeExpansion: bool(),
      allowedTopologies: atomic(core('TopologySelectorTerm')),
      mountOptions: atomic(str()),
      parameters: strMap(),
      provisioner: str('The volume plugin used to provision volumes of this class.'),
      reclaimPolicy: enumStr(['Delete', 'Recycle', 'Retain']),
      volumeBindingMode: enumStr(['Immediate', 'WaitForFirstConsumer']),
    },
    { required: ['provisioner'], description: 'A class of storage that volumes can be dynamically provisioned from.' },
  ),
  [`${STORAGE}StorageClassList`]: listKind(gvk('StorageClassList'), `${STORAGE}StorageClass`),
  'io.k8s.api.core.v1.TopologySelectorTerm': obj(
    { matchLabelExpressions: atomic(core('TopologySelectorLabelRequirement')) },
    { mapType: 'atomic' },
  ),
  'io.k8s.api.core.v1.TopologySelectorLabelRequirement': obj(
    { key: str(), values: atomic(str()) },
    { required: ['key', 'values'] },
  ),

  // ---- CSIDriver ----
  [`${STORAGE}CSIDriver`]: kindObj(
    gvk('CSIDriver'),
    { spec: st('CSIDriverSpec') },
    { required: ['spec'], description: 'Information about a CSI volume driver deployed on the cluster.' },
  ),
  [`${STORAGE}CSIDriverList`]: listKind(gvk('CSIDriverList'), `${STORAGE}CSIDriver`),
  [`${STORAGE}CSIDriverSpec`]: obj({
    attachRequired: bool(),
    fsGroupPolicy: str(),
    nodeAllocatableUpdatePeriodSeconds: int64(),
    podInfoOnMount: bool(),
    requiresRepublish: bool(),
    seLinuxMount: bool(),
    serviceAccountTokenInSecrets: bool(),
    storageCapacity: bool(),
    tokenRequests: atomic(st('TokenRequest')),
    volumeLifecycleModes: setOf(str()),
  }),
  [`${STORAGE}TokenRequest`]: obj({ audience: str(), expirationSeconds: int64() }, { required: ['audience'] }),

  // ---- CSINode ----
  [`${STORAGE}CSINode`]: kindObj(
    gvk('CSINode'),
    { spec: st('CSINodeSpec') },
    { required: ['spec'], description: 'The CSI drivers installed on a node.' },
  ),
  [`${STORAGE}CSINodeList`]: listKind(gvk('CSINodeList'), `${STORAGE}CSINode`),
  [`${STORAGE}CSINodeSpec`]: obj({ drivers: mapList(st('CSINodeDriver'), ['name']) }, { required: ['drivers'] }),
  [`${STORAGE}CSINodeDriver`]: obj(
    { allocatable: st('VolumeNodeResources'), name: str(), nodeID: str(), topologyKeys: atomic(str()) },
    { required: ['name', 'nodeID'] },
  ),
  [`${STORAGE}VolumeNodeResources`]: obj({ count: int32() }),

  // ---- CSIStorageCapacity ----
  [`${STORAGE}CSIStorageCapacity`]: kindObj(
    gvk('CSIStorageCapacity'),
    {
      capacity: quantity(),
      maximumVolumeSize: quantity(),
      nodeTopology: meta('LabelSelector'),
      storageClassName: str(),
    },
    { required: ['storageClassName'], description: 'Storage capacity of one CSI driver in one topology segment.' },
  ),
  [`${STORAGE}CSIStorageCapacityList`]: listKind(gvk('CSIStorageCapacityList'), `${STORAGE}CSIStorageCapacity`),

  // ---- VolumeAttachment ----
  [`${STORAGE}VolumeAttachment`]: kindObj(
    gvk('VolumeAttachment'),
    { spec: st('VolumeAttachmentSpec'), status: st('VolumeAttachmentStatus') },
    { required: ['spec'], description: 'The intent to attach or detach a volume to or from a node.' },
  ),
  [`${STORAGE}VolumeAttachmentList`]: listKind(gvk('VolumeAttachmentList'), `${STORAGE}VolumeAttachment`),
  [`${STORAGE}VolumeAttachmentSpec`]: obj(
    { attacher: str(), nodeName: str(), source: st('VolumeAttachmentSource') },
    { required: ['attacher', 'source', 'nodeName'] },
  ),
  [`${STORAGE}VolumeAttachmentSource`]: obj({
    inlineVolumeSpec: core('PersistentVolumeSpec'),
    persistentVolumeName: str(),
  }),
  [`${STORAGE}VolumeAttachmentStatus`]: obj(
    {
      attachError: st('VolumeError'),
      attached: bool(),
      attachmentMetadata: strMap(),
      detachError: st('VolumeError'),
    },
    { required: ['attached'] },
  ),
  [`${STORAGE}VolumeError`]: obj({ errorCode: int32(), message: str(), time: time() }),

  // ---- VolumeAttributesClass ----
  [`${STORAGE}VolumeAttributesClass`]: kindObj(
    gvk('VolumeAttributesClass'),
    { driverName: str(), parameters: strMap() },
    { required: ['driverName'], description: 'Mutable attributes of volumes from one CSI driver.' },
  ),
  [`${STORAGE}VolumeAttributesClassList`]: listKind(
    gvk('VolumeAttributesClassList'),
    `${STORAGE}VolumeAttributesClass`,
  ),
};
