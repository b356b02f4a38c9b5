import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { printerForFlags } from '../../src/printers/index.js';
import { fixtureNames, loadFixture, render } from './support/render.js';
import { kubectlLocalPrint } from './support/run-kubectl.js';

describe.concurrent('-o yaml / json / name / kyaml match kubectl byte for byte', () => {
  // One kubectl run per format: `label --local -f` on a List prints each fixture in turn.
  for (const output of ['yaml', 'json', 'name', 'kyaml']) {
    it(`${output}: ${fixtureNames().join(', ')}`, async () => {
      const objs = fixtureNames().map(loadFixture);
      const theirs = await kubectlLocalPrint(
        { apiVersion: 'v1', kind: 'List', items: objs },
        ['-o', output],
        `all-${output}.json`,
      );
      expect(theirs.stderr).toBe('');
      let ours = '';
      for (const obj of objs) {
        const r = await render(printerForFlags({ output }), obj);
        expect(r.error).toBeUndefined();
        ours += r.out;
      }
      expect(ours).toBe(theirs.stdout);
    });
  }

  it('managed fields are kept with showManagedFields', async () => {
    const obj = loadFixture('deployment.json');
    const theirs = await kubectlLocalPrint(obj, ['-o', 'yaml', '--show-managed-fields'], 'mf.json');
    const ours = await render(printerForFlags({ output: 'yaml', showManagedFields: true }), obj);
    expect(ours.out).toBe(theirs.stdout);
    expect(ours.out).toContain('managedFields:');
  });
});

// Random JSON values: strings drawn from characters that stress go-yaml's quoting and folding
// rules. (C0 controls other than \t \n \r and DEL are left out: kubectl's YAML reader rejects them.)
const interesting = fc.constantFrom(
  ...Array.from('abcXYZ019 :#-?,[]{}&*!|>\'"%@`.~+_/\\\t\n\reéß日🎉\u00a0\u2028'),
  ' ',
  'yes',
  'no',
  'null',
  'true',
  '0x1F',
  '1e3',
  '- ',
  ': ',
  ' #',
);
const text = fc.array(interesting, { maxLength: 12 }).map((a) => a.join(''));
const longText = fc
  .array(fc.constantFrom('word', 'longerword', ' ', ' ', 'x'), { minLength: 20, maxLength: 60 })
  .map((a) => a.join(''));
const scalar = fc.oneof(
  text,
  longText,
  fc.integer({ min: -1e9, max: 1e9 }),
  fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e25, max: 1e25 }),
  fc.boolean(),
  fc.constant(null),
);
const key = fc.oneof(
  text.filter((s) => s.length > 0),
  fc.constantFrom('a', 'a10', 'a9', 'B', '_x', '10', '2'),
);
const value = fc.letrec((tie) => ({
  node: fc.oneof({ depthSize: 'small' }, scalar, tie('arr'), tie('obj')),
  arr: fc.array(tie('node'), { maxLength: 4 }),
  obj: fc.dictionary(key, tie('node'), { maxKeys: 5 }),
})).node;

describe('property: random objects print like kubectl', () => {
  it('yaml, json and kyaml of 40 random objects (one kubectl run each)', async () => {
    const samples = fc.sample(value, { seed: 4242, numRuns: 40 });
    const objs = samples.map((x, i) => ({
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: `r${i}`, labels: {} },
      x,
    }));
    const list = { apiVersion: 'v1', kind: 'List', items: objs };
    for (const output of ['yaml', 'json', 'kyaml']) {
      const theirs = await kubectlLocalPrint(list, ['-o', output], `random-${output}.json`);
      expect(theirs.stderr).toBe('');
      const printer = () => printerForFlags({ output });
      let ours = '';
      for (const o of objs) ours += (await render(printer(), o)).out;
      expect(ours).toBe(theirs.stdout);
    }
  });
});
