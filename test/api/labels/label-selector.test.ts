import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  formatLabelSelector,
  isQualifiedName,
  isValidLabelValue,
  labelSelectorAsSelector,
  parseSelector,
  parseToLabelSelector,
  SelectorError,
  selectorToLabelSelector,
  validateLabels,
} from '../../../src/api/labels/index.js';
import { fieldErrorString } from '../../../src/api/status.js';

describe('labelSelectorAsSelector', () => {
  it('maps nil to Nothing and {} to Everything', () => {
    expect(labelSelectorAsSelector(null).isNothing()).toBe(true);
    expect(labelSelectorAsSelector(undefined).matches({})).toBe(false);
    expect(labelSelectorAsSelector({}).isEmpty()).toBe(true);
    expect(labelSelectorAsSelector({ matchLabels: {}, matchExpressions: [] }).matches({ a: '1' })).toBe(true);
  });

  it('combines matchLabels and matchExpressions', () => {
    const sel = labelSelectorAsSelector({
      matchLabels: { app: 'web' },
      matchExpressions: [
        { key: 'tier', operator: 'In', values: ['b', 'a'] },
        { key: 'env', operator: 'NotIn', values: ['prod'] },
        { key: 'team', operator: 'Exists' },
        { key: 'canary', operator: 'DoesNotExist' },
      ],
    });
    expect(sel.toString()).toBe('app=web,!canary,env notin (prod),team,tier in (a,b)');
    expect(sel.matches({ app: 'web', tier: 'a', team: 'x' })).toBe(true);
    expect(sel.matches({ app: 'web', tier: 'a', team: 'x', canary: '1' })).toBe(false);
  });

  it('rejects bad operators and values with kube texts', () => {
    expect(() => labelSelectorAsSelector({ matchExpressions: [{ key: 'a', operator: 'Gt', values: ['1'] }] })).toThrow(
      new SelectorError('"Gt" is not a valid label selector operator'),
    );
    expect(() => labelSelectorAsSelector({ matchExpressions: [{ key: 'a', operator: 'In', values: [] }] })).toThrow(
      "values: Invalid value: []string{}: for 'in', 'notin' operators, values set can't be empty",
    );
    expect(() =>
      labelSelectorAsSelector({ matchExpressions: [{ key: 'a', operator: 'Exists', values: ['x'] }] }),
    ).toThrow('values: Invalid value: []string{"x"}: values set must be empty for exists and does not exist');
    expect(() => labelSelectorAsSelector({ matchLabels: { 'a b': 'x' } })).toThrow(
      /^key: Invalid value: "a b": name part/,
    );
  });

  it('formats like metav1.FormatLabelSelector', () => {
    expect(formatLabelSelector({})).toBe('<none>');
    expect(formatLabelSelector(null)).toBe('<none>');
    expect(formatLabelSelector({ matchLabels: { app: 'web' } })).toBe('app=web');
    expect(formatLabelSelector({ matchExpressions: [{ key: 'a', operator: 'Nope' }] })).toBe('<error>');
  });
});

describe('parseToLabelSelector', () => {
  it('splits equality into matchLabels and the rest into expressions', () => {
    expect(parseToLabelSelector('a=1,b==2,c in (y,x),!d,e,f notin (z)')).toEqual({
      matchLabels: { a: '1', b: '2' },
      matchExpressions: [
        { key: 'c', operator: 'In', values: ['x', 'y'] },
        { key: 'd', operator: 'DoesNotExist' },
        { key: 'e', operator: 'Exists' },
        { key: 'f', operator: 'NotIn', values: ['z'] },
      ],
    });
  });

  // Texts as real kubectl v1.35 printed them (`kubectl set selector`).
  it('reports kube errors', () => {
    expect(() => parseToLabelSelector('a!=b')).toThrow('"!=" is not a valid label selector operator');
    expect(() => parseToLabelSelector('a>1')).toThrow('"gt" isn\'t supported in label selectors');
    expect(() => parseToLabelSelector('a b')).toThrow(
      "couldn't parse the selector string \"a b\": unable to parse requirement: found 'b', expected: in, notin, =, ==, !=, gt, lt",
    );
  });

  it('round-trips through labelSelectorAsSelector', () => {
    const key = fc.constantFrom('a', 'b', 'c', 'x.io/d');
    const val = fc.constantFrom('', '1', 'v', 'w');
    const term = fc.oneof(
      fc.tuple(key, val).map(([k, v]) => `${k}=${v}`),
      fc.tuple(key, fc.uniqueArray(val, { minLength: 1, maxLength: 3 })).map(([k, vs]) => `${k} in (${vs.join(',')})`),
      fc
        .tuple(key, fc.uniqueArray(val, { minLength: 1, maxLength: 3 }))
        .map(([k, vs]) => `${k} notin (${vs.join(',')})`),
      key,
      key.map((k) => `!${k}`),
    );
    fc.assert(
      fc.property(
        fc.uniqueArray(term, { maxLength: 4, selector: (t) => t.replace(/^!/, '').split(/[= ]/)[0] }),
        (terms) => {
          const text = terms.join(',');
          const ls = parseToLabelSelector(text);
          const sel = parseSelector(text);
          expect(labelSelectorAsSelector(ls).toString()).toBe(sel.toString().replace(/==/g, '='));
          expect(selectorToLabelSelector(sel.requirements)).toEqual(ls);
        },
      ),
    );
  });
});

describe('label key and value validation', () => {
  it('accepts valid keys and values', () => {
    expect(isQualifiedName('app')).toEqual([]);
    expect(isQualifiedName('example.com/My_Name-1.x')).toEqual([]);
    expect(isValidLabelValue('')).toEqual([]);
    expect(isValidLabelValue('a'.repeat(63))).toEqual([]);
  });

  it('reports kube messages', () => {
    expect(isQualifiedName('')).toEqual([
      'name part must be non-empty',
      "name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')",
    ]);
    expect(isQualifiedName(`${'a'.repeat(64)}`)).toEqual(['name part must be no more than 63 bytes']);
    expect(isQualifiedName('Bad_Prefix/x')).toEqual([
      "prefix part a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')",
    ]);
    expect(isQualifiedName(`${'a'.repeat(254)}/x`)[0]).toBe('prefix part must be no more than 253 bytes');
    expect(isValidLabelValue('a'.repeat(64))).toEqual(['must be no more than 63 bytes']);
    expect(isValidLabelValue('-a')).toHaveLength(1);
  });

  it('validates label maps like metav1 ValidateLabels', () => {
    const errs = validateLabels({ ok: 'fine', 'bad key': 'v', k: 'bad value' }, 'metadata.labels');
    expect(errs.map(fieldErrorString)).toEqual([
      expect.stringMatching(/^metadata\.labels: Invalid value: "bad key": name part must consist/),
      expect.stringMatching(/^metadata\.labels: Invalid value: "bad value": a valid label must be an empty string/),
    ]);
    expect(validateLabels(undefined, 'metadata.labels')).toEqual([]);
  });
});
