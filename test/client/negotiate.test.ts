import { describe, expect, it } from 'vitest';
import {
  ACCEPT_AGGREGATED_DISCOVERY,
  ACCEPT_TABLE,
  aggregatedDiscoveryVersion,
  decodeJsonOrYaml,
  isTableResponse,
  parseMediaType,
} from '../../src/client/negotiate.js';

describe('negotiation', () => {
  it("sends kubectl's Accept values", () => {
    expect(ACCEPT_TABLE).toBe(
      'application/json;as=Table;v=v1;g=meta.k8s.io,application/json;as=Table;v=v1beta1;g=meta.k8s.io,application/json',
    );
    expect(ACCEPT_AGGREGATED_DISCOVERY).toBe(
      'application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList,application/json;g=apidiscovery.k8s.io;v=v2beta1;as=APIGroupDiscoveryList,application/json',
    );
  });

  it('recognises answers', () => {
    expect(parseMediaType('Application/JSON; charset=utf-8;as=Table')).toEqual({
      type: 'application/json',
      params: { charset: 'utf-8', as: 'Table' },
    });
    expect(aggregatedDiscoveryVersion('application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList')).toBe(
      'v2',
    );
    expect(
      aggregatedDiscoveryVersion('application/json;g=apidiscovery.k8s.io;v=v2beta1;as=APIGroupDiscoveryList'),
    ).toBe('v2beta1');
    expect(aggregatedDiscoveryVersion('application/json')).toBeUndefined();
    expect(isTableResponse('application/json;as=Table;v=v1;g=meta.k8s.io', {})).toBe(true);
    expect(isTableResponse('application/json', { kind: 'Table', apiVersion: 'meta.k8s.io/v1' })).toBe(true);
    expect(isTableResponse('application/json', { kind: 'PodList', apiVersion: 'v1' })).toBe(false);
  });

  it('decodes JSON or YAML input', () => {
    expect(decodeJsonOrYaml('{"a": 1}')).toEqual({ a: 1 });
    expect(decodeJsonOrYaml('a: 1\nb: [x]\n')).toEqual({ a: 1, b: ['x'] });
    expect(decodeJsonOrYaml('{a: 1}')).toEqual({ a: 1 });
  });
});
