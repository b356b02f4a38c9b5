import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { SchemaObject } from '../../../src/api/openapi-schema.js';
import { builtinCatalog } from '../../../src/server/apis/catalog.js';
import { buildOpenApiV2 } from '../../../src/server/openapi/documents.js';
import { encodeOpenApiV2, OpenApiProtoError } from '../../../src/server/openapi/v2-protobuf.js';
import { testCatalog } from '../http/support/fixtures.js';
import { decodeDocument, definitionNames, type Json, readFields, readString } from './support/gnostic-reader.js';

/** What JSON serving sends: the document as a client parses it. */
const asServed = (doc: unknown): Json => JSON.parse(JSON.stringify(doc));

/** Members whose values are free JSON (gnostic Any) or maps of lists; kept whole. */
const OPAQUE = (k: string) => k.startsWith('x-') || ['default', 'example', 'examples', 'enum', 'security'].includes(k);
/** Members that are maps: their keys are names, not swagger fields. */
const MAPS = new Set([
  'definitions',
  'properties',
  'paths',
  'responses',
  'parameters',
  'securityDefinitions',
  'headers',
]);

/**
 * The document as proto3 carries it: scalar fields at their zero value ("", false, 0) and
 * empty repeated fields are not on the wire, so they cannot come back (gnostic loses them too).
 * `additionalProperties: false` is a oneof member and survives.
 */
function protoView(v: unknown, isMap = false): unknown {
  if (Array.isArray(v)) return v.map((x) => protoView(x));
  if (!v || typeof v !== 'object') return v;
  const out: Json = {};
  for (const [k, x] of Object.entries(v)) {
    if (isMap) out[k] = protoView(x);
    else if (OPAQUE(k)) out[k] = x;
    else if (x === '' || x === 0 || (x === false && k !== 'additionalProperties') || (Array.isArray(x) && !x.length))
      continue;
    else out[k] = protoView(x, MAPS.has(k) && !Array.isArray(x));
  }
  return out;
}

describe('encodeOpenApiV2', () => {
  it('round-trips the built-in catalog’s whole v2 document', () => {
    const doc = asServed(buildOpenApiV2(builtinCatalog(), 'v1.35.0'));
    const bytes = encodeOpenApiV2(doc);
    expect(decodeDocument(bytes)).toEqual(protoView(doc));
    // kubectl keeps definitions (and their fields) in wire order: it must be the JSON order.
    expect(definitionNames(bytes)).toEqual(Object.keys(doc.definitions as Json));
  });

  it('round-trips the test catalog, paths and parameters included', () => {
    const doc = asServed(buildOpenApiV2(testCatalog(), 'v1.35.0'));
    const back = decodeDocument(encodeOpenApiV2(doc));
    expect(back).toEqual(protoView(doc));
    const paths = back.paths as Record<string, Json>;
    const item = paths['/api/v1/namespaces/{namespace}/configmaps/{name}'] as Json;
    expect((item.parameters as Json[]).map((p) => p.in)).toEqual(['path', 'path', 'query']);
  });

  it('puts the document fields at gnostic’s numbers', () => {
    const bytes = encodeOpenApiV2({ swagger: '2.0', info: { title: 'Kubernetes', version: 'v1.35.0' }, paths: {} });
    const fields = readFields(bytes);
    expect(fields.map((f) => f.field)).toEqual([1, 2, 8]);
    expect(readString(fields[0] as never)).toBe('2.0');
    const info = readFields(fields[1]?.value as Uint8Array);
    expect(info.map((f) => [f.field, readString(f)])).toEqual([
      [1, 'Kubernetes'],
      [2, 'v1.35.0'],
    ]);
  });

  it('keeps presence where proto3 would otherwise lose it', () => {
    const doc = {
      swagger: '2.0',
      definitions: {
        closed: { type: 'object', additionalProperties: false },
        empty: { type: 'object', properties: {} },
        quiet: { type: 'string', description: '', default: null },
      },
    };
    expect(decodeDocument(encodeOpenApiV2(doc)).definitions).toEqual({
      closed: { type: 'object', additionalProperties: false },
      empty: { type: 'object', properties: {} },
      // "" is proto3's zero value and vanishes, as it does through gnostic.
      quiet: { type: 'string', default: null },
    });
  });

  it('stores vendor extensions as YAML that Go’s yaml.v2 reads back', () => {
    const doc = {
      swagger: '2.0',
      definitions: {
        a: { type: 'object', 'x-kubernetes-group-version-kind': [{ group: '', version: 'v1', kind: 'A' }] },
      },
    };
    const defs = readFields(readFields(encodeOpenApiV2(doc)).find((f) => f.field === 9)?.value as Uint8Array);
    const schema = readFields(readFields(defs[0]?.value as Uint8Array)[1]?.value as Uint8Array);
    const ext = readFields(schema.find((f) => f.field === 31)?.value as Uint8Array);
    expect(readString(ext[0] as never)).toBe('x-kubernetes-group-version-kind');
    const any = readFields(ext[1]?.value as Uint8Array);
    expect(any.map((f) => f.field)).toEqual([2]);
    expect(readString(any[0] as never)).toBe('- group: ""\n  version: v1\n  kind: A\n');
  });

  it('encodes security definitions and requirements', () => {
    const doc = {
      swagger: '2.0',
      securityDefinitions: {
        BearerToken: {
          type: 'apiKey',
          name: 'authorization',
          in: 'header',
          description: 'Bearer Token authentication',
        },
        Basic: { type: 'basic' },
      },
      security: [{ BearerToken: [] }, { Basic: ['a', 'b'] }],
    };
    expect(decodeDocument(encodeOpenApiV2(doc))).toEqual(doc);
    // oauth2 flows pick their own oneof member.
    const oauth = { type: 'oauth2', flow: 'accessCode', authorizationUrl: 'u', tokenUrl: 't', scopes: { r: 'read' } };
    const defs = readFields(
      readFields(encodeOpenApiV2({ securityDefinitions: { o: oauth } })).find((f) => f.field === 13)
        ?.value as Uint8Array,
    );
    const item = readFields(readFields(defs[0]?.value as Uint8Array)[1]?.value as Uint8Array);
    expect(item.map((f) => f.field)).toEqual([6]);
    expect(readFields(item[0]?.value as Uint8Array).map((f) => f.field)).toEqual([1, 2, 3, 4, 5]);
  });

  it('names the JSON pointer of a value of the wrong shape', () => {
    expect(() => encodeOpenApiV2('swagger')).toThrow(OpenApiProtoError);
    expect(() => encodeOpenApiV2({ definitions: { 'a/b': { properties: { x: 'y' } } } })).toThrow(
      'openapi v2 protobuf: /definitions/a~1b/properties/x: expected an object',
    );
    expect(() => encodeOpenApiV2({ definitions: { a: { maxLength: 1.5 } } })).toThrow(/maxLength: expected an integer/);
    expect(() => encodeOpenApiV2({ paths: { '/x': { get: { parameters: [{ name: 'c', in: 'cookie' }] } } } })).toThrow(
      /\/paths\/~1x\/get\/parameters\/0\/in: unknown parameter location "cookie"/,
    );
    expect(() => encodeOpenApiV2({ securityDefinitions: { s: { type: 'mystery' } } })).toThrow(/unknown security/);
  });

  it('round-trips random schema trees', () => {
    const name = fc.stringMatching(/^[a-zA-Z][a-zA-Z0-9.]{0,12}$/);
    const scalar = fc.oneof(fc.string(), fc.integer(), fc.boolean());
    const leaf = {
      type: fc.constantFrom('object', 'array', 'string', 'integer', 'number', 'boolean'),
      format: fc.constantFrom('int32', 'int64', 'byte', 'date-time'),
      description: fc.string({ minLength: 1 }),
      $ref: name.map((n) => `#/definitions/${n}`),
      required: fc.array(name, { maxLength: 3 }),
      enum: fc.array(scalar, { minLength: 1, maxLength: 3 }),
      default: fc.jsonValue({ maxDepth: 2 }).filter((v) => !JSON.stringify(v).includes('"__proto__"')),
      maximum: fc.integer(),
      pattern: fc.string({ minLength: 1 }),
      'x-kubernetes-list-type': fc.constantFrom('atomic', 'set', 'map'),
      'x-kubernetes-list-map-keys': fc.array(name, { minLength: 1, maxLength: 2 }),
      'x-kubernetes-int-or-string': fc.constant(true),
      'x-kubernetes-patch-strategy': fc.constantFrom('merge', 'merge,retainKeys'),
    };
    // Depth-bounded by hand: a letrec over four recursive members grows without bound.
    const schemaAt = (depth: number): fc.Arbitrary<SchemaObject> => {
      if (depth === 0) return fc.record(leaf, { requiredKeys: [] }) as fc.Arbitrary<SchemaObject>;
      const sub = schemaAt(depth - 1);
      return fc.record(
        {
          ...leaf,
          properties: fc.dictionary(name, sub, { maxKeys: 3 }),
          items: sub,
          additionalProperties: fc.oneof(fc.boolean(), sub),
        },
        { requiredKeys: [] },
      ) as fc.Arbitrary<SchemaObject>;
    };
    const schema = schemaAt(2);
    fc.assert(
      fc.property(fc.dictionary(name, schema, { maxKeys: 4 }), (definitions) => {
        const doc = asServed({ swagger: '2.0', definitions });
        // An empty required list and a zero maximum are proto3 zero values: not on the wire, as through gnostic.
        const expected = JSON.parse(
          JSON.stringify(doc, (k, v) =>
            (k === 'required' && v.length === 0) || (k === 'maximum' && v === 0) ? undefined : v,
          ),
        );
        const got = decodeDocument(encodeOpenApiV2(doc));
        expect(got).toEqual(expected);
      }),
      { numRuns: 100 },
    );
  });
});
