import { describe, expect, it } from 'vitest';
import { hasNames, parseResourceArgs, splitResourceArgument } from '../../src/resource/args.js';

describe('resource arguments', () => {
  it('parses the forms kubectl accepts', () => {
    expect(parseResourceArgs(['pods'])).toEqual({ types: ['pods'], names: [], tuples: [] });
    expect(parseResourceArgs(['pods,svc,pods'])).toEqual({ types: ['pods', 'svc'], names: [], tuples: [] });
    expect(parseResourceArgs(['pods', 'a', 'b'])).toEqual({ types: ['pods'], names: ['a', 'b'], tuples: [] });
    expect(parseResourceArgs(['pods/a', 'svc/b'])).toEqual({
      types: [],
      names: [],
      tuples: [
        { resource: 'pods', name: 'a' },
        { resource: 'svc', name: 'b' },
      ],
    });
    expect(parseResourceArgs(['pods,svc', 'a']).tuples).toEqual([
      { resource: 'pods', name: 'a' },
      { resource: 'svc', name: 'a' },
    ]);
    expect(parseResourceArgs(['all'], (t) => (t === 'all' ? 'pods,services' : t)).types).toEqual(['pods', 'services']);
  });

  it("rejects malformed forms with kubectl's texts", () => {
    expect(() => parseResourceArgs(['pods', 'pods/a'], undefined, 'kubectl')).toThrow(
      "there is no need to specify a resource type as a separate argument when passing arguments in resource/name form (e.g. 'kubectl get resource/<resource_name>' instead of 'kubectl get resource resource/<resource_name>'",
    );
    expect(() => parseResourceArgs(['a/b/c'])).toThrow(
      'arguments in resource/name form may not have more than one slash',
    );
    expect(() => parseResourceArgs(['/b'])).toThrow(
      'arguments in resource/name form must have a single resource and name',
    );
    expect(() => parseResourceArgs(['a,b/c'])).toThrow(
      'arguments in resource/name form must have a single resource and name',
    );
  });

  it('splits and detects names', () => {
    expect(splitResourceArgument('a,b,a,c')).toEqual(['a', 'b', 'c']);
    expect(hasNames(['pods'])).toBe(false);
    expect(hasNames(['pods', 'x'])).toBe(true);
    expect(hasNames(['pods/x'])).toBe(true);
  });
});
