import { Args } from '@oclif/core';
import { ClientCommand } from '../../cli/client-command.js';
import { editFile, fileFor, loadKubeconfigSet } from '../../cli/config/kubeconfig-files.js';

export default class DeleteContext extends ClientCommand {
  static override summary = 'Delete the specified context from the kubeconfig';
  static override description = 'Delete the specified context from the kubeconfig.';
  static override examples = ['kctl config delete-context my-context'];
  static override args = { name: Args.string({ description: 'context name' }) };

  async run(): Promise<void> {
    const { flags, args } = await this.parse(DeleteContext);
    if (!args.name) throw new Error('Unexpected args: []');
    const name = args.name;
    const set = loadKubeconfigSet(flags);
    const configFile = set.defaultFile;
    if (!set.merged.contexts.some((c) => c.name === name)) {
      throw new Error(`cannot delete context ${name}, not in ${configFile}`);
    }
    if (set.merged['current-context'] === name) {
      this.err(
        'warning: this removed your active context, use "kubectl config use-context" to select a different one\n',
      );
    }
    editFile(set, fileFor(set, 'contexts', name), (cfg) => {
      cfg.contexts = cfg.contexts.filter((c) => c.name !== name);
    });
    this.out(`deleted context ${name} from ${configFile}\n`);
  }
}
