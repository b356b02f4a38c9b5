/**
 * events.k8s.io/v1 events: the same objects as core/v1 events (one storage, `/registry/events`),
 * seen through the newer schema. `eventToCore` / `eventFromCore` convert between them as
 * kube's conversion functions do; validation follows kube's rules for new-API events
 * (reportingController, reportingInstance, action, eventTime required).
 */
import type { Definitions } from '../../../api/openapi-schema.js';
import { type FieldError, fieldInvalid, fieldNotSupported, fieldRequired } from '../../../api/status.js';
import { events as coreEvents } from '../core/events.js';
import { clone, isMap, type JsonMap, strAt } from '../object-access.js';
import { core, int32, kindObj, listKind, microTime, obj, ref, str, time } from '../schema-dsl.js';
import { plainHooks } from '../status-split.js';
import type { CatalogModule, KindDefinition, KubeObject } from '../types.js';

const EV = 'io.k8s.api.events.v1.';
const gvk = (kind: string) => ({ group: 'events.k8s.io', version: 'v1', kind });

export const eventsDefinitions: Definitions = {
  [`${EV}Event`]: kindObj(
    gvk('Event'),
    {
      action: str(),
      deprecatedCount: int32(),
      deprecatedFirstTimestamp: time(),
      deprecatedLastTimestamp: time(),
      deprecatedSource: core('EventSource'),
      eventTime: microTime(),
      note: str(),
      reason: str(),
      regarding: core('ObjectReference'),
      related: core('ObjectReference'),
      reportingController: str(),
      reportingInstance: str(),
      series: ref(`${EV}EventSeries`),
      type: str(),
    },
    { required: ['eventTime'], description: 'A report of an event somewhere in the cluster.' },
  ),
  [`${EV}EventList`]: listKind(gvk('EventList'), `${EV}Event`),
  [`${EV}EventSeries`]: obj(
    { count: int32(), lastObservedTime: microTime() },
    { required: ['count', 'lastObservedTime'] },
  ),
};

/** events.k8s.io field -> core/v1 field (everything else has the same name). */
const RENAMES: [string, string][] = [
  ['regarding', 'involvedObject'],
  ['note', 'message'],
  ['deprecatedSource', 'source'],
  ['deprecatedFirstTimestamp', 'firstTimestamp'],
  ['deprecatedLastTimestamp', 'lastTimestamp'],
  ['deprecatedCount', 'count'],
  ['reportingController', 'reportingComponent'],
];

function rename(obj: KubeObject, pairs: [string, string][], apiVersion: string): KubeObject {
  const out: KubeObject = clone(obj);
  for (const [from, to] of pairs) {
    delete out[to];
    if (obj[from] !== undefined) out[to] = clone(obj[from]);
    delete out[from];
  }
  out.apiVersion = apiVersion;
  out.kind = 'Event';
  return out;
}

/** An events.k8s.io/v1 Event as the core/v1 Event it is stored as. */
export const eventToCore = (ev: KubeObject): KubeObject => rename(ev, RENAMES, 'v1');
/** A stored core/v1 Event as events.k8s.io/v1 shows it. */
export const eventFromCore = (ev: KubeObject): KubeObject =>
  rename(
    ev,
    RENAMES.map(([a, b]) => [b, a]),
    'events.k8s.io/v1',
  );

const NOTE_MAX = 1024;

/** ValidateEventCreate for events.k8s.io/v1. */
function validateEvent(ev: KubeObject): FieldError[] {
  const errs: FieldError[] = [];
  if (!ev.eventTime) errs.push(fieldRequired('eventTime'));
  const type = ev.type;
  if (type !== 'Normal' && type !== 'Warning') errs.push(fieldNotSupported('type', type ?? '', ['Normal', 'Warning']));
  if (!strAt(ev, 'reportingController')) errs.push(fieldRequired('reportingController'));
  if (!strAt(ev, 'reportingInstance')) errs.push(fieldRequired('reportingInstance'));
  if (!strAt(ev, 'action')) errs.push(fieldRequired('action'));
  if (!strAt(ev, 'reason')) errs.push(fieldRequired('reason'));
  const note = strAt(ev, 'note') ?? '';
  if (note.length > NOTE_MAX) errs.push(fieldInvalid('note', '', `can have at most ${NOTE_MAX} characters`));
  if (isMap(ev.series)) {
    const s = ev.series as JsonMap;
    if (typeof s.count === 'number' && s.count < 2)
      errs.push(fieldInvalid('series.count', s.count, 'should be at least 2'));
  }
  return errs;
}

export const eventsV1: KindDefinition = {
  group: 'events.k8s.io',
  version: 'v1',
  kind: 'Event',
  resource: 'events',
  singular: 'event',
  namespaced: true,
  shortNames: ['ev'],
  definition: `${EV}Event`,
  storagePrefix: 'events',
  ttlSeconds: 3600,
  strategy: { ...plainHooks(), validate: validateEvent },
  // The same printer as core events (kube prints the internal type for both).
  table: coreEvents.table
    ? { columns: coreEvents.table.columns, cells: (ev, now) => coreEvents.table?.cells(eventToCore(ev), now) ?? [] }
    : undefined,
  fieldSelectors: (ev) => coreEvents.fieldSelectors?.(eventToCore(ev)) ?? {},
};

export function eventsModule(): CatalogModule {
  return { kinds: [eventsV1], definitions: eventsDefinitions };
}
