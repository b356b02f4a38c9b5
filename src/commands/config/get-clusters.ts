import { ClientCommand } from '../../cli/client-command.js';
import { loadKubeconfigSet } from '../../cli/config/kubeconfig-files.js';

export default class GetClusters extends ClientCommand {
  static override summary = 'Display clusters defined in the kubeconfig';
  static override description = 'Display clusters defined in the kubeconfig (sorted by name).';
  static override examples = ['kctl config get-clusters'];

  async run(): Promise<void> {
    const { flags } = await this.parse(GetClusters);
    const names = loadKubeconfigSet(flags).merged.clusters.map((c) => c.name);
    names.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    this.out(['NAME', ...names].map((n) => `${n}\n`).join(''));
  }
}
