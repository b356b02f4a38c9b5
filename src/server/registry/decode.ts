/**
 * Request body decoding for create/update (kube's handlers + serializer): JSON or YAML, then
 * field validation against the kind's schema with the `fieldValidation` directive:
 * Strict -> 400 `strict decoding error: unknown field "spec.foo", duplicate field "x"`,
 * Warn -> the same texts as warnings, Ignore -> nothing. Type errors and malformed bodies are
 * always 400 with kube's wording (`<Kind> in version "<v>" cannot be handled as a <Kind>: ...`).
 */
import yaml from 'js-yaml';
import type { Definitions } from '../../api/openapi-schema.js';
import { badRequest, unsupportedMediaType } from '../../api/status.js';
import type { KindDefinition, KubeObject } from '../apis/types.js';
import { JsonSyntaxError, parseJsonWithDuplicates } from './json-scan.js';
import { checkAgainstSchema } from './schema-fields.js';
import type { FieldValidation } from './types.js';

export interface DecodeResult {
  obj: KubeObject;
  /** Texts for `Warning` headers (fieldValidation=Warn). */
  warnings: string[];
}

export const DECODABLE_MEDIA_TYPES = ['application/json', 'application/yaml'];

/** kube's summarizeData: the first bytes of the body, for "unrecognized object" errors. */
function summarize(raw: string): string {
  const max = 30;
  return raw.length > max ? `${raw.slice(0, max)} ...` : raw;
}

function mediaType(contentType: string): string {
  return (contentType.split(';')[0] ?? '').trim().toLowerCase();
}

/**
 * What decoding needs of a kind: its Kind, version and OpenAPI definition. Subresource bodies
 * (Scale, Binding, Eviction) pass e.g. `{ kind: 'Scale', version: 'v1', definition:
 * 'io.k8s.api.autoscaling.v1.Scale' }`.
 */
export type DecodeTarget = Pick<KindDefinition, 'kind' | 'version' | 'definition'>;

const unrecognized = (kind: DecodeTarget, cause: string, raw: string): Error =>
  badRequest(`the object provided is unrecognized (must be of type ${kind.kind}): ${cause} (${summarize(raw)})`);

/**
 * Decodes `raw` as the body of a request for `kind`. Throws StatusError 400/415. An empty
 * body decodes as an error (kube: `the object provided is unrecognized ...: Object 'Kind' is missing`).
 */
export function decodeBody(
  raw: Buffer | string,
  contentType: string,
  kind: DecodeTarget,
  definitions: Definitions,
  fieldValidation: FieldValidation,
): DecodeResult {
  const text = typeof raw === 'string' ? raw : raw.toString('utf8');
  const mt = mediaType(contentType || 'application/json');
  let value: unknown;
  let duplicates: string[] = [];
  if (mt === 'application/json' || mt.endsWith('+json')) {
    try {
      const parsed = parseJsonWithDuplicates(text);
      value = parsed.value;
      duplicates = parsed.duplicates;
    } catch (e) {
      const msg = e instanceof JsonSyntaxError ? e.message : String(e);
      throw unrecognized(kind, `couldn't get version/kind; json parse error: ${msg}`, text);
    }
  } else if (mt === 'application/yaml' || mt === 'text/yaml' || mt === 'application/x-yaml') {
    ({ value, duplicates } = parseYaml(text, kind));
  } else {
    throw unsupportedMediaType(contentType, [...DECODABLE_MEDIA_TYPES, 'application/vnd.kubernetes.protobuf']);
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    const got = Array.isArray(value)
      ? 'array'
      : value === null
        ? 'null'
        : typeof value === 'number'
          ? 'number'
          : typeof value === 'boolean'
            ? 'bool'
            : 'string';
    throw unrecognized(
      kind,
      `couldn't get version/kind; json parse error: json: cannot unmarshal ${got} into Go value of type struct { APIVersion string "json:\\"apiVersion,omitempty\\""; Kind string "json:\\"kind,omitempty\\"" }`,
      text,
    );
  }
  const obj = value as KubeObject;
  const dataKind = typeof obj.kind === 'string' && obj.kind ? obj.kind : kind.kind;
  const dataVersion =
    typeof obj.apiVersion === 'string' && obj.apiVersion ? (obj.apiVersion.split('/').pop() ?? '') : kind.version;
  const cannotHandle = (cause: string) =>
    badRequest(`${dataKind} in version ${JSON.stringify(dataVersion)} cannot be handled as a ${kind.kind}: ${cause}`);

  // Another kind in the body: the store reports kube's conversion/scheme error, not field errors
  // against a schema that does not apply.
  if (dataKind !== kind.kind) return { obj, warnings: [] };
  const check = checkAgainstSchema(obj, definitions, kind.definition);
  if (check.typeError) throw cannotHandle(check.typeError);

  const problems = [
    ...duplicates.map((p) => `duplicate field ${JSON.stringify(p)}`),
    ...check.unknown.map((p) => `unknown field ${JSON.stringify(p)}`),
  ];
  if (problems.length === 0 || fieldValidation === 'Ignore') return { obj, warnings: [] };
  if (fieldValidation === 'Strict') throw cannotHandle(`strict decoding error: ${problems.join(', ')}`);
  return { obj, warnings: problems };
}

/** YAML bodies: kube converts YAML to JSON first; its syntax errors say so. */
function parseYaml(text: string, kind: DecodeTarget): { value: unknown; duplicates: string[] } {
  const load = (json: boolean) => yaml.load(text, { json, schema: yaml.CORE_SCHEMA });
  try {
    return { value: load(false), duplicates: [] };
  } catch (e) {
    const err = e as { reason?: string; mark?: { line?: number; snippet?: string }; message?: string };
    if (err.reason === 'duplicated mapping key') {
      const key = duplicateKeyAt(text, err.mark?.line);
      try {
        return { value: load(true), duplicates: [key] };
      } catch {
        /* fall through to the syntax error */
      }
    }
    const line = (err.mark?.line ?? 0) + 1;
    throw unrecognized(
      kind,
      `error converting YAML to JSON: yaml: line ${line}: ${err.reason ?? err.message ?? 'invalid YAML'}`,
      text,
    );
  }
}

/** The key on a (0-based) line, for duplicate-key reports from YAML bodies (path unknown: key only). */
function duplicateKeyAt(text: string, line: number | undefined): string {
  const l = text.split('\n')[line ?? -1] ?? '';
  const m = /^\s*(?:-\s+)?["']?([^"':]+)["']?\s*:/.exec(l);
  return m?.[1]?.trim() ?? '';
}
