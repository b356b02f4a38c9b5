/**
 * Checks a decoded body against its kind's OpenAPI schema the way kube's typed JSON decoding
 * does: fields the Go structs do not have are "unknown fields" (reported with their path,
 * `spec.template.spec.containers[0].foo`), and a value of the wrong JSON type is a decode error
 * worded like Go's encoding/json (`json: cannot unmarshal string into Go struct field
 * DeploymentSpec.spec.replicas of type int32`).
 */
import { type Definitions, REF_PREFIX, type SchemaObject } from '../../api/openapi-schema.js';

export interface SchemaCheckResult {
  unknown: string[];
  /** The first type error (Go stops reporting after the first one), if any. */
  typeError?: string;
}

interface Frame {
  /** Go struct type holding the current field, e.g. `DeploymentSpec`. */
  struct: string;
  /** Dotted path without indices (Go's UnmarshalTypeError.Field). */
  goPath: string;
}

/** `io.k8s.api.core.v1.PodSpec` -> `v1.PodSpec` (Go's package.Type). */
function goTypeName(ref: string): string {
  const parts = ref.slice(REF_PREFIX.length).split('.');
  const type = parts.pop() ?? '';
  const pkg = parts.pop() ?? '';
  if (ref.endsWith('.Quantity')) return 'resource.Quantity';
  if (ref.endsWith('.IntOrString')) return 'intstr.IntOrString';
  if (ref.endsWith('.Time') || ref.endsWith('.MicroTime')) return `v1.${type}`;
  return pkg ? `${pkg}.${type}` : type;
}

function goType(defs: Definitions, schema: SchemaObject | undefined): string {
  if (!schema) return 'interface {}';
  if (schema.$ref) return goTypeName(schema.$ref);
  if (schema['x-kubernetes-int-or-string']) return 'intstr.IntOrString';
  switch (schema.type) {
    case 'string':
      return schema.format === 'byte' ? '[]uint8' : 'string';
    case 'integer':
      return schema.format === 'int32' ? 'int32' : 'int64';
    case 'number':
      return 'float64';
    case 'boolean':
      return 'bool';
    case 'array':
      return `[]${goType(defs, schema.items)}`;
    case 'object':
      if (schema.additionalProperties && typeof schema.additionalProperties === 'object') {
        return `map[string]${goType(defs, schema.additionalProperties)}`;
      }
      return 'map[string]interface {}';
    default:
      return 'interface {}';
  }
}

function jsonTypeOf(v: unknown): string {
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'number') return 'number';
  if (typeof v === 'boolean') return 'bool';
  return typeof v === 'object' ? 'object' : 'string';
}

/** Walks `value` against the definition `rootDefinition`. */
export function checkAgainstSchema(value: unknown, defs: Definitions, rootDefinition: string): SchemaCheckResult {
  const result: SchemaCheckResult = { unknown: [] };
  const root = defs[rootDefinition];
  if (!root) return result;
  const rootStruct = rootDefinition.split('.').pop() ?? rootDefinition;
  walk(value, { $ref: `${REF_PREFIX}${rootDefinition}` }, '', { struct: rootStruct, goPath: '' }, defs, result);
  return result;
}

function typeError(result: SchemaCheckResult, v: unknown, frame: Frame, type: string): void {
  if (result.typeError) return;
  // Go names a number it could not fit into an integer with its literal: `number 1.5`.
  const jsType = typeof v === 'number' && /^u?int/.test(type) && !Number.isInteger(v) ? `number ${v}` : jsonTypeOf(v);
  const where = frame.goPath ? `Go struct field ${frame.struct}.${frame.goPath}` : 'Go value';
  result.typeError = `json: cannot unmarshal ${jsType} into ${where} of type ${type}`;
}

function walk(
  v: unknown,
  schemaIn: SchemaObject,
  path: string,
  frame: Frame,
  defs: Definitions,
  result: SchemaCheckResult,
): void {
  if (v === null || v === undefined) return;
  const ref = schemaIn.$ref;
  let schema = schemaIn;
  for (let hops = 0; schema.$ref && hops < 16; hops++) {
    const next = defs[schema.$ref.slice(REF_PREFIX.length)];
    if (!next) return;
    schema = next;
  }
  if (schema['x-kubernetes-preserve-unknown-fields'] || schema['x-kubernetes-embedded-resource']) return;
  if (schema['x-kubernetes-int-or-string']) {
    if (typeof v !== 'string' && typeof v !== 'number') typeError(result, v, frame, 'intstr.IntOrString');
    return;
  }
  const type = schema.type;
  const goName = ref ? goTypeName(ref) : goType(defs, schema);
  // Quantities and times have custom unmarshalers that take strings (quantities numbers too).
  if (ref?.endsWith('.Quantity')) return;
  switch (type) {
    case 'string':
      if (typeof v !== 'string') typeError(result, v, frame, goName);
      return;
    case 'integer':
      if (typeof v !== 'number' || !Number.isInteger(v)) typeError(result, v, frame, goName);
      return;
    case 'number':
      if (typeof v !== 'number') typeError(result, v, frame, goName);
      return;
    case 'boolean':
      if (typeof v !== 'boolean') typeError(result, v, frame, goName);
      return;
    case 'array': {
      if (!Array.isArray(v)) {
        typeError(result, v, frame, goName);
        return;
      }
      const items = schema.items;
      if (!items) return;
      v.forEach((item, idx) => {
        walk(item, items, `${path}[${idx}]`, frame, defs, result);
      });
      return;
    }
    default:
      break;
  }
  // Objects (type 'object' or untyped with properties).
  if (!schema.properties && !schema.additionalProperties) {
    if (type === 'object' && (typeof v !== 'object' || Array.isArray(v))) typeError(result, v, frame, goName);
    return;
  }
  if (typeof v !== 'object' || Array.isArray(v)) {
    typeError(result, v, frame, goName);
    return;
  }
  const obj = v as Record<string, unknown>;
  if (schema.properties) {
    const struct = ref ? (ref.split('.').pop() ?? frame.struct) : frame.struct;
    for (const [k, child] of Object.entries(obj)) {
      const childPath = path ? `${path}.${k}` : k;
      const prop = schema.properties[k];
      if (!prop) {
        if (schema.additionalProperties && typeof schema.additionalProperties === 'object') {
          walk(child, schema.additionalProperties, childPath, frame, defs, result);
        } else if (!schema.additionalProperties) {
          result.unknown.push(childPath);
        }
        continue;
      }
      const goPath = frame.goPath ? `${frame.goPath}.${k}` : k;
      walk(child, prop, childPath, { struct, goPath }, defs, result);
    }
    return;
  }
  const ap = schema.additionalProperties;
  if (ap && typeof ap === 'object') {
    for (const [k, child] of Object.entries(obj)) walk(child, ap, path ? `${path}.${k}` : k, frame, defs, result);
  }
}
