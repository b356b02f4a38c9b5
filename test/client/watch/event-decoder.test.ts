import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { eventResourceVersion, WatchEventDecoder } from '../../../src/client/watch/event-decoder.js';

const ev = (type: string, name: string, rv: string) => ({
  type,
  object: { kind: 'Pod', metadata: { name, resourceVersion: rv, annotations: { note: 'brace } and "quote" ✓ 日本' } } },
});

describe('WatchEventDecoder', () => {
  it('decodes newline-delimited events split at any byte (property)', () => {
    const events = fc.array(
      fc.record({
        type: fc.constantFrom('ADDED', 'MODIFIED', 'DELETED', 'BOOKMARK'),
        name: fc.string({ maxLength: 10 }),
        rv: fc.nat().map(String),
      }),
      { maxLength: 8 },
    );
    fc.assert(
      fc.property(events, fc.array(fc.nat(), { maxLength: 10 }), fc.boolean(), (list, cuts, newlines) => {
        const all = list.map((e) => ev(e.type, e.name, e.rv));
        const bytes = Buffer.from(all.map((e) => JSON.stringify(e) + (newlines ? '\n' : '')).join(''));
        const points = [...new Set(cuts.map((c) => c % (bytes.length + 1)))].sort((a, b) => a - b);
        const d = new WatchEventDecoder();
        const out = [];
        let prev = 0;
        for (const p of [...points, bytes.length]) {
          out.push(...d.push(bytes.subarray(prev, p)));
          prev = p;
        }
        d.end();
        expect(out).toEqual(all);
      }),
      { numRuns: 200 },
    );
  });

  it('reports malformed input instead of skipping it', () => {
    expect(() => new WatchEventDecoder().push('garbage\n')).toThrow(/unexpected character "g"/);
    expect(() => new WatchEventDecoder().push('{"type":"NOPE","object":{}}\n')).toThrow(/unknown event type "NOPE"/);
    expect(() => new WatchEventDecoder().push('{"type":"ADDED"}\n')).toThrow(/event without an object/);
    const d = new WatchEventDecoder();
    d.push('{"type":"ADDED","object":{');
    expect(() => d.end()).toThrow(/closed in the middle of an event/);
  });

  it('reads resourceVersions', () => {
    expect(eventResourceVersion(ev('ADDED', 'a', '12') as never)).toBe('12');
    expect(eventResourceVersion({ type: 'ADDED', object: {} })).toBeUndefined();
  });
});
