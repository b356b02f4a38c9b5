import { describe, expect, it } from 'vitest';
import { encodeQuery } from '../../../src/client/rest/client.js';
import { parseWarningHeaders, WarningPrinter } from '../../../src/client/rest/warnings.js';

describe('Warning headers', () => {
  it('parses code-299 warnings, several per header, with escapes', () => {
    expect(
      parseWarningHeaders([
        '299 - "a", 299 - "b \\"c\\""',
        '199 - "misc"',
        '299 agent "d" "Mon, 01 Jan 2026 00:00:00 GMT"',
      ]),
    ).toEqual(['a', 'b "c"', 'd']);
    expect(parseWarningHeaders('garbage')).toEqual([]);
    expect(parseWarningHeaders(undefined)).toEqual([]);
  });

  it('prints each text once', () => {
    const out: string[] = [];
    const p = new WarningPrinter((s) => out.push(s));
    p.handle('299 - "x"');
    p.handle(['299 - "x"', '299 - "y"']);
    expect(out).toEqual(['Warning: x\n', 'Warning: y\n']);
    expect(p.count).toBe(2);
  });
});

describe('query encoding', () => {
  it("escapes like Go's url.Values.Encode", () => {
    expect(encodeQuery({ z: '1', labelSelector: '!canary,app in (a b)', a: ['x', 'y'], skip: undefined })).toBe(
      '?a=x&a=y&labelSelector=%21canary%2Capp+in+%28a+b%29&z=1',
    );
    expect(encodeQuery({})).toBe('');
  });
});
