/**
 * `kubectl create rolebinding|clusterrolebinding`: bindings with subjects in kubectl's order
 * (users, then groups, then service accounts given as `namespace:name`).
 */

const RBAC_GROUP = 'rbac.authorization.k8s.io';

export interface BindingOptions {
  name: string;
  /** Set only when -n was given (RoleBinding only; ClusterRoleBinding ignores it). */
  namespace?: string;
  role?: string;
  clusterRole?: string;
  users?: string[];
  groups?: string[];
  serviceAccounts?: string[];
}

function subjects(o: BindingOptions): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [];
  for (const u of o.users ?? []) out.push({ kind: 'User', apiGroup: RBAC_GROUP, name: u });
  for (const g of o.groups ?? []) out.push({ kind: 'Group', apiGroup: RBAC_GROUP, name: g });
  for (const sa of o.serviceAccounts ?? []) {
    const parts = sa.split(':');
    if (parts.length !== 2 || !parts[1]) throw new Error('serviceaccount must be <namespace>:<name>');
    out.push({ kind: 'ServiceAccount', name: parts[1], namespace: parts[0] });
  }
  return out;
}

function binding(kind: string, metadata: Record<string, unknown>, refKind: string, ref: string, o: BindingOptions) {
  const subs = subjects(o);
  // Go's field order: subjects before roleRef
  const obj: Record<string, unknown> = { kind, apiVersion: `${RBAC_GROUP}/v1`, metadata };
  if (subs.length > 0) obj.subjects = subs;
  obj.roleRef = { apiGroup: RBAC_GROUP, kind: refKind, name: ref };
  return obj;
}

/** A RoleBinding to exactly one of --role / --clusterrole. */
export function roleBindingObject(o: BindingOptions): Record<string, unknown> {
  if (!o.role === !o.clusterRole) throw new Error('exactly one of clusterrole or role must be specified');
  const metadata: Record<string, unknown> = { name: o.name };
  if (o.namespace) metadata.namespace = o.namespace;
  return o.role
    ? binding('RoleBinding', metadata, 'Role', o.role, o)
    : binding('RoleBinding', metadata, 'ClusterRole', o.clusterRole!, o);
}

/** A ClusterRoleBinding; --clusterrole is required (cobra's required-flag error otherwise). */
export function clusterRoleBindingObject(o: BindingOptions): Record<string, unknown> {
  if (!o.clusterRole) throw new Error('required flag(s) "clusterrole" not set');
  return binding('ClusterRoleBinding', { name: o.name }, 'ClusterRole', o.clusterRole, o);
}
