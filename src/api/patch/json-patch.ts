/**
 * RFC 6902 JSON patch (`application/json-patch+json`) with kube-apiserver's semantics, which are
 * evanphx/json-patch v4's rather than the RFC's in a few places a client can see:
 *   - negative array indices count from the end (`/list/-1` is the last item; for `add`, the end);
 *   - `replace` of a missing key of an object adds it (evanphx only checks arrays);
 *   - `test` of a missing key of an object passes when the expected value is null or absent;
 *   - `add`/`replace` without `value` set null;
 *   - a `null` document decodes as an empty patch.
 * The operations themselves are carried out by the installed fast-json-patch package (with its
 * validation and prototype-pollution guard on); this file resolves paths the way evanphx does
 * first, so that failures carry evanphx's texts and kube's status codes (see patch-error.ts).
 */
import jsonpatch from 'fast-json-patch';
import { goJsonKindName } from './go-value-format.js';
import { deepClone, deepEqual, isObject, type JsonObject } from './json-value.js';
import { badRequestPatch, invalidPatch, type PatchError, tooLargePatch } from './patch-error.js';

/** kube-apiserver's maxJSONPatchOperations. */
export const MAX_JSON_PATCH_OPERATIONS = 10000;

/** One RFC 6902 operation as it arrives on the wire (fields unchecked). */
export interface JsonPatchOperation {
  op?: unknown;
  path?: unknown;
  from?: unknown;
  value?: unknown;
}

type Container = JsonObject | unknown[];
interface Location {
  container: Container;
  key: string;
  /** The path as fast-json-patch wants it: evanphx ignores the first token, so `a/b` means `/b`. */
  pointer: string;
}

// evanphx wraps its sentinel errors with pkg/errors: "<context>: <sentinel>".
const MISSING = 'missing value';
const INVALID_INDEX = 'invalid index referenced';
const TEST_FAILED = 'test failed';

const unescapeToken = (t: string): string => t.replaceAll('~1', '/').replaceAll('~0', '~');
const escapeToken = (t: string): string => jsonpatch.escapePathComponent(t);

/**
 * Checks the shape of a decoded JSON patch document as `jsonpatch.DecodePatch` does: a list of
 * objects (null items allowed, they fail later as an unknown operation). Throws PatchError 400.
 */
export function decodeJsonPatch(ops: unknown): JsonPatchOperation[] {
  if (ops === null || ops === undefined) return [];
  if (!Array.isArray(ops)) {
    throw badRequestPatch(`json: cannot unmarshal ${goJsonKindName(ops)} into Go value of type jsonpatch.Patch`);
  }
  return ops.map((op) => {
    if (op === null) return {};
    if (!isObject(op)) {
      throw badRequestPatch(`json: cannot unmarshal ${goJsonKindName(op)} into Go value of type jsonpatch.Operation`);
    }
    return op as JsonPatchOperation;
  });
}

/**
 * Applies a JSON patch to a deep copy of `doc` and returns the copy; `doc` is never changed.
 * Edge cases: a `null` patch is empty; more than 10000 operations is a 413; a malformed patch
 * document a 400; any failing operation (including a failed `test`) a 422 whose message is
 * evanphx's text (e.g. `testing value /a failed: test failed`). The first failure stops the patch.
 */
export function applyJsonPatch(doc: unknown, ops: unknown): unknown {
  const operations = decodeJsonPatch(ops);
  if (operations.length > MAX_JSON_PATCH_OPERATIONS) {
    throw tooLargePatch(
      `The allowed maximum operations in a JSON patch is ${MAX_JSON_PATCH_OPERATIONS}, got ${operations.length}`,
    );
  }
  let target = deepClone(doc);
  for (const op of operations) target = applyOperation(target, op);
  return target;
}

function applyOperation(doc: unknown, op: JsonPatchOperation): unknown {
  const kind = typeof op.op === 'string' ? op.op : 'unknown';
  switch (kind) {
    case 'add':
    case 'remove':
    case 'replace':
    case 'move':
    case 'copy':
    case 'test':
      break;
    default:
      throw invalidPatch(`Unexpected kind: ${kind}`);
  }
  if (typeof op.path !== 'string') {
    // evanphx wraps the decoding error for replace/move/test, and replaces it for the others.
    const inner = kind === 'replace' || kind === 'move' || kind === 'test' ? 'operation missing path field: ' : '';
    throw invalidPatch(`${kind} operation failed to decode path: ${inner}${MISSING}`);
  }
  const path = op.path;
  const value = op.value === undefined ? null : op.value;
  switch (kind) {
    case 'add':
      return add(doc, path, value, `add operation does not apply: doc is missing path: "${path}": ${MISSING}`);
    case 'remove':
      return remove(doc, path);
    case 'replace':
      return replace(doc, path, value);
    case 'test':
      test(doc, path, value);
      return doc;
    default:
      return moveOrCopy(doc, kind, path, op.from);
  }
}

/** evanphx's findObject: walks all but the last token; undefined when an intermediate is missing. */
function locate(doc: unknown, path: string): Location | undefined {
  const tokens = path.split('/');
  if (tokens.length < 2) return undefined;
  let cur: unknown = doc;
  for (const token of tokens.slice(1, -1)) {
    if (!isObject(cur) && !Array.isArray(cur)) return undefined;
    const next = getChild(cur, unescapeToken(token));
    if (next === undefined || next === null || typeof next !== 'object') return undefined;
    cur = next;
  }
  if (!isObject(cur) && !Array.isArray(cur)) return undefined;
  return { container: cur, key: unescapeToken(tokens[tokens.length - 1]), pointer: `/${tokens.slice(1).join('/')}` };
}

/** Go's strconv.Atoi: optional sign, decimal digits. */
const parseIndex = (key: string): number | undefined => (/^[+-]?\d+$/.test(key) ? Number(key) : undefined);

/** An existing array index, negative ones counted from the end; undefined when out of range. */
function existingIndex(list: unknown[], key: string): number | undefined {
  let idx = parseIndex(key);
  if (idx === undefined) return undefined;
  if (idx < 0) idx += list.length;
  return idx >= 0 && idx < list.length ? idx : undefined;
}

function getChild(container: Container, key: string): unknown {
  if (Array.isArray(container)) {
    const idx = existingIndex(container, key);
    return idx === undefined ? undefined : container[idx];
  }
  return Object.hasOwn(container, key) ? container[key] : undefined;
}

/** Why `key` is not a usable index, in Go's words. */
const indexError = (key: string): string =>
  parseIndex(key) === undefined
    ? `strconv.Atoi: parsing "${key}": invalid syntax`
    : `Unable to access invalid index: ${key}: ${INVALID_INDEX}`;

/** The pointer of `loc` with its key replaced by `key` (a normalized index). */
function pointerWithKey(path: string, key: string): string {
  return `${path.slice(0, path.lastIndexOf('/'))}/${escapeToken(key)}`;
}

/** Runs one normalized operation through fast-json-patch; its rare refusals become 422s. */
function run(doc: unknown, operation: jsonpatch.Operation): unknown {
  try {
    return jsonpatch.applyOperation(doc, operation, true, true, true).newDocument;
  } catch (e) {
    throw invalidPatch(e instanceof Error ? e.message.split('\n')[0] : String(e));
  }
}

function add(doc: unknown, path: string, value: unknown, missingText: string): unknown {
  const loc = locate(doc, path);
  if (!loc) throw invalidPatch(missingText);
  if (!Array.isArray(loc.container)) return run(doc, { op: 'add', path: loc.pointer, value });
  const list = loc.container;
  if (loc.key === '-') return run(doc, { op: 'add', path: loc.pointer, value });
  let idx = parseIndex(loc.key);
  if (idx === undefined) {
    throw invalidPatch(
      `error in add for path: '${path}': value was not a proper array index: '${loc.key}': ${indexError(loc.key)}`,
    );
  }
  const size = list.length + 1;
  if (idx >= size || idx < -size) {
    throw invalidPatch(`error in add for path: '${path}': Unable to access invalid index: ${idx}: ${INVALID_INDEX}`);
  }
  if (idx < 0) idx += size;
  return run(doc, { op: 'add', path: pointerWithKey(loc.pointer, String(idx)), value });
}

function remove(doc: unknown, path: string): unknown {
  const loc = locate(doc, path);
  if (!loc) throw invalidPatch(`remove operation does not apply: doc is missing path: "${path}": ${MISSING}`);
  if (!Array.isArray(loc.container)) {
    if (!Object.hasOwn(loc.container, loc.key)) {
      throw invalidPatch(
        `error in remove for path: '${path}': Unable to remove nonexistent key: ${loc.key}: ${MISSING}`,
      );
    }
    return run(doc, { op: 'remove', path: loc.pointer });
  }
  const idx = existingIndex(loc.container, loc.key);
  if (idx === undefined) {
    throw invalidPatch(`error in remove for path: '${path}': ${indexError(loc.key)}`);
  }
  return run(doc, { op: 'remove', path: pointerWithKey(loc.pointer, String(idx)) });
}

function replace(doc: unknown, path: string, value: unknown): unknown {
  if (path === '') {
    if (!isObject(value) && !Array.isArray(value)) {
      throw invalidPatch('replace operation value must be object or array');
    }
    return deepClone(value);
  }
  const loc = locate(doc, path);
  if (!loc) throw invalidPatch(`replace operation does not apply: doc is missing path: ${path}: ${MISSING}`);
  if (!Array.isArray(loc.container)) {
    // evanphx sets the key whether or not it exists.
    const op = Object.hasOwn(loc.container, loc.key) ? 'replace' : 'add';
    return run(doc, { op, path: loc.pointer, value });
  }
  const idx = existingIndex(loc.container, loc.key);
  if (idx === undefined) {
    throw invalidPatch(`replace operation does not apply: doc is missing key: ${path}: ${MISSING}`);
  }
  return run(doc, { op: 'replace', path: pointerWithKey(loc.pointer, String(idx)), value });
}

function test(doc: unknown, path: string, value: unknown): void {
  const failed = (): PatchError => invalidPatch(`testing value ${path} failed: ${TEST_FAILED}`);
  if (path === '') {
    if (!deepEqual(doc, value)) throw failed();
    return;
  }
  const loc = locate(doc, path);
  if (!loc) throw invalidPatch(`test operation does not apply: is missing path: ${path}: ${MISSING}`);
  if (Array.isArray(loc.container) && existingIndex(loc.container, loc.key) === undefined) {
    throw invalidPatch(`error in test for path: '${path}': ${indexError(loc.key)}`);
  }
  const actual = getChild(loc.container, loc.key);
  if (actual === undefined || actual === null) {
    if (value !== null) throw failed();
    return;
  }
  if (!deepEqual(actual, value)) throw failed();
}

function moveOrCopy(doc: unknown, kind: 'move' | 'copy', path: string, from: unknown): unknown {
  if (typeof from !== 'string') {
    throw invalidPatch(`${kind} operation failed to decode from: operation missing from field: ${MISSING}`);
  }
  const src = locate(doc, from);
  if (!src) throw invalidPatch(`${kind} operation does not apply: doc is missing from path: ${from}: ${MISSING}`);
  const value = getChild(src.container, src.key);
  if (value === undefined) {
    const what = Array.isArray(src.container)
      ? indexError(src.key)
      : `Unable to remove nonexistent key: ${src.key}: ${MISSING}`;
    // evanphx names the key for move and the whole pointer for copy.
    const where = kind === 'move' ? `path: '${src.key}'` : `from: '${from}'`;
    throw invalidPatch(`error in ${kind} for ${where}: ${what}`);
  }
  const missingDestination = `${kind} operation does not apply: doc is missing destination path: ${path}: ${MISSING}`;
  if (kind === 'copy') return add(doc, path, deepClone(value), missingDestination);
  // evanphx removes first, then resolves the destination in the changed document.
  const removed = remove(doc, from);
  return add(removed, path, value, missingDestination);
}
