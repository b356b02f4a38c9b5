import { describe, expect, it } from 'vitest';
import type { Definitions } from '../../../src/api/openapi-schema.js';
import { extractRetainKeysPatchStrategy } from '../../../src/api/patch/strategic-merge/field-strategy.js';
import {
  NO_PATCH_META,
  parseStrategies,
  patchMetaFromSchema,
} from '../../../src/api/patch/strategic-merge/patch-meta.js';
import { DEPLOYMENT, kubeDefinitions, POD } from './kube-schema-fixture.js';

describe('patchMetaFromSchema', () => {
  const pod = patchMetaFromSchema(kubeDefinitions, POD);

  it('follows $ref to find field strategies and merge keys', () => {
    const spec = pod.lookupField('spec');
    expect(spec.meta).toEqual({ strategies: [] });
    expect(spec.sub?.name).toBe('io.k8s.api.core.v1.PodSpec');
    const containers = spec.sub?.lookupField('containers');
    expect(containers?.meta).toEqual({ strategies: ['merge'], mergeKey: 'name' });
    const container = containers?.sub?.lookupItems();
    expect(container?.name).toBe('io.k8s.api.core.v1.Container');
    expect(container?.lookupField('ports').meta).toEqual({ strategies: ['merge'], mergeKey: 'containerPort' });
    expect(spec.sub?.lookupField('volumes').meta).toEqual({ strategies: ['merge', 'retainKeys'], mergeKey: 'name' });
  });

  it('reads the strategy declared next to a $ref', () => {
    const deployment = patchMetaFromSchema(kubeDefinitions, DEPLOYMENT);
    const strategy = deployment.lookupField('spec').sub?.lookupField('strategy');
    expect(strategy?.meta).toEqual({ strategies: ['retainKeys'] });
    expect(strategy?.sub?.name).toBe('io.k8s.api.apps.v1.DeploymentStrategy');
  });

  it('answers map keys with the additionalProperties schema', () => {
    const limits = pod
      .lookupField('spec')
      .sub?.lookupField('containers')
      .sub?.lookupItems()
      ?.lookupField('resources')
      .sub?.lookupField('limits');
    expect(limits?.sub?.name).toBe('object');
    expect(limits?.sub?.lookupField('cpu').meta).toEqual({ strategies: [] });
    expect(limits?.sub?.lookupField('cpu').sub?.name).toBe('string');
  });

  it('answers unknown fields, scalars and non-arrays with empty metadata', () => {
    expect(pod.lookupField('nope')).toEqual({ meta: { strategies: [] } });
    expect(pod.lookupField('__proto__')).toEqual({ meta: { strategies: [] } });
    expect(pod.lookupItems()).toBeUndefined();
    expect(pod.lookupField('kind').sub?.lookupItems()).toBeUndefined();
  });

  it('reuses lookups and shares metadata of one definition', () => {
    expect(pod.lookupField('spec')).toBe(pod.lookupField('spec'));
    const deployment = patchMetaFromSchema(kubeDefinitions, DEPLOYMENT);
    const template = deployment.lookupField('spec').sub?.lookupField('template').sub;
    const spec = template?.lookupField('spec').sub;
    expect(spec?.lookupField('containers').meta.mergeKey).toBe('name');
    const items = spec?.lookupField('containers').sub;
    expect(items?.lookupItems()).toBe(items?.lookupItems());
  });

  it('gives no sub metadata for a dangling $ref', () => {
    const defs: Definitions = {
      Root: { type: 'object', properties: { x: { $ref: '#/definitions/Missing' } }, additionalProperties: true },
    };
    const root = patchMetaFromSchema(defs, 'Root');
    expect(root.lookupField('x').sub).toBeUndefined();
    // additionalProperties: true says nothing about the values
    expect(root.lookupField('other')).toEqual({ meta: { strategies: [] } });
  });

  it('names inline schemas by type and throws for unknown definitions', () => {
    const defs: Definitions = { Root: { type: 'object', properties: { l: { items: { type: 'string' } } } } };
    expect(patchMetaFromSchema(defs, 'Root').lookupField('l').sub?.name).toBe('<inline>');
    expect(() => patchMetaFromSchema(defs, 'Nope')).toThrow('no OpenAPI definition named Nope');
  });
});

describe('NO_PATCH_META', () => {
  it('knows nothing', () => {
    expect(NO_PATCH_META.lookupField('containers')).toEqual({ meta: { strategies: [] } });
    expect(NO_PATCH_META.lookupItems()).toBeUndefined();
  });
});

describe('strategies', () => {
  it('parses x-kubernetes-patch-strategy', () => {
    expect(parseStrategies(undefined)).toEqual([]);
    expect(parseStrategies('merge')).toEqual(['merge']);
    expect(parseStrategies('merge, retainKeys')).toEqual(['merge', 'retainKeys']);
    expect(parseStrategies(',')).toEqual([]);
  });

  it('splits retainKeys from the other strategy', () => {
    expect(extractRetainKeysPatchStrategy([])).toEqual({ retainKeys: false, strategy: '' });
    expect(extractRetainKeysPatchStrategy(['retainKeys'])).toEqual({ retainKeys: true, strategy: '' });
    expect(extractRetainKeysPatchStrategy(['replace'])).toEqual({ retainKeys: false, strategy: 'replace' });
    expect(extractRetainKeysPatchStrategy(['retainKeys', 'merge'])).toEqual({ retainKeys: true, strategy: 'merge' });
    expect(() => extractRetainKeysPatchStrategy(['merge', 'replace'])).toThrow(
      'unexpected patch strategy: [merge replace]',
    );
    expect(() => extractRetainKeysPatchStrategy(['merge', 'retainKeys', 'replace'])).toThrow(
      'unexpected patch strategy: [merge retainKeys replace]',
    );
  });
});
