import { describe, expect, it } from 'vitest';
import { goJsonKindName, goTypeName, goValue } from '../../../src/api/patch/go-value-format.js';
import * as patchApi from '../../../src/api/patch/index.js';

describe('goValue (Go %v of decoded JSON)', () => {
  it.each([
    [null, '<nil>'],
    ['x y', 'x y'],
    [true, 'true'],
    [42, '42'],
    [0, '0'],
    [1.5, '1.5'],
    [-0.25, '-0.25'],
    [1234567.5, '1.2345675e+06'],
    [123456.5, '123456.5'],
    [-2.5e-12, '-2.5e-12'],
    [1.5e-7, '1.5e-07'],
    [1e-4, '0.0001'],
    [[1, 'a', [true]], '[1 a [true]]'],
    [{ b: 1, a: { c: null } }, 'map[a:map[c:<nil>] b:1]'],
  ])('%j -> %s', (value, text) => {
    expect(goValue(value)).toBe(text);
  });
});

describe('Go type and kind names', () => {
  it('names reflect types', () => {
    expect([null, [], {}, 1, 1.5, true, 's'].map(goTypeName)).toEqual([
      '%!s(<nil>)',
      '[]interface {}',
      'map[string]interface {}',
      'int64',
      'float64',
      'bool',
      'string',
    ]);
  });

  it('names JSON kinds as encoding/json does', () => {
    expect([null, [], {}, 1, true, 's'].map(goJsonKindName)).toEqual([
      'null',
      'array',
      'object',
      'number',
      'bool',
      'string',
    ]);
  });
});

describe('public API', () => {
  it('re-exports the patch functions from one place', () => {
    const fns = [
      patchApi.applyJsonPatch,
      patchApi.applyMergePatch,
      patchApi.createMergePatch,
      patchApi.createThreeWayJsonMergePatch,
      patchApi.applyStrategicMergePatch,
      patchApi.createTwoWayMergePatch,
      patchApi.createThreeWayMergePatch,
      patchApi.patchMetaFromSchema,
    ];
    for (const fn of fns) expect(typeof fn).toBe('function');
    expect(patchApi.NO_PATCH_META.name).toBe('<none>');
    expect(new patchApi.PatchConflictError('x')).toBeInstanceOf(patchApi.PatchError);
  });
});
