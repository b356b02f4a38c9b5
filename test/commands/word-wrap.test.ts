import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { indent, wrapString } from '../../src/cli/explain/word-wrap.js';

describe('wrapString (go-wordwrap)', () => {
  it('breaks before the word that would pass the limit and drops the space there', () => {
    expect(wrapString('aaa bbb ccc', 7)).toBe('aaa bbb\nccc');
    expect(wrapString('a verylongword b', 4)).toBe('a\nverylongword\nb');
    expect(wrapString('keep\nnewlines here', 20)).toBe('keep\nnewlines here');
  });
  it('keeps every non-space character in order, and lines within the limit when words fit', () => {
    fc.assert(
      fc.property(
        fc.array(fc.stringMatching(/^[a-z]{1,8}$/), { maxLength: 30 }),
        fc.integer({ min: 9, max: 40 }),
        (words, lim) => {
          const out = wrapString(words.join(' '), lim);
          expect(out.replace(/\s/g, '')).toBe(words.join(''));
          for (const line of out.split('\n')) expect([...line].length).toBeLessThanOrEqual(lim);
        },
      ),
    );
  });
  it('indent pads every line', () => {
    expect(indent(2, 'a\nb')).toBe('  a\n  b');
  });
});
