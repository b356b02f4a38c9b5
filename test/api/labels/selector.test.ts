import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  formatLabels,
  labelsConflict,
  labelsString,
  mergeLabels,
  newRequirement,
  type Operator,
  parseRequirements,
  parseSelector,
  Requirement,
  Selector,
  SelectorError,
  selectorFromSet,
  validatedSelectorFromSet,
} from '../../../src/api/labels/index.js';

const NAME_REGEX =
  "name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')";
const VALUE_REGEX =
  "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')";

// Selector -> labels.Parse's error, as real kubectl v1.35 printed it (`kubectl set selector`).
const ERRORS: ReadonlyArray<[string, string]> = [
  ['a@b=c', `unable to parse requirement: <nil>: Invalid value: "a@b": ${NAME_REGEX}`],
  ['a b', "unable to parse requirement: found 'b', expected: in, notin, =, ==, !=, gt, lt"],
  ['x in (a', "unable to parse requirement: found '', expected: ',' or ')'"],
  ['x in a', "unable to parse requirement: found 'a' expected: '('"],
  ['x in (a b)', "unable to parse requirement: found 'b', expected: ',' or ')'"],
  ['a=b,', "found '', expected: identifier after ','"],
  [',a', "found ',', expected: !, identifier, or 'end of string'"],
  ['a,,b', "found ',', expected: identifier after ','"],
  ['!a=b', "found '=', expected: ',' or 'end of string'"],
  [
    'a<x',
    "unable to parse requirement: values[0]: Invalid value: \"x\": for 'Gt', 'Lt' operators, the value must be an integer",
  ],
  ['a=b c', "found 'c', expected: ',' or 'end of string'"],
  ['a=b=c', "found '=', expected: ',' or 'end of string'"],
  ['a in (=)', "unable to parse requirement: found '=', expected: ',', ')' or identifier"],
  ['=a', "found '=', expected: !, identifier, or 'end of string'"],
  ['a (b)', "unable to parse requirement: found '(', expected: in, notin, =, ==, !=, gt, lt"],
  ['a=$x', `unable to parse requirement: values[0][a]: Invalid value: "$x": ${VALUE_REGEX}`],
  ['a_b=c_', `unable to parse requirement: values[0][a_b]: Invalid value: "c_": ${VALUE_REGEX}`],
  ['/a=b', 'unable to parse requirement: <nil>: Invalid value: "/a": prefix part must be non-empty'],
  ['a=b!', "found '!', expected: ',' or 'end of string'"],
  ['a=!b', "unable to parse requirement: found '!', expected: identifier"],
  ['a=(', "unable to parse requirement: found '(', expected: identifier"],
  ['a in ((', "unable to parse requirement: found '(', expected: ',', ')' or identifier"],
  [
    `p/${'a'.repeat(64)}=x`,
    `unable to parse requirement: <nil>: Invalid value: "p/${'a'.repeat(64)}": name part must be no more than 63 bytes`,
  ],
  [
    `a=${'a'.repeat(64)}`,
    `unable to parse requirement: values[0][a]: Invalid value: "${'a'.repeat(64)}": must be no more than 63 bytes`,
  ],
  ['a in (b,c d)', "unable to parse requirement: found 'd', expected: ',' or ')'"],
  ['a<-2', `unable to parse requirement: values[0][a]: Invalid value: "-2": ${VALUE_REGEX}`],
];

describe('parseSelector errors', () => {
  it.each(ERRORS)('%s', (input, message) => {
    expect(() => parseSelector(input)).toThrow(new SelectorError(message));
  });

  it('aggregates several bad values in brackets', () => {
    expect(() => parseSelector('k in (a_,b_)')).toThrow(
      `unable to parse requirement: [values[0][k]: Invalid value: "a_": ${VALUE_REGEX}, values[1][k]: Invalid value: "b_": ${VALUE_REGEX}]`,
    );
  });

  it('uses a given field path', () => {
    expect(() => parseSelector('a@=b', 'spec.selector')).toThrow(
      `unable to parse requirement: spec.selector: Invalid value: "a@": ${NAME_REGEX}`,
    );
  });
});

describe('parseSelector canonical form', () => {
  const CASES: ReadonlyArray<[string, string]> = [
    ['', ''],
    ['a in (a,b),b notin (c),!d,e', 'a in (a,b),b notin (c),!d,e'],
    [' a = b , c in ( d , e ) ', 'a=b,c in (d,e)'],
    ['x in (,a,,b,)', 'x in (,a,b)'],
    ['x in (,)', 'x in ()'],
    ['x notin ()', 'x notin ()'],
    ['in in (in, notin)', 'in in (in,notin)'],
    ['z=1,a==2,m!=3', 'a==2,m!=3,z=1'],
    ['x in (c,b,a,b)', 'x in (a,b,c)'],
    ['a>1,b<20', 'a>1,b<20'],
    ['a=', 'a='],
    ['\ta\n=\rb', 'a=b'],
    ['example.com/app=web', 'example.com/app=web'],
  ];
  it.each(CASES)('%j -> %j', (input, expected) => {
    expect(parseSelector(input).toString()).toBe(expected);
  });
});

describe('matching', () => {
  const labels = { app: 'web', tier: 'front', n: '5' };
  const CASES: ReadonlyArray<[string, boolean]> = [
    ['', true],
    ['app=web', true],
    ['app==web', true],
    ['app!=web', false],
    ['app!=db', true],
    ['missing!=x', true],
    ['app in (web,db)', true],
    ['app notin (web)', false],
    ['missing notin (x)', true],
    ['missing in (x)', false],
    ['app', true],
    ['!app', false],
    ['!missing', true],
    ['missing', false],
    ['n>4', true],
    ['n>5', false],
    ['n<6', true],
    ['app>1', false],
    ['missing<1', false],
    ['app=web,tier=back', false],
  ];
  it.each(CASES)('%s matches: %s', (sel, expected) => {
    expect(parseSelector(sel).matches(labels)).toBe(expected);
  });

  it('handles Everything and Nothing', () => {
    expect(Selector.everything().matches(undefined)).toBe(true);
    expect(Selector.everything().isEmpty()).toBe(true);
    expect(Selector.nothing().matches({})).toBe(false);
    expect(Selector.nothing().isEmpty()).toBe(false);
    expect(Selector.nothing().isNothing()).toBe(true);
    expect(Selector.nothing().toString()).toBe('');
    expect(Selector.nothing().add(new Requirement('a', 'exists', []))).toBe(Selector.nothing());
  });

  it('reports exact matches', () => {
    const s = parseSelector('a=1,b in (2),c in (3,4),d!=5');
    expect(s.requiresExactMatch('a')).toBe('1');
    expect(s.requiresExactMatch('b')).toBe('2');
    expect(s.requiresExactMatch('c')).toBeUndefined();
    expect(s.requiresExactMatch('d')).toBeUndefined();
    expect(s.requiresExactMatch('zz')).toBeUndefined();
  });

  it('adds requirements in key order', () => {
    const s = parseSelector('b=1').add(newRequirement('a', 'exists', []));
    expect(s.toString()).toBe('a,b=1');
  });
});

describe('newRequirement', () => {
  it('rejects wrong value counts with kube texts', () => {
    expect(() => newRequirement('a', 'in', [])).toThrow(
      "values: Invalid value: []string{}: for 'in', 'notin' operators, values set can't be empty",
    );
    expect(() => newRequirement('a', '=', ['x', 'y'])).toThrow(
      'values: Invalid value: []string{"x", "y"}: exact-match compatibility requires one single value',
    );
    expect(() => newRequirement('a', 'exists', ['x'])).toThrow(
      'values: Invalid value: []string{"x"}: values set must be empty for exists and does not exist',
    );
    expect(() => newRequirement('a', 'gt', ['1', '2'])).toThrow(
      'values: Invalid value: []string{"1", "2"}: for \'Gt\', \'Lt\' operators, exactly one value is required',
    );
    expect(() => newRequirement('a', 'bogus' as Operator, [])).toThrow(
      'operator: Unsupported value: "bogus": supported values: "in", "notin", "=", "==", "!=", "gt", "lt", "exists", "!"',
    );
    expect(() => newRequirement('a b', '=', ['x'])).toThrow(`key: Invalid value: "a b": ${NAME_REGEX}`);
  });

  it('compares requirements', () => {
    expect(newRequirement('a', 'in', ['x']).equals(new Requirement('a', 'in', ['x']))).toBe(true);
    expect(newRequirement('a', 'in', ['x']).equals(new Requirement('a', 'in', ['y']))).toBe(false);
    expect(newRequirement('a', 'in', ['x']).equals(new Requirement('a', 'notin', ['x']))).toBe(false);
  });
});

describe('label sets', () => {
  it('builds selectors from sets', () => {
    expect(selectorFromSet({ b: '2', a: '1' }).toString()).toBe('a=1,b=2');
    expect(selectorFromSet(undefined).isEmpty()).toBe(true);
    expect(validatedSelectorFromSet({ a: '1' }).matches({ a: '1' })).toBe(true);
    expect(() => validatedSelectorFromSet({ 'a b': '1' })).toThrow(SelectorError);
  });

  it('formats, merges and detects conflicts', () => {
    expect(formatLabels({})).toBe('<none>');
    expect(formatLabels(undefined)).toBe('<none>');
    expect(formatLabels({ z: '1', a: '2' })).toBe('a=2,z=1');
    expect(labelsString({})).toBe('');
    expect(labelsString({ b: '', a: 'x' })).toBe('a=x,b=');
    expect(labelsConflict({ a: '1' }, { a: '2' })).toBe(true);
    expect(labelsConflict({ a: '1' }, { a: '1', b: '2' })).toBe(false);
    expect(mergeLabels({ a: '1' }, { a: '2', b: '3' })).toEqual({ a: '2', b: '3' });
    expect(mergeLabels(undefined, undefined)).toEqual({});
  });
});

// ---- properties ----

const segment = fc.stringMatching(/^[A-Za-z0-9]([-A-Za-z0-9_.]{0,8}[A-Za-z0-9])?$/);
const key = fc.oneof(
  segment,
  fc
    .tuple(fc.stringMatching(/^[a-z0-9]([-a-z0-9]{0,6}[a-z0-9])?(\.[a-z0-9]{1,5})?$/), segment)
    .map(([p, n]) => `${p}/${n}`),
);
const value = fc.oneof(fc.constant(''), segment, fc.constantFrom('in', 'notin'));
const requirement = fc.oneof(
  fc.tuple(key, fc.constantFrom<Operator>('=', '==', '!='), value).map(([k, op, v]) => newRequirement(k, op, [v])),
  fc
    .tuple(key, fc.constantFrom<Operator>('in', 'notin'), fc.uniqueArray(value, { minLength: 1, maxLength: 4 }))
    .map(([k, op, vs]) => newRequirement(k, op, vs)),
  fc.tuple(key, fc.constantFrom<Operator>('exists', '!')).map(([k, op]) => newRequirement(k, op, [])),
  fc
    .tuple(key, fc.constantFrom<Operator>('gt', 'lt'), fc.integer({ min: 0, max: 1000 }))
    .map(([k, op, n]) => newRequirement(k, op, [String(n)])),
);
const labelMap = fc.dictionary(fc.oneof(key, fc.constantFrom('a', 'b')), fc.oneof(value, fc.integer().map(String)), {
  maxKeys: 5,
});

describe('selector properties', () => {
  it('String() parses back to the same selector text and the same matches', () => {
    fc.assert(
      fc.property(fc.array(requirement, { maxLength: 5 }), labelMap, (reqs, labels) => {
        const sel = Selector.of(reqs);
        const text = sel.toString();
        const back = parseSelector(text);
        expect(back.toString()).toBe(text);
        expect(back.matches(labels)).toBe(sel.matches(labels));
      }),
    );
  });

  it('requirements come out sorted by key', () => {
    fc.assert(
      fc.property(fc.array(requirement, { maxLength: 5 }), (reqs) => {
        const keys = parseRequirements(Selector.of(reqs).toString()).map((r) => r.key);
        expect(keys).toEqual([...keys].sort());
      }),
    );
  });

  it('a set selector matches exactly its own labels (and supersets)', () => {
    fc.assert(
      fc.property(labelMap, labelMap, (set, extra) => {
        const sel = selectorFromSet(set);
        expect(sel.matches({ ...extra, ...set })).toBe(true);
      }),
    );
  });

  it('parsing arbitrary text only ever throws SelectorError', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[a-z=!(), <>in\-/.]{0,16}$/), (s) => {
        try {
          parseSelector(s);
        } catch (e) {
          expect(e).toBeInstanceOf(SelectorError);
        }
      }),
    );
  });
});
