/**
 * Qualified names (label keys) and label values with kube's messages
 * (k8s.io/apimachinery/pkg/api/validate/content, which util/validation.IsQualifiedName and
 * IsValidLabelValue forward to). Unlike the DNS name checks these say `bytes`.
 */
import {
  byteLength,
  contentMaxLenError,
  DNS1123_SUBDOMAIN_FMT,
  DNS1123_SUBDOMAIN_MAX_LENGTH,
  DNS1123_SUBDOMAIN_MSG,
  regexError,
} from './messages.js';

export const LABEL_KEY_FMT = '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]';
export const LABEL_VALUE_FMT = `(${LABEL_KEY_FMT})?`;
export const LABEL_VALUE_MAX_LENGTH = 63;
const LABEL_KEY_MAX_LENGTH = 63;
const LABEL_KEY_MSG =
  "must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character";
const LABEL_VALUE_MSG =
  "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character";

const labelKeyRe = new RegExp(`^${LABEL_KEY_FMT}$`);
const labelValueRe = new RegExp(`^${LABEL_VALUE_FMT}$`);
const subdomainRe = new RegExp(`^${DNS1123_SUBDOMAIN_FMT}$`);

function prefixProblems(prefix: string): string[] {
  if (prefix === '') return ['prefix part must be non-empty'];
  const errs: string[] = [];
  if (byteLength(prefix) > DNS1123_SUBDOMAIN_MAX_LENGTH) errs.push(contentMaxLenError(DNS1123_SUBDOMAIN_MAX_LENGTH));
  if (!subdomainRe.test(prefix)) errs.push(regexError(DNS1123_SUBDOMAIN_MSG, DNS1123_SUBDOMAIN_FMT, 'example.com'));
  return errs.map((e) => `prefix part ${e}`);
}

/**
 * A label key / "qualified name": `[prefix/]name`, prefix a DNS subdomain (<= 253 bytes), name
 * <= 63 bytes of `[A-Za-z0-9-_.]` starting and ending alphanumeric. More than one `/` gives a
 * single message describing the whole format.
 */
export function isQualifiedName(value: string): string[] {
  const parts = value.split('/');
  let name: string;
  const errs: string[] = [];
  if (parts.length === 1) {
    name = parts[0] as string;
  } else if (parts.length === 2) {
    errs.push(...prefixProblems(parts[0] as string));
    name = parts[1] as string;
  } else {
    return [
      `a valid label key ${regexError(LABEL_KEY_MSG, LABEL_KEY_FMT, 'MyName', 'my.name', '123-abc')} with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')`,
    ];
  }
  if (name === '') errs.push('name part must be non-empty');
  else if (byteLength(name) > LABEL_KEY_MAX_LENGTH) errs.push(`name part ${contentMaxLenError(LABEL_KEY_MAX_LENGTH)}`);
  if (!labelKeyRe.test(name)) {
    errs.push(`name part ${regexError(LABEL_KEY_MSG, LABEL_KEY_FMT, 'MyName', 'my.name', '123-abc')}`);
  }
  return errs;
}

/** Label keys are qualified names. */
export const isLabelKey = isQualifiedName;

/** A label value: empty, or <= 63 bytes of `[A-Za-z0-9-_.]` starting and ending alphanumeric. */
export function isValidLabelValue(value: string): string[] {
  const errs: string[] = [];
  if (byteLength(value) > LABEL_VALUE_MAX_LENGTH) errs.push(contentMaxLenError(LABEL_VALUE_MAX_LENGTH));
  if (!labelValueRe.test(value))
    errs.push(regexError(LABEL_VALUE_MSG, LABEL_VALUE_FMT, 'MyValue', 'my_value', '12345'));
  return errs;
}
