import fc from 'fast-check';
import yaml from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { toYaml } from '../../../src/server/openapi/v2-protobuf-yaml.js';

describe('toYaml (the text of gnostic Any values)', () => {
  it('writes block YAML as Go encoders do, ending in a newline', () => {
    expect(toYaml([{ group: '', version: 'v1', kind: 'ConfigMap' }])).toBe(
      '- group: ""\n  version: v1\n  kind: ConfigMap\n',
    );
    expect(toYaml({ a: { b: [1, 'x'] }, c: [] })).toBe('a:\n    b:\n        - 1\n        - x\nc: []\n');
    expect(toYaml(true)).toBe('true\n');
    expect(toYaml('merge,retainKeys')).toBe('"merge,retainKeys"\n');
    expect(toYaml({})).toBe('{}\n');
    expect(toYaml(null)).toBe('null\n');
  });

  it('quotes every string a YAML 1.1 reader (Go yaml.v2) would not read back as that string', () => {
    for (const s of [
      '',
      'yes',
      'No',
      'ON',
      'off',
      'y',
      'true',
      'Null',
      '~',
      '1',
      '1.5',
      '0x1f',
      '.inf',
      'a: b',
      '- x',
      '#c',
    ]) {
      expect(toYaml(s)).toBe(`${JSON.stringify(s)}\n`);
    }
    expect(toYaml('atomic')).toBe('atomic\n');
    expect(toYaml('io.k8s.api.core.v1.Pod')).toBe('io.k8s.api.core.v1.Pod\n');
    // Characters YAML 1.1 treats as line breaks or forbids raw are escaped.
    expect(toYaml('a\u2028b\u0085c\u007f')).toBe('"a\\u2028b\\u0085c\\u007f"\n');
  });

  it('writes numbers so they read back as numbers', () => {
    expect(toYaml([0, -3, 2.5, 1e21, 5e-324])).toBe('- 0\n- -3\n- 2.5\n- 1e+21\n- 5e-324\n');
    expect(yaml.load(toYaml([1e21, 5e-324]))).toEqual([1e21, 5e-324]);
  });

  it('refuses values JSON cannot hold', () => {
    expect(() => toYaml({ f: () => 1 })).toThrow(TypeError);
    expect(() => toYaml(Symbol('s'))).toThrow(TypeError);
  });

  it('round-trips any JSON value through a YAML parser', () => {
    const json = fc.jsonValue({ maxDepth: 4 }).filter((v) => !JSON.stringify(v).includes('"__proto__"'));
    fc.assert(
      fc.property(json, (v) => {
        expect(yaml.load(toYaml(v))).toEqual(JSON.parse(JSON.stringify(v)));
      }),
      { numRuns: 300 },
    );
  });
});
