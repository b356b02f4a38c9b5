import { Args, Flags } from '@oclif/core';
import { ClientCommand } from '../../cli/client-command.js';
import { editFile, fileFor, loadKubeconfigSet } from '../../cli/config/kubeconfig-files.js';

export default class SetContext extends ClientCommand {
  static override summary = 'Set a context entry in kubeconfig';
  static override description =
    'Set a context entry in kubeconfig. Specifying a name that already exists merges new fields on top of existing values.';
  static override examples = [
    'kctl config set-context --current --namespace=shop',
    'kctl config set-context dev --cluster=dev --user=alice',
  ];
  static override args = { name: Args.string({ description: 'context name' }) };
  static override flags = {
    current: Flags.boolean({ description: 'Modify the current context' }),
  };

  async run(): Promise<void> {
    const { flags, args } = await this.parse(SetContext);
    // --cluster/--user/--namespace are kubectl's global flags too; here they name the fields to set.
    const set = loadKubeconfigSet({ kubeconfig: flags.kubeconfig });
    let name = args.name;
    if (flags.current) {
      if (name) throw new Error('you cannot specify both a context name and --current');
      name = set.merged['current-context'];
      if (!name) throw new Error('no current context is set');
    }
    if (!name) throw new Error('you must specify a non-empty context name or --current');
    const exists = set.merged.contexts.some((c) => c.name === name);
    editFile(set, fileFor(set, 'contexts', name), (cfg) => {
      let entry = cfg.contexts.find((c) => c.name === name);
      if (!entry) {
        entry = { name: name!, context: {} };
        cfg.contexts.push(entry);
      }
      if (flags.cluster !== undefined) entry.context.cluster = flags.cluster;
      if (flags.user !== undefined) entry.context.user = flags.user;
      if (flags.namespace !== undefined) entry.context.namespace = flags.namespace;
    });
    this.out(`Context "${name}" ${exists ? 'modified' : 'created'}.\n`);
  }
}
