/**
 * apiregistration.k8s.io/v1 apiservices (+status): one per served group/version. Built-in
 * group versions are "Local" (served by this server); the others point at a Service.
 * (staging/src/k8s.io/kube-aggregator/pkg/apis/apiregistration/v1/types.go)
 */
import type { Definitions } from '../../../api/openapi-schema.js';
import { type FieldError, fieldForbidden, fieldInvalid, fieldRequired } from '../../../api/status.js';
import { isDNS1123Subdomain } from '../../../api/validation/names.js';
import { mapAt, mapsAt, numAt, strAt } from '../object-access.js';
import { bool, bytes, int32, kindObj, listKind, mapList, obj, ref, str, time } from '../schema-dsl.js';
import { statusSplitHooks } from '../status-split.js';
import { age, ageColumn, column, nameColumn, nameOf } from '../table-columns.js';
import type { CatalogModule, KindDefinition, KubeObject } from '../types.js';

const REG = 'io.k8s.kube-aggregator.pkg.apis.apiregistration.v1.';
const gvk = (kind: string) => ({ group: 'apiregistration.k8s.io', version: 'v1', kind });

export const apiregistrationDefinitions: Definitions = {
  [`${REG}APIService`]: kindObj(
    gvk('APIService'),
    { spec: ref(`${REG}APIServiceSpec`), status: ref(`${REG}APIServiceStatus`) },
    { description: 'A server for a particular GroupVersion.' },
  ),
  [`${REG}APIServiceList`]: listKind(gvk('APIServiceList'), `${REG}APIService`),
  [`${REG}APIServiceSpec`]: obj(
    {
      caBundle: { ...bytes(), 'x-kubernetes-list-type': 'atomic' },
      group: str(),
      groupPriorityMinimum: int32(),
      insecureSkipTLSVerify: bool(),
      service: ref(`${REG}ServiceReference`),
      version: str(),
      versionPriority: int32(),
    },
    { required: ['groupPriorityMinimum', 'versionPriority'] },
  ),
  [`${REG}ServiceReference`]: obj({ name: str(), namespace: str(), port: int32() }),
  [`${REG}APIServiceStatus`]: obj({
    conditions: mapList(ref(`${REG}APIServiceCondition`), ['type']),
  }),
  [`${REG}APIServiceCondition`]: obj(
    { lastTransitionTime: time(), message: str(), reason: str(), status: str(), type: str() },
    { required: ['type', 'status'] },
  ),
};

function validateAPIService(s: KubeObject): FieldError[] {
  const spec = mapAt(s, 'spec') ?? {};
  const errs: FieldError[] = [];
  const group = strAt(spec, 'group') ?? '';
  const version = strAt(spec, 'version') ?? '';
  const name = s.metadata?.name ?? '';
  const expected = `${version}.${group}`;
  if (name !== expected)
    errs.push(fieldInvalid('metadata.name', name, `must be \`spec.version+"."+spec.group\`: "${expected}"`));
  if (group) for (const m of isDNS1123Subdomain(group)) errs.push(fieldInvalid('spec.group', group, m));
  if (!version) errs.push(fieldRequired('spec.version'));
  const gp = numAt(spec, 'groupPriorityMinimum') ?? 0;
  if (gp <= 0 || gp > 20000)
    errs.push(fieldInvalid('spec.groupPriorityMinimum', gp, 'must be positive and less than 20000'));
  const vp = numAt(spec, 'versionPriority') ?? 0;
  if (vp <= 0 || vp > 1000) errs.push(fieldInvalid('spec.versionPriority', vp, 'must be positive and less than 1000'));
  const svc = mapAt(spec, 'service');
  if (!svc) {
    if (spec.insecureSkipTLSVerify)
      errs.push(fieldInvalid('spec.insecureSkipTLSVerify', true, 'must not be true if service is nil'));
    if (strAt(spec, 'caBundle')) errs.push(fieldForbidden('spec.caBundle', 'must not be set if service is nil'));
  } else {
    if (!strAt(svc, 'namespace')) errs.push(fieldRequired('spec.service.namespace'));
    if (!strAt(svc, 'name')) errs.push(fieldRequired('spec.service.name'));
    if (spec.insecureSkipTLSVerify && strAt(spec, 'caBundle'))
      errs.push(fieldInvalid('spec.insecureSkipTLSVerify', true, 'may not be true if caBundle is present'));
  }
  return errs;
}

/** The aggregator's printer: Service is `Local` or namespace/name; Available shows the reason when not True. */
export function apiServiceCells(s: KubeObject): [string, string] {
  const svc = mapAt(mapAt(s, 'spec'), 'service');
  const service = svc ? `${strAt(svc, 'namespace') ?? ''}/${strAt(svc, 'name') ?? ''}` : 'Local';
  const cond = mapsAt(mapAt(s, 'status'), 'conditions').find((c) => c.type === 'Available');
  let available = 'Unknown';
  if (cond) {
    available = String(cond.status ?? '');
    if (cond.status !== 'True' && cond.reason) available += ` (${String(cond.reason)})`;
  }
  return [service, available];
}

export const apiservices: KindDefinition = {
  group: 'apiregistration.k8s.io',
  version: 'v1',
  kind: 'APIService',
  resource: 'apiservices',
  singular: 'apiservice',
  namespaced: false,
  categories: ['api-extensions'],
  definition: `${REG}APIService`,
  subresources: { status: true },
  strategy: { ...statusSplitHooks({ generation: true, initialStatus: () => ({}) }), validate: validateAPIService },
  table: {
    columns: [
      nameColumn(),
      column('Service', 'The reference to the service that hosts this API endpoint.'),
      column('Available', 'Whether this service is available.'),
      ageColumn(),
    ],
    cells: (s, now) => [nameOf(s), ...apiServiceCells(s), age(s.metadata?.creationTimestamp, now)],
  },
};

/** kube-apiserver's priorities for its own group versions (pkg/controlplane/apiserver/aggregator.go). */
const BUILTIN_PRIORITIES: [group: string, version: string, groupPriority: number, versionPriority: number][] = [
  ['', 'v1', 18000, 1],
  ['apiregistration.k8s.io', 'v1', 18000, 15],
  ['apps', 'v1', 17800, 15],
  ['events.k8s.io', 'v1', 17750, 15],
  ['authentication.k8s.io', 'v1', 17700, 15],
  ['authorization.k8s.io', 'v1', 17600, 15],
  ['autoscaling', 'v2', 17500, 30],
  ['autoscaling', 'v1', 17500, 15],
  ['batch', 'v1', 17400, 15],
  ['certificates.k8s.io', 'v1', 17300, 15],
  ['networking.k8s.io', 'v1', 17200, 15],
  ['policy', 'v1', 17100, 15],
  ['rbac.authorization.k8s.io', 'v1', 17000, 15],
  ['storage.k8s.io', 'v1', 16800, 15],
  ['apiextensions.k8s.io', 'v1', 16700, 15],
  ['admissionregistration.k8s.io', 'v1', 16700, 15],
  ['scheduling.k8s.io', 'v1', 16600, 15],
  ['coordination.k8s.io', 'v1', 16500, 15],
  ['node.k8s.io', 'v1', 16300, 15],
  ['discovery.k8s.io', 'v1', 16200, 15],
  ['flowcontrol.apiserver.k8s.io', 'v1', 16100, 21],
  ['resource.k8s.io', 'v1', 15900, 15],
];

/** The Local APIServices the aggregator registers for the built-in group versions. */
export const seedObjects: KubeObject[] = BUILTIN_PRIORITIES.map(([group, version, gp, vp]) => ({
  apiVersion: 'apiregistration.k8s.io/v1',
  kind: 'APIService',
  metadata: {
    name: group ? `${version}.${group}` : `${version}.`,
    labels: { 'kube-aggregator.kubernetes.io/automanaged': 'onstart' },
  },
  spec: { ...(group ? { group } : {}), version, groupPriorityMinimum: gp, versionPriority: vp },
  status: {
    conditions: [
      { type: 'Available', status: 'True', reason: 'Local', message: 'Local APIServices are always available' },
    ],
  },
}));

export function apiregistrationModule(): CatalogModule {
  return { kinds: [apiservices], definitions: apiregistrationDefinitions };
}
