import { Flags } from '@oclif/core';
import { ClientCommand } from '../../../cli/client-command.js';
import {
  generatorFlags,
  generatorPrintFlags,
  nameArg,
  runGenerator,
  serviceObject,
} from '../../../generators/index.js';

export default class CreateServiceLoadBalancer extends ClientCommand {
  static override summary = 'Create a loadbalancer service';
  static override aliases = ['create:svc:loadbalancer'];
  static override strict = false;
  static override flags = {
    ...generatorFlags,
    tcp: Flags.string({ multiple: true, description: 'Port pairs can be specified as "<port>:<targetPort>".' }),
    clusterip: Flags.string({
      description: 'Assign your own ClusterIP or set to "None" for a "headless" service (no loadbalancing).',
    }),
    'node-port': Flags.integer({
      default: 0,
      description: 'Port used to expose the service on each node in a cluster.',
    }),
    'external-name': Flags.string({ description: 'External name of service' }),
  };

  async run(): Promise<void> {
    const { flags, argv } = await this.parse(CreateServiceLoadBalancer);
    const name = nameArg(argv as string[], 'create service loadbalancer');
    await runGenerator({
      obj: serviceObject({
        name,
        namespace: flags.namespace,
        type: 'LoadBalancer',
        tcp: flags.tcp,
        clusterIP: flags.clusterip,
        nodePort: flags['node-port'],
        externalName: flags['external-name'],
      }),
      target: { group: '', version: 'v1', resource: 'services', namespaced: true },
      client: () => this.client(flags),
      dryRun: flags['dry-run'],
      saveConfig: flags['save-config'],
      fieldManager: flags['field-manager'],
      print: generatorPrintFlags(flags),
      out: process.stdout,
    });
  }
}
