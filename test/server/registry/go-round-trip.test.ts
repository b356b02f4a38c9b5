import { describe, expect, it } from 'vitest';
import { type Definitions, REF_PREFIX, resolveRef, type SchemaObject } from '../../../src/api/openapi-schema.js';
import { builtinCatalog } from '../../../src/server/apis/catalog.js';
import type { KubeObject } from '../../../src/server/apis/types.js';
import { type MessageSpec, messageSpec } from '../../../src/server/http/protobuf/message-table.js';
import { goRoundTrip, messageOfKindDefinition } from '../../../src/server/registry/go-round-trip.js';

/** The JSON field names of a message, inlined structs included. */
function jsonNames(spec: MessageSpec): Set<string> {
  const out = new Set<string>();
  for (const f of spec.fields) {
    if (f.json === '...' && f.type.k === 'message') {
      const inner = messageSpec(f.type.name);
      if (inner) for (const n of jsonNames(inner)) out.add(n);
    } else if (f.json !== '-') out.add(f.json);
  }
  return out;
}

/** Schema properties the Go structs lack (the round trip would drop them), as `Definition.field`. */
function missingFields(defs: Definitions, definition: string, seen = new Set<string>()): string[] {
  if (seen.has(definition)) return [];
  seen.add(definition);
  const schema = defs[definition];
  const name = messageOfKindDefinition(definition);
  if (!schema?.properties || !name) return [];
  const spec = messageSpec(name) as MessageSpec;
  const names = jsonNames(spec);
  const out: string[] = [];
  for (const [prop, sub] of Object.entries(schema.properties)) {
    if (!names.has(prop) && prop !== 'apiVersion' && prop !== 'kind') out.push(`${definition}.${prop}`);
    for (const ref of refsOf(sub)) out.push(...missingFields(defs, ref, seen));
  }
  return out;
}

function refsOf(s: SchemaObject | undefined): string[] {
  if (!s) return [];
  if (s.$ref) return [s.$ref.slice(REF_PREFIX.length)];
  return [
    ...refsOf(s.items),
    ...refsOf(typeof s.additionalProperties === 'object' ? s.additionalProperties : undefined),
  ];
}

describe('goRoundTrip', () => {
  const catalog = builtinCatalog();
  const defs = catalog.definitions;
  const pod = messageOfKindDefinition('io.k8s.api.core.v1.Pod') as string;
  const deployment = messageOfKindDefinition('io.k8s.api.apps.v1.Deployment') as string;

  it('knows every schema field of every built-in kind it shapes (so it never drops a real field)', () => {
    const shaped = catalog.kinds.filter((k) => messageOfKindDefinition(k.definition));
    expect(shaped.length).toBeGreaterThan(60);
    const missing = shaped.flatMap((k) => (k.definition ? missingFields(defs, k.definition) : []));
    expect(missing).toEqual([]);
    expect(resolveRef(defs, { $ref: `${REF_PREFIX}io.k8s.api.core.v1.Pod` })).toBeDefined();
  });

  it('drops omitempty zero values and unknown fields, keeps zero pointers, orders like Go', () => {
    const out = goRoundTrip(
      {
        apiVersion: 'apps/v1',
        kind: 'Deployment',
        status: {},
        spec: {
          paused: false,
          minReadySeconds: 0,
          replicas: 0,
          template: {
            spec: {
              hostNetwork: false,
              priorityClassName: '',
              containers: [{ image: 'nginx', name: 'c', stdin: false, ports: [{ hostPort: 0, containerPort: 80 }] }],
            },
          },
          selector: { matchLabels: { b: '2', a: '1' } },
        },
        metadata: { name: 'd', labels: {}, finalizers: [] },
        bogus: 1,
      },
      deployment,
    );
    expect(JSON.stringify(out)).toBe(
      JSON.stringify({
        kind: 'Deployment',
        apiVersion: 'apps/v1',
        metadata: { name: 'd' },
        spec: {
          replicas: 0,
          selector: { matchLabels: { a: '1', b: '2' } },
          template: {
            metadata: {},
            spec: { containers: [{ name: 'c', image: 'nginx', ports: [{ containerPort: 80 }], resources: {} }] },
          },
          strategy: {},
        },
        status: {},
      }),
    );
  });

  it('writes fields without omitempty: zero scalars, null lists and times, empty structs', () => {
    const out = goRoundTrip(
      {
        apiVersion: 'v1',
        kind: 'Pod',
        metadata: { name: 'p' },
        spec: { containers: [] },
        status: { conditions: [{ type: 'Ready', status: 'True' }] },
      },
      pod,
    ) as { spec: Record<string, unknown>; status: { conditions: unknown[] } };
    expect(out.spec.containers).toBeNull();
    expect(out.status.conditions[0]).toEqual({
      type: 'Ready',
      status: 'True',
      lastProbeTime: null,
      lastTransitionTime: null,
    });
  });

  it('keeps values it cannot shape (wrong types are validation’s business)', () => {
    const odd = { apiVersion: 'v1', kind: 'Pod', spec: 'nonsense', metadata: { labels: [1] } } as unknown as KubeObject;
    const out = goRoundTrip(odd, pod);
    expect(out).toEqual({ kind: 'Pod', apiVersion: 'v1', spec: 'nonsense', metadata: { labels: [1] }, status: {} });
  });
});
