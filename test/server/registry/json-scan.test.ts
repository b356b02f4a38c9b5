import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { JsonSyntaxError, parseJsonWithDuplicates } from '../../../src/server/registry/json-scan.js';

describe('parseJsonWithDuplicates', () => {
  it('parses what JSON.stringify writes, like JSON.parse', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (v) => {
        const text = JSON.stringify(v);
        expect(parseJsonWithDuplicates(text).value).toEqual(JSON.parse(text));
        expect(parseJsonWithDuplicates(text).duplicates).toEqual([]);
      }),
    );
  });

  it('reports duplicate keys with their field paths, last value winning', () => {
    const r = parseJsonWithDuplicates(
      '{"metadata":{"name":"a","name":"b"},"spec":{"containers":[{"name":"x","image":"i","image":"j"}]}}',
    );
    expect(r.duplicates).toEqual(['metadata.name', 'spec.containers[0].image']);
    expect(r.value).toEqual({ metadata: { name: 'b' }, spec: { containers: [{ name: 'x', image: 'j' }] } });
  });

  it('keeps a __proto__ key as data', () => {
    const r = parseJsonWithDuplicates('{"__proto__":{"x":1}}').value as Record<string, unknown>;
    expect(Object.keys(r)).toEqual(['__proto__']);
    expect(({} as Record<string, unknown>).x).toBeUndefined();
  });

  it.each([
    ['', 'unexpected end of JSON input'],
    ['{', 'unexpected end of JSON input'],
    ['x', "invalid character 'x' looking for beginning of value"],
    ['{"a" 1}', "invalid character '1' after object key"],
    ['{"a":1 "b":2}', `invalid character '"' after object key:value pair`],
    ['{a:1}', "invalid character 'a' looking for beginning of object key string"],
    ['[1 2]', "invalid character '2' after array element"],
    ['{} x', "invalid character 'x' after top-level value"],
    ['tru', 'unexpected end of JSON input'],
  ])('fails on %j with Go text %j', (text, message) => {
    expect(() => parseJsonWithDuplicates(text)).toThrow(new JsonSyntaxError(message));
  });
});
