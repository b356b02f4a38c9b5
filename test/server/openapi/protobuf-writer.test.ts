import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ProtoWriter } from '../../../src/server/openapi/protobuf-writer.js';
import { readFields, readString } from './support/gnostic-reader.js';

const hex = (b: Uint8Array) => Buffer.from(b).toString('hex');

describe('ProtoWriter', () => {
  it('writes the wire format of the protobuf encoding guide', () => {
    // The guide's examples: field 1 = 150, field 2 = "testing", field 3 = {field 1 = 150}.
    expect(hex(new ProtoWriter().int64(1, 150).finish())).toBe('089601');
    expect(hex(new ProtoWriter().string(2, 'testing').finish())).toBe('120774657374696e67');
    expect(hex(new ProtoWriter().message(3, (m) => m.int64(1, 150)).finish())).toBe('1a03089601');
  });

  it('encodes negative int64 as ten bytes of two’s complement', () => {
    expect(hex(new ProtoWriter().int64(1, -1).finish())).toBe(`08${'ff'.repeat(9)}01`);
    const [f] = readFields(new ProtoWriter().int64(1, -(2 ** 40)).finish());
    expect(BigInt.asIntN(64, f?.value as bigint)).toBe(-(2n ** 40n));
  });

  it('writes varints beyond 32 bits without losing bits', () => {
    const big = Number.MAX_SAFE_INTEGER;
    const [f] = readFields(new ProtoWriter().int64(5, big).finish());
    expect(f).toMatchObject({ field: 5, wire: 0, value: BigInt(big) });
  });

  it('writes doubles little-endian in a fixed64 slot and bools as 0/1', () => {
    expect(hex(new ProtoWriter().double(1, 1.5).finish())).toBe('09000000000000f83f');
    expect(hex(new ProtoWriter().bool(2, true).bool(3, false).finish())).toBe('10011800');
  });

  it('writes UTF-8 strings with their byte length', () => {
    const out = new ProtoWriter().string(1, 'é✓😀').finish();
    const f = readFields(out)[0] as Parameters<typeof readString>[0];
    expect((f.value as Uint8Array).length).toBe(2 + 3 + 4);
    expect(readString(f)).toBe('é✓😀');
  });

  it('keeps an empty nested message as a zero-length field', () => {
    expect(hex(new ProtoWriter().message(7, () => {}).finish())).toBe('3a00');
  });

  it('nests messages many levels deep with the reused scratch writers', () => {
    const build = (w: ProtoWriter, depth: number): void => {
      w.string(1, `level ${depth}`);
      if (depth < 20) w.message(2, (m) => build(m, depth + 1));
      w.int64(3, depth);
    };
    const w = new ProtoWriter();
    build(w, 0);
    // A sibling message after a deep one must not see the scratch writers' old bytes.
    w.message(4, (m) => m.int64(1, 1));
    let fields = readFields(w.finish());
    for (let depth = 0; depth <= 20; depth++) {
      expect(readString(fields[0] as never)).toBe(`level ${depth}`);
      const next = fields.find((f) => f.field === 2);
      expect(fields.find((f) => f.field === 3)?.value).toBe(BigInt(depth));
      if (depth === 0) expect(hex(fields.find((f) => f.field === 4)?.value as Uint8Array)).toBe('0801');
      if (!next) break;
      fields = readFields(next.value as Uint8Array);
    }
  });

  it('rejects bad field numbers, unsafe integers and misuse of nested writers', () => {
    const w = new ProtoWriter();
    expect(() => w.int64(0, 1)).toThrow(RangeError);
    expect(() => w.string(2 ** 29, 'x')).toThrow(RangeError);
    expect(() => w.bool(1.5, true)).toThrow(RangeError);
    expect(() => w.int64(1, 2 ** 60)).toThrow(RangeError);
    expect(() => w.int64(1, 0.5)).toThrow(RangeError);
    expect(() => w.message(1, () => w.message(2, () => {}))).toThrow(/nested/);
  });

  it('round-trips random field sequences through an independent reader', () => {
    type Op =
      | { t: 'int'; f: number; v: number }
      | { t: 'str'; f: number; v: string }
      | { t: 'dbl'; f: number; v: number }
      | { t: 'msg'; f: number; v: Op[] };
    const field = fc.integer({ min: 1, max: 2 ** 29 - 1 });
    const { op } = fc.letrec<{ op: Op; ops: Op[] }>((tie) => ({
      op: fc.oneof(
        { depthSize: 'small', withCrossShrink: true },
        fc.record({ t: fc.constant('int' as const), f: field, v: fc.maxSafeInteger() }),
        fc.record({ t: fc.constant('str' as const), f: field, v: fc.string({ unit: 'grapheme' }) }),
        fc.record({ t: fc.constant('dbl' as const), f: field, v: fc.double({ noNaN: true }) }),
        fc.record({ t: fc.constant('msg' as const), f: field, v: tie('ops') }),
      ),
      ops: fc.array(tie('op'), { maxLength: 4 }),
    }));
    const write = (w: ProtoWriter, ops: Op[]) => {
      for (const o of ops) {
        if (o.t === 'int') w.int64(o.f, o.v);
        else if (o.t === 'str') w.string(o.f, o.v);
        else if (o.t === 'dbl') w.double(o.f, o.v);
        else w.message(o.f, (m) => write(m, o.v));
      }
    };
    // Decoded guided by the written ops: a string and a message share a wire type.
    const check = (b: Uint8Array, ops: Op[]) => {
      const fields = readFields(b);
      expect(fields.map((f) => [f.field, f.wire])).toEqual(
        ops.map((o) => [o.f, o.t === 'int' ? 0 : o.t === 'dbl' ? 1 : 2]),
      );
      ops.forEach((o, i) => {
        const f = fields[i] as (typeof fields)[number];
        if (o.t === 'str') expect(readString(f)).toBe(o.v);
        else if (o.t === 'msg') check(f.value as Uint8Array, o.v);
        else if (o.t === 'int') expect(Number(BigInt.asIntN(64, f.value as bigint))).toBe(o.v);
        else {
          const bytes = f.value as Uint8Array;
          expect(new DataView(bytes.buffer, bytes.byteOffset, 8).getFloat64(0, true)).toBe(o.v);
        }
      });
    };
    fc.assert(
      fc.property(fc.array(op, { maxLength: 6 }), (ops) => {
        const w = new ProtoWriter();
        write(w, ops);
        check(w.finish(), ops);
      }),
      { numRuns: 200 },
    );
  });
});
