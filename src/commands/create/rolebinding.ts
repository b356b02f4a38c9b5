import { Flags } from '@oclif/core';
import { ClientCommand } from '../../cli/client-command.js';
import { generatorFlags, generatorPrintFlags, nameArg, runGenerator } from '../../generators/index.js';
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

export default class CreateRoleBinding extends ClientCommand {
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
    await runGenerator({
      obj: roleBindingObject({
        name,
        namespace: flags.namespace,
        role: flags.role,
        clusterRole: flags.clusterrole,
        users: flags.user,
        groups: flags.group,
        serviceAccounts: flags.serviceaccount,
      }),
      target: { group: 'rbac.authorization.k8s.io', version: 'v1', resource: 'rolebindings', namespaced: true },
      // --user names a subject here, not the kubeconfig user
      client: () => this.client({ ...flags, user: undefined }),
      dryRun: flags['dry-run'],
      saveConfig: flags['save-config'],
      fieldManager: flags['field-manager'],
      print: generatorPrintFlags(flags),
      out: process.stdout,
    });
  }
}
