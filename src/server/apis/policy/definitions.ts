/** policy/v1 Eviction: the body of `pods/eviction`. */
import type { Definitions } from '../../../api/openapi-schema.js';
import { kindObj, meta } from '../schema-dsl.js';

export const policyDefinitions: Definitions = {
  'io.k8s.api.policy.v1.Eviction': kindObj(
    { group: 'policy', version: 'v1', kind: 'Eviction' },
    { deleteOptions: meta('DeleteOptions', 'Options for the deletion of the pod.') },
    { description: 'Evicts a pod from its node, subject to disruption budgets.' },
  ),
};
