import { describe, expect, it } from 'vitest';
import { addSubjects, serviceAccountError, subjectsFromFlags } from '../../src/set/subjects.js';

describe('subjectsFromFlags', () => {
  it('orders users, groups, service accounts; sorted and unique; default namespace', () => {
    expect(subjectsFromFlags(['b', 'a', 'b'], ['g'], ['other:x', ':y'], 'ns1')).toEqual([
      { kind: 'User', apiGroup: 'rbac.authorization.k8s.io', name: 'a' },
      { kind: 'User', apiGroup: 'rbac.authorization.k8s.io', name: 'b' },
      { kind: 'Group', apiGroup: 'rbac.authorization.k8s.io', name: 'g' },
      { kind: 'ServiceAccount', name: 'y', namespace: 'ns1' },
      { kind: 'ServiceAccount', name: 'x', namespace: 'other' },
    ]);
  });
});

describe('serviceAccountError', () => {
  it('needs namespace:name, and a namespace for cluster bindings', () => {
    expect(serviceAccountError(['ns:a'], true)).toBeUndefined();
    expect(serviceAccountError([':a'], false)).toBeUndefined();
    expect(serviceAccountError(['a'], false)).toBe('serviceaccount must be <namespace>:<name>');
    expect(serviceAccountError(['a:b:c'], false)).toBe('serviceaccount must be <namespace>:<name>');
    expect(serviceAccountError(['a:'], false)).toBe('serviceaccount must be <namespace>:<name>');
    expect(serviceAccountError([':a'], true)).toBe(
      'serviceaccount must be <namespace>:<name>, namespace must be specified',
    );
  });
});

describe('addSubjects', () => {
  it('adds only missing subjects (apiGroup "" equals absent)', () => {
    const existing = [{ kind: 'ServiceAccount', apiGroup: '', name: 'x', namespace: 'n' }];
    expect(addSubjects(existing, [{ kind: 'ServiceAccount', name: 'x', namespace: 'n' }])).toBeUndefined();
    expect(addSubjects(existing, [{ kind: 'User', name: 'u' }])).toEqual([...existing, { kind: 'User', name: 'u' }]);
  });
});
