import { describe, expect, it } from 'vitest';
import {
  createThreeWayJsonMergePatch,
  createThreeWayMergePatch,
  createTwoWayMergePatch,
  NO_PATCH_META,
  PatchError,
  PatchPreconditionError,
  requireKeyUnchanged,
  requireMetadataKeyUnchanged,
} from '../../../src/api/patch/index.js';

// What kubectl apply passes.
const applyPreconditions = [
  requireKeyUnchanged('apiVersion'),
  requireKeyUnchanged('kind'),
  requireMetadataKeyUnchanged('name'),
];

describe('patch preconditions', () => {
  it('accept patches that leave apiVersion, kind and metadata.name alone', () => {
    const o = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'a', labels: { x: '1' } } };
    const m = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'a', labels: { x: '2' } } };
    expect(createTwoWayMergePatch(o, m, NO_PATCH_META, applyPreconditions)).toEqual({
      metadata: { labels: { x: '2' } },
    });
    expect(createThreeWayMergePatch(o, m, o, NO_PATCH_META, true, applyPreconditions)).toEqual({
      metadata: { labels: { x: '2' } },
    });
    expect(createThreeWayJsonMergePatch(o, m, o, applyPreconditions)).toEqual({ metadata: { labels: { x: '2' } } });
  });

  it('reject a changed kind or name with kube text', () => {
    const o = { kind: 'Pod', metadata: { name: 'a' } };
    let err: unknown;
    try {
      createThreeWayMergePatch(
        o,
        { kind: 'Service', metadata: { name: 'a' } },
        o,
        NO_PATCH_META,
        true,
        applyPreconditions,
      );
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(PatchPreconditionError);
    expect(err).toBeInstanceOf(PatchError);
    expect((err as Error).message).toBe('precondition failed for: map[kind:Service]');
    expect(() =>
      createThreeWayJsonMergePatch(o, { kind: 'Pod', metadata: { name: 'b' } }, o, applyPreconditions),
    ).toThrow('precondition failed for: map[metadata:map[name:b]]');
    expect(() => createTwoWayMergePatch(o, { metadata: { name: 'a' } }, NO_PATCH_META, applyPreconditions)).toThrow(
      PatchPreconditionError,
    );
  });

  it('look only where they are told to', () => {
    expect(requireMetadataKeyUnchanged('name')({ metadata: 'x' })).toBe(true);
    expect(requireMetadataKeyUnchanged('name')({ spec: { name: 'x' } })).toBe(true);
    expect(requireKeyUnchanged('kind')({ metadata: { kind: 'x' } })).toBe(true);
  });
});
