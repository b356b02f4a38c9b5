/** admissionregistration.k8s.io/v1 (staging/src/k8s.io/api/admissionregistration/v1/types.go). */
import type { Definitions } from '../../../api/openapi-schema.js';
import {
  atomic,
  bytes,
  enumStr,
  int32,
  int64,
  kindObj,
  listKind,
  mapList,
  meta,
  obj,
  ref,
  setOf,
  str,
} from '../schema-dsl.js';

export const ADM = 'io.k8s.api.admissionregistration.v1.';
const gvk = (kind: string) => ({ group: 'admissionregistration.k8s.io', version: 'v1', kind });
const adm = (name: string, description?: string) => ref(ADM + name, description);
const FAILURE = ['Fail', 'Ignore'];
const MATCH_POLICY = ['Equivalent', 'Exact'];

const webhookProps = () => ({
  admissionReviewVersions: atomic(str()),
  clientConfig: adm('WebhookClientConfig'),
  failurePolicy: enumStr(FAILURE),
  matchConditions: mapList(adm('MatchCondition'), ['name']),
  matchPolicy: enumStr(MATCH_POLICY),
  name: str(),
  namespaceSelector: meta('LabelSelector'),
  objectSelector: meta('LabelSelector'),
  rules: atomic(adm('RuleWithOperations')),
  sideEffects: enumStr(['None', 'NoneOnDryRun', 'Some', 'Unknown']),
  timeoutSeconds: int32(),
});
const WEBHOOK_REQUIRED = ['name', 'clientConfig', 'sideEffects', 'admissionReviewVersions'];
const ruleProps = () => ({
  apiGroups: atomic(str()),
  apiVersions: atomic(str()),
  operations: atomic(enumStr(['*', 'CONNECT', 'CREATE', 'DELETE', 'UPDATE'])),
  resources: atomic(str()),
  scope: enumStr(['*', 'Cluster', 'Namespaced']),
});

export const admissionDefinitions: Definitions = {
  // ---- webhooks ----
  [`${ADM}MutatingWebhookConfiguration`]: kindObj(
    gvk('MutatingWebhookConfiguration'),
    { webhooks: mapList(adm('MutatingWebhook'), ['name']) },
    { description: 'Admission webhooks that may change objects.' },
  ),
  [`${ADM}MutatingWebhookConfigurationList`]: listKind(
    gvk('MutatingWebhookConfigurationList'),
    `${ADM}MutatingWebhookConfiguration`,
  ),
  [`${ADM}MutatingWebhook`]: obj(
    { ...webhookProps(), reinvocationPolicy: enumStr(['IfNeeded', 'Never']) },
    { required: WEBHOOK_REQUIRED },
  ),
  [`${ADM}ValidatingWebhookConfiguration`]: kindObj(
    gvk('ValidatingWebhookConfiguration'),
    { webhooks: mapList(adm('ValidatingWebhook'), ['name']) },
    { description: 'Admission webhooks that accept or reject objects.' },
  ),
  [`${ADM}ValidatingWebhookConfigurationList`]: listKind(
    gvk('ValidatingWebhookConfigurationList'),
    `${ADM}ValidatingWebhookConfiguration`,
  ),
  [`${ADM}ValidatingWebhook`]: obj(webhookProps(), { required: WEBHOOK_REQUIRED }),
  [`${ADM}WebhookClientConfig`]: obj({ caBundle: bytes(), service: adm('ServiceReference'), url: str() }),
  [`${ADM}ServiceReference`]: obj(
    { name: str(), namespace: str(), path: str(), port: int32() },
    { required: ['namespace', 'name'] },
  ),
  [`${ADM}RuleWithOperations`]: obj(ruleProps()),
  [`${ADM}MatchCondition`]: obj({ expression: str(), name: str() }, { required: ['name', 'expression'] }),

  // ---- ValidatingAdmissionPolicy ----
  [`${ADM}ValidatingAdmissionPolicy`]: kindObj(
    gvk('ValidatingAdmissionPolicy'),
    { spec: adm('ValidatingAdmissionPolicySpec'), status: adm('ValidatingAdmissionPolicyStatus') },
    { description: 'CEL validation rules applied in admission, without a webhook.' },
  ),
  [`${ADM}ValidatingAdmissionPolicyList`]: listKind(
    gvk('ValidatingAdmissionPolicyList'),
    `${ADM}ValidatingAdmissionPolicy`,
  ),
  [`${ADM}ValidatingAdmissionPolicySpec`]: obj({
    auditAnnotations: atomic(adm('AuditAnnotation')),
    failurePolicy: enumStr(FAILURE),
    matchConditions: mapList(adm('MatchCondition'), ['name']),
    matchConstraints: adm('MatchResources'),
    paramKind: adm('ParamKind'),
    validations: atomic(adm('Validation')),
    variables: mapList(adm('Variable'), ['name']),
  }),
  [`${ADM}MatchResources`]: obj(
    {
      excludeResourceRules: atomic(adm('NamedRuleWithOperations')),
      matchPolicy: enumStr(MATCH_POLICY),
      namespaceSelector: meta('LabelSelector'),
      objectSelector: meta('LabelSelector'),
      resourceRules: atomic(adm('NamedRuleWithOperations')),
    },
    { mapType: 'atomic' },
  ),
  [`${ADM}NamedRuleWithOperations`]: obj({ ...ruleProps(), resourceNames: atomic(str()) }, { mapType: 'atomic' }),
  [`${ADM}ParamKind`]: obj({ apiVersion: str(), kind: str() }, { mapType: 'atomic' }),
  [`${ADM}Validation`]: obj(
    { expression: str(), message: str(), messageExpression: str(), reason: str() },
    { required: ['expression'] },
  ),
  [`${ADM}Variable`]: obj({ expression: str(), name: str() }, { required: ['name', 'expression'], mapType: 'atomic' }),
  [`${ADM}AuditAnnotation`]: obj({ key: str(), valueExpression: str() }, { required: ['key', 'valueExpression'] }),
  [`${ADM}ValidatingAdmissionPolicyStatus`]: obj({
    conditions: mapList(meta('Condition'), ['type'], false),
    observedGeneration: int64(),
    typeChecking: adm('TypeChecking'),
  }),
  [`${ADM}TypeChecking`]: obj({ expressionWarnings: atomic(adm('ExpressionWarning')) }),
  [`${ADM}ExpressionWarning`]: obj({ fieldRef: str(), warning: str() }, { required: ['fieldRef', 'warning'] }),

  // ---- ValidatingAdmissionPolicyBinding ----
  [`${ADM}ValidatingAdmissionPolicyBinding`]: kindObj(
    gvk('ValidatingAdmissionPolicyBinding'),
    { spec: adm('ValidatingAdmissionPolicyBindingSpec') },
    { description: 'Binds a ValidatingAdmissionPolicy to resources and parameters.' },
  ),
  [`${ADM}ValidatingAdmissionPolicyBindingList`]: listKind(
    gvk('ValidatingAdmissionPolicyBindingList'),
    `${ADM}ValidatingAdmissionPolicyBinding`,
  ),
  [`${ADM}ValidatingAdmissionPolicyBindingSpec`]: obj({
    matchResources: adm('MatchResources'),
    paramRef: adm('ParamRef'),
    policyName: str(),
    validationActions: setOf(enumStr(['Audit', 'Deny', 'Warn'])),
  }),
  [`${ADM}ParamRef`]: obj(
    {
      name: str(),
      namespace: str(),
      parameterNotFoundAction: enumStr(['Allow', 'Deny']),
      selector: meta('LabelSelector'),
    },
    { mapType: 'atomic' },
  ),
};
