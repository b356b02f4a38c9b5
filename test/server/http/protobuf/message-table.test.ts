/**
 * The generated table: it covers the catalog, its references resolve, a few field numbers agree
 * with kube's generated.proto, and every message round-trips (random JSON -> protobuf written
 * from the table -> decoder -> the same JSON).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { builtinCatalog } from '../../../../src/server/apis/catalog.js';
import { decodeMessage } from '../../../../src/server/http/protobuf/decode.js';
import {
  type FieldType,
  messageNames,
  messageOfDefinition,
  messageSpec,
} from '../../../../src/server/http/protobuf/message-table.js';
import { goDuration, RESHAPED_MESSAGES, SPECIAL_MESSAGES } from '../../../../src/server/http/protobuf/special-types.js';
import { definitionLookup } from '../../../../src/server/openapi/documents.js';
import { type Bytes, bool, double, int, msg, str } from './wire-builder.js';

describe('coverage', () => {
  it('has a message for every served kind whose Go type kubectl links, and for subresource bodies', () => {
    const catalog = builtinCatalog();
    const missing = catalog.kinds
      .filter((k) => !messageSpec(messageOfDefinition(k.definition) ?? ''))
      .map((k) => `${k.group}/${k.kind}`);
    // Neither kubectl nor helm links kube-aggregator (kubectl sends APIService as JSON).
    expect(missing).toEqual(['apiregistration.k8s.io/APIService']);
    const lookup = definitionLookup(catalog.definitions);
    for (const gvk of [
      { group: 'autoscaling', version: 'v1', kind: 'Scale' },
      { group: 'policy', version: 'v1', kind: 'Eviction' },
      { group: '', version: 'v1', kind: 'Binding' },
      { group: 'authentication.k8s.io', version: 'v1', kind: 'TokenRequest' },
    ]) {
      expect(messageSpec(messageOfDefinition(lookup(gvk) ?? '') ?? ''), gvk.kind).toBeDefined();
    }
  });

  it('resolves every message reference to a table entry or a custom-JSON type', () => {
    const dangling = new Set<string>();
    const visit = (t: FieldType): void => {
      if (t.k === 'pointer' || t.k === 'list') visit(t.elem);
      else if (t.k === 'map') visit(t.value);
      else if ((t.k === 'message' || t.k === 'wrapped') && !messageSpec(t.name) && !SPECIAL_MESSAGES[t.name])
        dangling.add(t.name);
    };
    for (const name of messageNames()) for (const f of messageSpec(name)?.fields ?? []) visit(f.type);
    expect([...dangling]).toEqual([]);
    // Empty Go structs are listed too: they decode from no bytes and refuse any field.
    expect(decodeMessage('scheduling/v1alpha1.BasicSchedulingPolicy', new Uint8Array())).toEqual({});
    expect(() => decodeMessage('scheduling/v1alpha1.BasicSchedulingPolicy', Uint8Array.from([8, 1]))).toThrow(
      /no field 1/,
    );
  });

  it('agrees with field numbers stated in kube generated.proto files', () => {
    const num = (message: string, json: string) => messageSpec(message)?.fields.find((f) => f.json === json)?.num;
    expect(num('~apis/meta/v1.ObjectMeta', 'managedFields')).toBe(17);
    expect(num('~apis/meta/v1.ObjectMeta', 'finalizers')).toBe(14);
    expect(num('rbac/v1.RoleBinding', 'roleRef')).toBe(3);
    expect(num('rbac/v1.PolicyRule', 'nonResourceURLs')).toBe(5);
    expect(num('core/v1.PodSpec', 'ephemeralContainers')).toBe(34);
    expect(num('networking/v1.IngressSpec', 'ingressClassName')).toBe(4);
    expect(num('autoscaling/v2.MetricSpec', 'containerResource')).toBe(7);
    expect(num('core/v1.Secret', 'stringData')).toBe(4);
  });
});

describe('goDuration', () => {
  it('formats like time.Duration.String', () => {
    const cases: Array<[bigint, string]> = [
      [0n, '0s'],
      [1n, '1ns'],
      [1_500n, '1.5µs'],
      [300_000_000n, '300ms'],
      [1_500_000_000n, '1.5s'],
      [3_600_000_000_000n, '1h0m0s'],
      [5_400_000_000_000n, '1h30m0s'],
      [61_000_000_001n, '1m1.000000001s'],
      [-2_000_000_000n, '-2s'],
    ];
    for (const [ns, want] of cases) expect(goDuration(ns)).toBe(want);
  });
});

// ---- round trip ---------------------------------------------------------------------------------

type Json = unknown;

/** JSON values the decoder must print back unchanged for one field type. */
function arb(t: FieldType, depth: number, omit: boolean): fc.Arbitrary<Json> | undefined {
  switch (t.k) {
    case 'scalar':
      if (t.code === 's') return omit ? fc.string({ minLength: 1, maxLength: 6 }) : fc.string({ maxLength: 6 });
      if (t.code === 'b') return omit ? fc.constant(true) : fc.boolean();
      if (t.code === 'i') return fc.integer({ min: omit ? 1 : -(2 ** 31), max: 2 ** 31 - 1 });
      if (t.code === 'd') return fc.integer({ min: omit ? 1 : -1000, max: 1000 }).map((n) => n / 4);
      if (t.code === 'y')
        return fc.uint8Array({ minLength: omit ? 1 : 0, maxLength: 4 }).map((b) => Buffer.from(b).toString('base64'));
      return undefined;
    case 'pointer':
      return arb(t.elem, depth, false);
    case 'list': {
      const e = arb(t.elem, depth, false);
      return e && fc.array(e, { minLength: 1, maxLength: 2 });
    }
    case 'map': {
      const v = arb(t.value, depth, false);
      return v && fc.dictionary(fc.string({ minLength: 1, maxLength: 4 }), v, { minKeys: 1, maxKeys: 2 });
    }
    case 'wrapped':
      return fc.array(fc.string({ maxLength: 4 }), { minLength: 1, maxLength: 2 });
    case 'message':
      // The schema unions print as one of their members: decode.test.ts covers them.
      return RESHAPED_MESSAGES[t.name] ? undefined : messageArb(t.name, depth);
  }
}

const seconds = fc.integer({ min: 0, max: 4_000_000_000 });
const SPECIAL_ARB: Record<string, fc.Arbitrary<Json>> = {
  '~apis/meta/v1.Time': seconds.map((s) => `${new Date(s * 1000).toISOString().slice(0, 19)}Z`),
  '~apis/meta/v1.MicroTime': fc
    .tuple(seconds, fc.integer({ min: 0, max: 999_999 }))
    .map(([s, us]) => `${new Date(s * 1000).toISOString().slice(0, 19)}.${String(us).padStart(6, '0')}Z`),
  '~api/resource.Quantity': fc.constantFrom('1', '500m', '64Mi', '2Gi'),
  '~util/intstr.IntOrString': fc.oneof(fc.integer({ min: -5, max: 5 }), fc.constantFrom('25%', 'http')),
  '~runtime.RawExtension': fc.dictionary(fc.string({ maxLength: 3 }), fc.integer(), { minKeys: 1, maxKeys: 2 }),
  '~apis/meta/v1.FieldsV1': fc.constant({ 'f:metadata': {} }),
  '+apiextensions/v1.JSON': fc.oneof(fc.integer(), fc.string({ maxLength: 3 }), fc.constant({ a: [1] })),
};

function messageArb(name: string, depth: number): fc.Arbitrary<Json> | undefined {
  if (SPECIAL_ARB[name]) return SPECIAL_ARB[name];
  const spec = messageSpec(name);
  if (!spec || depth > 3) return undefined;
  const parts: Record<string, fc.Arbitrary<Json>> = {};
  for (const f of spec.fields) {
    // Inlined and omitzero structs need JSON-side knowledge the test encoder does not have.
    if (f.json === '...' || f.json === '-' || f.omitzero) continue;
    const a = arb(f.type, depth + 1, f.omitempty);
    if (a) parts[f.json] = a;
  }
  return fc.record(parts, { requiredKeys: [] });
}

function timeBytes(iso: string): Bytes {
  const ms = Date.parse(iso);
  const micro = /\.(\d{6})Z$/.exec(iso)?.[1];
  return [...int(1, Math.floor(ms / 1000)), ...(micro && Number(micro) ? int(2, Number(micro) * 1000) : [])];
}

/** Writes a value of `t` as field `num` (lists as repeated fields, maps as entries). */
function encodeField(num: number, t: FieldType, v: Json): Bytes {
  if (t.k === 'pointer') return encodeField(num, t.elem, v);
  if (t.k === 'list') return (v as Json[]).flatMap((x) => encodeField(num, t.elem, x));
  if (t.k === 'map')
    return Object.entries(v as Record<string, Json>).flatMap(([k, x]) =>
      msg(num, str(1, k), encodeField(2, t.value, x)),
    );
  if (t.k === 'wrapped') return msg(num, ...(v as string[]).map((s) => str(1, s)));
  if (t.k === 'scalar') {
    if (t.code === 's') return str(num, v as string);
    if (t.code === 'b') return bool(num, v as boolean);
    if (t.code === 'y') return msg(num, [...Buffer.from(v as string, 'base64')]);
    if (t.code === 'd') return double(num, v as number);
    return int(num, v as number);
  }
  return msg(num, encodeMessage(t.name, v));
}

function encodeMessage(name: string, v: Json): Bytes {
  if (name.endsWith('v1.Time') || name.endsWith('.MicroTime')) return timeBytes(v as string);
  if (name === '~api/resource.Quantity') return str(1, v as string);
  if (name === '~util/intstr.IntOrString')
    return typeof v === 'number' ? [...int(1, 0), ...int(2, v)] : [...int(1, 1), ...str(3, v as string)];
  if (name === '~runtime.RawExtension' || name === '~apis/meta/v1.FieldsV1' || name === '+apiextensions/v1.JSON')
    return str(1, JSON.stringify(v));
  const spec = messageSpec(name);
  const obj = v as Record<string, Json>;
  return (spec?.fields ?? []).flatMap((f) => (f.json in obj ? encodeField(f.num, f.type, obj[f.json]) : []));
}

describe('round trip over the whole table', () => {
  // Special messages (Time, Quantity, FieldsV1...) render as scalars inside their parents; they are
  // never decoded on their own, so only ordinary messages are sampled at the top.
  const names = messageNames().filter((n) => !RESHAPED_MESSAGES[n] && !SPECIAL_MESSAGES[n]);

  it('decodes what the table says each message holds', () => {
    const sample = fc
      .constantFrom(...names)
      .chain((name) => (messageArb(name, 0) ?? fc.constant({})).map((value) => ({ name, value })));
    fc.assert(
      fc.property(sample, ({ name, value }) => {
        const bytes = Uint8Array.from(encodeMessage(name, value));
        expect(decodeMessage(name, bytes)).toEqual(value);
      }),
      { numRuns: 250 },
    );
  });
});
