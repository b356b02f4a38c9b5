/**
 * Protocol-buffer wire reading (varints, length-delimited fields): just enough to walk the
 * messages Kubernetes clients send. Malformed input throws a plain Error; callers turn it into
 * a 400.
 */

export interface WireField {
  num: number;
  /** 0 varint, 1 fixed64, 2 length-delimited, 5 fixed32. */
  wireType: number;
  /** Varints as bigint (int64 safe); fixed values as raw bytes; length-delimited as bytes. */
  varint?: bigint;
  bytes?: Uint8Array;
}

export function readVarint(buf: Uint8Array, pos: number): [bigint, number] {
  let result = 0n;
  let shift = 0n;
  for (let i = 0; i < 10; i++) {
    const b = buf[pos];
    if (b === undefined) throw new Error('truncated varint');
    pos++;
    result |= BigInt(b & 0x7f) << shift;
    if ((b & 0x80) === 0) return [result, pos];
    shift += 7n;
  }
  throw new Error('varint too long');
}

/** Splits a message into its fields, in wire order. */
export function readFields(buf: Uint8Array): WireField[] {
  const out: WireField[] = [];
  let pos = 0;
  while (pos < buf.length) {
    const [key, p1] = readVarint(buf, pos);
    pos = p1;
    const num = Number(key >> 3n);
    const wireType = Number(key & 7n);
    if (num <= 0) throw new Error('invalid field number');
    if (wireType === 0) {
      const [v, p2] = readVarint(buf, pos);
      pos = p2;
      out.push({ num, wireType, varint: v });
    } else if (wireType === 2) {
      const [len, p2] = readVarint(buf, pos);
      const end = p2 + Number(len);
      if (end > buf.length) throw new Error('truncated field');
      out.push({ num, wireType, bytes: buf.subarray(p2, end) });
      pos = end;
    } else if (wireType === 1 || wireType === 5) {
      const size = wireType === 1 ? 8 : 4;
      if (pos + size > buf.length) throw new Error('truncated fixed field');
      out.push({ num, wireType, bytes: buf.subarray(pos, pos + size) });
      pos += size;
    } else throw new Error(`unsupported wire type ${wireType}`);
  }
  return out;
}

/** Two's-complement int64 from a varint. */
export const toInt64 = (v: bigint): bigint => (v >= 1n << 63n ? v - (1n << 64n) : v);
