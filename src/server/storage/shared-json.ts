/**
 * JSON text of immutable objects, computed once. The watch cache hands the same deep-frozen
 * objects to every read (cacher/decoded-objects.ts) and registers them here; encoding a response
 * that holds them (a list, a Table whose rows hold each item's metadata object, one GET) then
 * splices each registered object's cached bytes instead of serializing it again. The result is
 * byte-identical to JSON.stringify of the same value.
 *
 * Only objects registered with `markShared` are cached: they must be deep-frozen (a cached text
 * of an object that later changed would be stale).
 */

const shared = new WeakSet<object>();
const texts = new WeakMap<object, Buffer>();

/** Registers a deep-frozen object whose JSON text may be cached and reused. */
export function markShared(obj: object): void {
  shared.add(obj);
}

const derived = new WeakMap<object, Map<string, object>>();

/**
 * A value built from a registered object, built once per (object, `key`) and registered itself
 * (frozen: it may only hold frozen values); for any other source `build()` runs each time. Lets a
 * Table row's PartialObjectMetadata be spliced whole.
 */
export function sharedDerived<T extends object>(source: object, key: string, build: () => T): T {
  if (!shared.has(source)) return build();
  let byKey = derived.get(source);
  if (!byKey) {
    byKey = new Map();
    derived.set(source, byKey);
  }
  let v = byKey.get(key) as T | undefined;
  if (v === undefined) {
    v = Object.freeze(build());
    shared.add(v);
    byKey.set(key, v);
  }
  return v;
}

/** Cached as UTF-8 bytes: splicing buffers is a copy, where splicing strings builds a rope to flatten and encode. */
function bytesOf(obj: object): Buffer {
  let t = texts.get(obj);
  if (t === undefined) {
    t = Buffer.from(JSON.stringify(obj));
    texts.set(obj, t);
  }
  return t;
}

/** The output: text not yet encoded, and the finished parts (text and spliced bytes) in order. */
class Parts {
  private readonly parts: (string | Buffer)[] = [];
  text = '';

  splice(bytes: Buffer): void {
    if (this.text) this.parts.push(this.text);
    this.text = '';
    this.parts.push(bytes);
  }

  finish(): Buffer {
    if (this.parts.length === 0) return Buffer.from(this.text);
    if (this.text) this.parts.push(this.text);
    let size = 0;
    for (const p of this.parts) size += typeof p === 'string' ? Buffer.byteLength(p) : p.length;
    const out = Buffer.allocUnsafe(size);
    let at = 0;
    for (const p of this.parts) {
      if (typeof p === 'string') at += out.write(p, at);
      else {
        out.set(p, at);
        at += p.length;
      }
    }
    return out;
  }
}

const SIMPLE_KEY = /^[\w./-]*$/;
const keyText = (k: string): string => (SIMPLE_KEY.test(k) ? `"${k}":` : `${JSON.stringify(k)}:`);
const skipped = (v: unknown): boolean => v === undefined || typeof v === 'function' || typeof v === 'symbol';
const isPlain = (v: object): boolean => {
  const proto = Object.getPrototypeOf(v);
  return (proto === Object.prototype || proto === null) && typeof (v as { toJSON?: unknown }).toJSON !== 'function';
};

/**
 * Walks the values built for this response (lists, Tables, rows), splicing registered objects;
 * everything that cannot hold one goes to JSON.stringify whole: scalars, arrays of scalars,
 * frozen unregistered values (parts of a shared object) and non-plain objects (Dates...).
 */
function walk(v: unknown, out: Parts): void {
  if (v === null || typeof v !== 'object') {
    out.text += JSON.stringify(v) ?? 'null';
  } else if (shared.has(v)) {
    out.splice(bytesOf(v));
  } else if (Array.isArray(v)) {
    if (Object.isFrozen(v) || v.every((x) => x === null || typeof x !== 'object')) {
      out.text += JSON.stringify(v);
      return;
    }
    out.text += '[';
    for (let i = 0; i < v.length; i++) {
      if (i > 0) out.text += ',';
      const x: unknown = v[i];
      if (skipped(x)) out.text += 'null';
      else walk(x, out);
    }
    out.text += ']';
  } else if (Object.isFrozen(v) || !isPlain(v)) {
    out.text += JSON.stringify(v);
  } else {
    out.text += '{';
    let first = true;
    for (const k of Object.keys(v)) {
      const x: unknown = (v as Record<string, unknown>)[k];
      if (skipped(x)) continue;
      out.text += first ? keyText(k) : `,${keyText(k)}`;
      first = false;
      walk(x, out);
    }
    out.text += '}';
  }
}

/**
 * The UTF-8 bytes of JSON.stringify(value) followed by `suffix`, reusing the cached text of
 * every registered object inside it.
 */
export function stringifyShared(value: unknown, suffix = ''): Buffer {
  if (value !== null && typeof value === 'object' && shared.has(value) && !suffix) return bytesOf(value);
  const out = new Parts();
  walk(value, out);
  out.text += suffix;
  return out.finish();
}
