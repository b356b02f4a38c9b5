import { describe, expect, it } from 'vitest';
import { type OpenApiDocument, renderExplain, typeGuess } from '../../src/cli/explain/render.js';

const DOC: OpenApiDocument = {
  paths: {
    '/apis/demo.io/v1/namespaces/{namespace}/widgets': {
      get: { 'x-kubernetes-group-version-kind': { group: 'demo.io', version: 'v1', kind: 'Widget' } },
    },
  },
  components: {
    schemas: {
      'io.demo.v1.Widget': {
        description: 'A widget.',
        'x-kubernetes-group-version-kind': [{ group: 'demo.io', version: 'v1', kind: 'Widget' }],
        required: ['spec'],
        properties: {
          spec: { allOf: [{ $ref: '#/components/schemas/io.demo.v1.WidgetSpec' }], description: 'Desired state.' },
          tags: { type: 'array', items: { type: 'string' } },
        },
      },
      'io.demo.v1.WidgetSpec': {
        type: 'object',
        properties: { size: { type: 'string', enum: ['S', 'M', ''], description: 'How big.' } },
      },
    },
  },
};

const render = (path: string[], recursive = false) => {
  let out = '';
  renderExplain(DOC, { group: 'demo.io', version: 'v1', resource: 'widgets' }, path, recursive, (s) => (out += s));
  return out;
};

describe('explain rendering', () => {
  it('prints the header, description and fields with types and -required-', () => {
    expect(render([])).toBe(
      'GROUP:      demo.io\nKIND:       Widget\nVERSION:    v1\n\nDESCRIPTION:\n    A widget.\n    \nFIELDS:\n  spec\t<WidgetSpec> -required-\n    Desired state.\n\n  tags\t<[]string>\n    <no description>\n\n\n',
    );
  });
  it('follows a field path through allOf refs and lists enums', () => {
    expect(render(['spec', 'size'])).toContain('FIELD: size <string>\nENUM:\n    S\n    M\n    ""\n');
    expect(render(['spec'], true)).toContain('FIELDS:\n  size\t<string>\n  enum: S, M, ""\n');
  });
  it('fails for unknown fields after printing the header', () => {
    let out = '';
    expect(() =>
      renderExplain(DOC, { group: 'demo.io', version: 'v1', resource: 'widgets' }, ['nope'], false, (s) => (out += s)),
    ).toThrow('error: field "nope" does not exist');
    expect(out).toBe('GROUP:      demo.io\nKIND:       Widget\nVERSION:    v1\n\n');
  });
  it('guesses map and object types', () => {
    expect(typeGuess({ type: 'object', additionalProperties: { type: 'integer' } }, DOC)).toBe('map[string]integer');
    expect(typeGuess({ type: 'object' }, DOC)).toBe('Object');
  });
});
