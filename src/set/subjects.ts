/**
 * `kubectl set subject`: the subjects named by --user, --group and --serviceaccount, and adding
 * those a RoleBinding/ClusterRoleBinding lacks.
 */

export interface Subject {
  kind: string;
  apiGroup?: string;
  name: string;
  namespace?: string;
}

const RBAC_GROUP = 'rbac.authorization.k8s.io';

/**
 * kubectl's check of --serviceaccount values (`namespace:name`); `clusterBinding` adds the
 * rule that a ClusterRoleBinding's service account names its namespace.
 */
export function serviceAccountError(values: string[], clusterBinding: boolean): string | undefined {
  for (const sa of values) {
    const tokens = sa.split(':');
    if (tokens.length !== 2 || tokens[1] === '') return 'serviceaccount must be <namespace>:<name>';
    if (clusterBinding && tokens[0] === '') {
      return 'serviceaccount must be <namespace>:<name>, namespace must be specified';
    }
  }
  return undefined;
}

const sortedUnique = (v: string[]) => [...new Set(v)].sort();

/**
 * The subjects to add, in kubectl's order: users, then groups, then service accounts, each set
 * sorted and de-duplicated. A service account without a namespace (`:name`) gets `namespace`.
 */
export function subjectsFromFlags(users: string[], groups: string[], sas: string[], namespace: string): Subject[] {
  return [
    ...sortedUnique(users).map((name) => ({ kind: 'User', apiGroup: RBAC_GROUP, name })),
    ...sortedUnique(groups).map((name) => ({ kind: 'Group', apiGroup: RBAC_GROUP, name })),
    ...sortedUnique(sas).map((sa) => {
      const [ns, name] = sa.split(':') as [string, string];
      return { kind: 'ServiceAccount', name, namespace: ns || namespace };
    }),
  ];
}

const sameSubject = (a: Subject, b: Subject) =>
  a.kind === b.kind &&
  (a.apiGroup ?? '') === (b.apiGroup ?? '') &&
  a.name === b.name &&
  (a.namespace ?? '') === (b.namespace ?? '');

/** `existing` plus the targets it does not hold yet; undefined when nothing is added. */
export function addSubjects(existing: Subject[], targets: Subject[]): Subject[] | undefined {
  const added = targets.filter((t) => !existing.some((e) => sameSubject(e, t)));
  return added.length > 0 ? [...existing, ...added] : undefined;
}
