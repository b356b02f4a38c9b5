/** core/v1 resourcequotas (+status) and limitranges: validation and the quota table. */
import { Quantity } from '../../../api/quantity.js';
import { type FieldError, fieldInvalid, fieldNotSupported, fieldRequired } from '../../../api/status.js';
import { idx, key } from '../field-checks.js';
import { isMap, type JsonMap, mapAt, mapsAt, strAt } from '../object-access.js';
import { plainHooks, statusSplitHooks } from '../status-split.js';
import { age, ageColumn, column, nameColumn, nameOf } from '../table-columns.js';
import type { KindDefinition, KubeObject } from '../types.js';

const parseQty = (v: unknown): Quantity | undefined => {
  try {
    return Quantity.parse(String(v));
  } catch {
    return undefined;
  }
};

/** Every quantity of a resource list must parse and be non-negative (ValidateResourceQuantityValue). */
function validateResourceList(list: unknown, path: string): FieldError[] {
  if (!isMap(list)) return [];
  const errs: FieldError[] = [];
  for (const [name, v] of Object.entries(list)) {
    const q = parseQty(v);
    if (!q) errs.push(fieldInvalid(key(path, name), v, 'quantities must match the regular expression'));
    else if (q.sign() < 0) errs.push(fieldInvalid(key(path, name), String(v), 'must be greater than or equal to 0'));
  }
  return errs;
}

const QUOTA_SCOPES = [
  'BestEffort',
  'CrossNamespacePodAffinity',
  'NotBestEffort',
  'NotTerminating',
  'PriorityClass',
  'Terminating',
  'VolumeAttributesClass',
];

function validateQuota(q: KubeObject): FieldError[] {
  const spec: JsonMap = mapAt(q, 'spec') ?? {};
  const errs = validateResourceList(spec.hard, 'spec.hard');
  (Array.isArray(spec.scopes) ? spec.scopes : []).forEach((s) => {
    if (!QUOTA_SCOPES.includes(String(s))) errs.push(fieldNotSupported('spec.scopes', s, QUOTA_SCOPES));
  });
  mapsAt(mapAt(spec, 'scopeSelector'), 'matchExpressions').forEach((e, i) => {
    const p = idx('spec.scopeSelector.matchExpressions', i);
    if (!QUOTA_SCOPES.includes(String(e.scopeName ?? '')))
      errs.push(fieldNotSupported(`${p}.scopeName`, e.scopeName ?? '', QUOTA_SCOPES));
    if (!['In', 'NotIn', 'Exists', 'DoesNotExist'].includes(String(e.operator ?? '')))
      errs.push(fieldNotSupported(`${p}.operator`, e.operator ?? '', ['In', 'NotIn', 'Exists', 'DoesNotExist']));
  });
  return errs;
}

/** printResourceQuota: `resource: used/hard` pairs, `limits.*` in their own column, names sorted. */
export function quotaCells(q: KubeObject): [string, string] {
  const status = mapAt(q, 'status') ?? {};
  const hard = mapAt(status, 'hard') ?? {};
  const used = mapAt(status, 'used') ?? {};
  const request: string[] = [];
  const limit: string[] = [];
  const fmt = (v: unknown) => (v === undefined ? '0' : (parseQty(v)?.toString() ?? String(v)));
  for (const name of Object.keys(hard).sort()) {
    const pieces = name.split('.');
    const target = pieces.length > 1 && pieces[0] === 'limits' ? limit : request;
    target.push(`${name}: ${fmt(used[name])}/${fmt(hard[name])}`);
  }
  return [request.join(', '), limit.join(', ')];
}

export const resourcequotas: KindDefinition = {
  group: '',
  version: 'v1',
  kind: 'ResourceQuota',
  resource: 'resourcequotas',
  singular: 'resourcequota',
  namespaced: true,
  shortNames: ['quota'],
  definition: 'io.k8s.api.core.v1.ResourceQuota',
  subresources: { status: true },
  strategy: { ...statusSplitHooks({ generation: false }), validate: validateQuota },
  table: {
    columns: [
      nameColumn(),
      column('Request', 'Request represents a minimum amount of cpu/memory that a container may consume.'),
      column(
        'Limit',
        'Limits control the maximum amount of cpu/memory that a container may use independent of contention on the node.',
      ),
      ageColumn(),
    ],
    cells: (q, now) => [nameOf(q), ...quotaCells(q), age(q.metadata?.creationTimestamp, now)],
  },
};

function validateLimitRange(lr: KubeObject): FieldError[] {
  const errs: FieldError[] = [];
  mapsAt(mapAt(lr, 'spec'), 'limits').forEach((item, i) => {
    const p = idx('spec.limits', i);
    const type = strAt(item, 'type');
    if (!type) errs.push(fieldRequired(`${p}.type`));
    for (const f of ['max', 'min', 'default', 'defaultRequest', 'maxLimitRequestRatio'])
      errs.push(...validateResourceList(item[f], `${p}.${f}`));
    const min = mapAt(item, 'min') ?? {};
    const max = mapAt(item, 'max') ?? {};
    for (const [name, v] of Object.entries(min)) {
      const lo = parseQty(v);
      const hi = max[name] === undefined ? undefined : parseQty(max[name]);
      if (lo && hi && lo.cmp(hi) > 0)
        errs.push(fieldInvalid(key(`${p}.min`, name), String(v), `min value ${lo} is greater than max value ${hi}`));
    }
    if (type === 'Pod' && (mapAt(item, 'default') || mapAt(item, 'defaultRequest')))
      errs.push(
        fieldInvalid(`${p}.default`, item.default ?? item.defaultRequest, "may not be specified when `type` is 'Pod'"),
      );
  });
  return errs;
}

export const limitranges: KindDefinition = {
  group: '',
  version: 'v1',
  kind: 'LimitRange',
  resource: 'limitranges',
  singular: 'limitrange',
  namespaced: true,
  shortNames: ['limits'],
  definition: 'io.k8s.api.core.v1.LimitRange',
  // No printer in kube: the default Name / Created At table.
  strategy: { ...plainHooks(), validate: validateLimitRange },
};
