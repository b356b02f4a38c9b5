import { ClientCommand } from '../../cli/client-command.js';
import { loadKubeconfigSet } from '../../cli/config/kubeconfig-files.js';

export default class CurrentContext extends ClientCommand {
  static override summary = 'Display the current-context';
  static override description = 'Display the current-context.';
  static override examples = ['kctl config current-context'];

  async run(): Promise<void> {
    const { flags } = await this.parse(CurrentContext);
    const current = loadKubeconfigSet(flags).merged['current-context'];
    if (!current) throw new Error('current-context is not set');
    this.out(`${current}\n`);
  }
}
