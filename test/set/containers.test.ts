import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { matchesContainerPattern, selectContainers } from '../../src/set/containers.js';

describe('matchesContainerPattern', () => {
  it('matches exact names, * and wildcards', () => {
    expect(matchesContainerPattern('nginx', 'nginx')).toBe(true);
    expect(matchesContainerPattern('nginx', 'ngin')).toBe(false);
    expect(matchesContainerPattern('anything', '*')).toBe(true);
    expect(matchesContainerPattern('redis', 'r*')).toBe(true);
    expect(matchesContainerPattern('nginx', 'r*')).toBe(false);
    expect(matchesContainerPattern('side-car', '*car')).toBe(true);
    expect(matchesContainerPattern('side-car-2', '*car')).toBe(false);
    expect(matchesContainerPattern('a-b-c', 'a*b*c')).toBe(true);
    expect(matchesContainerPattern('ab', 'ab*b')).toBe(false);
  });

  it('agrees with a regular expression built from the pattern', () => {
    const chars = fc.string({ unit: fc.constantFrom('a', 'b', '-') });
    const pattern = fc.string({ unit: fc.constantFrom('a', 'b', '*') });
    fc.assert(
      fc.property(chars, pattern, (name, p) => {
        const re = new RegExp(`^${p.split('*').join('.*')}$`);
        expect(matchesContainerPattern(name, p)).toBe(re.test(name));
      }),
    );
  });
});

describe('selectContainers', () => {
  it('returns containers then init containers, as live references', () => {
    const spec = {
      initContainers: [{ name: 'init' }],
      containers: [{ name: 'app' }, { name: 'sidecar' }],
    };
    const got = selectContainers(spec, '*');
    expect(got.map((c) => c.name)).toEqual(['app', 'sidecar', 'init']);
    got[0]!.image = 'x';
    expect(spec.containers[0]).toEqual({ name: 'app', image: 'x' });
    expect(selectContainers(spec, 'nope')).toEqual([]);
    expect(selectContainers({ containers: 'bad' }, '*')).toEqual([]);
  });
});
