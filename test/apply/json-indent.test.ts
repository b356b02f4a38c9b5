import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { goJsonIndent } from '../../src/apply/json-indent.js';

describe('goJsonIndent', () => {
  it('matches JSON.stringify indentation for any JSON value', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (v) => {
        expect(goJsonIndent(JSON.stringify(v), '  ')).toBe(JSON.stringify(v, null, 2));
      }),
    );
  });

  it('keeps escapes, key order and the trailing newline', () => {
    expect(goJsonIndent('{"b":"\\u003c","a":[]}\n')).toBe('{\n  "b": "\\u003c",\n  "a": []\n}\n');
  });
});
