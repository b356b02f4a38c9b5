import { describe, expect, it } from 'vitest';
import { StatusError } from '../../../src/api/status.js';
import { bodyFormat, negotiateOutput, parseAccept, patchTypeOf } from '../../../src/server/http/negotiation.js';

describe('negotiateOutput', () => {
  it('takes the first clause it can serve', () => {
    expect(
      negotiateOutput(
        'application/json;as=Table;v=v1;g=meta.k8s.io,application/json;as=Table;v=v1beta1;g=meta.k8s.io,application/json',
        'list',
      ),
    ).toEqual({ format: 'json', as: 'Table', version: 'v1' });
    expect(negotiateOutput('application/vnd.kubernetes.protobuf,application/json', 'get')).toEqual({ format: 'json' });
    expect(negotiateOutput('application/yaml', 'get')).toEqual({ format: 'yaml' });
    expect(negotiateOutput(undefined, 'get')).toEqual({ format: 'json' });
    expect(negotiateOutput('*/*', 'get')).toEqual({ format: 'json' });
  });
  it('offers conversions only where kube does', () => {
    expect(negotiateOutput('application/json;as=Table;v=v1;g=meta.k8s.io,application/json', 'other')).toEqual({
      format: 'json',
    });
    expect(
      negotiateOutput('application/json;as=PartialObjectMetadataList;v=v1;g=meta.k8s.io,application/json', 'get'),
    ).toEqual({ format: 'json' });
    expect(negotiateOutput('application/json;as=PartialObjectMetadataList;v=v1;g=meta.k8s.io', 'list').as).toBe(
      'PartialObjectMetadataList',
    );
  });
  it('throws 406 when nothing can be served', () => {
    for (const a of [
      'application/vnd.kubernetes.protobuf',
      'text/html',
      'application/json;as=Table;v=v9;g=meta.k8s.io',
    ]) {
      try {
        negotiateOutput(a, 'list');
        expect.unreachable(a);
      } catch (e) {
        expect((e as StatusError).code).toBe(406);
      }
    }
  });
  it('orders by q', () => {
    expect(parseAccept('application/yaml;q=0.5, application/json').map((r) => r.subtype)).toEqual(['json', 'yaml']);
    expect(parseAccept('application/json;q=0')).toEqual([]);
  });
});

describe('body types', () => {
  it('reads JSON and YAML bodies and refuses the rest with 415', () => {
    expect(bodyFormat('application/json; charset=utf-8')).toBe('json');
    expect(bodyFormat('application/yaml')).toBe('yaml');
    expect(bodyFormat(undefined)).toBe('json');
    expect(() => bodyFormat('application/vnd.kubernetes.protobuf')).toThrow(/unknown format/);
  });
  it('maps patch content types', () => {
    expect(patchTypeOf('application/json-patch+json')).toBe('json');
    expect(patchTypeOf('application/merge-patch+json')).toBe('merge');
    expect(patchTypeOf('application/strategic-merge-patch+json')).toBe('strategic');
    expect(patchTypeOf('application/apply-patch+yaml')).toBe('apply');
    expect(() => patchTypeOf('application/json')).toThrow(StatusError);
  });
});
