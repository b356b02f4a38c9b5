import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Args, Flags } from '@oclif/core';
import { ClientCommand } from '../../cli/client-command.js';
import { editFile, fileFor, loadKubeconfigSet } from '../../cli/config/kubeconfig-files.js';

export default class SetCluster extends ClientCommand {
  static override summary = 'Set a cluster entry in kubeconfig';
  static override description =
    'Set a cluster entry in kubeconfig. Specifying a name that already exists merges new fields on top of existing values.';
  static override examples = [
    'kctl config set-cluster e2e --server=https://1.2.3.4',
    'kctl config set-cluster e2e --certificate-authority=ca.crt --embed-certs',
  ];
  static override args = { name: Args.string({ description: 'cluster name' }) };
  static override flags = {
    'embed-certs': Flags.boolean({ description: 'embed-certs for the cluster entry in kubeconfig' }),
    'proxy-url': Flags.string({ description: 'proxy-url for the cluster entry in kubeconfig' }),
  };

  async run(): Promise<void> {
    const { flags, args } = await this.parse(SetCluster);
    if (!args.name) throw new Error('Unexpected args: []');
    const name = args.name;
    const set = loadKubeconfigSet({ kubeconfig: flags.kubeconfig });
    editFile(set, fileFor(set, 'clusters', name), (cfg) => {
      let entry = cfg.clusters.find((c) => c.name === name);
      if (!entry) {
        entry = { name, cluster: {} };
        cfg.clusters.push(entry);
      }
      const c = entry.cluster;
      if (flags.server !== undefined) c.server = flags.server;
      if (flags['tls-server-name'] !== undefined) c['tls-server-name'] = flags['tls-server-name'];
      if (flags['insecure-skip-tls-verify']) {
        c['insecure-skip-tls-verify'] = true;
        delete c['certificate-authority'];
        delete c['certificate-authority-data'];
      }
      const ca = flags['certificate-authority'];
      if (ca !== undefined) {
        delete c['insecure-skip-tls-verify'];
        if (flags['embed-certs']) {
          c['certificate-authority-data'] = readFileSync(ca).toString('base64');
          delete c['certificate-authority'];
        } else {
          c['certificate-authority'] = resolve(ca);
          delete c['certificate-authority-data'];
        }
      }
      if (flags['proxy-url'] !== undefined) c['proxy-url'] = flags['proxy-url'];
    });
    this.out(`Cluster "${name}" set.\n`);
  }
}
