import { describe, expect, it } from 'vitest';
import { DecodedObjects } from '../../../src/server/storage/cacher/decoded-objects.js';

const value = (name: string, pad = 0) =>
  JSON.stringify({ kind: 'ConfigMap', metadata: { name }, data: { pad: 'x'.repeat(pad) } });

describe('DecodedObjects', () => {
  it('parses a key once per revision and hands out deep-frozen objects', () => {
    const d = new DecodedObjects();
    const a = d.get('/k/a', { value: value('a'), rev: 5 });
    expect(d.get('/k/a', { value: value('a'), rev: 5 })).toBe(a);
    expect(a.metadata?.resourceVersion).toBe('5');
    expect(Object.isFrozen(a.metadata)).toBe(true);
    expect(() => {
      (a.metadata as Record<string, unknown>).name = 'b';
    }).toThrow(TypeError);
    const next = d.get('/k/a', { value: value('a'), rev: 6 });
    expect(next).not.toBe(a);
    expect(next.metadata?.resourceVersion).toBe('6');
  });

  it('stays within its byte budget, evicting entries not used since they were last passed over', () => {
    const one = value('a', 100).length;
    const d = new DecodedObjects(one * 4 * 3); // room for 12 entries of this size
    const first = Array.from({ length: 12 }, (_, i) => d.get(`/k/${i}`, { value: value('a', 100), rev: i + 1 }));
    // Keep /k/0 in use; then add 6 more: the unused oldest go, /k/0 survives.
    expect(d.get('/k/0', { value: value('a', 100), rev: 1 })).toBe(first[0]);
    for (let i = 12; i < 18; i++) d.get(`/k/${i}`, { value: value('a', 100), rev: i + 1 });
    expect(d.get('/k/0', { value: value('a', 100), rev: 1 })).toBe(first[0]);
    expect(d.get('/k/1', { value: value('a', 100), rev: 2 })).not.toBe(first[1]);
  });
});
