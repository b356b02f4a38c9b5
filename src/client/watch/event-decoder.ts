import { StringDecoder } from 'node:string_decoder';

export type WatchEventType = 'ADDED' | 'MODIFIED' | 'DELETED' | 'BOOKMARK' | 'ERROR';

export interface WatchEvent<T = Record<string, unknown>> {
  type: WatchEventType;
  object: T;
}

const EVENT_TYPES = new Set<string>(['ADDED', 'MODIFIED', 'DELETED', 'BOOKMARK', 'ERROR']);

/**
 * Incremental decoder for a watch stream: a sequence of JSON objects, normally one per line
 * (the apiserver's framing), but split anywhere across chunks and possibly several per chunk.
 * Like client-go's JSON framer it finds object boundaries itself, so a missing newline does
 * not stall decoding. A malformed object or event is an error, never silently skipped.
 */
export class WatchEventDecoder {
  private readonly text = new StringDecoder('utf8');
  private buf = '';
  /** Scan state carried across chunks. */
  private pos = 0;
  private depth = 0;
  private inString = false;
  private escaped = false;
  private start = -1;

  /** Feeds a chunk; returns the events completed by it, in order. */
  push(chunk: Buffer | string): WatchEvent[] {
    this.buf += typeof chunk === 'string' ? chunk : this.text.write(chunk);
    const out: WatchEvent[] = [];
    for (; this.pos < this.buf.length; this.pos++) {
      const ch = this.buf[this.pos];
      if (this.inString) {
        if (this.escaped) this.escaped = false;
        else if (ch === '\\') this.escaped = true;
        else if (ch === '"') this.inString = false;
        continue;
      }
      if (this.depth === 0) {
        if (ch === '{') {
          this.start = this.pos;
          this.depth = 1;
        } else if (!/\s/.test(ch)) {
          throw new Error(`watch stream: unexpected character ${JSON.stringify(ch)} between events`);
        }
        continue;
      }
      if (ch === '"') this.inString = true;
      else if (ch === '{' || ch === '[') this.depth++;
      else if (ch === '}' || ch === ']') {
        this.depth--;
        if (this.depth === 0) out.push(toEvent(this.buf.slice(this.start, this.pos + 1)));
      }
    }
    // Drop consumed text so the buffer only holds the unfinished object.
    const keep = this.depth > 0 ? this.start : this.buf.length;
    this.buf = this.buf.slice(keep);
    this.pos -= keep;
    if (this.start >= 0) this.start -= keep;
    return out;
  }

  /** Call at end of stream: throws if an object was cut off midway. */
  end(): void {
    this.buf += this.text.end();
    if (this.depth > 0) throw new Error('watch stream: connection closed in the middle of an event');
  }
}

function toEvent(json: string): WatchEvent {
  let v: unknown;
  try {
    v = JSON.parse(json);
  } catch (e) {
    throw new Error(`watch stream: invalid JSON event: ${(e as Error).message}`);
  }
  const ev = v as { type?: unknown; object?: unknown };
  if (typeof ev.type !== 'string' || !EVENT_TYPES.has(ev.type)) {
    throw new Error(`watch stream: unknown event type ${JSON.stringify(ev.type)}`);
  }
  if (!ev.object || typeof ev.object !== 'object') throw new Error('watch stream: event without an object');
  return { type: ev.type as WatchEventType, object: ev.object as Record<string, unknown> };
}

/** resourceVersion of an event's object, if any. */
export function eventResourceVersion(ev: WatchEvent): string | undefined {
  const md = (ev.object as { metadata?: { resourceVersion?: unknown } }).metadata;
  return typeof md?.resourceVersion === 'string' && md.resourceVersion ? md.resourceVersion : undefined;
}
