/**
 * core/v1 PersistentVolume with the persistent-only volume sources (the ones that take a
 * SecretReference rather than a LocalObjectReference), plus the PVC list.
 * (staging/src/k8s.io/api/core/v1/types.go)
 */
import type { Definitions } from '../../../api/openapi-schema.js';
import {
  atomic,
  bool,
  CORE,
  core,
  enumStr,
  int32,
  kindObj,
  listKind,
  mapOf,
  obj,
  quantity,
  str,
  strMap,
  time,
} from '../schema-dsl.js';

const gvk = (kind: string) => ({ group: '', version: 'v1', kind });
const fsType = () => str('Filesystem type to mount, e.g. ext4.');
const readOnly = () => bool('Mount read-only.');

/** PV-only sources by field; the rest reuse the pod volume source types. */
const PV_SOURCES: Record<string, string> = {
  awsElasticBlockStore: 'AWSElasticBlockStoreVolumeSource',
  azureDisk: 'AzureDiskVolumeSource',
  azureFile: 'AzureFilePersistentVolumeSource',
  cephfs: 'CephFSPersistentVolumeSource',
  cinder: 'CinderPersistentVolumeSource',
  csi: 'CSIPersistentVolumeSource',
  fc: 'FCVolumeSource',
  flexVolume: 'FlexPersistentVolumeSource',
  flocker: 'FlockerVolumeSource',
  gcePersistentDisk: 'GCEPersistentDiskVolumeSource',
  glusterfs: 'GlusterfsPersistentVolumeSource',
  hostPath: 'HostPathVolumeSource',
  iscsi: 'ISCSIPersistentVolumeSource',
  local: 'LocalVolumeSource',
  nfs: 'NFSVolumeSource',
  photonPersistentDisk: 'PhotonPersistentDiskVolumeSource',
  portworxVolume: 'PortworxVolumeSource',
  quobyte: 'QuobyteVolumeSource',
  rbd: 'RBDPersistentVolumeSource',
  scaleIO: 'ScaleIOPersistentVolumeSource',
  storageos: 'StorageOSPersistentVolumeSource',
  vsphereVolume: 'VsphereVirtualDiskVolumeSource',
};

const sourceProps = () => Object.fromEntries(Object.entries(PV_SOURCES).map(([f, d]) => [f, core(d)]));

export const persistentVolumeDefinitions: Definitions = {
  [`${CORE}PersistentVolume`]: kindObj(
    gvk('PersistentVolume'),
    { spec: core('PersistentVolumeSpec'), status: core('PersistentVolumeStatus') },
    { description: 'A storage resource provisioned by an administrator.' },
  ),
  [`${CORE}PersistentVolumeList`]: listKind(gvk('PersistentVolumeList'), `${CORE}PersistentVolume`),
  [`${CORE}PersistentVolumeClaimList`]: listKind(gvk('PersistentVolumeClaimList'), `${CORE}PersistentVolumeClaim`),
  [`${CORE}PersistentVolumeSpec`]: obj({
    ...sourceProps(),
    accessModes: atomic(str()),
    capacity: mapOf(quantity()),
    claimRef: core('ObjectReference', { 'x-kubernetes-map-type': 'granular' }),
    mountOptions: atomic(str()),
    nodeAffinity: core('VolumeNodeAffinity'),
    persistentVolumeReclaimPolicy: enumStr(['Delete', 'Recycle', 'Retain']),
    storageClassName: str(),
    volumeAttributesClassName: str(),
    volumeMode: enumStr(['Block', 'Filesystem']),
  }),
  [`${CORE}PersistentVolumeStatus`]: obj({
    lastPhaseTransitionTime: time(),
    message: str(),
    phase: enumStr(['Available', 'Bound', 'Failed', 'Pending', 'Released']),
    reason: str(),
  }),
  [`${CORE}VolumeNodeAffinity`]: obj({ required: core('NodeSelector') }),
  [`${CORE}SecretReference`]: obj({ name: str(), namespace: str() }, { mapType: 'atomic' }),
  [`${CORE}AzureFilePersistentVolumeSource`]: obj(
    { readOnly: readOnly(), secretName: str(), secretNamespace: str(), shareName: str() },
    { required: ['secretName', 'shareName'] },
  ),
  [`${CORE}CephFSPersistentVolumeSource`]: obj(
    {
      monitors: atomic(str()),
      path: str(),
      readOnly: readOnly(),
      secretFile: str(),
      secretRef: core('SecretReference'),
      user: str(),
    },
    { required: ['monitors'] },
  ),
  [`${CORE}CinderPersistentVolumeSource`]: obj(
    { fsType: fsType(), readOnly: readOnly(), secretRef: core('SecretReference'), volumeID: str() },
    { required: ['volumeID'] },
  ),
  [`${CORE}CSIPersistentVolumeSource`]: obj(
    {
      controllerExpandSecretRef: core('SecretReference'),
      controllerPublishSecretRef: core('SecretReference'),
      driver: str(),
      fsType: fsType(),
      nodeExpandSecretRef: core('SecretReference'),
      nodePublishSecretRef: core('SecretReference'),
      nodeStageSecretRef: core('SecretReference'),
      readOnly: readOnly(),
      volumeAttributes: strMap(),
      volumeHandle: str(),
    },
    { required: ['driver', 'volumeHandle'] },
  ),
  [`${CORE}FlexPersistentVolumeSource`]: obj(
    { driver: str(), fsType: fsType(), options: strMap(), readOnly: readOnly(), secretRef: core('SecretReference') },
    { required: ['driver'] },
  ),
  [`${CORE}GlusterfsPersistentVolumeSource`]: obj(
    { endpoints: str(), endpointsNamespace: str(), path: str(), readOnly: readOnly() },
    { required: ['endpoints', 'path'] },
  ),
  [`${CORE}ISCSIPersistentVolumeSource`]: obj(
    {
      chapAuthDiscovery: bool(),
      chapAuthSession: bool(),
      fsType: fsType(),
      initiatorName: str(),
      iqn: str(),
      iscsiInterface: str(),
      lun: int32(),
      portals: atomic(str()),
      readOnly: readOnly(),
      secretRef: core('SecretReference'),
      targetPortal: str(),
    },
    { required: ['targetPortal', 'iqn', 'lun'] },
  ),
  [`${CORE}LocalVolumeSource`]: obj({ fsType: fsType(), path: str() }, { required: ['path'] }),
  [`${CORE}RBDPersistentVolumeSource`]: obj(
    {
      fsType: fsType(),
      image: str(),
      keyring: str(),
      monitors: atomic(str()),
      pool: str(),
      readOnly: readOnly(),
      secretRef: core('SecretReference'),
      user: str(),
    },
    { required: ['monitors', 'image'] },
  ),
  [`${CORE}ScaleIOPersistentVolumeSource`]: obj(
    {
      fsType: fsType(),
      gateway: str(),
      protectionDomain: str(),
      readOnly: readOnly(),
      secretRef: core('SecretReference'),
      sslEnabled: bool(),
      storageMode: str(),
      storagePool: str(),
      system: str(),
      volumeName: str(),
    },
    { required: ['gateway', 'system', 'secretRef'] },
  ),
  [`${CORE}StorageOSPersistentVolumeSource`]: obj({
    fsType: fsType(),
    readOnly: readOnly(),
    secretRef: core('ObjectReference'),
    volumeName: str(),
    volumeNamespace: str(),
  }),
};
