import { Flags } from '@oclif/core';
import { dryRunQuery, parseDryRun } from '../apply/dry-run.js';
import { withLastApplied } from '../apply/last-applied.js';
import { operationPrinter } from '../apply/operation-printer.js';
import { ClientCommand } from '../cli/client-command.js';
import { exposeServiceObject } from '../generators/expose.js';
import { collectionPath, generatorFlags, generatorPrintFlags } from '../generators/index.js';
import { buildResources } from '../resource/builder.js';

const EXPOSABLE = new Set(['pods', 'services', 'replicationcontrollers', 'deployments', 'replicasets']);

export default class Expose extends ClientCommand {
  static override summary =
    'Take a replication controller, service, deployment or pod and expose it as a new Kubernetes service';
  static override examples = ['kctl expose deployment nginx --port=80 --target-port=8000'];
  static override strict = false;
  static override flags = {
    ...generatorFlags,
    'field-manager': Flags.string({
      default: 'kubectl-expose',
      description: 'Name of the manager used to track field ownership.',
    }),
    filename: Flags.string({
      char: 'f',
      multiple: true,
      description: 'Filename, directory, or URL to files identifying the resource to expose a service',
    }),
    recursive: Flags.boolean({ char: 'R', description: 'Process the directory used in -f, --filename recursively.' }),
    port: Flags.string({ description: 'The port that the service should serve on.' }),
    'target-port': Flags.string({
      description: 'Name or number for the port on the container that the service should direct traffic to.',
    }),
    protocol: Flags.string({ description: "The network protocol for the service to be created. Default is 'TCP'." }),
    type: Flags.string({ description: 'Type for this service: ClusterIP, NodePort, LoadBalancer, or ExternalName.' }),
    name: Flags.string({ description: 'The name for the newly created object.' }),
    selector: Flags.string({
      description: 'A label selector to use for this service. Only equality-based selector requirements are supported.',
    }),
    labels: Flags.string({ char: 'l', description: 'Labels to apply to the service created by this call.' }),
    'cluster-ip': Flags.string({
      description:
        "ClusterIP to be assigned to the service. Leave empty to auto-allocate, or set to 'None' to create a headless service.",
    }),
    'external-ip': Flags.string({
      description: 'Additional external IP address (not managed by Kubernetes) to accept for the service.',
    }),
    'load-balancer-ip': Flags.string({ description: 'IP to assign to the LoadBalancer.' }),
    'session-affinity': Flags.string({
      description: "If non-empty, set the session affinity for the service to this; legal values: 'None', 'ClientIP'",
    }),
  };

  async run(): Promise<void> {
    const { flags, argv } = await this.parse(Expose);
    const dryRun = parseDryRun(flags['dry-run']);
    const ctx = this.client(flags);
    const result = await buildResources({
      mapper: ctx.mapper,
      client: ctx.rest,
      args: argv as string[],
      filenames: flags.filename,
      recursive: flags.recursive,
      namespace: ctx.namespace,
      continueOnError: true,
      requireObject: true,
    });
    if (result.err) throw result.err;
    const { infos, errors } = await result.settle();
    for (const info of infos) {
      const resource = info.mapping.resource.resource;
      if (!EXPOSABLE.has(resource)) throw new Error(`cannot expose a ${info.mapping.gvk.kind}`);
      const svc = exposeServiceObject({
        source: (info.object ?? {}) as Record<string, unknown>,
        resource,
        namespace: info.namespace,
        name: flags.name,
        port: flags.port,
        targetPort: flags['target-port'],
        protocol: flags.protocol,
        type: flags.type,
        selector: flags.selector,
        labels: flags.labels,
        clusterIp: flags['cluster-ip'],
        externalIp: flags['external-ip'],
        loadBalancerIp: flags['load-balancer-ip'],
        sessionAffinity: flags['session-affinity'],
      });
      let obj = flags['save-config'] ? withLastApplied(svc, true) : svc;
      let typed = true;
      if (dryRun !== 'client') {
        const query: Record<string, string> = { ...dryRunQuery(dryRun), fieldManager: flags['field-manager'] };
        obj = await ctx.rest.json<Record<string, unknown>>({
          method: 'POST',
          path: collectionPath({ group: '', version: 'v1', resource: 'services', namespaced: true }, info.namespace),
          query,
          body: obj,
        });
        typed = false;
      }
      await operationPrinter(generatorPrintFlags(flags), 'exposed', dryRun).print(obj, process.stdout, {
        typed,
        group: '',
      });
    }
    if (errors.length > 0) throw errors[0];
  }
}
