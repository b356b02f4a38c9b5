/**
 * storage.k8s.io/v1 kinds: kube's defaults (SetDefaults_StorageClass / _CSIDriver), the
 * validation users hit (pkg/apis/storage/validation) and the printers' tables.
 */
import { Quantity } from '../../../api/quantity.js';
import { type FieldError, fieldForbidden, fieldInvalid, fieldRequired } from '../../../api/status.js';
import { idx, oneOf } from '../field-checks.js';
import {
  boolAt,
  ensureMap,
  isMap,
  type JsonMap,
  jsonEqual,
  listAt,
  mapAt,
  mapsAt,
  setDefault,
  setDefaultString,
  strAt,
} from '../object-access.js';
import { plainHooks, statusSplitHooks } from '../status-split.js';
import { age, ageColumn, column, nameColumn, nameOf } from '../table-columns.js';
import type { KindDefinition, KubeObject } from '../types.js';
import { STORAGE } from './definitions.js';

const GROUP = 'storage.k8s.io';
const specOf = (o: KubeObject): JsonMap => mapAt(o, 'spec') ?? {};
const base = (kind: string, resource: string, namespaced = false) => ({
  group: GROUP,
  version: 'v1',
  kind,
  resource,
  singular: kind.toLowerCase(),
  namespaced,
  definition: `${STORAGE}${kind}`,
});

// ---------------------------------------------------------------- StorageClass

const DEFAULT_CLASS_ANNOTATIONS = [
  'storageclass.kubernetes.io/is-default-class',
  'storageclass.beta.kubernetes.io/is-default-class',
];
const isDefaultClass = (o: KubeObject): boolean =>
  DEFAULT_CLASS_ANNOTATIONS.some((a) => o.metadata?.annotations?.[a] === 'true');

function validateStorageClass(sc: KubeObject): FieldError[] {
  const errs: FieldError[] = [];
  const prov = strAt(sc, 'provisioner') ?? '';
  if (!prov) errs.push(fieldRequired('provisioner'));
  else if (prov.length > 63)
    errs.push({ type: 'FieldValueTooLong', field: 'provisioner', detail: 'may not be more than 63 bytes' });
  errs.push(...oneOf(sc.reclaimPolicy, 'reclaimPolicy', ['Delete', 'Retain']));
  errs.push(...oneOf(sc.volumeBindingMode, 'volumeBindingMode', ['Immediate', 'WaitForFirstConsumer'], true));
  const params = isMap(sc.parameters) ? sc.parameters : {};
  if (Object.keys(params).length > 512)
    errs.push(fieldInvalid('parameters', Object.keys(params).length, 'Provisioner Parameters exceeded max allowed'));
  return errs;
}

function validateStorageClassUpdate(sc: KubeObject, old: KubeObject): FieldError[] {
  const errs: FieldError[] = [];
  if (!jsonEqual(sc.parameters ?? {}, old.parameters ?? {}))
    errs.push(fieldForbidden('parameters', 'updates to parameters are forbidden.'));
  if (sc.provisioner !== old.provisioner)
    errs.push(fieldForbidden('provisioner', 'updates to provisioner are forbidden.'));
  if (sc.reclaimPolicy !== old.reclaimPolicy)
    errs.push(fieldForbidden('reclaimPolicy', 'updates to reclaimPolicy are forbidden.'));
  if (sc.volumeBindingMode !== old.volumeBindingMode)
    errs.push(fieldInvalid('volumeBindingMode', sc.volumeBindingMode ?? null, 'field is immutable'));
  return errs;
}

export const storageclasses: KindDefinition = {
  ...base('StorageClass', 'storageclasses'),
  shortNames: ['sc'],
  strategy: {
    defaults(sc) {
      setDefaultString(sc, 'reclaimPolicy', 'Delete');
      setDefaultString(sc, 'volumeBindingMode', 'Immediate');
    },
    ...plainHooks(),
    validate: validateStorageClass,
    validateUpdate: validateStorageClassUpdate,
  },
  table: {
    columns: [
      nameColumn(),
      column('Provisioner', 'provisioner indicates the type of the provisioner.'),
      column(
        'ReclaimPolicy',
        'reclaimPolicy controls the reclaimPolicy for dynamically provisioned PersistentVolumes of this storage class. Defaults to Delete.',
      ),
      column(
        'VolumeBindingMode',
        'volumeBindingMode indicates how PersistentVolumeClaims should be provisioned and bound.  When unset, VolumeBindingImmediate is used. This field is only honored by servers that enable the VolumeScheduling feature.',
      ),
      column('AllowVolumeExpansion', 'allowVolumeExpansion shows whether the storage class allow volume expand.'),
      ageColumn(),
    ],
    cells: (sc, now) => [
      isDefaultClass(sc) ? `${nameOf(sc)} (default)` : nameOf(sc),
      strAt(sc, 'provisioner') ?? '',
      strAt(sc, 'reclaimPolicy') ?? 'Delete',
      strAt(sc, 'volumeBindingMode') ?? 'Immediate',
      boolAt(sc, 'allowVolumeExpansion') ?? false,
      age(sc.metadata?.creationTimestamp, now),
    ],
  },
};

// ---------------------------------------------------------------- CSIDriver

/** SetDefaults_CSIDriver. */
function defaultCSIDriver(d: KubeObject): void {
  const spec = ensureMap(d, 'spec');
  if (!spec) return;
  setDefault(spec, 'attachRequired', true);
  setDefault(spec, 'podInfoOnMount', false);
  setDefault(spec, 'storageCapacity', false);
  setDefault(spec, 'fsGroupPolicy', 'ReadWriteOnceWithFSType');
  if (listAt(spec, 'volumeLifecycleModes').length === 0) spec.volumeLifecycleModes = ['Persistent'];
  setDefault(spec, 'requiresRepublish', false);
  setDefault(spec, 'seLinuxMount', false);
}

function validateCSIDriver(d: KubeObject): FieldError[] {
  const spec = specOf(d);
  const errs: FieldError[] = [];
  if (spec.attachRequired === undefined || spec.attachRequired === null)
    errs.push(fieldRequired('spec.attachRequired'));
  errs.push(...oneOf(spec.fsGroupPolicy, 'spec.fsGroupPolicy', ['File', 'None', 'ReadWriteOnceWithFSType']));
  listAt(spec, 'volumeLifecycleModes').forEach((m) => {
    errs.push(...oneOf(m, 'spec.volumeLifecycleModes', ['Ephemeral', 'Persistent']));
  });
  mapsAt(spec, 'tokenRequests').forEach((t, i) => {
    const p = idx('spec.tokenRequests', i);
    if (typeof t.expirationSeconds === 'number' && t.expirationSeconds < 600)
      errs.push(
        fieldInvalid(`${p}.expirationSeconds`, t.expirationSeconds, 'may not specify a duration less than 10 minutes'),
      );
  });
  return errs;
}

const cellBool = (spec: JsonMap, k: string, dflt: boolean): boolean => boolAt(spec, k) ?? dflt;

export const csidrivers: KindDefinition = {
  ...base('CSIDriver', 'csidrivers'),
  strategy: {
    defaults: defaultCSIDriver,
    ...plainHooks(),
    validate: validateCSIDriver,
    validateUpdate: (d, old) =>
      specOf(d).attachRequired === specOf(old).attachRequired
        ? []
        : [fieldInvalid('spec.attachRequired', specOf(d).attachRequired ?? null, 'field is immutable')],
  },
  table: {
    columns: [
      nameColumn(),
      {
        ...column('AttachRequired', 'attachRequired indicates this CSI volume driver requires an attach operation.'),
        type: 'boolean',
      },
      {
        ...column(
          'PodInfoOnMount',
          'podInfoOnMount indicates this CSI volume driver requires additional pod information during mount operations.',
        ),
        type: 'boolean',
      },
      {
        ...column(
          'StorageCapacity',
          'storageCapacity indicates that the CSI volume driver wants pod scheduling to consider the storage capacity that the driver deployment will report.',
        ),
        type: 'boolean',
      },
      column(
        'TokenRequests',
        "tokenRequests indicates the CSI driver needs pods' service account tokens it is mounting volume for to do necessary authentication.",
      ),
      {
        ...column(
          'RequiresRepublish',
          'requiresRepublish indicates the CSI driver wants `NodePublishVolume` being periodically called to reflect any possible change in the mounted volume.',
        ),
        type: 'boolean',
      },
      column('Modes', 'volumeLifecycleModes defines what kind of volumes this CSI volume driver supports.'),
      ageColumn(),
    ],
    cells(d, now) {
      const spec = specOf(d);
      const audiences = mapsAt(spec, 'tokenRequests').map((t) => String(t.audience ?? ''));
      const modes = listAt(spec, 'volumeLifecycleModes').map(String).join(',');
      return [
        nameOf(d),
        cellBool(spec, 'attachRequired', true),
        cellBool(spec, 'podInfoOnMount', false),
        cellBool(spec, 'storageCapacity', false),
        audiences.length ? audiences.join(',') : '<unset>',
        cellBool(spec, 'requiresRepublish', false),
        modes || '<none>',
        age(d.metadata?.creationTimestamp, now),
      ];
    },
  },
};

// ---------------------------------------------------------------- CSINode

function validateCSINode(n: KubeObject): FieldError[] {
  const errs: FieldError[] = [];
  const seen = new Set<string>();
  mapsAt(specOf(n), 'drivers').forEach((d, i) => {
    const p = idx('spec.drivers', i);
    const name = strAt(d, 'name') ?? '';
    if (!name) errs.push(fieldRequired(`${p}.name`));
    else if (seen.has(name)) errs.push({ type: 'FieldValueDuplicate', field: `${p}.name`, value: name });
    seen.add(name);
    if (!strAt(d, 'nodeID')) errs.push(fieldRequired(`${p}.nodeID`));
  });
  return errs;
}

export const csinodes: KindDefinition = {
  ...base('CSINode', 'csinodes'),
  strategy: { ...plainHooks(), validate: validateCSINode },
  table: {
    columns: [
      nameColumn(),
      { ...column('Drivers', 'Drivers indicates the number of CSI drivers registered on the node'), type: 'integer' },
      ageColumn(),
    ],
    cells: (n, now) => [nameOf(n), listAt(specOf(n), 'drivers').length, age(n.metadata?.creationTimestamp, now)],
  },
};

// ---------------------------------------------------------------- CSIStorageCapacity

function quantityOrUnset(v: unknown): string {
  if (v === undefined || v === null) return '<unset>';
  try {
    return Quantity.parse(String(v)).toString();
  } catch {
    return String(v);
  }
}

function validateCapacity(c: KubeObject): FieldError[] {
  const errs: FieldError[] = [];
  if (!strAt(c, 'storageClassName')) errs.push(fieldRequired('storageClassName'));
  for (const f of ['capacity', 'maximumVolumeSize']) {
    const v = c[f];
    if (v === undefined || v === null) continue;
    try {
      if (Quantity.parse(String(v)).sign() < 0)
        errs.push(fieldInvalid(f, String(v), 'must be greater than or equal to 0'));
    } catch {
      errs.push(fieldInvalid(f, v, 'quantities must match the regular expression'));
    }
  }
  return errs;
}

export const csistoragecapacities: KindDefinition = {
  ...base('CSIStorageCapacity', 'csistoragecapacities', true),
  strategy: { ...plainHooks(), validate: validateCapacity },
  table: {
    columns: [
      nameColumn(),
      column(
        'StorageClassName',
        'storageClassName represents the name of the StorageClass that the reported capacity applies to. It must meet the same requirements as the name of a StorageClass object (non-empty, DNS subdomain). If that object no longer exists, the CSIStorageCapacity object is obsolete and should be removed by its creator. This field is immutable.',
      ),
      column(
        'Capacity',
        'capacity is the value reported by the CSI driver in its GetCapacityResponse for a GetCapacityRequest with topology and parameters that match the previous fields.',
      ),
    ],
    cells: (c) => [nameOf(c), strAt(c, 'storageClassName') ?? '', quantityOrUnset(c.capacity)],
  },
};

// ---------------------------------------------------------------- VolumeAttachment

function validateVolumeAttachment(va: KubeObject): FieldError[] {
  const spec = specOf(va);
  const errs: FieldError[] = [];
  if (!strAt(spec, 'attacher')) errs.push(fieldRequired('spec.attacher'));
  const source = mapAt(spec, 'source') ?? {};
  const pv = strAt(source, 'persistentVolumeName');
  const inline = mapAt(source, 'inlineVolumeSpec');
  if (!pv === !inline)
    errs.push(fieldRequired('spec.source', 'must specify exactly one of inlineVolumeSpec and persistentVolumeName'));
  if (!strAt(spec, 'nodeName')) errs.push(fieldRequired('spec.nodeName'));
  return errs;
}

export const volumeattachments: KindDefinition = {
  ...base('VolumeAttachment', 'volumeattachments'),
  subresources: { status: true },
  strategy: {
    // The status's `attached` is not omitempty: a new attachment reads attached: false.
    ...statusSplitHooks({ generation: false, initialStatus: () => ({ attached: false }) }),
    validate: validateVolumeAttachment,
    validateUpdate: (va, old) =>
      jsonEqual(va.spec, old.spec) ? [] : [fieldInvalid('spec', va.spec ?? null, 'field is immutable')],
  },
  table: {
    columns: [
      nameColumn(),
      {
        ...column(
          'Attacher',
          'attacher indicates the name of the volume driver that MUST handle this request. This is the name returned by GetPluginName().',
        ),
        format: 'name',
      },
      column('PV', 'persistentVolumeName represents the name of the persistent volume to attach.'),
      column('Node', 'nodeName represents the node that the volume should be attached to.'),
      {
        ...column(
          'Attached',
          'attached indicates the volume is successfully attached. This field must only be set by the entity completing the attach operation, i.e. the external-attacher.',
        ),
        type: 'boolean',
      },
      ageColumn(),
    ],
    cells: (va, now) => [
      nameOf(va),
      strAt(specOf(va), 'attacher') ?? '',
      strAt(mapAt(specOf(va), 'source'), 'persistentVolumeName') ?? '',
      strAt(specOf(va), 'nodeName') ?? '',
      boolAt(mapAt(va, 'status'), 'attached') ?? false,
      age(va.metadata?.creationTimestamp, now),
    ],
  },
};

// ---------------------------------------------------------------- VolumeAttributesClass

export const volumeattributesclasses: KindDefinition = {
  ...base('VolumeAttributesClass', 'volumeattributesclasses'),
  shortNames: ['vac'],
  strategy: {
    ...plainHooks(),
    validate: (v) => (strAt(v, 'driverName') ? [] : [fieldRequired('driverName')]),
    validateUpdate(v, old) {
      const errs: FieldError[] = [];
      if (v.driverName !== old.driverName)
        errs.push(fieldInvalid('driverName', v.driverName ?? '', 'field is immutable'));
      if (!jsonEqual(v.parameters ?? {}, old.parameters ?? {}))
        errs.push(fieldForbidden('parameters', 'updates to parameters are forbidden.'));
      return errs;
    },
  },
  table: {
    columns: [nameColumn(), column('DriverName', 'Name of the CSI driver This field is immutable.'), ageColumn()],
    cells: (v, now) => [nameOf(v), strAt(v, 'driverName') ?? '', age(v.metadata?.creationTimestamp, now)],
  },
};
