import { Flags } from '@oclif/core';
import { GeneratorCommand } from '../../cli/generator-command.js';
import { generatorFlags, nameArg } from '../../generators/index.js';
import { clusterRoleBindingObject } from '../../generators/rbac.js';
import { subjectFlags, subjectsOf } from './rolebinding.js';

export default class CreateClusterRoleBinding extends GeneratorCommand {
  // --user names a subject here, not the kubeconfig user
  protected override readonly userFlagIsSubject = true;

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
    const obj = clusterRoleBindingObject({
      name,
      clusterRole: flags.clusterrole,
      ...subjectsOf(flags),
    });
    await this.generate(flags, obj, {
      group: 'rbac.authorization.k8s.io',
      version: 'v1',
      resource: 'clusterrolebindings',
      namespaced: false,
    });
  }
}
