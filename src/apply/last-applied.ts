/**
 * The `kubectl.kubernetes.io/last-applied-configuration` annotation (kubectl's
 * GetModifiedConfiguration / CreateOrUpdateAnnotation). Its value is the object's JSON without
 * the annotation itself, plus a trailing newline (kubectl's JSON encoder writes one).
 *
 * Objects read from manifests are unstructured in kubectl: their JSON has sorted keys and an
 * object without annotations gets `"annotations":{}`. Objects a generator builds are Go structs:
 * field order is kept and empty annotations are omitted (`typed`).
 */
import { goJson } from '../printers/json/go-json.js';

export const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration';

type Obj = Record<string, unknown>;

const GO_ESCAPES: Record<string, string> = {
  '<': '\\u003c',
  '>': '\\u003e',
  '&': '\\u0026',
  '\u2028': '\\u2028',
  '\u2029': '\\u2029',
};

/** Go's compact json.Marshal of a struct (field order kept). */
export function typedCompactJson(v: unknown): string {
  return JSON.stringify(v).replace(/[<>&\u2028\u2029]/g, (c) => GO_ESCAPES[c] ?? c);
}

function metaOf(obj: Obj): Obj {
  const m = obj.metadata;
  return m && typeof m === 'object' && !Array.isArray(m) ? (m as Obj) : {};
}

/** Puts `annotations` where ObjectMeta has it (after labels, before ownerReferences...). */
function withAnnotations(meta: Obj, annotations: Record<string, string> | undefined): Obj {
  const order = [
    'name',
    'generateName',
    'namespace',
    'selfLink',
    'uid',
    'resourceVersion',
    'generation',
    'creationTimestamp',
    'deletionTimestamp',
    'deletionGracePeriodSeconds',
    'labels',
  ];
  const out: Obj = {};
  for (const k of order) if (k in meta) out[k] = meta[k];
  if (annotations !== undefined) out.annotations = annotations;
  for (const k of Object.keys(meta)) if (!(k in out) && k !== 'annotations') out[k] = meta[k];
  return out;
}

/**
 * The annotation value for `obj` (never containing a previous last-applied value).
 * `typed`: encode as a Go struct (see the file comment).
 */
export function lastAppliedValue(obj: Obj, typed = false): string {
  const meta = metaOf(obj);
  const annots = { ...((meta.annotations as Record<string, string> | undefined) ?? {}) };
  delete annots[LAST_APPLIED];
  if (typed) {
    const m = withAnnotations(meta, Object.keys(annots).length > 0 ? annots : undefined);
    return `${typedCompactJson({ ...obj, metadata: m })}\n`;
  }
  return `${goJson({ ...obj, metadata: { ...meta, annotations: annots } })}\n`;
}

/**
 * `obj` with the annotation set to its own configuration (kubectl's --save-config and apply's
 * create path). Returns a new object; the input is not changed.
 */
export function withLastApplied(obj: Obj, typed = false): Obj {
  const value = lastAppliedValue(obj, typed);
  const meta = metaOf(obj);
  const annots = { ...((meta.annotations as Record<string, string> | undefined) ?? {}) };
  annots[LAST_APPLIED] = value;
  const m = typed ? withAnnotations(meta, annots) : { ...meta, annotations: annots };
  return { ...obj, metadata: m };
}

/** The stored annotation of an object from the server, or undefined. */
export function getLastApplied(obj: Obj): string | undefined {
  const a = metaOf(obj).annotations as Record<string, string> | undefined;
  return a?.[LAST_APPLIED];
}
