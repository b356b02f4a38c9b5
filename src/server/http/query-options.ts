/**
 * Query parameters (and the DeleteOptions body) parsed into the registry's option objects,
 * with kube's validation texts for bad values.
 */
import { badRequest, fieldInvalid, fieldNotSupported, invalid } from '../../api/status.js';
import type { DeleteOptions, FieldValidation, ListQuery, WatchQuery, WriteOptions } from '../registry/types.js';

const GO_TRUE = new Set(['1', 't', 'T', 'TRUE', 'true', 'True']);
const GO_FALSE = new Set(['0', 'f', 'F', 'FALSE', 'false', 'False']);

function bool(q: URLSearchParams, name: string): boolean | undefined {
  const v = q.get(name);
  if (v === null || v === '') return undefined;
  if (GO_TRUE.has(v)) return true;
  if (GO_FALSE.has(v)) return false;
  throw badRequest(`unable to parse query parameter ${name}: strconv.ParseBool: parsing "${v}": invalid syntax`);
}

function int(q: URLSearchParams, name: string): number | undefined {
  const v = q.get(name);
  if (v === null || v === '') return undefined;
  if (!/^-?\d+$/.test(v))
    throw badRequest(`unable to parse query parameter ${name}: strconv.ParseInt: parsing "${v}": invalid syntax`);
  return Number(v);
}

/** list/deletecollection parameters. */
export function listQuery(q: URLSearchParams): ListQuery {
  const out: ListQuery = {};
  const ls = q.get('labelSelector');
  if (ls) out.labelSelector = ls;
  const fs = q.get('fieldSelector');
  if (fs) out.fieldSelector = fs;
  const rv = q.get('resourceVersion');
  if (rv !== null) out.resourceVersion = rv;
  const rvm = q.get('resourceVersionMatch');
  if (rvm !== null && rvm !== '') {
    if (rvm !== 'Exact' && rvm !== 'NotOlderThan') {
      throw invalid({ group: 'meta.k8s.io', kind: 'ListOptions' }, '', [
        fieldNotSupported('resourceVersionMatch', rvm, ['Exact', 'NotOlderThan']),
      ]);
    }
    out.resourceVersionMatch = rvm;
  }
  const limit = int(q, 'limit');
  if (limit !== undefined && limit > 0) out.limit = limit;
  const cont = q.get('continue');
  if (cont) out.continue = cont;
  return out;
}

/** watch parameters; `signal` ends the watch. */
export function watchQuery(q: URLSearchParams, signal: AbortSignal): WatchQuery {
  const out: WatchQuery = { ...listQuery(q), signal };
  const bm = bool(q, 'allowWatchBookmarks');
  if (bm !== undefined) out.allowWatchBookmarks = bm;
  const sie = bool(q, 'sendInitialEvents');
  if (sie !== undefined) out.sendInitialEvents = sie;
  const ts = int(q, 'timeoutSeconds');
  if (ts !== undefined && ts > 0) out.timeoutSeconds = ts;
  return out;
}

/** `dryRun`: only `All` is known (kube's ValidateDryRun). */
function dryRun(values: string[], optionsKind: string): boolean {
  const given = values.filter((v) => v !== '');
  if (given.length === 0) return false;
  if (given.every((v) => v === 'All')) return true;
  throw invalid({ group: 'meta.k8s.io', kind: optionsKind }, '', [
    fieldNotSupported('dryRun', given.length === 1 ? given[0] : given, ['All']),
  ]);
}

const FIELD_VALIDATION: Record<string, FieldValidation> = { Strict: 'Strict', Warn: 'Warn', Ignore: 'Ignore' };

/**
 * create/update/patch parameters. An absent `fieldValidation` means Warn (kube's default since
 * v1.23); an unknown one is kube's 400 BadRequest.
 */
/**
 * kube's prefixFromUserAgent: the user agent up to its first `/`, printable characters only,
 * cut at the 128-character field manager limit (`kubectl/v1.35.0 (linux/amd64) ...` -> `kubectl`).
 */
export function managerFromUserAgent(userAgent: string): string {
  let out = '';
  for (const ch of userAgent.split('/')[0] ?? '') {
    if (/[\p{C}\p{Z}]/u.test(ch) && ch !== ' ') continue; // Go: unicode.IsPrint
    if (out.length + ch.length > 128) break;
    out += ch;
  }
  return out;
}

/** Create/update/patch options; without `fieldManager` the manager is named after the user agent, as kube does. */
export function writeOptions(
  q: URLSearchParams,
  verb: 'create' | 'update' | 'patch',
  subresource?: string,
  userAgent = '',
): WriteOptions {
  const kind = verb === 'create' ? 'CreateOptions' : verb === 'update' ? 'UpdateOptions' : 'PatchOptions';
  const fv = q.get('fieldValidation') ?? '';
  let fieldValidation: FieldValidation = 'Warn';
  if (fv !== '') {
    const known = FIELD_VALIDATION[fv];
    if (!known) throw badRequest(`invalid fieldValidation directive: ${fv}, valid values are Ignore, Warn, Strict`);
    fieldValidation = known;
  }
  const out: WriteOptions = { dryRun: dryRun(q.getAll('dryRun'), kind), fieldValidation };
  const fm = q.get('fieldManager');
  if (fm !== null && fm !== '') {
    if (fm.length > 128) {
      throw invalid({ group: 'meta.k8s.io', kind }, '', [
        fieldInvalid('fieldManager', fm, 'must be less than or equal to 128 characters long'),
      ]);
    }
    out.fieldManager = fm;
  } else {
    const fromAgent = managerFromUserAgent(userAgent);
    if (fromAgent) out.fieldManager = fromAgent;
  }
  if (subresource) out.subresource = subresource;
  return out;
}

const POLICIES = ['Orphan', 'Background', 'Foreground'] as const;

/**
 * DeleteOptions from the query and an optional JSON/YAML body (the body wins, as kube decodes
 * it over the query values).
 */
export function deleteOptions(q: URLSearchParams, body: Record<string, unknown> | undefined): DeleteOptions {
  const out: DeleteOptions = { dryRun: dryRun(q.getAll('dryRun'), 'DeleteOptions') };
  const gp = int(q, 'gracePeriodSeconds');
  if (gp !== undefined) out.gracePeriodSeconds = gp;
  const pp = q.get('propagationPolicy');
  if (pp) out.propagationPolicy = pp as DeleteOptions['propagationPolicy'];
  const od = bool(q, 'orphanDependents');
  if (od !== undefined) out.orphanDependents = od;
  if (body) {
    if (Array.isArray(body.dryRun)) out.dryRun = out.dryRun || dryRun(body.dryRun.map(String), 'DeleteOptions');
    if (typeof body.gracePeriodSeconds === 'number') out.gracePeriodSeconds = body.gracePeriodSeconds;
    if (typeof body.propagationPolicy === 'string')
      out.propagationPolicy = body.propagationPolicy as DeleteOptions['propagationPolicy'];
    if (typeof body.orphanDependents === 'boolean') out.orphanDependents = body.orphanDependents;
    const pre = body.preconditions as { uid?: unknown; resourceVersion?: unknown } | undefined;
    if (pre && typeof pre === 'object') {
      out.preconditions = {};
      if (typeof pre.uid === 'string') out.preconditions.uid = pre.uid;
      if (typeof pre.resourceVersion === 'string') out.preconditions.resourceVersion = pre.resourceVersion;
    }
  }
  const errors = [];
  if (out.propagationPolicy !== undefined && !POLICIES.includes(out.propagationPolicy)) {
    errors.push(fieldNotSupported('propagationPolicy', out.propagationPolicy, POLICIES));
  }
  if (out.propagationPolicy !== undefined && out.orphanDependents !== undefined) {
    errors.push(
      fieldInvalid(
        'propagationPolicy',
        out.propagationPolicy,
        'orphanDependents and deletionPropagation cannot be both set',
      ),
    );
  }
  if (out.gracePeriodSeconds !== undefined && out.gracePeriodSeconds < 0) out.gracePeriodSeconds = 1; // kube: negative -> 1
  if (errors.length) throw invalid({ group: 'meta.k8s.io', kind: 'DeleteOptions' }, '', errors);
  return out;
}
