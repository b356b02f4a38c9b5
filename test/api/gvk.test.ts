import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  formatGroupKind,
  formatGroupResource,
  formatGroupVersion,
  formatGVK,
  formatGVR,
  gvkFromAPIVersionAndKind,
  gvkGroupKind,
  gvkGroupVersion,
  gvkToAPIVersionAndKind,
  gvrGroupResource,
  parseGroupKind,
  parseGroupResource,
  parseGroupVersion,
  parseKindArg,
  parseResourceArg,
  resourceArgCandidates,
  sameGVK,
  sameGVR,
} from '../../src/api/gvk.js';

describe('GroupVersion', () => {
  it('parses and formats', () => {
    expect(parseGroupVersion('apps/v1')).toEqual({ group: 'apps', version: 'v1' });
    expect(parseGroupVersion('v1')).toEqual({ group: '', version: 'v1' });
    expect(parseGroupVersion('')).toEqual({ group: '', version: '' });
    expect(parseGroupVersion('/')).toEqual({ group: '', version: '' });
    expect(() => parseGroupVersion('a/b/c')).toThrow('unexpected GroupVersion string: a/b/c');
    expect(formatGroupVersion({ group: 'apps', version: 'v1' })).toBe('apps/v1');
    expect(formatGroupVersion({ group: '', version: 'v1' })).toBe('v1');
  });

  it('round-trips', () => {
    const part = fc.stringMatching(/^[a-z0-9.]{1,10}$/);
    fc.assert(
      fc.property(fc.option(part, { nil: '' }), part, (group, version) => {
        expect(parseGroupVersion(formatGroupVersion({ group, version }))).toEqual({ group, version });
      }),
    );
  });
});

describe('GroupVersionKind / Resource', () => {
  it('converts apiVersion+kind', () => {
    expect(gvkFromAPIVersionAndKind('apps/v1', 'Deployment')).toEqual({
      group: 'apps',
      version: 'v1',
      kind: 'Deployment',
    });
    expect(gvkFromAPIVersionAndKind('a/b/c', 'X')).toEqual({ group: '', version: '', kind: 'X' });
    expect(gvkToAPIVersionAndKind({ group: '', version: 'v1', kind: 'Pod' })).toEqual({
      apiVersion: 'v1',
      kind: 'Pod',
    });
  });

  it('prints like kube', () => {
    expect(formatGVK({ group: 'apps', version: 'v1', kind: 'Deployment' })).toBe('apps/v1, Kind=Deployment');
    expect(formatGVK({ group: '', version: 'v1', kind: 'Pod' })).toBe('/v1, Kind=Pod');
    expect(formatGVR({ group: '', version: 'v1', resource: 'pods' })).toBe('/v1, Resource=pods');
    expect(formatGroupResource({ group: 'apps', resource: 'deployments' })).toBe('deployments.apps');
    expect(formatGroupResource({ group: '', resource: 'pods' })).toBe('pods');
    expect(formatGroupKind({ group: 'apps', kind: 'Deployment' })).toBe('Deployment.apps');
    expect(formatGroupKind({ group: '', kind: 'Pod' })).toBe('Pod');
  });

  it('projects and compares', () => {
    const gvk = { group: 'apps', version: 'v1', kind: 'Deployment' };
    const gvr = { group: 'apps', version: 'v1', resource: 'deployments' };
    expect(gvkGroupKind(gvk)).toEqual({ group: 'apps', kind: 'Deployment' });
    expect(gvkGroupVersion(gvk)).toEqual({ group: 'apps', version: 'v1' });
    expect(gvrGroupResource(gvr)).toEqual({ group: 'apps', resource: 'deployments' });
    expect(sameGVK(gvk, { ...gvk })).toBe(true);
    expect(sameGVK(gvk, { ...gvk, version: 'v2' })).toBe(false);
    expect(sameGVR(gvr, { ...gvr })).toBe(true);
    expect(sameGVR(gvr, { ...gvr, resource: 'x' })).toBe(false);
  });
});

describe('resource arguments', () => {
  it('parses both interpretations like schema.ParseResourceArg', () => {
    expect(parseResourceArg('deployments.v1.apps')).toEqual({
      gvr: { group: 'apps', version: 'v1', resource: 'deployments' },
      gr: { group: 'v1.apps', resource: 'deployments' },
    });
    expect(parseResourceArg('deployments.apps')).toEqual({ gr: { group: 'apps', resource: 'deployments' } });
    expect(parseResourceArg('deploy')).toEqual({ gr: { group: '', resource: 'deploy' } });
    expect(parseResourceArg('foos.v1.example.com').gvr).toEqual({
      group: 'example.com',
      version: 'v1',
      resource: 'foos',
    });
    expect(parseGroupResource('a.b.c')).toEqual({ group: 'b.c', resource: 'a' });
  });

  it('parses kinds like schema.ParseKindArg', () => {
    expect(parseKindArg('Deployment.v1.apps')).toEqual({
      gvk: { group: 'apps', version: 'v1', kind: 'Deployment' },
      gk: { group: 'v1.apps', kind: 'Deployment' },
    });
    expect(parseKindArg('Pod')).toEqual({ gk: { group: '', kind: 'Pod' } });
    expect(parseGroupKind('Deployment.apps')).toEqual({ group: 'apps', kind: 'Deployment' });
  });

  it('lists candidates in kubectl order', () => {
    expect(resourceArgCandidates('deployments.v1.apps')).toEqual([
      { resource: 'deployments', version: 'v1', group: 'apps' },
      { resource: 'deployments', group: 'v1.apps' },
    ]);
    expect(resourceArgCandidates('deployments.apps')).toEqual([{ resource: 'deployments', group: 'apps' }]);
    expect(resourceArgCandidates('deploy')).toEqual([{ resource: 'deploy' }]);
  });
});
