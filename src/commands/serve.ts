import { readFileSync } from 'node:fs';
import { Flags } from '@oclif/core';
import { KctlCommand } from '../cli/base-command.js';
import { Faults } from '../server/faults/fault-injector.js';
import { defaultDataDir, startServer } from '../server/serve.js';
import { parseSnapshot } from '../server/snapshot/format.js';

export default class Serve extends KctlCommand {
  static override summary = 'Run a local Kubernetes API server';
  static override description =
    'Serve the Kubernetes API on one TLS port (HTTP/2 and HTTP/1.1) from an embedded store in the data dir. ' +
    'Writes an admin kubeconfig to <data-dir>/kubeconfig and merges the "kctl" context into your kubeconfig.';
  static override examples = ['kctl serve', 'kctl serve --port 0 --data-dir /tmp/kctl --no-update-kubeconfig'];
  static override flags = {
    address: Flags.string({ default: '127.0.0.1', description: 'The IP address to listen on.' }),
    port: Flags.integer({
      default: 6443,
      min: 0,
      max: 65535,
      description: 'The port to listen on (0 picks a free one).',
    }),
    'data-dir': Flags.string({
      description: 'Where state, certificates and the kubeconfig are kept (default ~/.kctl/serve).',
    }),
    'no-update-kubeconfig': Flags.boolean({ description: "Do not merge the kctl context into the user's kubeconfig." }),
    storage: Flags.string({
      default: 'sqlite',
      options: ['sqlite', 'memory'],
      description: 'Where objects are stored.',
    }),
    'from-snapshot': Flags.string({
      description: 'Start from this store snapshot (kctl snapshot save|record); the store must be empty.',
    }),
    'fault-injection': Flags.boolean({
      description:
        'Serve the /kctl/faults admin endpoint (admin certificate only) to inject errors, latency and watch faults.',
    }),
    'fault-seed': Flags.integer({ default: 1, description: 'Seed for probabilistic fault rules.' }),
  };

  async run(): Promise<void> {
    const { flags } = await this.parse(Serve);
    const server = await startServer({
      address: flags.address,
      port: flags.port,
      dataDir: flags['data-dir'] ?? defaultDataDir(),
      storage: flags.storage as 'sqlite' | 'memory',
      updateKubeconfig: !flags['no-update-kubeconfig'],
      snapshot: flags['from-snapshot'] ? parseSnapshot(readFileSync(flags['from-snapshot'], 'utf8')) : undefined,
      faults: flags['fault-injection'] ? new Faults({ seed: flags['fault-seed'] }) : undefined,
    });
    process.stdout.write(`kctl serve: ready at ${server.url} (kubeconfig: ${server.kubeconfigPath})\n`);
    // Runs until a signal: stop accepting, end watches, close the store, exit 0.
    await new Promise<void>((done) => {
      const stop = (): void => {
        process.off('SIGINT', stop);
        process.off('SIGTERM', stop);
        server.close().then(done, done);
      };
      process.on('SIGINT', stop);
      process.on('SIGTERM', stop);
    });
  }
}
