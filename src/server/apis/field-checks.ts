/**
 * Field checks shared by the kinds' validation, with kube's exact texts
 * (pkg/apis/core/validation, k8s.io/apimachinery/pkg/util/validation), and Go's `%#v`
 * formatting of the few values kube prints inside "Invalid value" messages.
 */
import { goQuote } from '../../api/labels/go-format.js';
import { type FieldError, fieldInvalid, fieldNotSupported, fieldRequired, OMIT_VALUE } from '../../api/status.js';
import { isDNS1123Label } from '../../api/validation/names.js';
import { isMap } from './object-access.js';

/** `spec.containers[0]`-style paths. */
export const idx = (path: string, i: number): string => `${path}[${i}]`;
/** `data[key]`: kube prints map keys unquoted inside brackets. */
export const key = (path: string, k: string): string => `${path}[${k}]`;

/** An Invalid error whose value is already in Go's `%#v` form (so it is printed unquoted). */
export const invalidGo = (field: string, goValueText: string, detail: string): FieldError => ({
  type: 'FieldValueInvalid',
  field,
  value: OMIT_VALUE,
  detail: `${goValueText}: ${detail}`,
});

/** Go's `%#v` of a map[string]string (keys sorted, as fmt prints maps). */
export function goStringMap(m: unknown): string {
  if (!isMap(m)) return 'map[string]string(nil)';
  const parts = Object.keys(m)
    .sort()
    .map((k) => `${goQuote(k)}:${goQuote(String(m[k]))}`);
  return `map[string]string{${parts.join(', ')}}`;
}

/** Go's `%#v` of a []string. */
export function goStrings(v: unknown): string {
  if (!Array.isArray(v)) return '[]string(nil)';
  return `[]string{${v.map((s) => goQuote(String(s))).join(', ')}}`;
}

/** Go's `%#v` of a metav1.LabelSelector, as kube prints it in "field is immutable" errors. */
export function goLabelSelector(sel: unknown): string {
  if (!isMap(sel)) return 'null';
  const labels = isMap(sel.matchLabels) ? goStringMap(sel.matchLabels) : 'map[string]string(nil)';
  const exprs = Array.isArray(sel.matchExpressions)
    ? `[]v1.LabelSelectorRequirement{${sel.matchExpressions
        .filter(isMap)
        .map(
          (e) =>
            `v1.LabelSelectorRequirement{Key:${goQuote(String(e.key ?? ''))}, Operator:${goQuote(String(e.operator ?? ''))}, Values:${goStrings(e.values)}}`,
        )
        .join(', ')}}`
    : '[]v1.LabelSelectorRequirement(nil)';
  return `v1.LabelSelector{MatchLabels:${labels}, MatchExpressions:${exprs}}`;
}

/** IsValidPortNum. */
export const PORT_RANGE_MSG = 'must be between 1 and 65535, inclusive';
export const validPort = (n: unknown): boolean => typeof n === 'number' && Number.isInteger(n) && n >= 1 && n <= 65535;

/** ValidateNonnegativeField. */
export function nonNegative(value: unknown, field: string): FieldError[] {
  return typeof value === 'number' && value < 0
    ? [fieldInvalid(field, value, 'must be greater than or equal to 0')]
    : [];
}

/** A required DNS-1123 label (container, volume and port-less names). */
export function dnsLabel(value: unknown, field: string): FieldError[] {
  if (value === undefined || value === null || value === '') return [fieldRequired(field)];
  if (typeof value !== 'string') return [fieldInvalid(field, value, 'must be a string')];
  return isDNS1123Label(value).map((m) => fieldInvalid(field, value, m));
}

/** An optional enum: NotSupported with kube's ordering of the supported values. */
export function oneOf(value: unknown, field: string, supported: readonly string[], required = false): FieldError[] {
  if (value === undefined || value === null || value === '') return required ? [fieldRequired(field)] : [];
  return supported.includes(String(value)) ? [] : [fieldNotSupported(field, value, supported)];
}

const IANA_SVC_NAME_MAX = 15;
/** IsValidPortName (IANA_SVC_NAME), with kube's messages. */
export function portNameErrors(name: string): string[] {
  const errs: string[] = [];
  if (name.length > IANA_SVC_NAME_MAX) errs.push(`must be no more than ${IANA_SVC_NAME_MAX} characters`);
  if (!/^[-a-z0-9]+$/.test(name)) errs.push('must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)');
  if (name.includes('--')) errs.push('must not contain consecutive hyphens');
  if (!/[a-z]/.test(name)) errs.push('must contain at least one letter (a-z)');
  if (name.startsWith('-') || name.endsWith('-')) errs.push('must not begin or end with a hyphen');
  return errs;
}

const CONFIG_KEY_FMT = '[-._a-zA-Z0-9]+';
const CONFIG_KEY_RE = /^[-._a-zA-Z0-9]+$/;
/** IsConfigMapKey (also used for Secret keys). */
export function configKeyErrors(k: string): string[] {
  const errs: string[] = [];
  if (Buffer.byteLength(k, 'utf8') > 253) errs.push('must be no more than 253 characters');
  if (!CONFIG_KEY_RE.test(k))
    errs.push(
      `a valid config key must consist of alphanumeric characters, '-', '_' or '.' (e.g. 'key.name',  or 'KEY_NAME',  or 'key-name', regex used for validation is '${CONFIG_KEY_FMT}')`,
    );
  if (k === '.') errs.push("must not be '.'");
  else if (k === '..') errs.push("must not be '..'");
  else if (k.startsWith('..')) errs.push("must not start with '..'");
  return errs;
}
