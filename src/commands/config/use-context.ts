import { Args } from '@oclif/core';
import { ClientCommand } from '../../cli/client-command.js';
import { currentContextFile, editFile, loadKubeconfigSet } from '../../cli/config/kubeconfig-files.js';

export default class UseContext extends ClientCommand {
  static override summary = 'Set the current-context in a kubeconfig file';
  static override description = 'Set the current-context in a kubeconfig file.';
  static override examples = ['kctl config use-context minikube'];
  static override args = { name: Args.string({ description: 'context name' }) };

  async run(): Promise<void> {
    const { flags, args } = await this.parse(UseContext);
    if (!args.name) throw new Error('Unexpected args: []');
    const set = loadKubeconfigSet(flags);
    if (!set.merged.contexts.some((c) => c.name === args.name)) {
      throw new Error(`no context exists with the name: "${args.name}"`);
    }
    editFile(set, currentContextFile(set), (cfg) => {
      cfg['current-context'] = args.name;
    });
    this.out(`Switched to context "${args.name}".\n`);
  }
}
