/** core/v1 events (kept one hour, like kube's --event-ttl default) and endpoints. */
import { type FieldError, fieldInvalid, fieldRequired } from '../../../api/status.js';
import { idx, PORT_RANGE_MSG, validPort } from '../field-checks.js';
import { mapAt, mapsAt, numAt, setDefaultString, strAt } from '../object-access.js';
import { plainHooks } from '../status-split.js';
import { age, ageColumn, column, nameColumn, nameOf } from '../table-columns.js';
import type { KindDefinition, KubeObject } from '../types.js';

/** translateTimestampSince for Time, falling back as kube's printEvent does. */
function eventTimes(ev: KubeObject, now: Date): { first: string; last: string; count: number } {
  const firstTs = strAt(ev, 'firstTimestamp');
  let first = firstTs ? age(firstTs, now) : age(strAt(ev, 'eventTime'), now);
  if (!firstTs && !strAt(ev, 'eventTime')) first = '<unknown>';
  let last = strAt(ev, 'lastTimestamp') ? age(strAt(ev, 'lastTimestamp'), now) : first;
  let count = numAt(ev, 'count') ?? 0;
  const series = mapAt(ev, 'series');
  if (series) {
    last = age(strAt(series, 'lastObservedTime'), now);
    count = numAt(series, 'count') ?? 0;
  } else if (count === 0) count = 1;
  return { first, last, count };
}

/** formatEventSource: `component, host`, falling back to the reporting controller/instance. */
function eventSource(ev: KubeObject): string {
  const source = mapAt(ev, 'source');
  const component = strAt(source, 'component') || strAt(ev, 'reportingComponent') || '';
  const host = strAt(source, 'host') || strAt(ev, 'reportingInstance') || '';
  if (!component) return '<unknown>';
  return host ? `${component}, ${host}` : component;
}

function validateEvent(ev: KubeObject): FieldError[] {
  const errs: FieldError[] = [];
  const involved = mapAt(ev, 'involvedObject');
  const ns = ev.metadata?.namespace ?? '';
  const involvedNs = strAt(involved, 'namespace') ?? '';
  if (involvedNs && ns && involvedNs !== ns)
    errs.push(fieldInvalid('involvedObject.namespace', involvedNs, 'does not match event.namespace'));
  return errs;
}

export const events: KindDefinition = {
  group: '',
  version: 'v1',
  kind: 'Event',
  resource: 'events',
  singular: 'event',
  namespaced: true,
  shortNames: ['ev'],
  definition: 'io.k8s.api.core.v1.Event',
  ttlSeconds: 3600,
  strategy: { ...plainHooks(), validate: validateEvent, validateUpdate: (ev) => validateEvent(ev) },
  table: {
    columns: [
      column('Last Seen', 'The time at which the most recent occurrence of this event was recorded.'),
      column('Type', 'Type of this event (Normal, Warning), new types could be added in the future'),
      column(
        'Reason',
        "This should be a short, machine understandable string that gives the reason for the transition into the object's current status.",
      ),
      column('Object', 'The object that this event is about.'),
      column('Subobject', 'The field of the object the event is about.', { wide: true }),
      column('Source', 'The component reporting this event. Should be a short machine understandable string.', {
        wide: true,
      }),
      column('Message', 'A human-readable description of the status of this operation.'),
      column('First Seen', 'The time at which the event was first recorded. (Time of server receipt is in TypeMeta.)', {
        wide: true,
      }),
      column('Count', 'The number of times this event has occurred.', { wide: true }),
      { ...nameColumn(), priority: 1 },
    ],
    cells(ev, now) {
      const involved = mapAt(ev, 'involvedObject');
      const kind = (strAt(involved, 'kind') ?? '').toLowerCase();
      const name = strAt(involved, 'name') ?? '';
      const t = eventTimes(ev, now);
      return [
        t.last,
        strAt(ev, 'type') ?? '',
        strAt(ev, 'reason') ?? '',
        name ? `${kind}/${name}` : kind,
        strAt(involved, 'fieldPath') ?? '',
        eventSource(ev),
        (strAt(ev, 'message') ?? '').trim(),
        t.first,
        t.count,
        nameOf(ev),
      ];
    },
  },
  fieldSelectors(ev) {
    const o = mapAt(ev, 'involvedObject');
    const s = (k: string) => strAt(o, k) ?? '';
    return {
      'involvedObject.kind': s('kind'),
      'involvedObject.namespace': s('namespace'),
      'involvedObject.name': s('name'),
      'involvedObject.uid': s('uid'),
      'involvedObject.apiVersion': s('apiVersion'),
      'involvedObject.resourceVersion': s('resourceVersion'),
      'involvedObject.fieldPath': s('fieldPath'),
      reason: strAt(ev, 'reason') ?? '',
      reportingComponent: strAt(ev, 'reportingComponent') ?? '',
      source: strAt(mapAt(ev, 'source'), 'component') || strAt(ev, 'reportingComponent') || '',
      type: strAt(ev, 'type') ?? '',
    };
  },
};

/** formatEndpoints: up to three `ip:port` entries, then `+ N more...`; `<none>` without subsets. */
export function formatEndpoints(ep: KubeObject): string {
  const subsets = mapsAt(ep, 'subsets');
  if (subsets.length === 0) return '<none>';
  const max = 3;
  const list: string[] = [];
  let more = false;
  let count = 0;
  const hostPort = (ip: string, port: unknown) => (ip.includes(':') ? `[${ip}]:${port}` : `${ip}:${port}`);
  for (const ss of subsets) {
    const addresses = mapsAt(ss, 'addresses');
    const ports = mapsAt(ss, 'ports');
    if (ports.length === 0) {
      count += addresses.length;
      for (const a of addresses) {
        if (list.length === max) {
          more = true;
          break;
        }
        list.push(strAt(a, 'ip') ?? '');
      }
      continue;
    }
    for (const p of ports) {
      count += addresses.length;
      for (const a of addresses) {
        if (list.length === max) {
          more = true;
          break;
        }
        list.push(hostPort(strAt(a, 'ip') ?? '', p.port));
      }
    }
  }
  const text = list.join(',');
  return more ? `${text} + ${count - max} more...` : text;
}

function validateEndpoints(ep: KubeObject): FieldError[] {
  const errs: FieldError[] = [];
  mapsAt(ep, 'subsets').forEach((ss, i) => {
    const sp = idx('subsets', i);
    for (const list of ['addresses', 'notReadyAddresses'])
      mapsAt(ss, list).forEach((a, j) => {
        if (!strAt(a, 'ip')) errs.push(fieldRequired(`${idx(`${sp}.${list}`, j)}.ip`));
      });
    mapsAt(ss, 'ports').forEach((p, j) => {
      if (!validPort(p.port)) errs.push(fieldInvalid(`${idx(`${sp}.ports`, j)}.port`, p.port ?? 0, PORT_RANGE_MSG));
    });
  });
  return errs;
}

export const endpoints: KindDefinition = {
  group: '',
  version: 'v1',
  kind: 'Endpoints',
  resource: 'endpoints',
  singular: 'endpoints',
  namespaced: true,
  shortNames: ['ep'],
  definition: 'io.k8s.api.core.v1.Endpoints',
  strategy: {
    defaults(ep) {
      for (const ss of mapsAt(ep, 'subsets'))
        for (const p of mapsAt(ss, 'ports')) setDefaultString(p, 'protocol', 'TCP');
    },
    ...plainHooks(),
    validate: validateEndpoints,
  },
  table: {
    columns: [nameColumn(), column('Endpoints', 'The set of all endpoints is the union of all subsets.'), ageColumn()],
    cells: (ep, now) => [nameOf(ep), formatEndpoints(ep), age(ep.metadata?.creationTimestamp, now)],
  },
};
