/**
 * core/v1 Volume and every volume source a pod can use, plus the PersistentVolumeClaim types
 * that ephemeral volumes and StatefulSet claim templates embed.
 */
import type { Definitions } from '../../../api/openapi-schema.js';
import {
  atomic,
  bool,
  CORE,
  core,
  int32,
  int64,
  kindObj,
  mapList,
  mapOf,
  meta,
  obj,
  objectMeta,
  quantity,
  str,
  strMap,
  time,
} from '../schema-dsl.js';

const SOURCES = [
  'awsElasticBlockStore:AWSElasticBlockStoreVolumeSource',
  'azureDisk:AzureDiskVolumeSource',
  'azureFile:AzureFileVolumeSource',
  'cephfs:CephFSVolumeSource',
  'cinder:CinderVolumeSource',
  'configMap:ConfigMapVolumeSource',
  'csi:CSIVolumeSource',
  'downwardAPI:DownwardAPIVolumeSource',
  'emptyDir:EmptyDirVolumeSource',
  'ephemeral:EphemeralVolumeSource',
  'fc:FCVolumeSource',
  'flexVolume:FlexVolumeSource',
  'flocker:FlockerVolumeSource',
  'gcePersistentDisk:GCEPersistentDiskVolumeSource',
  'gitRepo:GitRepoVolumeSource',
  'glusterfs:GlusterfsVolumeSource',
  'hostPath:HostPathVolumeSource',
  'image:ImageVolumeSource',
  'iscsi:ISCSIVolumeSource',
  'nfs:NFSVolumeSource',
  'persistentVolumeClaim:PersistentVolumeClaimVolumeSource',
  'photonPersistentDisk:PhotonPersistentDiskVolumeSource',
  'portworxVolume:PortworxVolumeSource',
  'projected:ProjectedVolumeSource',
  'quobyte:QuobyteVolumeSource',
  'rbd:RBDVolumeSource',
  'scaleIO:ScaleIOVolumeSource',
  'secret:SecretVolumeSource',
  'storageos:StorageOSVolumeSource',
  'vsphereVolume:VsphereVirtualDiskVolumeSource',
];

const volumeProps = () => {
  const props: Record<string, ReturnType<typeof str>> = { name: str('Volume name, a DNS label unique in the pod.') };
  for (const s of SOURCES) {
    const [field, def] = s.split(':') as [string, string];
    props[field] = core(def);
  }
  return props;
};

const fsType = () => str('Filesystem type to mount, e.g. ext4.');
const readOnly = () => bool('Mount read-only.');

export const volumeDefinitions: Definitions = {
  [`${CORE}Volume`]: obj(volumeProps(), { required: ['name'], description: 'A named volume in a pod.' }),
  [`${CORE}AWSElasticBlockStoreVolumeSource`]: obj(
    { fsType: fsType(), partition: int32(), readOnly: readOnly(), volumeID: str() },
    { required: ['volumeID'] },
  ),
  [`${CORE}AzureDiskVolumeSource`]: obj(
    { cachingMode: str(), diskName: str(), diskURI: str(), fsType: fsType(), kind: str(), readOnly: readOnly() },
    { required: ['diskName', 'diskURI'] },
  ),
  [`${CORE}AzureFileVolumeSource`]: obj(
    { readOnly: readOnly(), secretName: str(), shareName: str() },
    { required: ['secretName', 'shareName'] },
  ),
  [`${CORE}CephFSVolumeSource`]: obj(
    {
      monitors: atomic(str()),
      path: str(),
      readOnly: readOnly(),
      secretFile: str(),
      secretRef: core('LocalObjectReference'),
      user: str(),
    },
    { required: ['monitors'] },
  ),
  [`${CORE}CinderVolumeSource`]: obj(
    { fsType: fsType(), readOnly: readOnly(), secretRef: core('LocalObjectReference'), volumeID: str() },
    { required: ['volumeID'] },
  ),
  [`${CORE}ConfigMapVolumeSource`]: obj({
    defaultMode: int32('Mode bits of created files.'),
    items: atomic(core('KeyToPath')),
    name: str(),
    optional: bool(),
  }),
  [`${CORE}KeyToPath`]: obj({ key: str(), mode: int32(), path: str() }, { required: ['key', 'path'] }),
  [`${CORE}CSIVolumeSource`]: obj(
    {
      driver: str(),
      fsType: fsType(),
      nodePublishSecretRef: core('LocalObjectReference'),
      readOnly: readOnly(),
      volumeAttributes: strMap(),
    },
    { required: ['driver'] },
  ),
  [`${CORE}DownwardAPIVolumeSource`]: obj({ defaultMode: int32(), items: atomic(core('DownwardAPIVolumeFile')) }),
  [`${CORE}DownwardAPIVolumeFile`]: obj(
    {
      fieldRef: core('ObjectFieldSelector'),
      mode: int32(),
      path: str(),
      resourceFieldRef: core('ResourceFieldSelector'),
    },
    { required: ['path'] },
  ),
  [`${CORE}EmptyDirVolumeSource`]: obj({ medium: str(), sizeLimit: quantity() }),
  [`${CORE}EphemeralVolumeSource`]: obj({ volumeClaimTemplate: core('PersistentVolumeClaimTemplate') }),
  [`${CORE}PersistentVolumeClaimTemplate`]: obj(
    { metadata: objectMeta(), spec: core('PersistentVolumeClaimSpec') },
    { required: ['spec'] },
  ),
  [`${CORE}FCVolumeSource`]: obj({
    fsType: fsType(),
    lun: int32(),
    readOnly: readOnly(),
    targetWWNs: atomic(str()),
    wwids: atomic(str()),
  }),
  [`${CORE}FlexVolumeSource`]: obj(
    {
      driver: str(),
      fsType: fsType(),
      options: strMap(),
      readOnly: readOnly(),
      secretRef: core('LocalObjectReference'),
    },
    { required: ['driver'] },
  ),
  [`${CORE}FlockerVolumeSource`]: obj({ datasetName: str(), datasetUUID: str() }),
  [`${CORE}GCEPersistentDiskVolumeSource`]: obj(
    { fsType: fsType(), partition: int32(), pdName: str(), readOnly: readOnly() },
    { required: ['pdName'] },
  ),
  [`${CORE}GitRepoVolumeSource`]: obj(
    { directory: str(), repository: str(), revision: str() },
    { required: ['repository'] },
  ),
  [`${CORE}GlusterfsVolumeSource`]: obj(
    { endpoints: str(), path: str(), readOnly: readOnly() },
    { required: ['endpoints', 'path'] },
  ),
  [`${CORE}HostPathVolumeSource`]: obj({ path: str(), type: str() }, { required: ['path'] }),
  [`${CORE}ImageVolumeSource`]: obj({ pullPolicy: str(), reference: str() }),
  [`${CORE}ISCSIVolumeSource`]: obj(
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
      secretRef: core('LocalObjectReference'),
      targetPortal: str(),
    },
    { required: ['targetPortal', 'iqn', 'lun'] },
  ),
  [`${CORE}NFSVolumeSource`]: obj(
    { path: str(), readOnly: readOnly(), server: str() },
    { required: ['server', 'path'] },
  ),
  [`${CORE}PersistentVolumeClaimVolumeSource`]: obj(
    { claimName: str(), readOnly: readOnly() },
    { required: ['claimName'] },
  ),
  [`${CORE}PhotonPersistentDiskVolumeSource`]: obj({ fsType: fsType(), pdID: str() }, { required: ['pdID'] }),
  [`${CORE}PortworxVolumeSource`]: obj(
    { fsType: fsType(), readOnly: readOnly(), volumeID: str() },
    { required: ['volumeID'] },
  ),
  [`${CORE}ProjectedVolumeSource`]: obj({ defaultMode: int32(), sources: atomic(core('VolumeProjection')) }),
  [`${CORE}VolumeProjection`]: obj({
    clusterTrustBundle: core('ClusterTrustBundleProjection'),
    configMap: core('ConfigMapProjection'),
    downwardAPI: core('DownwardAPIProjection'),
    podCertificate: core('PodCertificateProjection'),
    secret: core('SecretProjection'),
    serviceAccountToken: core('ServiceAccountTokenProjection'),
  }),
  [`${CORE}ClusterTrustBundleProjection`]: obj(
    { labelSelector: meta('LabelSelector'), name: str(), optional: bool(), path: str(), signerName: str() },
    { required: ['path'] },
  ),
  [`${CORE}ConfigMapProjection`]: obj({ items: atomic(core('KeyToPath')), name: str(), optional: bool() }),
  [`${CORE}SecretProjection`]: obj({ items: atomic(core('KeyToPath')), name: str(), optional: bool() }),
  [`${CORE}DownwardAPIProjection`]: obj({ items: atomic(core('DownwardAPIVolumeFile')) }),
  [`${CORE}ServiceAccountTokenProjection`]: obj(
    { audience: str(), expirationSeconds: int64(), path: str() },
    { required: ['path'] },
  ),
  [`${CORE}PodCertificateProjection`]: obj(
    {
      certificateChainPath: str(),
      credentialBundlePath: str(),
      keyPath: str(),
      keyType: str(),
      maxExpirationSeconds: int32(),
      signerName: str(),
      userAnnotations: strMap(),
    },
    { required: ['signerName', 'keyType'] },
  ),
  [`${CORE}QuobyteVolumeSource`]: obj(
    { group: str(), readOnly: readOnly(), registry: str(), tenant: str(), user: str(), volume: str() },
    { required: ['registry', 'volume'] },
  ),
  [`${CORE}RBDVolumeSource`]: obj(
    {
      fsType: fsType(),
      image: str(),
      keyring: str(),
      monitors: atomic(str()),
      pool: str(),
      readOnly: readOnly(),
      secretRef: core('LocalObjectReference'),
      user: str(),
    },
    { required: ['monitors', 'image'] },
  ),
  [`${CORE}ScaleIOVolumeSource`]: obj(
    {
      fsType: fsType(),
      gateway: str(),
      protectionDomain: str(),
      readOnly: readOnly(),
      secretRef: core('LocalObjectReference'),
      sslEnabled: bool(),
      storageMode: str(),
      storagePool: str(),
      system: str(),
      volumeName: str(),
    },
    { required: ['gateway', 'system', 'secretRef'] },
  ),
  [`${CORE}SecretVolumeSource`]: obj({
    defaultMode: int32(),
    items: atomic(core('KeyToPath')),
    optional: bool(),
    secretName: str(),
  }),
  [`${CORE}StorageOSVolumeSource`]: obj({
    fsType: fsType(),
    readOnly: readOnly(),
    secretRef: core('LocalObjectReference'),
    volumeName: str(),
    volumeNamespace: str(),
  }),
  [`${CORE}VsphereVirtualDiskVolumeSource`]: obj(
    { fsType: fsType(), storagePolicyID: str(), storagePolicyName: str(), volumePath: str() },
    { required: ['volumePath'] },
  ),

  // ---- persistent volume claims (embedded by ephemeral volumes and StatefulSets) ----
  [`${CORE}PersistentVolumeClaim`]: kindObj(
    { group: '', version: 'v1', kind: 'PersistentVolumeClaim' },
    { spec: core('PersistentVolumeClaimSpec'), status: core('PersistentVolumeClaimStatus') },
    { description: "A user's request for and claim to a persistent volume." },
  ),
  [`${CORE}PersistentVolumeClaimSpec`]: obj({
    accessModes: atomic(str()),
    dataSource: core('TypedLocalObjectReference'),
    dataSourceRef: core('TypedObjectReference'),
    resources: core('VolumeResourceRequirements'),
    selector: meta('LabelSelector'),
    storageClassName: str(),
    volumeAttributesClassName: str(),
    volumeMode: str(),
    volumeName: str(),
  }),
  [`${CORE}PersistentVolumeClaimStatus`]: obj({
    accessModes: atomic(str()),
    allocatedResourceStatuses: strMap({ 'x-kubernetes-map-type': 'granular' }),
    allocatedResources: mapOf(quantity()),
    capacity: mapOf(quantity()),
    conditions: mapList(core('PersistentVolumeClaimCondition'), ['type'], true),
    currentVolumeAttributesClassName: str(),
    modifyVolumeStatus: core('ModifyVolumeStatus'),
    phase: str(),
  }),
  [`${CORE}PersistentVolumeClaimCondition`]: obj(
    {
      lastProbeTime: time(),
      lastTransitionTime: time(),
      message: str(),
      reason: str(),
      status: str(),
      type: str(),
    },
    { required: ['type', 'status'] },
  ),
  [`${CORE}ModifyVolumeStatus`]: obj(
    { status: str(), targetVolumeAttributesClassName: str() },
    { required: ['status'] },
  ),
  [`${CORE}TypedLocalObjectReference`]: obj(
    { apiGroup: str(), kind: str(), name: str() },
    { required: ['kind', 'name'], mapType: 'atomic' },
  ),
  [`${CORE}TypedObjectReference`]: obj(
    { apiGroup: str(), kind: str(), name: str(), namespace: str() },
    { required: ['kind', 'name'] },
  ),
  [`${CORE}VolumeResourceRequirements`]: obj({ limits: mapOf(quantity()), requests: mapOf(quantity()) }),
};
