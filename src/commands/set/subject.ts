import { Flags } from '@oclif/core';
import {
  checkAllAndSelector,
  LOCAL_RESOURCE_ERROR,
  SetCommand,
  setFlags,
  setSelectorFlag,
} from '../../cli/set-command.js';
import type { KubeObject } from '../../resource/info.js';
import { runSet } from '../../set/run-set.js';
import { addSubjects, type Subject, serviceAccountError, subjectsFromFlags } from '../../set/subjects.js';

const BINDINGS = new Set(['RoleBinding', 'ClusterRoleBinding']);
const isBinding = (obj: KubeObject) =>
  BINDINGS.has(obj.kind ?? '') && (obj.apiVersion ?? '').startsWith('rbac.authorization.k8s.io/');

export default class SetSubject extends SetCommand {
  static override summary = 'Update the user, group, or service account in a role binding or cluster role binding';
  static override examples = [
    'kctl set subject clusterrolebinding admin --serviceaccount=namespace:serviceaccount1',
    'kctl set subject rolebinding admin --user=user1 --user=user2 --group=group1',
  ];
  static override strict = false;
  static override flags = {
    ...setFlags('set subject'),
    ...setSelectorFlag,
    // kubectl's own --user shadows the global one here.
    user: Flags.string({ multiple: true, description: 'Usernames to bind to the role' }),
    group: Flags.string({ multiple: true, description: 'Groups to bind to the role' }),
    serviceaccount: Flags.string({ multiple: true, description: 'Service accounts to bind to the role' }),
  };

  async run(): Promise<void> {
    const { flags, argv } = await this.parse(SetSubject);
    const args = argv as string[];
    const { user: users = [], group: groups = [], serviceaccount: sas = [], ...rest } = flags;
    const common = this.common(flags, rest);
    if (common.local && args.length > 0) throw new Error(LOCAL_RESOURCE_ERROR);
    const subjects = subjectsFromFlags(users, groups, sas, common.ctx.namespace);
    await runSet({
      ...common,
      args,
      operation: 'subjects updated',
      validate: (infos) => {
        checkAllAndSelector(flags);
        if (users.length === 0 && groups.length === 0 && sas.length === 0) {
          throw new Error('you must specify at least one value of user, group or serviceaccount');
        }
        const cluster = infos.some((i) => (i.object as KubeObject | undefined)?.kind === 'ClusterRoleBinding');
        const err = serviceAccountError(sas, cluster);
        if (err) throw new Error(err);
      },
      patchError: (e) => new Error(`failed to patch subjects to rolebinding: ${e.message}`),
      mutate: (obj) => {
        if (!isBinding(obj)) throw new Error('setting subjects is only supported for RoleBinding/ClusterRoleBinding');
        const next = addSubjects((obj.subjects ?? []) as Subject[], subjects);
        if (!next) return false;
        obj.subjects = next;
        return undefined;
      },
    });
  }
}
