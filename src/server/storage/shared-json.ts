/**
 * JSON text of immutable objects, computed once. The watch cache hands the same deep-frozen
 * objects to every LIST (cacher/decoded-objects.ts) and registers them here; encoding a list
 * (or a Table, whose rows hold each item's metadata object) then splices each registered
 * object's cached text instead of serializing it again. The result is byte-identical to
 * JSON.stringify of the same value.
 *
 * Only objects registered with `markShared` are cached: they must be deep-frozen (a cached text
 * of an object that later changed would be stale).
 */
import { randomBytes } from 'node:crypto';

const shared = new WeakSet<object>();
const texts = new WeakMap<object, Buffer>();
// A placeholder no JSON value can contain by accident: NUL plus a per-process nonce.
const NONCE = randomBytes(8).toString('hex');
const PLACEHOLDER = new RegExp(`"\\\\u0000${NONCE}:(\\d+)\\\\u0000"`, 'g');

/** Registers a deep-frozen object whose JSON text may be cached and reused. */
export function markShared(obj: object): void {
  shared.add(obj);
}

/** Cached as UTF-8 bytes: splicing buffers is a copy, where splicing strings builds a rope the socket write must flatten. */
function bytesOf(obj: object): Buffer {
  let t = texts.get(obj);
  if (t === undefined) {
    t = Buffer.from(JSON.stringify(obj));
    texts.set(obj, t);
  }
  return t;
}

/**
 * The UTF-8 bytes of JSON.stringify(value) followed by `suffix`, reusing the cached text of
 * every registered object inside it.
 */
export function stringifyShared(value: unknown, suffix = ''): Buffer {
  const parts: Buffer[] = [];
  const json = JSON.stringify(value, (_key, v: unknown) => {
    if (v !== null && typeof v === 'object' && shared.has(v)) {
      parts.push(bytesOf(v));
      return `\u0000${NONCE}:${parts.length - 1}\u0000`;
    }
    return v;
  });
  if (parts.length === 0) return Buffer.from(json + suffix);
  const out: Buffer[] = [];
  let last = 0;
  for (const m of json.matchAll(PLACEHOLDER)) {
    out.push(Buffer.from(json.slice(last, m.index)), parts[Number(m[1])] as Buffer);
    last = (m.index ?? 0) + m[0].length;
  }
  out.push(Buffer.from(json.slice(last) + suffix));
  return Buffer.concat(out);
}
