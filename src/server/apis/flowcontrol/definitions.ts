/** flowcontrol.apiserver.k8s.io/v1 (staging/src/k8s.io/api/flowcontrol/v1/types.go). */
import type { Definitions } from '../../../api/openapi-schema.js';
import { atomic, bool, int32, kindObj, listKind, mapList, obj, ref, setOf, str, time } from '../schema-dsl.js';

export const FC = 'io.k8s.api.flowcontrol.v1.';
const gvk = (kind: string) => ({ group: 'flowcontrol.apiserver.k8s.io', version: 'v1', kind });
const fc = (name: string, description?: string) => ref(FC + name, description);
const condition = () => obj({ lastTransitionTime: time(), message: str(), reason: str(), status: str(), type: str() });

export const flowcontrolDefinitions: Definitions = {
  [`${FC}FlowSchema`]: kindObj(
    gvk('FlowSchema'),
    { spec: fc('FlowSchemaSpec'), status: fc('FlowSchemaStatus') },
    { description: 'A schema for a group of flows (API Priority and Fairness).' },
  ),
  [`${FC}FlowSchemaList`]: listKind(gvk('FlowSchemaList'), `${FC}FlowSchema`),
  [`${FC}FlowSchemaSpec`]: obj(
    {
      distinguisherMethod: fc('FlowDistinguisherMethod'),
      matchingPrecedence: int32(),
      priorityLevelConfiguration: fc('PriorityLevelConfigurationReference'),
      rules: atomic(fc('PolicyRulesWithSubjects')),
    },
    { required: ['priorityLevelConfiguration'] },
  ),
  [`${FC}FlowDistinguisherMethod`]: obj({ type: str() }, { required: ['type'] }),
  [`${FC}PriorityLevelConfigurationReference`]: obj({ name: str() }, { required: ['name'] }),
  [`${FC}PolicyRulesWithSubjects`]: obj(
    {
      nonResourceRules: atomic(fc('NonResourcePolicyRule')),
      resourceRules: atomic(fc('ResourcePolicyRule')),
      subjects: atomic(fc('Subject')),
    },
    { required: ['subjects'] },
  ),
  [`${FC}Subject`]: obj(
    { group: fc('GroupSubject'), kind: str(), serviceAccount: fc('ServiceAccountSubject'), user: fc('UserSubject') },
    { required: ['kind'] },
  ),
  [`${FC}GroupSubject`]: obj({ name: str() }, { required: ['name'] }),
  [`${FC}UserSubject`]: obj({ name: str() }, { required: ['name'] }),
  [`${FC}ServiceAccountSubject`]: obj({ name: str(), namespace: str() }, { required: ['namespace', 'name'] }),
  [`${FC}ResourcePolicyRule`]: obj(
    {
      apiGroups: setOf(str()),
      clusterScope: bool(),
      namespaces: setOf(str()),
      resources: setOf(str()),
      verbs: setOf(str()),
    },
    { required: ['verbs', 'apiGroups', 'resources'] },
  ),
  [`${FC}NonResourcePolicyRule`]: obj(
    { nonResourceURLs: setOf(str()), verbs: setOf(str()) },
    { required: ['verbs', 'nonResourceURLs'] },
  ),
  [`${FC}FlowSchemaStatus`]: obj({ conditions: mapList(fc('FlowSchemaCondition'), ['type']) }),
  [`${FC}FlowSchemaCondition`]: condition(),

  [`${FC}PriorityLevelConfiguration`]: kindObj(
    gvk('PriorityLevelConfiguration'),
    { spec: fc('PriorityLevelConfigurationSpec'), status: fc('PriorityLevelConfigurationStatus') },
    { description: 'The configuration of a priority level (API Priority and Fairness).' },
  ),
  [`${FC}PriorityLevelConfigurationList`]: listKind(
    gvk('PriorityLevelConfigurationList'),
    `${FC}PriorityLevelConfiguration`,
  ),
  [`${FC}PriorityLevelConfigurationSpec`]: obj(
    {
      exempt: fc('ExemptPriorityLevelConfiguration'),
      limited: fc('LimitedPriorityLevelConfiguration'),
      type: str('Exempt or Limited.'),
    },
    { required: ['type'] },
  ),
  [`${FC}ExemptPriorityLevelConfiguration`]: obj({ lendablePercent: int32(), nominalConcurrencyShares: int32() }),
  [`${FC}LimitedPriorityLevelConfiguration`]: obj({
    borrowingLimitPercent: int32(),
    lendablePercent: int32(),
    limitResponse: fc('LimitResponse'),
    nominalConcurrencyShares: int32(),
  }),
  [`${FC}LimitResponse`]: obj({ queuing: fc('QueuingConfiguration'), type: str() }, { required: ['type'] }),
  [`${FC}QueuingConfiguration`]: obj({ handSize: int32(), queueLengthLimit: int32(), queues: int32() }),
  [`${FC}PriorityLevelConfigurationStatus`]: obj({
    conditions: mapList(fc('PriorityLevelConfigurationCondition'), ['type']),
  }),
  [`${FC}PriorityLevelConfigurationCondition`]: condition(),
};
