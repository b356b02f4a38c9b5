/**
 * The one definition behind `kctl create service clusterip|nodeport|loadbalancer|externalname`:
 * kubectl gives all four subcommands the same flag set and differs only in the Service type, so
 * each command file just names its type and keeps its own summary/aliases for oclif.
 */
import { Flags } from '@oclif/core';
import { generatorFlags, nameArg, type ServiceType, serviceObject } from '../generators/index.js';
import { GeneratorCommand } from './generator-command.js';
import type { globalFlags } from './global-flags.js';

/** Flags of every `create service <type>` subcommand (kubectl registers all of them on each). */
export const serviceFlags = {
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

/**
 * The statics oclif parses with: the running subclass's own (each command class declares its
 * strict/flags, and this base declares none, because oclif's manifest stops collecting
 * inherited statics such as the global baseFlags at an intermediate class that has its own).
 */
type CommandStatics = { flags: typeof serviceFlags; baseFlags: typeof globalFlags; strict: boolean };

/**
 * Base of the four `create service` commands. Subclasses set `serviceType` and their own static
 * summary/aliases and `static flags = serviceFlags`. ExternalName requires --external-name (checked
 * before the name argument, as kubectl marks the flag required).
 */
export abstract class CreateServiceCommand extends GeneratorCommand {
  protected abstract readonly serviceType: ServiceType;

  async run(): Promise<void> {
    const { flags, argv } = await this.parse(this.constructor as unknown as CommandStatics);
    const type = this.serviceType;
    if (type === 'ExternalName' && !flags['external-name']) {
      throw new Error('required flag(s) "external-name" not set');
    }
    const name = nameArg(argv as string[], `create service ${type.toLowerCase()}`);
    const obj = serviceObject({
      name,
      namespace: flags.namespace,
      type,
      tcp: flags.tcp,
      clusterIP: flags.clusterip,
      nodePort: flags['node-port'],
      externalName: flags['external-name'],
    });
    await this.generate(flags, obj, { group: '', version: 'v1', resource: 'services', namespaced: true });
  }
}
