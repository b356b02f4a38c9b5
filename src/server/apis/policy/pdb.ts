/** policy/v1 poddisruptionbudgets: validation of the budget and kube's table. */
import { type FieldError, fieldInvalid } from '../../../api/status.js';
import { type JsonMap, mapAt, numAt } from '../object-access.js';
import { POLICY } from '../schema-dsl.js';
import { statusSplitHooks } from '../status-split.js';
import { age, ageColumn, column, nameColumn, nameOf } from '../table-columns.js';
import type { CatalogModule, KindDefinition, KubeObject } from '../types.js';
import { policyDefinitions } from './definitions.js';
import { pdbDefinitions } from './pdb-definitions.js';

/** ValidatePositiveIntOrPercent + IsNotMoreThan100Percent. */
export function intOrPercentErrors(v: unknown, path: string): FieldError[] {
  if (v === undefined || v === null) return [];
  if (typeof v === 'number') return v < 0 ? [fieldInvalid(path, v, 'must be greater than or equal to 0')] : [];
  const s = String(v);
  const m = /^(\d+)%$/.exec(s);
  if (!m)
    return [
      fieldInvalid(
        path,
        s,
        "a valid percent string must be a numeric string followed by an ending '%' (e.g. '1%',  or '93%', regex used for validation is '[0-9]+%')",
      ),
    ];
  return Number(m[1]) > 100 ? [fieldInvalid(path, s, 'must not be greater than 100%')] : [];
}

function validatePDB(pdb: KubeObject): FieldError[] {
  const spec: JsonMap = mapAt(pdb, 'spec') ?? {};
  const errs: FieldError[] = [];
  if (
    spec.minAvailable !== undefined &&
    spec.minAvailable !== null &&
    spec.maxUnavailable !== undefined &&
    spec.maxUnavailable !== null
  )
    errs.push(fieldInvalid('spec', spec, 'minAvailable and maxUnavailable cannot be both set'));
  errs.push(...intOrPercentErrors(spec.minAvailable, 'spec.minAvailable'));
  errs.push(...intOrPercentErrors(spec.maxUnavailable, 'spec.maxUnavailable'));
  const policy = spec.unhealthyPodEvictionPolicy;
  if (policy !== undefined && policy !== null && policy !== 'AlwaysAllow' && policy !== 'IfHealthyBudget')
    errs.push({
      type: 'FieldValueNotSupported',
      field: 'spec.unhealthyPodEvictionPolicy',
      value: policy,
      detail: 'supported values: "AlwaysAllow", "IfHealthyBudget"',
    });
  return errs;
}

const intOrStringCell = (v: unknown): string => (v === undefined || v === null ? 'N/A' : String(v));

export const poddisruptionbudgets: KindDefinition = {
  group: 'policy',
  version: 'v1',
  kind: 'PodDisruptionBudget',
  resource: 'poddisruptionbudgets',
  singular: 'poddisruptionbudget',
  namespaced: true,
  shortNames: ['pdb'],
  definition: `${POLICY}PodDisruptionBudget`,
  subresources: { status: true },
  strategy: {
    ...statusSplitHooks({
      generation: true,
      // The status struct's counters are not omitempty: a new budget shows them as zeros.
      initialStatus: () => ({ currentHealthy: 0, desiredHealthy: 0, disruptionsAllowed: 0, expectedPods: 0 }),
    }),
    validate: validatePDB,
  },
  table: {
    columns: [
      nameColumn(),
      column('Min Available', 'The minimum number of pods that must be available.'),
      column('Max Unavailable', 'The maximum number of pods that may be unavailable.'),
      {
        ...column('Allowed Disruptions', 'Calculated number of pods that may be disrupted at this time.'),
        type: 'integer',
      },
      ageColumn(),
    ],
    cells(pdb, now) {
      const spec = mapAt(pdb, 'spec') ?? {};
      return [
        nameOf(pdb),
        intOrStringCell(spec.minAvailable),
        intOrStringCell(spec.maxUnavailable),
        numAt(mapAt(pdb, 'status'), 'disruptionsAllowed') ?? 0,
        age(pdb.metadata?.creationTimestamp, now),
      ];
    },
  },
};

export function policyModule(): CatalogModule {
  return { kinds: [poddisruptionbudgets], definitions: { ...policyDefinitions, ...pdbDefinitions } };
}
