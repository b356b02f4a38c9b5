/** coordination.k8s.io/v1 leases (staging/src/k8s.io/api/coordination/v1/types.go). */
import type { Definitions } from '../../../api/openapi-schema.js';
import { type FieldError, fieldInvalid, fieldRequired } from '../../../api/status.js';
import { oneOf } from '../field-checks.js';
import { mapAt, numAt, strAt } from '../object-access.js';
import { int32, kindObj, listKind, microTime, obj, ref, str } from '../schema-dsl.js';
import { plainHooks } from '../status-split.js';
import { age, ageColumn, column, nameColumn, nameOf } from '../table-columns.js';
import type { CatalogModule, KindDefinition, KubeObject } from '../types.js';

const COORD = 'io.k8s.api.coordination.v1.';
const gvk = (kind: string) => ({ group: 'coordination.k8s.io', version: 'v1', kind });

export const coordinationDefinitions: Definitions = {
  [`${COORD}Lease`]: kindObj(
    gvk('Lease'),
    { spec: ref(`${COORD}LeaseSpec`, 'Specification of the Lease.') },
    { description: 'A lease concept.' },
  ),
  [`${COORD}LeaseList`]: listKind(gvk('LeaseList'), `${COORD}Lease`),
  [`${COORD}LeaseSpec`]: obj({
    acquireTime: microTime(),
    holderIdentity: str(),
    leaseDurationSeconds: int32(),
    leaseTransitions: int32(),
    preferredHolder: str(),
    renewTime: microTime(),
    strategy: str('Coordinated leader election strategy, e.g. OldestEmulationVersion.'),
  }),
};

/** ValidateLeaseSpec. */
function validateLease(lease: KubeObject): FieldError[] {
  const spec = mapAt(lease, 'spec') ?? {};
  const errs: FieldError[] = [];
  const d = numAt(spec, 'leaseDurationSeconds');
  if (d !== undefined && d <= 0) errs.push(fieldInvalid('spec.leaseDurationSeconds', d, 'must be greater than 0'));
  const t = numAt(spec, 'leaseTransitions');
  if (t !== undefined && t < 0)
    errs.push(fieldInvalid('spec.leaseTransitions', t, 'must be greater than or equal to 0'));
  if (strAt(spec, 'preferredHolder') && !strAt(spec, 'strategy'))
    errs.push(fieldRequired('spec.strategy', 'must be specified when preferredHolder is set'));
  errs.push(...oneOf(spec.strategy, 'spec.strategy', ['OldestEmulationVersion']));
  return errs;
}

export const leases: KindDefinition = {
  group: 'coordination.k8s.io',
  version: 'v1',
  kind: 'Lease',
  resource: 'leases',
  singular: 'lease',
  namespaced: true,
  definition: `${COORD}Lease`,
  strategy: { ...plainHooks(), validate: validateLease },
  table: {
    columns: [
      nameColumn(),
      column(
        'Holder',
        'holderIdentity contains the identity of the holder of a current lease. If Coordinated Leader Election is used, the holder identity must be equal to the elected LeaseCandidate.metadata.name field.',
      ),
      ageColumn(),
    ],
    cells: (l, now) => [
      nameOf(l),
      strAt(mapAt(l, 'spec'), 'holderIdentity') ?? '',
      age(l.metadata?.creationTimestamp, now),
    ],
  },
};

export function coordinationModule(): CatalogModule {
  return { kinds: [leases], definitions: coordinationDefinitions };
}
