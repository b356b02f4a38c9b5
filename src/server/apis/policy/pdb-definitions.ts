/** policy/v1 PodDisruptionBudget (staging/src/k8s.io/api/policy/v1/types.go). */
import type { Definitions } from '../../../api/openapi-schema.js';
import {
  enumStr,
  int32,
  int64,
  intOrString,
  kindObj,
  listKind,
  mapList,
  mapOf,
  meta,
  obj,
  POLICY,
  ref,
  time,
} from '../schema-dsl.js';

const gvk = (kind: string) => ({ group: 'policy', version: 'v1', kind });

export const pdbDefinitions: Definitions = {
  [`${POLICY}PodDisruptionBudget`]: kindObj(
    gvk('PodDisruptionBudget'),
    { spec: ref(`${POLICY}PodDisruptionBudgetSpec`), status: ref(`${POLICY}PodDisruptionBudgetStatus`) },
    { description: 'The maximum disruption that can be caused to a collection of pods.' },
  ),
  [`${POLICY}PodDisruptionBudgetList`]: listKind(gvk('PodDisruptionBudgetList'), `${POLICY}PodDisruptionBudget`),
  [`${POLICY}PodDisruptionBudgetSpec`]: obj({
    maxUnavailable: intOrString(),
    minAvailable: intOrString(),
    selector: { ...meta('LabelSelector'), 'x-kubernetes-patch-strategy': 'replace' },
    unhealthyPodEvictionPolicy: enumStr(['AlwaysAllow', 'IfHealthyBudget']),
  }),
  [`${POLICY}PodDisruptionBudgetStatus`]: obj(
    {
      conditions: mapList(meta('Condition'), ['type']),
      currentHealthy: int32(),
      desiredHealthy: int32(),
      disruptedPods: mapOf(time()),
      disruptionsAllowed: int32(),
      expectedPods: int32(),
      observedGeneration: int64(),
    },
    { required: ['disruptionsAllowed', 'currentHealthy', 'desiredHealthy', 'expectedPods'] },
  ),
};
