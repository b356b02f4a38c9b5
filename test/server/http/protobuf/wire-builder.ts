/**
 * A tiny protobuf writer for tests: hand-built message bytes with explicit field numbers, so the
 * decoder is checked against the numbers of kube's generated.proto, not against its own table.
 */

export type Bytes = number[];

export function varint(value: number | bigint): Bytes {
  // Negative int32/int64 values travel as 64-bit two's complement (10 bytes).
  let v = BigInt(value);
  if (v < 0n) v += 1n << 64n;
  const out: Bytes = [];
  while (v > 0x7fn) {
    out.push(Number(v & 0x7fn) | 0x80);
    v >>= 7n;
  }
  out.push(Number(v));
  return out;
}

const key = (num: number, wireType: number): Bytes => varint((num << 3) | wireType);

/** A length-delimited field (message, string, bytes, map entry). */
export const msg = (num: number, ...parts: Bytes[]): Bytes => {
  const body = parts.flat();
  return [...key(num, 2), ...varint(body.length), ...body];
};
export const str = (num: number, s: string): Bytes => msg(num, [...Buffer.from(s, 'utf8')]);
export const bytes = (num: number, b: number[]): Bytes => msg(num, b);
export const int = (num: number, v: number | bigint): Bytes => [...key(num, 0), ...varint(v)];
export const bool = (num: number, v: boolean): Bytes => int(num, v ? 1 : 0);
export const double = (num: number, v: number): Bytes => {
  const b = Buffer.alloc(8);
  b.writeDoubleLE(v);
  return [...key(num, 1), ...b];
};

/** A map<string, string> entry. */
export const entry = (num: number, k: string, v: string): Bytes => msg(num, str(1, k), str(2, v));

/** metav1.Time / MicroTime: Timestamp {seconds = 1, nanos = 2}. */
export const time = (num: number, seconds: number, nanos = 0): Bytes =>
  msg(num, int(1, seconds), ...(nanos ? [int(2, nanos)] : []));

/** resource.Quantity {string = 1}. */
export const quantity = (num: number, q: string): Bytes => msg(num, str(1, q));

/** intstr.IntOrString {type = 1, intVal = 2, strVal = 3}. */
export const intOrString = (num: number, v: number | string): Bytes =>
  typeof v === 'number' ? msg(num, int(1, 0), int(2, v)) : msg(num, int(1, 1), str(3, v));

/** The `k8s\0` envelope: runtime.Unknown {typeMeta {apiVersion, kind} = 1, raw = 2}. */
export function envelope(apiVersion: string, kind: string, ...raw: Bytes[]): Buffer {
  return Buffer.from([0x6b, 0x38, 0x73, 0x00, ...msg(1, str(1, apiVersion), str(2, kind)), ...msg(2, ...raw)]);
}
