/**
 * The building blocks of kube's validation messages (util/validation's MaxLenError, RegexError,
 * EmptyError and the DNS formats), shared by name and label-key validation.
 */

/** Go's len(): strings are measured in UTF-8 bytes, not UTF-16 code units. */
export const byteLength = (s: string): number => Buffer.byteLength(s, 'utf8');

/** util/validation.MaxLenError: `must be no more than 253 characters`. */
export const maxLenError = (length: number): string => `must be no more than ${length} characters`;

/** api/validate/content.MaxLenError, used for label keys and values: `must be no more than 63 bytes`. */
export const contentMaxLenError = (length: number): string => `must be no more than ${length} bytes`;

/** util/validation.EmptyError. */
export const emptyError = (): string => 'must be non-empty';

/**
 * util/validation.RegexError. With examples the text reads
 * `msg (e.g. 'a',  or 'b', regex used for validation is 're')`; the double space is kube's.
 */
export function regexError(msg: string, re: string, ...examples: string[]): string {
  if (examples.length === 0) return `${msg} (regex used for validation is '${re}')`;
  const ex = examples.map((e) => `'${e}', `).join(' or ');
  return `${msg} (e.g. ${ex}regex used for validation is '${re}')`;
}

export const DNS1123_LABEL_FMT = '[a-z0-9]([-a-z0-9]*[a-z0-9])?';
export const DNS1123_SUBDOMAIN_FMT = `${DNS1123_LABEL_FMT}(\\.${DNS1123_LABEL_FMT})*`;
export const DNS1035_LABEL_FMT = '[a-z]([-a-z0-9]*[a-z0-9])?';
export const DNS1123_LABEL_MAX_LENGTH = 63;
export const DNS1123_SUBDOMAIN_MAX_LENGTH = 253;
export const DNS1035_LABEL_MAX_LENGTH = 63;

export const DNS1123_LABEL_MSG =
  "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character";
export const DNS1123_SUBDOMAIN_MSG =
  "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character";
export const DNS1035_LABEL_MSG =
  "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character";
