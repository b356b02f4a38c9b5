import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  checkSelectableFields,
  defaultFieldAccessor,
  escapeValue,
  FieldSelector,
  FieldSelectorError,
  fieldMatcher,
  fieldSelectorFromSet,
  objectMetaFields,
  oneTermEqualSelector,
  parseFieldSelector,
  unescapeValue,
} from '../../../src/api/fields/index.js';

describe('parseFieldSelector', () => {
  const CANONICAL: ReadonlyArray<[string, string]> = [
    ['', ''],
    ['metadata.name=web', 'metadata.name=web'],
    ['metadata.name==web', 'metadata.name=web'],
    ['status.phase!=Running,spec.nodeName=n1', 'spec.nodeName=n1,status.phase!=Running'],
    ['a=b,,c=d,', 'a=b,c=d'],
    ['a=x\\,y', 'a=x\\,y'],
    ['a=x\\=y\\\\z', 'a=x\\=y\\\\z'],
    ['a=', 'a='],
  ];
  it.each(CANONICAL)('%j -> %j', (input, expected) => {
    expect(parseFieldSelector(input).toString()).toBe(expected);
  });

  it('unescapes values', () => {
    expect(parseFieldSelector('a=x\\,y').requirements).toEqual([{ field: 'a', operator: '=', value: 'x,y' }]);
    expect(parseFieldSelector('a!=\\\\').requirements).toEqual([{ field: 'a', operator: '!=', value: '\\' }]);
  });

  it('reports kube errors', () => {
    expect(() => parseFieldSelector('a')).toThrow(
      new FieldSelectorError("invalid selector: 'a'; can't understand 'a'"),
    );
    expect(() => parseFieldSelector('x=1,b')).toThrow("invalid selector: 'x=1,b'; can't understand 'b'");
    expect(() => parseFieldSelector('a=b=c')).toThrow('invalid field selector: unescaped character in value: 61');
    expect(() => parseFieldSelector('a=\\x')).toThrow('invalid field selector: invalid escape sequence: \\x');
    expect(() => parseFieldSelector('a=b\\')).toThrow('invalid field selector: invalid escape sequence: \\');
    // The first operator splits the term, so `!==` leaves an unescaped '=' in the value.
    expect(() => parseFieldSelector('a!==b')).toThrow('invalid field selector: unescaped character in value: 61');
  });
});

describe('matching', () => {
  const pod = {
    metadata: { name: 'web-1', namespace: 'shop' },
    spec: { nodeName: 'n1' },
    status: { phase: 'Running' },
  };
  const podFields = (p: typeof pod) => ({
    ...objectMetaFields(p),
    'spec.nodeName': p.spec.nodeName,
    'status.phase': p.status.phase,
  });

  it('applies terms to accessor fields', () => {
    expect(fieldMatcher('status.phase=Running', podFields)(pod)).toBe(true);
    expect(fieldMatcher('status.phase!=Running', podFields)(pod)).toBe(false);
    expect(fieldMatcher('spec.nodeName=n1,metadata.namespace=shop', podFields)(pod)).toBe(true);
    expect(fieldMatcher('spec.nodeName=', podFields)(pod)).toBe(false);
    expect(fieldMatcher('', podFields)(pod)).toBe(true);
    expect(fieldMatcher(parseFieldSelector('metadata.name=web-1'), defaultFieldAccessor())(pod)).toBe(true);
  });

  it('reads missing fields as empty', () => {
    expect(parseFieldSelector('x=').matches({})).toBe(true);
    expect(parseFieldSelector('x!=').matches({})).toBe(false);
    expect(objectMetaFields(null, false)).toEqual({ 'metadata.name': '' });
    expect(objectMetaFields({ metadata: { name: 'n' } })).toEqual({ 'metadata.name': 'n', 'metadata.namespace': '' });
  });

  it('checks selectable fields', () => {
    const sel = parseFieldSelector('metadata.name=a,spec.foo=b');
    expect(() => checkSelectableFields(sel, ['metadata.name', 'metadata.namespace'])).toThrow(
      new FieldSelectorError('field label not supported: spec.foo'),
    );
    expect(() => checkSelectableFields(sel, ['metadata.name', 'spec.foo'])).not.toThrow();
  });

  it('exposes exact matches, sets and transforms', () => {
    const sel = parseFieldSelector('a=1,b!=2');
    expect(sel.requiresExactMatch('a')).toBe('1');
    expect(sel.requiresExactMatch('b')).toBeUndefined();
    expect(sel.isEmpty()).toBe(false);
    expect(FieldSelector.everything().isEmpty()).toBe(true);
    expect(sel.transform((f, v) => [`x.${f}`, v.toUpperCase()]).toString()).toBe('x.a=1,x.b!=2');
    expect(fieldSelectorFromSet({ a: 'x,y' }).toString()).toBe('a=x\\,y');
    expect(oneTermEqualSelector('metadata.name', 'n').matches({ 'metadata.name': 'n' })).toBe(true);
  });
});

describe('properties', () => {
  it('escape/unescape round-trip', () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        expect(unescapeValue(escapeValue(s))).toBe(s);
      }),
    );
  });

  it('String() parses back to the same terms', () => {
    const field = fc.stringMatching(/^[a-zA-Z.]{1,12}$/);
    const term = fc.record({ field, operator: fc.constantFrom('=' as const, '!=' as const), value: fc.string() });
    fc.assert(
      fc.property(fc.array(term, { maxLength: 4 }), (terms) => {
        const sel = FieldSelector.of(terms);
        const back = parseFieldSelector(sel.toString());
        const key = (t: { field: string; operator: string; value: string }) => JSON.stringify(t);
        expect(back.requirements.map(key).sort()).toEqual(terms.map(key).sort());
        expect(back.toString()).toBe(parseFieldSelector(back.toString()).toString());
      }),
    );
  });
});
