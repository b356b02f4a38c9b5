/**
 * resource.k8s.io/v1 deviceclasses, resourceclaims (+status), resourceclaimtemplates and
 * resourceslices: kube's defaults for device requests, the validation of their shape
 * (pkg/apis/resource/validation) and the printers' tables.
 */
import { type FieldError, fieldInvalid, fieldRequired } from '../../../api/status.js';
import { isDNS1123Label } from '../../../api/validation/names.js';
import { idx, oneOf } from '../field-checks.js';
import { isMap, type JsonMap, jsonEqual, listAt, mapAt, mapsAt, setDefault, strAt } from '../object-access.js';
import { statusSplitHooks } from '../status-split.js';
import { age, ageColumn, column, nameColumn, nameOf } from '../table-columns.js';
import type { CatalogModule, KindDefinition, KubeObject } from '../types.js';
import { RES, resourceDefinitions } from './definitions.js';

const GROUP = 'resource.k8s.io';
const specOf = (o: KubeObject): JsonMap => mapAt(o, 'spec') ?? {};

/** SetDefaults for ExactDeviceRequest / DeviceSubRequest: ExactCount of 1, tolerations Equal. */
function defaultRequest(r: JsonMap): void {
  setDefault(r, 'allocationMode', 'ExactCount');
  if (r.allocationMode === 'ExactCount') setDefault(r, 'count', 1);
  for (const t of mapsAt(r, 'tolerations')) setDefault(t, 'operator', 'Equal');
}

export function defaultClaimSpec(spec: JsonMap | undefined): void {
  for (const req of mapsAt(mapAt(spec, 'devices'), 'requests')) {
    const exactly = mapAt(req, 'exactly');
    if (exactly) defaultRequest(exactly);
    for (const sub of mapsAt(req, 'firstAvailable')) defaultRequest(sub);
  }
}

function validateSelectors(list: unknown[], path: string): FieldError[] {
  const errs: FieldError[] = [];
  list.forEach((s, i) => {
    const cel = mapAt(s, 'cel');
    if (!cel) errs.push(fieldRequired(`${idx(path, i)}.cel`));
    else if (!strAt(cel, 'expression')) errs.push(fieldRequired(`${idx(path, i)}.cel.expression`));
  });
  return errs;
}

function validateRequestBody(r: JsonMap, path: string): FieldError[] {
  const errs: FieldError[] = [];
  if (!strAt(r, 'deviceClassName')) errs.push(fieldRequired(`${path}.deviceClassName`));
  errs.push(...oneOf(r.allocationMode, `${path}.allocationMode`, ['All', 'ExactCount']));
  if (r.allocationMode === 'ExactCount' && typeof r.count === 'number' && r.count <= 0)
    errs.push(fieldInvalid(`${path}.count`, r.count, 'must be greater than zero'));
  errs.push(...validateSelectors(listAt(r, 'selectors'), `${path}.selectors`));
  return errs;
}

function dnsLabelErrors(name: string, path: string): FieldError[] {
  if (!name) return [fieldRequired(path)];
  return isDNS1123Label(name).map((m) => fieldInvalid(path, name, m));
}

/** validateResourceClaimSpec (the parts a user writes). */
export function validateClaimSpec(spec: JsonMap, path: string): FieldError[] {
  const errs: FieldError[] = [];
  const names = new Set<string>();
  mapsAt(mapAt(spec, 'devices'), 'requests').forEach((req, i) => {
    const p = idx(`${path}.devices.requests`, i);
    const name = strAt(req, 'name') ?? '';
    errs.push(...dnsLabelErrors(name, `${p}.name`));
    if (name && names.has(name)) errs.push({ type: 'FieldValueDuplicate', field: `${p}.name`, value: name });
    names.add(name);
    const exactly = mapAt(req, 'exactly');
    const first = mapsAt(req, 'firstAvailable');
    if (!exactly === (first.length === 0))
      errs.push(fieldRequired(p, 'exactly one of `exactly` or `firstAvailable` is required'));
    if (exactly) errs.push(...validateRequestBody(exactly, `${p}.exactly`));
    first.forEach((sub, j) => {
      const sp = idx(`${p}.firstAvailable`, j);
      errs.push(...dnsLabelErrors(strAt(sub, 'name') ?? '', `${sp}.name`));
      errs.push(...validateRequestBody(sub, sp));
    });
  });
  return errs;
}

const base = (kind: string, resource: string, namespaced: boolean) => ({
  group: GROUP,
  version: 'v1',
  kind,
  resource,
  singular: kind.toLowerCase(),
  namespaced,
  definition: `${RES}${kind}`,
});

export const deviceclasses: KindDefinition = {
  ...base('DeviceClass', 'deviceclasses', false),
  strategy: {
    ...statusSplitHooks({ generation: true }),
    validate: (dc) => validateSelectors(listAt(specOf(dc), 'selectors'), 'spec.selectors'),
  },
  table: {
    columns: [nameColumn(), ageColumn()],
    cells: (dc, now) => [nameOf(dc), age(dc.metadata?.creationTimestamp, now)],
  },
};

/** resourceClaimState: deleted / pending / allocated,reserved. */
export function claimState(c: KubeObject): string {
  const states: string[] = [];
  const deleting = !!c.metadata?.deletionTimestamp;
  if (deleting) states.push('deleted');
  const status = mapAt(c, 'status');
  if (!isMap(status?.allocation)) {
    if (!deleting) states.push('pending');
  } else {
    states.push('allocated');
    if (listAt(status, 'reservedFor').length > 0) states.push('reserved');
  }
  return states.join(',');
}

const immutableSpec = (o: KubeObject, old: KubeObject): FieldError[] =>
  jsonEqual(o.spec, old.spec) ? [] : [fieldInvalid('spec', o.spec ?? null, 'field is immutable')];

export const resourceclaims: KindDefinition = {
  ...base('ResourceClaim', 'resourceclaims', true),
  subresources: { status: true },
  strategy: {
    defaults: (c) => defaultClaimSpec(mapAt(c, 'spec')),
    ...statusSplitHooks({ generation: true }),
    validate: (c) => validateClaimSpec(specOf(c), 'spec'),
    validateUpdate: immutableSpec,
  },
  table: {
    columns: [
      nameColumn(),
      column('State', 'A summary of the current state (allocated, pending, reserved, etc.).'),
      ageColumn(),
    ],
    cells: (c, now) => [nameOf(c), claimState(c), age(c.metadata?.creationTimestamp, now)],
  },
};

export const resourceclaimtemplates: KindDefinition = {
  ...base('ResourceClaimTemplate', 'resourceclaimtemplates', true),
  strategy: {
    defaults: (t) => defaultClaimSpec(mapAt(mapAt(t, 'spec'), 'spec')),
    ...statusSplitHooks({ generation: true }),
    validate: (t) => validateClaimSpec(mapAt(specOf(t), 'spec') ?? {}, 'spec.spec'),
    validateUpdate: immutableSpec,
  },
  table: {
    columns: [nameColumn(), ageColumn()],
    cells: (t, now) => [nameOf(t), age(t.metadata?.creationTimestamp, now)],
  },
};

function validateSlice(s: KubeObject): FieldError[] {
  const spec = specOf(s);
  const errs: FieldError[] = [];
  if (!strAt(spec, 'driver')) errs.push(fieldRequired('spec.driver'));
  const pool = mapAt(spec, 'pool');
  if (!pool) errs.push(fieldRequired('spec.pool'));
  else {
    if (!strAt(pool, 'name')) errs.push(fieldRequired('spec.pool.name'));
    if (typeof pool.resourceSliceCount === 'number' && pool.resourceSliceCount <= 0)
      errs.push(fieldInvalid('spec.pool.resourceSliceCount', pool.resourceSliceCount, 'must be greater than zero'));
  }
  const placements = [
    !!strAt(spec, 'nodeName'),
    isMap(spec.nodeSelector),
    spec.allNodes === true,
    spec.perDeviceNodeSelection === true,
  ].filter(Boolean).length;
  if (placements !== 1)
    errs.push(
      fieldRequired(
        'spec',
        'exactly one of `nodeName`, `nodeSelector`, `allNodes`, `perDeviceNodeSelection` is required',
      ),
    );
  mapsAt(spec, 'devices').forEach((d, i) => {
    errs.push(...dnsLabelErrors(strAt(d, 'name') ?? '', `${idx('spec.devices', i)}.name`));
  });
  return errs;
}

export const resourceslices: KindDefinition = {
  ...base('ResourceSlice', 'resourceslices', false),
  strategy: {
    ...statusSplitHooks({ generation: true }),
    validate: validateSlice,
  },
  table: {
    columns: [
      nameColumn(),
      column('Node', 'NodeName identifies the node which provides the resources in this pool.'),
      column('Driver', 'Driver identifies the DRA driver providing the capacity information.'),
      column('Pool', 'Name is used to identify the pool.'),
      ageColumn(),
    ],
    cells: (s, now) => [
      nameOf(s),
      strAt(specOf(s), 'nodeName') ?? '',
      strAt(specOf(s), 'driver') ?? '',
      strAt(mapAt(specOf(s), 'pool'), 'name') ?? '',
      age(s.metadata?.creationTimestamp, now),
    ],
  },
  fieldSelectors: (s) => ({
    'spec.nodeName': strAt(specOf(s), 'nodeName') ?? '',
    'spec.driver': strAt(specOf(s), 'driver') ?? '',
  }),
};

export function resourceModule(): CatalogModule {
  return {
    kinds: [deviceclasses, resourceclaims, resourceclaimtemplates, resourceslices],
    definitions: resourceDefinitions,
  };
}
