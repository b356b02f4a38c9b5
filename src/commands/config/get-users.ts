import { ClientCommand } from '../../cli/client-command.js';
import { loadKubeconfigSet } from '../../cli/config/kubeconfig-files.js';

export default class GetUsers extends ClientCommand {
  static override summary = 'Display users defined in the kubeconfig';
  static override description = 'Display users defined in the kubeconfig (sorted by name).';
  static override examples = ['kctl config get-users'];

  async run(): Promise<void> {
    const { flags } = await this.parse(GetUsers);
    const names = loadKubeconfigSet(flags).merged.users.map((u) => u.name);
    names.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    this.out(['NAME', ...names].map((n) => `${n}\n`).join(''));
  }
}
