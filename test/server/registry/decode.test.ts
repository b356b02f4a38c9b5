import { describe, expect, it } from 'vitest';
import { builtinCatalog } from '../../../src/server/apis/catalog.js';
import { decodeBody } from '../../../src/server/registry/decode.js';
import { failure } from './registry-fixture.js';

const catalog = builtinCatalog();
const deploy = catalog.byResource('apps', 'v1', 'deployments')!;
const cm = catalog.byResource('', 'v1', 'configmaps')!;
const body = (o: unknown) => Buffer.from(JSON.stringify(o));
const d = (spec: Record<string, unknown>) => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'web' },
  spec,
});

describe('decodeBody', () => {
  it('decodes JSON and YAML alike', () => {
    const json = decodeBody(
      body({ apiVersion: 'v1', kind: 'ConfigMap', data: { a: 'b' } }),
      'application/json',
      cm,
      catalog.definitions,
      'Strict',
    );
    const yaml = decodeBody(
      'apiVersion: v1\nkind: ConfigMap\ndata:\n  a: b\n',
      'application/yaml',
      cm,
      catalog.definitions,
      'Strict',
    );
    expect(yaml.obj).toEqual(json.obj);
    expect(json.warnings).toEqual([]);
  });

  it('Strict rejects unknown fields with every path, Warn warns, Ignore is silent', async () => {
    const raw = body(
      d({ replicas: 1, foo: 1, template: { spec: { containers: [{ name: 'a', image: 'b', bar: true }] } } }),
    );
    const e = await failure(async () => decodeBody(raw, 'application/json', deploy, catalog.definitions, 'Strict'));
    expect(e.code).toBe(400);
    expect(e.message).toBe(
      'Deployment in version "v1" cannot be handled as a Deployment: strict decoding error: unknown field "spec.foo", unknown field "spec.template.spec.containers[0].bar"',
    );
    const warn = decodeBody(raw, 'application/json', deploy, catalog.definitions, 'Warn');
    expect(warn.warnings).toEqual(['unknown field "spec.foo"', 'unknown field "spec.template.spec.containers[0].bar"']);
    expect(decodeBody(raw, 'application/json', deploy, catalog.definitions, 'Ignore').warnings).toEqual([]);
  });

  it('reports duplicate fields', async () => {
    const raw = '{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"a","name":"b"}}';
    const e = await failure(async () => decodeBody(raw, 'application/json', cm, catalog.definitions, 'Strict'));
    expect(e.message).toBe(
      'ConfigMap in version "v1" cannot be handled as a ConfigMap: strict decoding error: duplicate field "metadata.name"',
    );
    expect(decodeBody(raw, 'application/json', cm, catalog.definitions, 'Warn').warnings).toEqual([
      'duplicate field "metadata.name"',
    ]);
  });

  it('reports type errors like Go’s encoding/json, whatever the directive', async () => {
    const e = await failure(async () =>
      decodeBody(body(d({ replicas: 'two' })), 'application/json', deploy, catalog.definitions, 'Ignore'),
    );
    expect(e.message).toBe(
      'Deployment in version "v1" cannot be handled as a Deployment: json: cannot unmarshal string into Go struct field DeploymentSpec.spec.replicas of type int32',
    );
  });

  it('rejects malformed bodies and unknown media types', async () => {
    const bad = await failure(async () => decodeBody('{"a":', 'application/json', cm, catalog.definitions, 'Strict'));
    expect(bad.message).toBe(
      'the object provided is unrecognized (must be of type ConfigMap): couldn\'t get version/kind; json parse error: unexpected end of JSON input ({"a":)',
    );
    const yaml = await failure(async () =>
      decodeBody('a: [1\n', 'application/yaml', cm, catalog.definitions, 'Strict'),
    );
    expect(yaml.message).toContain('error converting YAML to JSON: yaml: line');
    const proto = await failure(async () =>
      decodeBody('x', 'application/vnd.kubernetes.protobuf', cm, catalog.definitions, 'Strict'),
    );
    expect(proto.code).toBe(415);
  });
});
