import { Flags } from '@oclif/core';
import { GeneratorCommand } from '../../cli/generator-command.js';
import { generatorFlags, nameArg } from '../../generators/index.js';
import { roleBindingObject } from '../../generators/rbac.js';

/** Subject flags shared with `create clusterrolebinding`. */
export const subjectFlags = {
  user: Flags.string({
    multiple: true,
    description: 'Usernames to bind to the role. The flag can be repeated to add multiple users.',
  }),
  group: Flags.string({
    multiple: true,
    description: 'Groups to bind to the role. The flag can be repeated to add multiple groups.',
  }),
  serviceaccount: Flags.string({
    multiple: true,
    description:
      'Service accounts to bind to the role, in the format <namespace>:<name>. The flag can be repeated to add multiple service accounts.',
  }),
};

/** The binding generators' subjects, as given by `subjectFlags` (each may be absent). */
export function subjectsOf(flags: { user?: string[]; group?: string[]; serviceaccount?: string[] }) {
  return { users: flags.user, groups: flags.group, serviceAccounts: flags.serviceaccount };
}

export default class CreateRoleBinding extends GeneratorCommand {
  // --user names a subject here, not the kubeconfig user
  protected override readonly userFlagIsSubject = true;

  static override summary = 'Create a role binding for a particular role or cluster role';
  static override examples = [
    'kctl create rolebinding admin --clusterrole=admin --user=user1 --user=user2 --group=group1',
  ];
  static override strict = false;
  static override flags = {
    ...generatorFlags,
    ...subjectFlags,
    role: Flags.string({ description: 'Role this RoleBinding should reference' }),
    clusterrole: Flags.string({ description: 'ClusterRole this RoleBinding should reference' }),
  };

  async run(): Promise<void> {
    const { flags, argv } = await this.parse(CreateRoleBinding);
    const name = nameArg(argv as string[], 'create rolebinding');
    const obj = roleBindingObject({
      name,
      namespace: flags.namespace,
      role: flags.role,
      clusterRole: flags.clusterrole,
      ...subjectsOf(flags),
    });
    await this.generate(flags, obj, {
      group: 'rbac.authorization.k8s.io',
      version: 'v1',
      resource: 'rolebindings',
      namespaced: true,
    });
  }
}
