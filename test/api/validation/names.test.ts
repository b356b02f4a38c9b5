import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fieldErrorString, invalid } from '../../../src/api/status.js';
import {
  isDNS1035Label,
  isDNS1123Label,
  isDNS1123Subdomain,
  isValidPathSegmentName,
  maskTrailingDash,
  nameIsDNS1035Label,
  nameIsDNSLabel,
  nameIsDNSSubdomain,
  regexError,
  validateObjectMetaName,
  validatePathSegmentName,
} from '../../../src/api/validation/names.js';

const SUBDOMAIN_MSG =
  "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";
const LABEL_MSG =
  "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')";
const DNS1035_MSG =
  "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')";

describe('DNS names', () => {
  it('IsDNS1123Subdomain', () => {
    expect(isDNS1123Subdomain('example.com')).toEqual([]);
    expect(isDNS1123Subdomain('Bad')).toEqual([SUBDOMAIN_MSG]);
    expect(isDNS1123Subdomain('a'.repeat(254))).toEqual(['must be no more than 253 characters']);
    expect(isDNS1123Subdomain(`${'a'.repeat(253)}-`)).toEqual(['must be no more than 253 characters', SUBDOMAIN_MSG]);
    expect(isDNS1123Subdomain('')).toEqual([SUBDOMAIN_MSG]);
  });

  it('IsDNS1123Label', () => {
    expect(isDNS1123Label('my-name')).toEqual([]);
    expect(isDNS1123Label('a.b')).toEqual(['must not contain dots']);
    expect(isDNS1123Label('-a')).toEqual([LABEL_MSG]);
    expect(isDNS1123Label('a'.repeat(64))).toEqual(['must be no more than 63 characters']);
  });

  it('IsDNS1035Label', () => {
    expect(isDNS1035Label('svc-1')).toEqual([]);
    expect(isDNS1035Label('1svc')).toEqual([DNS1035_MSG]);
    expect(isDNS1035Label('a'.repeat(64))).toEqual(['must be no more than 63 characters']);
  });

  it('counts UTF-8 bytes like Go', () => {
    expect(isDNS1123Label('é'.repeat(32))[0]).toBe('must be no more than 63 characters');
  });

  it('regexError without examples', () => {
    expect(regexError('bad', 'x+')).toBe("bad (regex used for validation is 'x+')");
  });

  it('every valid label is a valid subdomain', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[a-z0-9.-]{0,70}$/), (s) => {
        if (isDNS1123Label(s).length === 0) expect(isDNS1123Subdomain(s)).toEqual([]);
        if (isDNS1035Label(s).length === 0) expect(isDNS1123Label(s)).toEqual([]);
      }),
    );
  });
});

describe('path segment names', () => {
  it('rejects . and .. alone, / and % anywhere', () => {
    expect(isValidPathSegmentName('.')).toEqual(["may not be '.'"]);
    expect(isValidPathSegmentName('..')).toEqual(["may not be '..'"]);
    expect(isValidPathSegmentName('a/b%c')).toEqual(["may not contain '/'", "may not contain '%'"]);
    expect(isValidPathSegmentName('system:admin')).toEqual([]);
    expect(validatePathSegmentName('..', true)).toEqual([]);
    expect(validatePathSegmentName('a/', true)).toEqual(["may not contain '/'"]);
  });
});

describe('generateName prefixes', () => {
  it('masks one trailing dash as kube does', () => {
    expect(maskTrailingDash('web-')).toBe('wea');
    expect(maskTrailingDash('-')).toBe('-');
    expect(maskTrailingDash('web')).toBe('web');
    expect(nameIsDNSSubdomain('web-', true)).toEqual([]);
    expect(nameIsDNSSubdomain('web-', false)).toEqual([SUBDOMAIN_MSG]);
    expect(nameIsDNSLabel('ns-', true)).toEqual([]);
    expect(nameIsDNS1035Label('svc-', true)).toEqual([]);
    expect(nameIsDNS1035Label('svc-', false)).toEqual([DNS1035_MSG]);
  });
});

describe('validateObjectMetaName', () => {
  it('reports a bad name with kube text and Status', () => {
    const errs = validateObjectMetaName({ name: 'Bad' }, nameIsDNSSubdomain);
    expect(errs.map(fieldErrorString)).toEqual([`metadata.name: Invalid value: "Bad": ${SUBDOMAIN_MSG}`]);
    expect(invalid({ group: '', kind: 'ConfigMap' }, 'Bad', errs).message).toBe(
      `ConfigMap "Bad" is invalid: metadata.name: Invalid value: "Bad": ${SUBDOMAIN_MSG}`,
    );
  });

  it('requires a name or generateName', () => {
    expect(validateObjectMetaName({}, nameIsDNSSubdomain).map(fieldErrorString)).toEqual([
      'metadata.name: Required value: name or generateName is required',
    ]);
  });

  it('validates generateName as a prefix', () => {
    expect(validateObjectMetaName({ generateName: 'web-', name: 'web-x1' }, nameIsDNSSubdomain)).toEqual([]);
    expect(
      validateObjectMetaName({ generateName: 'Web-', name: 'web-x1' }, nameIsDNSSubdomain).map(fieldErrorString),
    ).toEqual([`metadata.generateName: Invalid value: "Web-": ${SUBDOMAIN_MSG}`]);
  });

  it('checks the namespace when asked', () => {
    const ok = { name: 'a', namespace: 'default' };
    expect(validateObjectMetaName(ok, nameIsDNSSubdomain, { requiresNamespace: true })).toEqual([]);
    expect(
      validateObjectMetaName({ name: 'a' }, nameIsDNSSubdomain, { requiresNamespace: true }).map(fieldErrorString),
    ).toEqual(['metadata.namespace: Required value']);
    expect(
      validateObjectMetaName({ name: 'a', namespace: 'A.b' }, nameIsDNSSubdomain, { requiresNamespace: true }).map(
        fieldErrorString,
      ),
    ).toEqual([`metadata.namespace: Invalid value: "A.b": ${LABEL_MSG}`]);
    expect(
      validateObjectMetaName(ok, nameIsDNSSubdomain, { requiresNamespace: false, path: 'meta' }).map(fieldErrorString),
    ).toEqual(['meta.namespace: Forbidden: not allowed on this type']);
  });
});
