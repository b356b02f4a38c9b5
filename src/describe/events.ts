/** The Events section of kubectl describe: events about the object, oldest first. */
import { listAll } from '../client/list-pager.js';
import { translateTimestampSince } from '../printers/table/human-duration.js';
import { LEVEL_0, LEVEL_1, type PrefixWriter } from './prefix-writer.js';
import type { DescribeContext, KObject } from './types.js';

interface EventObj {
  type?: string;
  reason?: string;
  message?: string;
  count?: number;
  firstTimestamp?: string;
  lastTimestamp?: string;
  eventTime?: string;
  series?: { count?: number; lastObservedTime?: string };
  source?: { component?: string };
  /** JSON name of Go's ReportingController. */
  reportingComponent?: string;
}

/** Lists the events whose involvedObject is `obj` (kubectl's searchEvents field selector). */
export async function searchEvents(obj: KObject, ctx: DescribeContext): Promise<EventObj[] | undefined> {
  const md = obj.metadata ?? {};
  const ns = md.namespace ?? '';
  const fields: Record<string, string> = {
    'involvedObject.name': md.name ?? '',
    'involvedObject.namespace': ns,
  };
  if (obj.kind) fields['involvedObject.kind'] = obj.kind;
  if (md.uid) fields['involvedObject.uid'] = md.uid;
  const selector = Object.keys(fields)
    .sort()
    .map((k) => `${k}=${fields[k]}`)
    .join(',');
  try {
    const { items } = await listAll(ctx.rest, {
      path: ns ? `/api/v1/namespaces/${encodeURIComponent(ns)}/events` : '/api/v1/events',
      query: { fieldSelector: selector },
      limit: ctx.chunkSize,
    });
    return items as EventObj[];
  } catch {
    // kubectl ignores event lookup failures and prints no Events section.
    return undefined;
  }
}

const since = (ts: string | undefined, now: number) => translateTimestampSince(ts, now);

/** Writes `Events:\t<none>` or the events table (after flushing the columns above it). */
export function describeEvents(events: EventObj[], w: PrefixWriter, now: number): void {
  if (events.length === 0) {
    w.write(LEVEL_0, 'Events:\t<none>\n');
    return;
  }
  w.flush();
  const sorted = [...events].sort((a, b) => Date.parse(a.lastTimestamp ?? '') - Date.parse(b.lastTimestamp ?? '') || 0);
  w.write(LEVEL_0, 'Events:\n  Type\tReason\tAge\tFrom\tMessage\n');
  w.write(LEVEL_1, '----\t------\t----\t----\t-------\n');
  for (const e of sorted) {
    const first = e.eventTime ? since(e.eventTime, now) : since(e.firstTimestamp, now);
    let interval = first;
    if (e.series) interval = `${since(e.series.lastObservedTime, now)} (x${e.series.count ?? 0} over ${first})`;
    else if ((e.count ?? 0) > 1) interval = `${since(e.lastTimestamp, now)} (x${e.count} over ${first})`;
    const source = e.source?.component || e.reportingComponent || '';
    w.write(LEVEL_1, `${e.type ?? ''}\t${e.reason ?? ''}\t${interval}\t${source}\t${(e.message ?? '').trim()}\n`);
  }
}

/** Appends the Events section when events are shown and could be read. */
export async function appendEvents(obj: KObject, ctx: DescribeContext, w: PrefixWriter): Promise<void> {
  if (!ctx.showEvents) return;
  const events = await searchEvents(obj, ctx);
  if (events) describeEvents(events, w, ctx.now);
}
