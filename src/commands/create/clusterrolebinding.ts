import { Flags } from '@oclif/core';
import { ClientCommand } from '../../cli/client-command.js';
import { generatorFlags, generatorPrintFlags, nameArg, runGenerator } from '../../generators/index.js';
import { clusterRoleBindingObject } from '../../generators/rbac.js';
import { subjectFlags } from './rolebinding.js';

export default class CreateClusterRoleBinding extends ClientCommand {
  static override summary = 'Create a cluster role binding for a particular cluster role';
  static override examples = [
    'kctl create clusterrolebinding cluster-admin --clusterrole=cluster-admin --user=user1 --group=group1',
  ];
  static override strict = false;
  static override flags = {
    ...generatorFlags,
    ...subjectFlags,
    clusterrole: Flags.string({ description: 'ClusterRole this ClusterRoleBinding should reference' }),
  };

  async run(): Promise<void> {
    const { flags, argv } = await this.parse(CreateClusterRoleBinding);
    const name = nameArg(argv as string[], 'create clusterrolebinding');
    await runGenerator({
      obj: clusterRoleBindingObject({
        name,
        clusterRole: flags.clusterrole,
        users: flags.user,
        groups: flags.group,
        serviceAccounts: flags.serviceaccount,
      }),
      target: { group: 'rbac.authorization.k8s.io', version: 'v1', resource: 'clusterrolebindings', namespaced: false },
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
