/**
 * admissionregistration.k8s.io/v1 webhook configurations and validating admission policies
 * with their bindings: kube's defaults, shape validation and the printers' tables. Stored and
 * validated here; admission enforces them.
 */
import { type FieldError, fieldInvalid, fieldNotSupported, fieldRequired } from '../../../api/status.js';
import { idx, oneOf } from '../field-checks.js';
import { ensureMap, isMap, type JsonMap, listAt, mapAt, mapsAt, numAt, setDefault, strAt } from '../object-access.js';
import { statusSplitHooks } from '../status-split.js';
import { age, ageColumn, column, nameColumn, nameOf } from '../table-columns.js';
import type { CatalogModule, KindDefinition, KubeObject } from '../types.js';
import { ADM, admissionDefinitions } from './definitions.js';

const GROUP = 'admissionregistration.k8s.io';
const CATEGORIES = ['api-extensions'];

const defaultRules = (rules: JsonMap[]) => {
  for (const r of rules) setDefault(r, 'scope', '*');
};

/** SetDefaults_ValidatingWebhook / _MutatingWebhook and SetDefaults_ServiceReference. */
function defaultWebhook(w: JsonMap, mutating: boolean): void {
  setDefault(w, 'failurePolicy', 'Fail');
  setDefault(w, 'matchPolicy', 'Equivalent');
  setDefault(w, 'namespaceSelector', {});
  setDefault(w, 'objectSelector', {});
  setDefault(w, 'timeoutSeconds', 10);
  if (mutating) setDefault(w, 'reinvocationPolicy', 'Never');
  defaultRules(mapsAt(w, 'rules'));
  const svc = mapAt(mapAt(w, 'clientConfig'), 'service');
  if (svc) setDefault(svc, 'port', 443);
}

function validateWebhooks(cfg: KubeObject, mutating: boolean): FieldError[] {
  const errs: FieldError[] = [];
  const seen = new Set<string>();
  mapsAt(cfg, 'webhooks').forEach((w, i) => {
    const p = idx('webhooks', i);
    const name = strAt(w, 'name') ?? '';
    if (!name) errs.push(fieldRequired(`${p}.name`));
    else if (name.split('.').length < 3)
      errs.push(fieldInvalid(`${p}.name`, name, 'should be a domain with at least three segments separated by dots'));
    else if (seen.has(name)) errs.push({ type: 'FieldValueDuplicate', field: `${p}.name`, value: name });
    seen.add(name);
    const versions = listAt(w, 'admissionReviewVersions');
    if (versions.length === 0)
      errs.push(fieldRequired(`${p}.admissionReviewVersions`, 'must specify one of v1, v1beta1'));
    const cc = mapAt(w, 'clientConfig') ?? {};
    const hasURL = typeof cc.url === 'string' && cc.url !== '';
    const svc = mapAt(cc, 'service');
    if (hasURL === !!svc) errs.push(fieldRequired(`${p}.clientConfig`, 'exactly one of url or service is required'));
    if (svc) {
      if (!strAt(svc, 'name')) errs.push(fieldRequired(`${p}.clientConfig.service.name`, 'service name is required'));
      if (!strAt(svc, 'namespace'))
        errs.push(fieldRequired(`${p}.clientConfig.service.namespace`, 'service namespace is required'));
    }
    const se = w.sideEffects;
    if (se === undefined || se === null || se === '') errs.push(fieldRequired(`${p}.sideEffects`));
    else if (se !== 'None' && se !== 'NoneOnDryRun')
      errs.push(fieldNotSupported(`${p}.sideEffects`, se, ['None', 'NoneOnDryRun']));
    errs.push(...oneOf(w.failurePolicy, `${p}.failurePolicy`, ['Fail', 'Ignore']));
    errs.push(...oneOf(w.matchPolicy, `${p}.matchPolicy`, ['Equivalent', 'Exact']));
    if (mutating) errs.push(...oneOf(w.reinvocationPolicy, `${p}.reinvocationPolicy`, ['IfNeeded', 'Never']));
    const t = numAt(w, 'timeoutSeconds');
    if (t !== undefined && (t < 1 || t > 30))
      errs.push(fieldInvalid(`${p}.timeoutSeconds`, t, 'the timeout value must be between 1 and 30 seconds'));
  });
  return errs;
}

const webhookTable = {
  columns: [
    nameColumn(),
    {
      ...column('Webhooks', 'Webhooks indicates the number of webhooks registered in this configuration'),
      type: 'integer' as const,
    },
    ageColumn(),
  ],
  cells: (cfg: KubeObject, now: Date) => [
    nameOf(cfg),
    listAt(cfg, 'webhooks').length,
    age(cfg.metadata?.creationTimestamp, now),
  ],
};

const webhookKind = (kind: string, resource: string, mutating: boolean): KindDefinition => ({
  group: GROUP,
  version: 'v1',
  kind,
  resource,
  singular: kind.toLowerCase(),
  namespaced: false,
  categories: CATEGORIES,
  definition: `${ADM}${kind}`,
  strategy: {
    defaults: (cfg) => {
      for (const w of mapsAt(cfg, 'webhooks')) defaultWebhook(w, mutating);
    },
    ...statusSplitHooks({ generation: true }),
    validate: (cfg) => validateWebhooks(cfg, mutating),
  },
  table: webhookTable,
});

export const mutatingwebhookconfigurations = webhookKind(
  'MutatingWebhookConfiguration',
  'mutatingwebhookconfigurations',
  true,
);
export const validatingwebhookconfigurations = webhookKind(
  'ValidatingWebhookConfiguration',
  'validatingwebhookconfigurations',
  false,
);

/** SetDefaults_MatchResources. */
function defaultMatchResources(m: JsonMap | undefined): void {
  if (!m) return;
  setDefault(m, 'matchPolicy', 'Equivalent');
  setDefault(m, 'namespaceSelector', {});
  setDefault(m, 'objectSelector', {});
  defaultRules(mapsAt(m, 'resourceRules'));
  defaultRules(mapsAt(m, 'excludeResourceRules'));
}

function validatePolicy(p: KubeObject): FieldError[] {
  const spec: JsonMap = mapAt(p, 'spec') ?? {};
  const errs: FieldError[] = [];
  if (listAt(spec, 'validations').length === 0 && listAt(spec, 'auditAnnotations').length === 0)
    errs.push(fieldRequired('spec.validations', 'validations or auditAnnotations must contain at least one item'));
  const mc = mapAt(spec, 'matchConstraints');
  if (!mc) errs.push(fieldRequired('spec.matchConstraints', ''));
  else if (listAt(mc, 'resourceRules').length === 0)
    errs.push(fieldRequired('spec.matchConstraints.resourceRules', ''));
  mapsAt(spec, 'validations').forEach((v, i) => {
    if (!strAt(v, 'expression')) errs.push(fieldRequired(`${idx('spec.validations', i)}.expression`));
  });
  mapsAt(spec, 'variables').forEach((v, i) => {
    if (!strAt(v, 'name')) errs.push(fieldRequired(`${idx('spec.variables', i)}.name`));
    if (!strAt(v, 'expression')) errs.push(fieldRequired(`${idx('spec.variables', i)}.expression`));
  });
  errs.push(...oneOf(spec.failurePolicy, 'spec.failurePolicy', ['Fail', 'Ignore']));
  const pk = mapAt(spec, 'paramKind');
  if (pk) {
    if (!strAt(pk, 'kind')) errs.push(fieldRequired('spec.paramKind.kind'));
    if (!strAt(pk, 'apiVersion')) errs.push(fieldRequired('spec.paramKind.apiVersion'));
  }
  return errs;
}

export const validatingadmissionpolicies: KindDefinition = {
  group: GROUP,
  version: 'v1',
  kind: 'ValidatingAdmissionPolicy',
  resource: 'validatingadmissionpolicies',
  singular: 'validatingadmissionpolicy',
  namespaced: false,
  categories: CATEGORIES,
  definition: `${ADM}ValidatingAdmissionPolicy`,
  subresources: { status: true },
  strategy: {
    defaults(p) {
      const spec = ensureMap(p, 'spec');
      if (!spec) return;
      setDefault(spec, 'failurePolicy', 'Fail');
      defaultMatchResources(mapAt(spec, 'matchConstraints'));
    },
    ...statusSplitHooks({ generation: true, initialStatus: () => ({}) }),
    validate: validatePolicy,
  },
  table: {
    columns: [
      nameColumn(),
      {
        ...column('Validations', 'Validations indicates the number of validation rules defined in this configuration'),
        type: 'integer',
      },
      column('ParamKind', 'ParamKind specifies the kind of resources used to parameterize this policy'),
      ageColumn(),
    ],
    cells(p, now) {
      const spec = mapAt(p, 'spec') ?? {};
      const pk = mapAt(spec, 'paramKind');
      return [
        nameOf(p),
        listAt(spec, 'validations').length,
        pk ? `${strAt(pk, 'apiVersion') ?? ''}/${strAt(pk, 'kind') ?? ''}` : '<unset>',
        age(p.metadata?.creationTimestamp, now),
      ];
    },
  },
};

function validateBinding(b: KubeObject): FieldError[] {
  const spec: JsonMap = mapAt(b, 'spec') ?? {};
  const errs: FieldError[] = [];
  if (!strAt(spec, 'policyName')) errs.push(fieldRequired('spec.policyName'));
  const actions = listAt(spec, 'validationActions');
  if (actions.length === 0)
    errs.push(fieldRequired('spec.validationActions', 'at least one validation action is required'));
  actions.forEach((a, i) => {
    errs.push(...oneOf(a, idx('spec.validationActions', i), ['Audit', 'Deny', 'Warn'], true));
  });
  const pr = mapAt(spec, 'paramRef');
  if (pr) {
    if (strAt(pr, 'name') && isMap(pr.selector))
      errs.push({
        type: 'FieldValueForbidden',
        field: 'spec.paramRef.name',
        detail: 'name and selector are mutually exclusive',
      });
    errs.push(...oneOf(pr.parameterNotFoundAction, 'spec.paramRef.parameterNotFoundAction', ['Allow', 'Deny'], true));
  }
  return errs;
}

export const validatingadmissionpolicybindings: KindDefinition = {
  group: GROUP,
  version: 'v1',
  kind: 'ValidatingAdmissionPolicyBinding',
  resource: 'validatingadmissionpolicybindings',
  singular: 'validatingadmissionpolicybinding',
  namespaced: false,
  categories: CATEGORIES,
  definition: `${ADM}ValidatingAdmissionPolicyBinding`,
  strategy: {
    defaults: (b) => defaultMatchResources(mapAt(mapAt(b, 'spec'), 'matchResources')),
    ...statusSplitHooks({ generation: true }),
    validate: validateBinding,
  },
  table: {
    columns: [
      nameColumn(),
      column('PolicyName', 'PolicyName indicates the policy definition which the policy binding binded to'),
      column('ParamRef', 'ParamRef indicates the param resource which sets the configration param'),
      ageColumn(),
    ],
    cells(b, now) {
      const spec = mapAt(b, 'spec') ?? {};
      const pr = mapAt(spec, 'paramRef');
      let param = '<unset>';
      if (pr)
        param = strAt(pr, 'namespace')
          ? `${strAt(pr, 'namespace')}/${strAt(pr, 'name') ?? ''}`
          : `*/${strAt(pr, 'name') ?? ''}`;
      return [nameOf(b), strAt(spec, 'policyName') ?? '', param, age(b.metadata?.creationTimestamp, now)];
    },
  },
};

export function admissionregistrationModule(): CatalogModule {
  return {
    kinds: [
      mutatingwebhookconfigurations,
      validatingadmissionpolicies,
      validatingadmissionpolicybindings,
      validatingwebhookconfigurations,
    ],
    definitions: admissionDefinitions,
  };
}
