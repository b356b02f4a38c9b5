/** scheduling.k8s.io/v1 priorityclasses, with the two system classes kube creates at start. */
import type { Definitions } from '../../../api/openapi-schema.js';
import { type FieldError, fieldForbidden, fieldInvalid } from '../../../api/status.js';
import { oneOf } from '../field-checks.js';
import { boolAt, numAt, setDefault, strAt } from '../object-access.js';
import { bool, enumStr, int32, kindObj, listKind, str } from '../schema-dsl.js';
import { plainHooks } from '../status-split.js';
import { age, ageColumn, column, nameColumn, nameOf } from '../table-columns.js';
import type { CatalogModule, KindDefinition, KubeObject } from '../types.js';

const SCHED = 'io.k8s.api.scheduling.v1.';
const gvk = (kind: string) => ({ group: 'scheduling.k8s.io', version: 'v1', kind });
const PREEMPTION = ['Never', 'PreemptLowerPriority'];

export const schedulingDefinitions: Definitions = {
  [`${SCHED}PriorityClass`]: kindObj(
    gvk('PriorityClass'),
    {
      description: str('When to use this priority class.'),
      globalDefault: bool(),
      preemptionPolicy: enumStr(PREEMPTION),
      value: int32('The priority of pods of this class.'),
    },
    { required: ['value'], description: 'A mapping from a priority class name to its integer priority.' },
  ),
  [`${SCHED}PriorityClassList`]: listKind(gvk('PriorityClassList'), `${SCHED}PriorityClass`),
};

/** HighestUserDefinablePriority and the names of the system classes. */
const HIGHEST_USER_PRIORITY = 1_000_000_000;
const SYSTEM_CLASSES: Record<string, number> = {
  'system-node-critical': 2_000_001_000,
  'system-cluster-critical': 2_000_000_000,
};

function validatePriorityClass(pc: KubeObject): FieldError[] {
  const errs: FieldError[] = [];
  const name = pc.metadata?.name ?? '';
  const value = numAt(pc, 'value') ?? 0;
  if (name in SYSTEM_CLASSES) {
    if (SYSTEM_CLASSES[name] !== value)
      errs.push(
        fieldForbidden(
          'metadata.name',
          `${name} is a system priority class and its value must be ${SYSTEM_CLASSES[name]}`,
        ),
      );
  } else if (name.startsWith('system-')) {
    errs.push(fieldForbidden('metadata.name', "priority class names with 'system-' prefix are reserved"));
  } else if (value > HIGHEST_USER_PRIORITY) {
    errs.push(fieldForbidden('value', `maximum allowed value of a user defined priority is ${HIGHEST_USER_PRIORITY}`));
  }
  errs.push(...oneOf(pc.preemptionPolicy, 'preemptionPolicy', PREEMPTION));
  return errs;
}

function validatePriorityClassUpdate(pc: KubeObject, old: KubeObject): FieldError[] {
  const errs: FieldError[] = [];
  if (pc.value !== old.value) errs.push(fieldForbidden('value', 'may not be changed in an update.'));
  if (pc.preemptionPolicy !== old.preemptionPolicy)
    errs.push(fieldInvalid('preemptionPolicy', pc.preemptionPolicy ?? null, 'field is immutable'));
  return errs;
}

export const priorityclasses: KindDefinition = {
  group: 'scheduling.k8s.io',
  version: 'v1',
  kind: 'PriorityClass',
  resource: 'priorityclasses',
  singular: 'priorityclass',
  namespaced: false,
  shortNames: ['pc'],
  definition: `${SCHED}PriorityClass`,
  strategy: {
    defaults: (pc) => setDefault(pc, 'preemptionPolicy', 'PreemptLowerPriority'),
    ...plainHooks(),
    validate: validatePriorityClass,
    validateUpdate: validatePriorityClassUpdate,
  },
  table: {
    columns: [
      nameColumn(),
      {
        ...column(
          'Value',
          'value represents the integer value of this priority class. This is the actual priority that pods receive when they have the name of this class in their pod spec.',
        ),
        type: 'integer',
      },
      {
        ...column(
          'Global-Default',
          'globalDefault specifies whether this PriorityClass should be considered as the default priority for pods that do not have any priority class. Only one PriorityClass can be marked as `globalDefault`. However, if more than one PriorityClasses exists with their `globalDefault` field set to true, the smallest value of such global default PriorityClasses will be used as the default priority.',
        ),
        type: 'boolean',
      },
      ageColumn(),
      column(
        'PreemptionPolicy',
        'preemptionPolicy is the Policy for preempting pods with lower priority. One of Never, PreemptLowerPriority. Defaults to PreemptLowerPriority if unset.',
      ),
    ],
    cells: (pc, now) => [
      nameOf(pc),
      numAt(pc, 'value') ?? 0,
      boolAt(pc, 'globalDefault') ?? false,
      age(pc.metadata?.creationTimestamp, now),
      strAt(pc, 'preemptionPolicy') ?? '',
    ],
  },
};

const systemClass = (name: string, description: string): KubeObject => ({
  apiVersion: 'scheduling.k8s.io/v1',
  kind: 'PriorityClass',
  metadata: { name },
  value: SYSTEM_CLASSES[name],
  description,
  preemptionPolicy: 'PreemptLowerPriority',
});

/** The two classes kube-apiserver creates at start (pkg/apis/scheduling SystemPriorityClasses). */
export const seedObjects: KubeObject[] = [
  systemClass('system-node-critical', 'Used for system critical pods that must not be moved from their current node.'),
  systemClass(
    'system-cluster-critical',
    'Used for system critical pods that must run in the cluster, but can be moved to another node if necessary.',
  ),
];

export function schedulingModule(): CatalogModule {
  return { kinds: [priorityclasses], definitions: schedulingDefinitions };
}
