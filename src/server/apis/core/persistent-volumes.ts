/**
 * core/v1 persistentvolumes and persistentvolumeclaims: kube's defaults (Retain, Filesystem,
 * phase Pending), the validation users hit first, immutability of bound claims, and tables.
 */
import { Quantity } from '../../../api/quantity.js';
import {
  type FieldError,
  fieldForbidden,
  fieldInvalid,
  fieldNotSupported,
  fieldRequired,
} from '../../../api/status.js';

import { ensureMap, type JsonMap, jsonEqual, listAt, mapAt, setDefaultString, strAt } from '../object-access.js';
import { statusSplitHooks } from '../status-split.js';
import { age, ageColumn, column, nameColumn, nameOf } from '../table-columns.js';
import type { KindDefinition, KubeObject } from '../types.js';

const ACCESS_MODES = ['ReadOnlyMany', 'ReadWriteMany', 'ReadWriteOnce', 'ReadWriteOncePod'];
const SHORT_MODES: [string, string][] = [
  ['ReadWriteOnce', 'RWO'],
  ['ReadOnlyMany', 'ROX'],
  ['ReadWriteMany', 'RWX'],
  ['ReadWriteOncePod', 'RWOP'],
];
const BETA_CLASS_ANNOTATION = 'volume.beta.kubernetes.io/storage-class';
const specOf = (o: KubeObject): JsonMap => mapAt(o, 'spec') ?? {};

/** helper.GetAccessModesAsString: RWO, ROX, RWX, RWOP in that order, each once. */
export function accessModesString(modes: unknown[]): string {
  return SHORT_MODES.filter(([m]) => modes.includes(m))
    .map(([, s]) => s)
    .join(',');
}

/** Quantity.String() of a resource list entry; a missing quantity prints as `0`. */
export function quantityCell(list: unknown, name: string): string {
  const v = mapAt({ l: list }, 'l')?.[name];
  if (v === undefined || v === null) return '0';
  try {
    return Quantity.parse(String(v)).toString();
  } catch {
    return String(v);
  }
}

/** The class of a PV or PVC: the beta annotation wins over spec.storageClassName. */
const storageClassOf = (o: KubeObject): string =>
  o.metadata?.annotations?.[BETA_CLASS_ANNOTATION] ?? strAt(specOf(o), 'storageClassName') ?? '';

const phaseOf = (o: KubeObject): string =>
  o.metadata?.deletionTimestamp ? 'Terminating' : (strAt(mapAt(o, 'status'), 'phase') ?? '');

function validateAccessModes(modes: unknown[], path: string, required: boolean): FieldError[] {
  const errs: FieldError[] = [];
  if (modes.length === 0 && required) errs.push(fieldRequired(path, ''));
  for (const m of modes) if (!ACCESS_MODES.includes(String(m))) errs.push(fieldNotSupported(path, m, ACCESS_MODES));
  if (modes.includes('ReadWriteOncePod') && modes.length > 1)
    errs.push(fieldForbidden(path, 'may not use ReadWriteOncePod with other access modes'));
  return errs;
}

// ---------------------------------------------------------------- PersistentVolume

const PV_SOURCE_FIELDS = [
  'awsElasticBlockStore',
  'azureDisk',
  'azureFile',
  'cephfs',
  'cinder',
  'csi',
  'fc',
  'flexVolume',
  'flocker',
  'gcePersistentDisk',
  'glusterfs',
  'hostPath',
  'iscsi',
  'local',
  'nfs',
  'photonPersistentDisk',
  'portworxVolume',
  'quobyte',
  'rbd',
  'scaleIO',
  'storageos',
  'vsphereVolume',
];

/** SetDefaults_PersistentVolume. */
function defaultPV(pv: KubeObject): void {
  const spec = ensureMap(pv, 'spec');
  if (!spec) return;
  setDefaultString(spec, 'persistentVolumeReclaimPolicy', 'Retain');
  setDefaultString(spec, 'volumeMode', 'Filesystem');
}

function validatePV(pv: KubeObject): FieldError[] {
  const spec = specOf(pv);
  const errs = validateAccessModes(listAt(spec, 'accessModes'), 'spec.accessModes', true);
  const capacity = mapAt(spec, 'capacity');
  if (!capacity || Object.keys(capacity).length === 0) errs.push(fieldRequired('spec.capacity', ''));
  else if (!('storage' in capacity) || Object.keys(capacity).length !== 1)
    errs.push(fieldNotSupported('spec.capacity', Object.keys(capacity), ['storage']));
  const sources = PV_SOURCE_FIELDS.filter((f) => mapAt(spec, f));
  if (sources.length === 0) errs.push(fieldRequired('spec', 'must specify a volume type'));
  else if (sources.length > 1)
    errs.push(fieldForbidden(`spec.${sources[1]}`, 'may not specify more than 1 volume type'));
  const policy = spec.persistentVolumeReclaimPolicy;
  if (policy && !['Delete', 'Recycle', 'Retain'].includes(String(policy)))
    errs.push(fieldNotSupported('spec.persistentVolumeReclaimPolicy', policy, ['Delete', 'Recycle', 'Retain']));
  if (mapAt(spec, 'local') && !mapAt(spec, 'nodeAffinity'))
    errs.push(fieldRequired('spec.nodeAffinity', 'Local volume requires node affinity'));
  return errs;
}

const pvStatusHooks = statusSplitHooks({ generation: false, initialStatus: () => ({ phase: 'Pending' }) });

export const persistentvolumes: KindDefinition = {
  group: '',
  version: 'v1',
  kind: 'PersistentVolume',
  resource: 'persistentvolumes',
  singular: 'persistentvolume',
  namespaced: false,
  shortNames: ['pv'],
  definition: 'io.k8s.api.core.v1.PersistentVolume',
  subresources: { status: true },
  strategy: {
    defaults: defaultPV,
    ...pvStatusHooks,
    prepareForCreate(pv, ctx) {
      pvStatusHooks.prepareForCreate?.(pv, ctx);
      // kube stamps the phase transition time when it sets the first phase.
      (pv.status as JsonMap).lastPhaseTransitionTime = new Date().toISOString().replace(/\.\d+Z$/, 'Z');
    },
    validate: validatePV,
    validateUpdate(pv, old) {
      // Volume sources are immutable once created (ValidatePersistentVolumeUpdate).
      const errs: FieldError[] = [];
      for (const f of PV_SOURCE_FIELDS)
        if (!jsonEqual(specOf(pv)[f], specOf(old)[f]))
          errs.push(
            fieldForbidden('spec.persistentvolumesource', 'spec.persistentvolumesource is immutable after creation'),
          );
      if (!jsonEqual(specOf(pv).volumeMode, specOf(old).volumeMode))
        errs.push(fieldInvalid('spec.volumeMode', specOf(pv).volumeMode ?? null, 'field is immutable'));
      return [...new Map(errs.map((e) => [e.field + e.detail, e])).values()];
    },
  },
  table: {
    columns: [
      nameColumn(),
      column(
        'Capacity',
        "capacity is the description of the persistent volume's resources and capacity. More info: https://kubernetes.io/docs/concepts/storage/persistent-volumes#capacity",
      ),
      column(
        'Access Modes',
        'accessModes contains all ways the volume can be mounted. More info: https://kubernetes.io/docs/concepts/storage/persistent-volumes#access-modes',
      ),
      column(
        'Reclaim Policy',
        'persistentVolumeReclaimPolicy defines what happens to a persistent volume when released from its claim. Valid options are Retain (default for manually created PersistentVolumes), Delete (default for dynamically provisioned PersistentVolumes), and Recycle (deprecated). Recycle must be supported by the volume plugin underlying this PersistentVolume. More info: https://kubernetes.io/docs/concepts/storage/persistent-volumes#reclaiming',
      ),
      column(
        'Status',
        'phase indicates if a volume is available, bound to a claim, or released by a claim. More info: https://kubernetes.io/docs/concepts/storage/persistent-volumes#phase',
      ),
      column(
        'Claim',
        'claimRef is part of a bi-directional binding between PersistentVolume and PersistentVolumeClaim. Expected to be non-nil when bound. claim.VolumeName is the authoritative bind between PV and PVC. More info: https://kubernetes.io/docs/concepts/storage/persistent-volumes#binding',
      ),
      column('StorageClass', 'StorageClass of the pv'),
      column('VolumeAttributesClass', 'VolumeAttributesClass of the pv'),
      column(
        'Reason',
        'reason is a brief CamelCase string that describes any failure and is meant for machine parsing and tidy display in the CLI.',
      ),
      ageColumn(),
      column(
        'VolumeMode',
        'volumeMode defines if a volume is intended to be used with a formatted filesystem or to remain in raw block state. Value of Filesystem is implied when not included in spec.',
        { wide: true },
      ),
    ],
    cells(pv, now) {
      const spec = specOf(pv);
      const claim = mapAt(spec, 'claimRef');
      return [
        nameOf(pv),
        quantityCell(spec.capacity, 'storage'),
        accessModesString(listAt(spec, 'accessModes')),
        strAt(spec, 'persistentVolumeReclaimPolicy') ?? '',
        phaseOf(pv),
        claim ? `${strAt(claim, 'namespace') ?? ''}/${strAt(claim, 'name') ?? ''}` : '',
        storageClassOf(pv),
        strAt(spec, 'volumeAttributesClassName') ?? '<unset>',
        strAt(mapAt(pv, 'status'), 'reason') ?? '',
        age(pv.metadata?.creationTimestamp, now),
        strAt(spec, 'volumeMode') ?? '<unset>',
      ];
    },
  },
  fieldSelectors: (pv) => ({ 'status.phase': strAt(mapAt(pv, 'status'), 'phase') ?? '' }),
};

// ---------------------------------------------------------------- PersistentVolumeClaim

function validatePVC(pvc: KubeObject): FieldError[] {
  const spec = specOf(pvc);
  const errs = validateAccessModes(listAt(spec, 'accessModes'), 'spec.accessModes', true);
  const requests = mapAt(mapAt(spec, 'resources'), 'requests');
  if (!requests || requests.storage === undefined) errs.push(fieldRequired('spec.resources[storage]', ''));
  const mode = spec.volumeMode;
  if (mode && mode !== 'Block' && mode !== 'Filesystem')
    errs.push(fieldNotSupported('spec.volumeMode', mode, ['Block', 'Filesystem']));
  return errs;
}

/** ValidatePersistentVolumeClaimUpdate: once bound, only requests (expansion) and a few fields move. */
function validatePVCUpdate(pvc: KubeObject, old: KubeObject): FieldError[] {
  const a = { ...specOf(pvc) };
  const b = { ...specOf(old) };
  // An unbound claim may be bound (volumeName set once); storage requests may grow.
  if (!b.volumeName) delete a.volumeName;
  for (const s of [a, b]) {
    delete s.resources;
    delete s.volumeAttributesClassName;
  }
  if (!jsonEqual(a, b))
    return [
      fieldForbidden(
        'spec',
        'spec is immutable after creation except resources.requests and volumeAttributesClassName for bound claims',
      ),
    ];
  return [];
}

/** SetDefaults_PersistentVolumeClaim (volume mode). */
function defaultPVC(pvc: KubeObject): void {
  const spec = ensureMap(pvc, 'spec');
  if (spec) setDefaultString(spec, 'volumeMode', 'Filesystem');
}

export const persistentvolumeclaims: KindDefinition = {
  group: '',
  version: 'v1',
  kind: 'PersistentVolumeClaim',
  resource: 'persistentvolumeclaims',
  singular: 'persistentvolumeclaim',
  namespaced: true,
  shortNames: ['pvc'],
  definition: 'io.k8s.api.core.v1.PersistentVolumeClaim',
  subresources: { status: true },
  strategy: {
    defaults: defaultPVC,
    ...statusSplitHooks({ generation: false, initialStatus: () => ({ phase: 'Pending' }) }),
    validate: validatePVC,
    validateUpdate: validatePVCUpdate,
  },
  table: {
    columns: [
      nameColumn(),
      column('Status', 'phase represents the current phase of PersistentVolumeClaim.'),
      column('Volume', 'volumeName is the binding reference to the PersistentVolume backing this claim.'),
      column('Capacity', 'capacity represents the actual resources of the underlying volume.'),
      column(
        'Access Modes',
        'accessModes contains the actual access modes the volume backing the PVC has. More info: https://kubernetes.io/docs/concepts/storage/persistent-volumes#access-modes-1',
      ),
      column('StorageClass', 'StorageClass of the pvc'),
      column('VolumeAttributesClass', 'VolumeAttributesClass of the pvc'),
      ageColumn(),
      column(
        'VolumeMode',
        'volumeMode defines what type of volume is required by the claim. Value of Filesystem is implied when not included in claim spec.',
        { wide: true },
      ),
    ],
    cells(pvc, now) {
      const spec = specOf(pvc);
      const status = mapAt(pvc, 'status') ?? {};
      const bound = !!strAt(spec, 'volumeName');
      return [
        nameOf(pvc),
        phaseOf(pvc),
        strAt(spec, 'volumeName') ?? '',
        bound ? quantityCell(status.capacity, 'storage') : '',
        bound ? accessModesString(listAt(status, 'accessModes')) : '',
        storageClassOf(pvc),
        strAt(spec, 'volumeAttributesClassName') ?? '<unset>',
        age(pvc.metadata?.creationTimestamp, now),
        strAt(spec, 'volumeMode') ?? '<unset>',
      ];
    },
  },
};
