import { describe, expect, it } from 'vitest';
import { ago, cells, create, headers, kindOf, update } from './strategy-harness.js';

const RBAC = 'rbac.authorization.k8s.io';
const meta = (name: string) => ({ name, creationTimestamp: ago(3600) });

describe('rbac.authorization.k8s.io/v1', () => {
  it('defaults roleRef and User/Group subject api groups', () => {
    const { obj, errors } = create(kindOf(RBAC, 'v1', 'rolebindings'), {
      metadata: meta('read'),
      roleRef: { kind: 'Role', name: 'reader' },
      subjects: [
        { kind: 'User', name: 'jane' },
        { kind: 'ServiceAccount', name: 'ci', namespace: 'build' },
      ],
    });
    expect(errors).toEqual([]);
    expect(obj.roleRef).toEqual({ apiGroup: RBAC, kind: 'Role', name: 'reader' });
    expect(obj.subjects).toEqual([
      { kind: 'User', name: 'jane', apiGroup: RBAC },
      { kind: 'ServiceAccount', name: 'ci', namespace: 'build' },
    ]);
  });

  it('rejects invalid rules and bindings with kube messages', () => {
    expect(
      create(kindOf(RBAC, 'v1', 'roles'), { metadata: meta('r'), rules: [{ apiGroups: [''], resources: ['pods'] }] })
        .errors,
    ).toEqual(['rules[0].verbs: Required value: verbs must contain at least one value']);
    expect(
      create(kindOf(RBAC, 'v1', 'roles'), {
        metadata: meta('r'),
        rules: [{ verbs: ['get'], nonResourceURLs: ['/healthz'] }],
      }).errors,
    ).toEqual([
      'rules[0].nonResourceURLs: Invalid value: []string{"/healthz"}: namespaced rules cannot apply to non-resource URLs',
    ]);
    expect(
      create(kindOf(RBAC, 'v1', 'clusterrolebindings'), {
        metadata: meta('b'),
        roleRef: { kind: 'Role', name: 'x' },
        subjects: [{ kind: 'ServiceAccount', name: 'sa' }],
      }).errors,
    ).toEqual([
      'roleRef.kind: Unsupported value: "Role": supported values: "ClusterRole"',
      'subjects[0].namespace: Required value',
    ]);
    expect(create(kindOf(RBAC, 'v1', 'clusterroles'), { metadata: meta('agg'), aggregationRule: {} }).errors).toEqual([
      'aggregationRule.clusterRoleSelectors: Required value: at least one clusterRoleSelector required if aggregationRule is non-nil',
    ]);
  });

  it('keeps roleRef immutable', () => {
    const k = kindOf(RBAC, 'v1', 'rolebindings');
    const old = create(k, { metadata: meta('b'), roleRef: { kind: 'ClusterRole', name: 'view' } }).obj;
    expect(update(k, { ...old, roleRef: { apiGroup: RBAC, kind: 'ClusterRole', name: 'edit' } }, old)).toEqual([
      'roleRef: Invalid value: rbac.RoleRef{APIGroup:"rbac.authorization.k8s.io", Kind:"ClusterRole", Name:"edit"}: cannot change roleRef',
    ]);
  });

  it('prints kube tables', () => {
    expect(headers(kindOf(RBAC, 'v1', 'roles'))).toBe('NAME CREATED AT');
    const rb = kindOf(RBAC, 'v1', 'rolebindings');
    expect(headers(rb, true)).toBe('NAME ROLE AGE USERS GROUPS SERVICEACCOUNTS');
    const { obj } = create(rb, {
      metadata: meta('devs'),
      roleRef: { kind: 'ClusterRole', name: 'edit' },
      subjects: [
        { kind: 'User', name: 'jane' },
        { kind: 'User', name: 'joe' },
        { kind: 'Group', name: 'devs' },
        { kind: 'ServiceAccount', name: 'ci', namespace: 'build' },
      ],
    });
    expect(cells(rb, obj)).toEqual(['devs', 'ClusterRole/edit', '60m', 'jane, joe', 'devs', 'build:ci']);
  });

  it('exports bootstrap roles that pass validation', async () => {
    const { seedObjects } = await import('../../../src/server/apis/rbac/module.js');
    const names = seedObjects.map((o) => `${o.kind}/${o.metadata?.name}`);
    expect(names).toContain('ClusterRole/cluster-admin');
    expect(names).toContain('ClusterRoleBinding/cluster-admin');
    for (const o of seedObjects) {
      const k = kindOf(RBAC, 'v1', o.kind === 'ClusterRole' ? 'clusterroles' : 'clusterrolebindings');
      expect(create(k, o).errors, o.metadata?.name).toEqual([]);
    }
  });
});
