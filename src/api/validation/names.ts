/**
 * Name validation with kube's exact messages (k8s.io/apimachinery/pkg/util/validation and
 * pkg/api/validation). Clients and scripts match on these texts, so they are reproduced
 * character for character, including kube's double space in `(e.g. 'a',  or 'b', ...)`.
 *
 * Every `is*` function returns a list of problems; an empty list means valid.
 */
import { type FieldError, fieldForbidden, fieldInvalid, fieldRequired } from '../status.js';

import {
  byteLength,
  DNS1035_LABEL_FMT,
  DNS1035_LABEL_MAX_LENGTH,
  DNS1035_LABEL_MSG,
  DNS1123_LABEL_FMT,
  DNS1123_LABEL_MAX_LENGTH,
  DNS1123_LABEL_MSG,
  DNS1123_SUBDOMAIN_FMT,
  DNS1123_SUBDOMAIN_MAX_LENGTH,
  DNS1123_SUBDOMAIN_MSG,
  maxLenError,
  regexError,
} from './messages.js';

export * from './messages.js';
export { isQualifiedName, isValidLabelValue } from './qualified-name.js';

const dns1123LabelRe = new RegExp(`^${DNS1123_LABEL_FMT}$`);
const dns1123SubdomainRe = new RegExp(`^${DNS1123_SUBDOMAIN_FMT}$`);
const dns1035LabelRe = new RegExp(`^${DNS1035_LABEL_FMT}$`);

/** Tests a DNS (RFC 1123) label such as a namespace name: `my-name`, at most 63 bytes. */
export function isDNS1123Label(value: string): string[] {
  const errs: string[] = [];
  if (byteLength(value) > DNS1123_LABEL_MAX_LENGTH) errs.push(maxLenError(DNS1123_LABEL_MAX_LENGTH));
  if (!dns1123LabelRe.test(value)) {
    // A valid subdomain that is not a valid label can only be failing because of its dots.
    if (dns1123SubdomainRe.test(value)) errs.push('must not contain dots');
    else errs.push(regexError(DNS1123_LABEL_MSG, DNS1123_LABEL_FMT, 'my-name', '123-abc'));
  }
  return errs;
}

/** Tests a DNS (RFC 1123) subdomain such as most object names: `example.com`, at most 253 bytes. */
export function isDNS1123Subdomain(value: string): string[] {
  const errs: string[] = [];
  if (byteLength(value) > DNS1123_SUBDOMAIN_MAX_LENGTH) errs.push(maxLenError(DNS1123_SUBDOMAIN_MAX_LENGTH));
  if (!dns1123SubdomainRe.test(value)) {
    errs.push(regexError(DNS1123_SUBDOMAIN_MSG, DNS1123_SUBDOMAIN_FMT, 'example.com'));
  }
  return errs;
}

/** Tests a DNS (RFC 1035) label such as a Service name: starts with a letter, at most 63 bytes. */
export function isDNS1035Label(value: string): string[] {
  const errs: string[] = [];
  if (byteLength(value) > DNS1035_LABEL_MAX_LENGTH) errs.push(maxLenError(DNS1035_LABEL_MAX_LENGTH));
  if (!dns1035LabelRe.test(value)) {
    errs.push(regexError(DNS1035_LABEL_MSG, DNS1035_LABEL_FMT, 'my-name', 'abc-123'));
  }
  return errs;
}

/**
 * Names that become one URL path segment (validation/path.IsValidPathSegmentName): `.` and `..`
 * are rejected alone (and then nothing else is reported); `/` and `%` anywhere.
 */
export function isValidPathSegmentName(name: string): string[] {
  for (const bad of ['.', '..']) if (name === bad) return [`may not be '${bad}'`];
  return isValidPathSegmentPrefix(name);
}

/** A prefix may later get a suffix, so only the characters are checked, not `.`/`..`. */
export function isValidPathSegmentPrefix(name: string): string[] {
  const errs: string[] = [];
  for (const bad of ['/', '%']) if (name.includes(bad)) errs.push(`may not contain '${bad}'`);
  return errs;
}

/**
 * A kind's name rule: `(name, prefix)` returns problems. `prefix` is true for
 * `metadata.generateName`, which gets a random suffix appended.
 */
export type ValidateNameFunc = (name: string, prefix: boolean) => string[];

/**
 * kube's maskTrailingDash: a generateName may end in '-' because a suffix follows. kube swaps
 * the last two characters for one 'a' (an upstream quirk that also shortens the name by one);
 * reproduced because it decides which prefixes validate.
 */
export function maskTrailingDash(name: string): string {
  if (name.length > 1 && name.endsWith('-')) return `${name.slice(0, -2)}a`;
  return name;
}

/** NameIsDNSSubdomain: the rule of most kinds (ConfigMap, Deployment, Pod, ...). */
export const nameIsDNSSubdomain: ValidateNameFunc = (name, prefix) =>
  isDNS1123Subdomain(prefix ? maskTrailingDash(name) : name);
/** NameIsDNSLabel: Namespaces and a few others. */
export const nameIsDNSLabel: ValidateNameFunc = (name, prefix) =>
  isDNS1123Label(prefix ? maskTrailingDash(name) : name);
/** NameIsDNS1035Label: Services. */
export const nameIsDNS1035Label: ValidateNameFunc = (name, prefix) =>
  isDNS1035Label(prefix ? maskTrailingDash(name) : name);
/** ValidatePathSegmentName: kinds whose names only need to be URL-safe (RBAC roles, ...). */
export const validatePathSegmentName: ValidateNameFunc = (name, prefix) =>
  prefix ? isValidPathSegmentPrefix(name) : isValidPathSegmentName(name);
/** ValidateNamespaceName is NameIsDNSLabel. */
export const validateNamespaceName: ValidateNameFunc = nameIsDNSLabel;

export interface NameMeta {
  name?: string;
  generateName?: string;
  namespace?: string;
}

export interface ValidateObjectMetaNameOptions {
  /** true for namespaced kinds: namespace is required; false: it is forbidden. Omit to skip the check. */
  requiresNamespace?: boolean;
  /** Path prefix of the metadata; `metadata` by default. */
  path?: string;
}

/**
 * The name part of kube's ValidateObjectMeta: generateName (validated as a prefix), name
 * (`name or generateName is required` when empty) and, when asked, namespace. Errors read like
 * `metadata.name: Invalid value: "Bad": a lowercase RFC 1123 subdomain must consist of ...`.
 */
export function validateObjectMetaName(
  meta: NameMeta,
  nameFn: ValidateNameFunc,
  opts: ValidateObjectMetaNameOptions = {},
): FieldError[] {
  const path = opts.path ?? 'metadata';
  const errs: FieldError[] = [];
  const generateName = meta.generateName ?? '';
  const name = meta.name ?? '';
  if (generateName) {
    for (const msg of nameFn(generateName, true)) errs.push(fieldInvalid(`${path}.generateName`, generateName, msg));
  }
  if (!name) errs.push(fieldRequired(`${path}.name`, 'name or generateName is required'));
  else for (const msg of nameFn(name, false)) errs.push(fieldInvalid(`${path}.name`, name, msg));
  const namespace = meta.namespace ?? '';
  if (opts.requiresNamespace === true) {
    if (!namespace) errs.push(fieldRequired(`${path}.namespace`, ''));
    else
      for (const msg of validateNamespaceName(namespace, false))
        errs.push(fieldInvalid(`${path}.namespace`, namespace, msg));
  } else if (opts.requiresNamespace === false && namespace) {
    errs.push(fieldForbidden(`${path}.namespace`, 'not allowed on this type'));
  }
  return errs;
}
