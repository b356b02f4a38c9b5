import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseSelector } from '../../../src/api/labels/selector.js';
import { selectorString } from '../../../src/server/registry/scale.js';

const labelKey = fc.stringMatching(/^[a-z]([a-z0-9-]{0,10}[a-z0-9])?$/);
const labelValue = fc.stringMatching(/^([a-z0-9]([a-z0-9._-]{0,10}[a-z0-9])?)?$/);

describe('selectorString', () => {
  it('renders a plain label map (RC .spec.selector) that selects exactly that set', () => {
    fc.assert(
      fc.property(fc.dictionary(labelKey, labelValue, { minKeys: 1, maxKeys: 5 }), (set) => {
        const sel = parseSelector(selectorString(set));
        expect(sel.matches(set)).toBe(true);
        for (const k of Object.keys(set)) {
          expect(sel.matches({ ...set, [k]: `${set[k]}x` })).toBe(false);
        }
      }),
    );
  });

  it('treats matchLabels/matchExpressions as a LabelSelector, and {} as everything', () => {
    expect(selectorString({ matchLabels: { app: 'web' } })).toBe('app=web');
    expect(selectorString({ matchExpressions: [{ key: 'tier', operator: 'In', values: ['a', 'b'] }] })).toBe(
      'tier in (a,b)',
    );
    expect(selectorString({})).toBe('');
    expect(selectorString('app=x')).toBe('app=x');
  });
});
