import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { aggregateText, goQuote, goStringSlice, invalidText } from '../../../src/api/labels/go-format.js';

describe('Go formatting of selector error values', () => {
  it('quotes like %q', () => {
    expect(goQuote('a"b\\c')).toBe('"a\\"b\\\\c"');
    expect(goQuote('\t\n\x01\x7f')).toBe('"\\t\\n\\x01\\x7f"');
    expect(goQuote('\u0085é')).toBe('"\\u0085é"');
  });

  it('prints slices like %#v', () => {
    expect(goStringSlice([])).toBe('[]string{}');
    expect(goStringSlice(['a', 'b'])).toBe('[]string{"a", "b"}');
    expect(invalidText('values', ['x'], 'bad')).toBe('values: Invalid value: []string{"x"}: bad');
  });

  it('aggregates with de-duplication', () => {
    expect(aggregateText(['a'])).toBe('a');
    expect(aggregateText(['a', 'a'])).toBe('a');
    expect(aggregateText(['a', 'b', 'a'])).toBe('[a, b]');
  });

  it('quotes printable ASCII like JSON', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[\x20-\x7e]*$/), (s) => {
        expect(goQuote(s)).toBe(JSON.stringify(s));
      }),
    );
  });
});
