/**
 * flowcontrol.apiserver.k8s.io/v1 flowschemas and prioritylevelconfigurations: kube's v1
 * defaults, the validation of their shape, and the printers' tables.
 */
import { type FieldError, fieldForbidden, fieldInvalid, fieldRequired } from '../../../api/status.js';
import { idx, oneOf } from '../field-checks.js';
import { ensureMap, type JsonMap, listAt, mapAt, mapsAt, numAt, setDefault, strAt } from '../object-access.js';
import { statusSplitHooks } from '../status-split.js';
import { age, ageColumn, column, nameColumn, nameOf } from '../table-columns.js';
import type { KindDefinition, KubeObject } from '../types.js';
import { FC } from './definitions.js';

const GROUP = 'flowcontrol.apiserver.k8s.io';
const specOf = (o: KubeObject): JsonMap => mapAt(o, 'spec') ?? {};

/** SetDefaults_FlowSchemaSpec: precedence 0 means the default, 1000. */
function defaultFlowSchema(fs: KubeObject): void {
  const spec = ensureMap(fs, 'spec');
  if (spec && !spec.matchingPrecedence) spec.matchingPrecedence = 1000;
}

const SUBJECT_KINDS = ['Group', 'ServiceAccount', 'User'];

function validateFlowSchema(fs: KubeObject): FieldError[] {
  const spec = specOf(fs);
  const errs: FieldError[] = [];
  const prec = numAt(spec, 'matchingPrecedence') ?? 0;
  if (prec <= 0) errs.push(fieldInvalid('spec.matchingPrecedence', prec, 'must be a positive value'));
  else if (prec > 10000) errs.push(fieldInvalid('spec.matchingPrecedence', prec, 'must not be greater than 10000'));
  const dm = mapAt(spec, 'distinguisherMethod');
  if (dm) errs.push(...oneOf(dm.type, 'spec.distinguisherMethod.type', ['ByNamespace', 'ByUser'], true));
  if (!strAt(mapAt(spec, 'priorityLevelConfiguration'), 'name'))
    errs.push(fieldRequired('spec.priorityLevelConfiguration.name', 'must reference a priority level'));
  mapsAt(spec, 'rules').forEach((r, i) => {
    const p = idx('spec.rules', i);
    const subjects = mapsAt(r, 'subjects');
    if (subjects.length === 0) errs.push(fieldRequired(`${p}.subjects`, 'subjects must contain at least one value'));
    subjects.forEach((s, j) => {
      errs.push(...oneOf(s.kind, `${idx(`${p}.subjects`, j)}.kind`, SUBJECT_KINDS, true));
    });
    if (listAt(r, 'resourceRules').length === 0 && listAt(r, 'nonResourceRules').length === 0)
      errs.push(fieldRequired(p, 'at least one of resourceRules and nonResourceRules has to be non-empty'));
  });
  return errs;
}

export const flowschemas: KindDefinition = {
  group: GROUP,
  version: 'v1',
  kind: 'FlowSchema',
  resource: 'flowschemas',
  singular: 'flowschema',
  namespaced: false,
  definition: `${FC}FlowSchema`,
  subresources: { status: true },
  strategy: { defaults: defaultFlowSchema, ...statusSplitHooks({ generation: true }), validate: validateFlowSchema },
  table: {
    columns: [
      nameColumn(),
      column('PriorityLevel', '`name` is the name of the priority level configuration being referenced Required.'),
      column(
        'MatchingPrecedence',
        '`matchingPrecedence` is used to choose among the FlowSchemas that match a given request. The chosen FlowSchema is among those with the numerically lowest (which we take to be logically highest) MatchingPrecedence.  Each MatchingPrecedence value must be ranged in [1,10000]. Note that if the precedence is not specified, it will be set to 1000 as default.',
      ),
      column(
        'DistinguisherMethod',
        '`distinguisherMethod` defines how to compute the flow distinguisher for requests that match this schema. `nil` specifies that the distinguisher is disabled and thus will always be the empty string.',
      ),
      ageColumn(),
      column('MissingPL', 'references a broken or non-existent PriorityLevelConfiguration'),
    ],
    cells(fs, now) {
      const spec = specOf(fs);
      const dangling = mapsAt(mapAt(fs, 'status'), 'conditions').find((c) => c.type === 'Dangling');
      return [
        nameOf(fs),
        strAt(mapAt(spec, 'priorityLevelConfiguration'), 'name') ?? '',
        numAt(spec, 'matchingPrecedence') ?? 0,
        strAt(mapAt(spec, 'distinguisherMethod'), 'type') ?? '<none>',
        age(fs.metadata?.creationTimestamp, now),
        dangling ? String(dangling.status ?? '') : '?',
      ];
    },
  },
};

/** SetDefaults for v1 priority levels: 30 shares, lend nothing, 64 queues x hand 8 x 50 long. */
function defaultPriorityLevel(pl: KubeObject): void {
  const spec = ensureMap(pl, 'spec');
  if (!spec) return;
  const limited = mapAt(spec, 'limited');
  if (limited) {
    setDefault(limited, 'nominalConcurrencyShares', 30);
    setDefault(limited, 'lendablePercent', 0);
    const q = mapAt(mapAt(limited, 'limitResponse'), 'queuing');
    if (q) {
      if (!q.handSize) q.handSize = 8;
      if (!q.queues) q.queues = 64;
      if (!q.queueLengthLimit) q.queueLengthLimit = 50;
    }
  }
  const exempt = mapAt(spec, 'exempt');
  if (exempt) {
    setDefault(exempt, 'nominalConcurrencyShares', 0);
    setDefault(exempt, 'lendablePercent', 0);
  }
}

function validatePriorityLevel(pl: KubeObject): FieldError[] {
  const spec = specOf(pl);
  const errs = oneOf(spec.type, 'spec.type', ['Exempt', 'Limited'], true);
  const limited = mapAt(spec, 'limited');
  if (spec.type === 'Limited') {
    if (!limited) errs.push(fieldRequired('spec.limited', 'must not be empty when type is Limited'));
    else {
      const lr = mapAt(limited, 'limitResponse') ?? {};
      errs.push(...oneOf(lr.type, 'spec.limited.limitResponse.type', ['Queue', 'Reject'], true));
      if (lr.type === 'Queue' && !mapAt(lr, 'queuing'))
        errs.push(fieldRequired('spec.limited.limitResponse.queuing', 'must not be empty if type is Queue'));
      const lend = numAt(limited, 'lendablePercent');
      if (lend !== undefined && (lend < 0 || lend > 100))
        errs.push(fieldInvalid('spec.limited.lendablePercent', lend, 'must be between 0 and 100, inclusive'));
    }
  } else if (limited) errs.push(fieldForbidden('spec.limited', 'must be nil if the type is not Limited'));
  if (spec.type === 'Limited' && mapAt(spec, 'exempt'))
    errs.push(fieldForbidden('spec.exempt', 'must be nil if the type is Limited'));
  return errs;
}

export const prioritylevelconfigurations: KindDefinition = {
  group: GROUP,
  version: 'v1',
  kind: 'PriorityLevelConfiguration',
  resource: 'prioritylevelconfigurations',
  singular: 'prioritylevelconfiguration',
  namespaced: false,
  definition: `${FC}PriorityLevelConfiguration`,
  subresources: { status: true },
  strategy: {
    defaults: defaultPriorityLevel,
    ...statusSplitHooks({ generation: true }),
    validate: validatePriorityLevel,
  },
  table: {
    columns: [
      nameColumn(),
      column(
        'Type',
        '`type` indicates whether this priority level is subject to limitation on request execution.  A value of `"Exempt"` means that requests of this priority level are not subject to a limit (and thus are never queued) and do not detract from the capacity made available to other priority levels.  A value of `"Limited"` means that (a) requests of this priority level _are_ subject to limits and (b) some of the server\'s limited capacity is made available exclusively to this priority level. Required.',
      ),
      column(
        'NominalConcurrencyShares',
        '`nominalConcurrencyShares` (NCS) contributes to the computation of the NominalConcurrencyLimit (NominalCL) of this level.',
      ),
      column(
        'Queues',
        '`queues` is the number of queues for this priority level. The queues exist independently at each apiserver. The value must be positive.  Setting it to 1 effectively precludes shufflesharding and thus makes the distinguisher method of associated flow schemas irrelevant.  This field has a default value of 64.',
      ),
      column(
        'HandSize',
        '`handSize` is a small positive number that configures the shuffle sharding of requests into queues.',
      ),
      column(
        'QueueLengthLimit',
        '`queueLengthLimit` is the maximum number of requests allowed to be waiting in a given queue of this priority level at a time; excess requests are rejected.  This value must be positive.  If not specified, it will be defaulted to 50.',
      ),
      ageColumn(),
    ],
    cells(pl, now) {
      const spec = specOf(pl);
      const limited = mapAt(spec, 'limited');
      const q = mapAt(mapAt(limited, 'limitResponse'), 'queuing');
      return [
        nameOf(pl),
        strAt(spec, 'type') ?? '',
        limited ? (numAt(limited, 'nominalConcurrencyShares') ?? 0) : '<none>',
        q ? (numAt(q, 'queues') ?? 0) : '<none>',
        q ? (numAt(q, 'handSize') ?? 0) : '<none>',
        q ? (numAt(q, 'queueLengthLimit') ?? 0) : '<none>',
        age(pl.metadata?.creationTimestamp, now),
      ];
    },
  },
};
