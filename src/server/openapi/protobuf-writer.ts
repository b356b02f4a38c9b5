/**
 * A minimal protocol buffers writer (proto3 wire format): varints, 64-bit doubles and
 * length-delimited strings, bytes and nested messages. It writes exactly what it is told:
 * proto3's "skip the default value" rule is the caller's choice, because some fields (oneof
 * members, present-but-empty messages) must be written even when they hold a default.
 * Only what the OpenAPI v2 (gnostic) encoder needs; the HTTP layer has its own reader.
 */

/** Protobuf wire types used here. */
export const WireType = { varint: 0, fixed64: 1, lengthDelimited: 2 } as const;

const MAX_FIELD = 2 ** 29 - 1;
const utf8 = new TextEncoder();

export class ProtoWriter {
  private buf = new Uint8Array(256);
  private len = 0;
  /** Scratch writer for nested messages, reused so deep documents do not allocate per message. */
  private child?: ProtoWriter;
  private building = false;

  /** Bytes written so far. */
  get length(): number {
    return this.len;
  }

  private ensure(extra: number): void {
    if (this.len + extra <= this.buf.length) return;
    let size = this.buf.length * 2;
    while (size < this.len + extra) size *= 2;
    const next = new Uint8Array(size);
    next.set(this.buf.subarray(0, this.len));
    this.buf = next;
  }

  /** A bare varint of a non-negative safe integer (numbers above 2^32 cannot use bit ops). */
  private varint(value: number): void {
    this.ensure(10);
    let v = value;
    while (v >= 0x80) {
      this.buf[this.len++] = (v % 0x80) | 0x80;
      v = Math.floor(v / 0x80);
    }
    this.buf[this.len++] = v;
  }

  private key(field: number, wireType: number): void {
    if (!Number.isInteger(field) || field < 1 || field > MAX_FIELD) {
      throw new RangeError(`protobuf field number must be an integer in 1..${MAX_FIELD}, got ${field}`);
    }
    this.varint(field * 8 + wireType);
  }

  /**
   * An int64/uint64 varint field. Negative values take ten bytes (two's complement), as
   * protobuf encodes int64; non-integers and values beyond ±2^53 are rejected, not rounded.
   */
  int64(field: number, value: number): this {
    if (!Number.isSafeInteger(value)) throw new RangeError(`protobuf int64 needs a safe integer, got ${value}`);
    this.key(field, WireType.varint);
    if (value >= 0) {
      this.varint(value);
      return this;
    }
    let v = BigInt.asUintN(64, BigInt(value));
    this.ensure(10);
    for (let i = 0; i < 9; i++) {
      this.buf[this.len++] = Number(v & 0x7fn) | 0x80;
      v >>= 7n;
    }
    this.buf[this.len++] = Number(v);
    return this;
  }

  /** A bool field (varint 0 or 1). */
  bool(field: number, value: boolean): this {
    this.key(field, WireType.varint);
    this.varint(value ? 1 : 0);
    return this;
  }

  /** A double field: IEEE 754 little-endian in a fixed64 slot. */
  double(field: number, value: number): this {
    this.key(field, WireType.fixed64);
    this.ensure(8);
    new DataView(this.buf.buffer, this.buf.byteOffset + this.len, 8).setFloat64(0, value, true);
    this.len += 8;
    return this;
  }

  /** A string field, UTF-8 encoded (lone surrogates become U+FFFD, as any UTF-8 encoder does). */
  string(field: number, value: string): this {
    const size = Buffer.byteLength(value, 'utf8');
    this.key(field, WireType.lengthDelimited);
    this.varint(size);
    this.ensure(size);
    utf8.encodeInto(value, this.buf.subarray(this.len, this.len + size));
    this.len += size;
    return this;
  }

  /** A bytes field. */
  bytes(field: number, value: Uint8Array): this {
    this.key(field, WireType.lengthDelimited);
    this.varint(value.length);
    this.ensure(value.length);
    this.buf.set(value, this.len);
    this.len += value.length;
    return this;
  }

  /**
   * A nested message field: `build` writes the message's own fields into a fresh writer and the
   * result is framed with its length. An empty message is still written (zero length), which is
   * how a set-but-empty submessage is told apart from an absent one.
   */
  message(field: number, build: (w: ProtoWriter) => void): this {
    if (this.building) throw new Error('ProtoWriter.message: write nested fields into the writer passed to build');
    this.child ??= new ProtoWriter();
    const child = this.child;
    child.len = 0;
    this.building = true;
    try {
      build(child);
    } finally {
      this.building = false;
    }
    return this.bytes(field, child.buf.subarray(0, child.len));
  }

  /** The bytes written; the writer may keep being used afterwards. */
  finish(): Uint8Array {
    return this.buf.slice(0, this.len);
  }
}
