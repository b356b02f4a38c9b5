import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import yaml from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { decodeManifests, expandLists } from '../../src/resource/manifest-decoder.js';

const read = (f: string) => readFileSync(`fixtures/manifests/${f}`, 'utf8');

describe('decodeManifests', () => {
  it('reads multi-document YAML, skipping empty documents', () => {
    expect(decodeManifests(read('app/pods.yaml'), 'pods.yaml').map((o) => o.metadata?.name)).toEqual(['web', 'db']);
  });

  it('reads JSON streams and Lists', () => {
    expect(decodeManifests(read('stream.json'), 's').map((o) => o.metadata?.name)).toEqual(['s1', 's2']);
    const list = decodeManifests(read('app/list.json'), 'l');
    expect(list).toHaveLength(1);
    expect(expandLists(list).map((o) => `${o.apiVersion}/${o.kind}/${o.metadata?.name}`)).toEqual([
      'v1/ConfigMap/settings',
      'apps/v1/Deployment/api',
    ]);
    expect(expandLists([{ apiVersion: 'v1', kind: 'PodList', items: [{ metadata: { name: 'p' } }] }])).toEqual([
      { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' } },
    ]);
  });

  it("reports kubectl's errors", () => {
    expect(() => decodeManifests(read('missing-kind.yaml'), 'missing-kind.yaml')).toThrow(
      `unable to decode "missing-kind.yaml": Object 'Kind' is missing in '{"apiVersion":"v1","metadata":{"name":"nokind"}}'`,
    );
    expect(() => decodeManifests(read('bad-yaml.txt'), 'bad-yaml.txt')).toThrow(
      /^error parsing bad-yaml\.txt: error converting YAML to JSON: yaml: line 5: /,
    );
    expect(() => decodeManifests('kind: Pod\n', 'x')).toThrow(
      `unable to decode "x": Object 'apiVersion' is missing in '{"kind":"Pod"}'`,
    );
    expect(() => decodeManifests('just a string', 'x')).toThrow(/^error parsing x: json: cannot unmarshal string/);
  });

  it('round-trips objects through YAML and JSON (property)', () => {
    const obj = fc.record({
      apiVersion: fc.constantFrom('v1', 'apps/v1'),
      kind: fc.constantFrom('Pod', 'Deployment'),
      metadata: fc.record({
        name: fc.stringMatching(/^[a-z][a-z0-9-]{0,10}$/),
        labels: fc.dictionary(fc.stringMatching(/^[a-z]{1,5}$/), fc.string()),
      }),
    });
    fc.assert(
      fc.property(fc.array(obj, { minLength: 1, maxLength: 5 }), (objs) => {
        const asYaml = objs.map((o) => yaml.dump(o)).join('---\n');
        expect(decodeManifests(asYaml, 'y')).toEqual(objs);
        expect(decodeManifests(objs.map((o) => JSON.stringify(o)).join('\n'), 'j')).toEqual(objs);
      }),
      { numRuns: 40 },
    );
  });
});
