import { describe, expect, it } from 'vitest';
import {
  conflict,
  fieldErrorString,
  fieldInvalid,
  fieldRequired,
  invalid,
  isConflict,
  isInvalid,
  isNotFound,
  notFound,
  StatusError,
} from '../../src/api/status.js';
import { nameIsDNSSubdomain, validateObjectMetaName } from '../../src/api/validation/names.js';

describe('Status messages (kube texts)', () => {
  it('notFound', () => {
    const e = notFound({ group: 'apps', resource: 'deployments' }, 'web');
    expect(e.message).toBe('deployments.apps "web" not found');
    expect(e.code).toBe(404);
    expect(e.status.details).toEqual({ name: 'web', group: 'apps', kind: 'deployments' });
    expect(isNotFound(e)).toBe(true);
    expect(notFound({ group: '', resource: 'pods' }, 'p').message).toBe('pods "p" not found');
  });

  it('conflict', () => {
    const e = conflict({ group: '', resource: 'configmaps' }, 'c');
    expect(e.message).toBe(
      'Operation cannot be fulfilled on configmaps "c": the object has been modified; please apply your changes to the latest version and try again',
    );
    expect(e.code).toBe(409);
    expect(isConflict(e)).toBe(true);
  });

  it('invalid', () => {
    const errs = validateObjectMetaName({ name: 'Bad' }, nameIsDNSSubdomain);
    const e = invalid({ group: '', kind: 'ConfigMap' }, 'Bad', errs);
    expect(e.message).toBe(
      "ConfigMap \"Bad\" is invalid: metadata.name: Invalid value: \"Bad\": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')",
    );
    expect(e.code).toBe(422);
    expect(isInvalid(e)).toBe(true);
    expect(e.status.details?.causes?.[0]?.field).toBe('metadata.name');
    const two = invalid({ group: 'apps', kind: 'Deployment' }, 'd', [
      fieldRequired('spec.selector', ''),
      fieldInvalid('spec.replicas', -1, 'must be greater than or equal to 0'),
    ]);
    expect(two.message).toBe(
      'Deployment.apps "d" is invalid: [spec.selector: Required value, spec.replicas: Invalid value: -1: must be greater than or equal to 0]',
    );
  });

  it('field error strings', () => {
    expect(fieldErrorString(fieldInvalid('a', 'x', 'bad'))).toBe('a: Invalid value: "x": bad');
    expect(StatusError.fromStatus({ code: 0, message: 'm' }, 503).code).toBe(503);
  });
});
