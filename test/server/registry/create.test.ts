import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { NAME_SUFFIX_ALPHABET } from '../../../src/server/registry/object-meta.js';
import { configMap, ctx, deployment, type Fixture, failure, openRegistry, write } from './registry-fixture.js';

let f: Fixture;
beforeEach(async () => {
  f = await openRegistry();
});
afterEach(async () => {
  await f.close();
});

const cms = () => f.registry.store('', 'v1', 'configmaps')!;

describe('create', () => {
  it('fills uid, creationTimestamp, resourceVersion and an Update managedFields entry', async () => {
    const obj = await cms().create(ctx(), configMap('a', { k: 'v' }), write());
    const m = obj.metadata!;
    expect(m.namespace).toBe('default');
    expect(m.uid).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(m.creationTimestamp).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    expect(Number(m.resourceVersion)).toBeGreaterThan(0);
    expect(m.generation).toBeUndefined();
    expect(m.managedFields).toEqual([
      expect.objectContaining({
        manager: 'kubectl-create',
        operation: 'Update',
        apiVersion: 'v1',
        fieldsType: 'FieldsV1',
        fieldsV1: { 'f:data': { '.': {}, 'f:k': {} } },
      }),
    ]);
    const got = await cms().get(ctx(), 'a');
    expect(got).toEqual(obj);
  });

  it('sets generation 1 on kinds that track it', async () => {
    const d = await f.registry.store('apps', 'v1', 'deployments')!.create(ctx(), deployment('web'), write());
    expect(d.metadata?.generation).toBe(1);
  });

  it('generates names from generateName with kube’s alphabet', async () => {
    const obj = await cms().create(ctx(), { metadata: { generateName: 'cfg-' } }, write());
    const name = obj.metadata!.name!;
    expect(name).toMatch(new RegExp(`^cfg-[${NAME_SUFFIX_ALPHABET}]{5}$`));
  });

  it('rejects duplicates with AlreadyExists', async () => {
    await cms().create(ctx(), configMap('dup'), write());
    const e = await failure(() => cms().create(ctx(), configMap('dup'), write()));
    expect(e.code).toBe(409);
    expect(e.message).toBe('configmaps "dup" already exists');
  });

  it('rejects a namespace that differs from the URL’s', async () => {
    const e = await failure(() => cms().create(ctx(), configMap('x', {}, { namespace: 'other' }), write()));
    expect(e.code).toBe(400);
    expect(e.message).toBe('the namespace of the provided object does not match the namespace sent on the request');
  });

  it('rejects a set resourceVersion', async () => {
    const e = await failure(() => cms().create(ctx(), configMap('x', {}, { resourceVersion: '5' }), write()));
    expect(e.message).toBe('resourceVersion should not be set on objects to be created');
  });

  it('checks apiVersion and kind against the URL', async () => {
    const wrongVersion = await failure(() => cms().create(ctx(), { ...configMap('x'), apiVersion: 'v2' }, write()));
    expect(wrongVersion.message).toBe('the API version in the data (v2) does not match the expected API version (v1)');
    const otherKind = await failure(() => cms().create(ctx(), { ...configMap('x'), kind: 'Secret' }, write()));
    expect(otherKind.message).toBe(
      'Secret in version "v1" cannot be handled as a ConfigMap: converting (v1.Secret) to (core.ConfigMap): unknown conversion',
    );
    const unknownKind = await failure(() => cms().create(ctx(), { ...configMap('x'), kind: 'Foo' }, write()));
    expect(unknownKind.message).toContain('no kind "Foo" is registered for version "v1"');
  });

  it('validates names with kube’s messages', async () => {
    const e = await failure(() => cms().create(ctx(), configMap('Bad_Name'), write()));
    expect(e.code).toBe(422);
    expect(e.message).toBe(
      `ConfigMap "Bad_Name" is invalid: metadata.name: Invalid value: "Bad_Name": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')`,
    );
    const ns = await failure(() =>
      f.registry.store('', 'v1', 'namespaces')!.create(ctx(''), { metadata: { name: 'a.b' } }, write()),
    );
    expect(ns.message).toBe('Namespace "a.b" is invalid: metadata.name: Invalid value: "a.b": must not contain dots');
  });

  it('validates labels and caps the annotations’ total size', async () => {
    const bad = await failure(() => cms().create(ctx(), configMap('x', {}, { labels: { 'a b': 'c' } }), write()));
    expect(bad.message).toContain(
      'ConfigMap "x" is invalid: metadata.labels: Invalid value: "a b": name part must consist of',
    );
    const big = await failure(() =>
      cms().create(ctx(), configMap('y', {}, { annotations: { a: 'x'.repeat(256 * 1024) } }), write()),
    );
    expect(big.message).toMatch(/^ConfigMap "y" is invalid: metadata.annotations: Too long: .*262144 bytes$/);
  });

  it('dryRun runs the whole pipeline without writing', async () => {
    const obj = await cms().create(ctx(), configMap('dry'), write({ dryRun: true }));
    expect(obj.metadata?.uid).toBeTruthy();
    const e = await failure(() => cms().get(ctx(), 'dry'));
    expect(e.code).toBe(404);
    const invalid = await failure(() => cms().create(ctx(), configMap('Bad'), write({ dryRun: true })));
    expect(invalid.code).toBe(422);
  });

  it('refuses content in a missing namespace with NotFound', async () => {
    const e = await failure(() => cms().create(ctx('nope'), configMap('x'), write()));
    expect(e.code).toBe(404);
    expect(e.message).toBe('namespaces "nope" not found');
  });
});
