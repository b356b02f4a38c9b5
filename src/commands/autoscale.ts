import { Flags } from '@oclif/core';
import { parseDryRun } from '../apply/dry-run.js';
import { withLastApplied } from '../apply/last-applied.js';
import { operationPrinter } from '../apply/operation-printer.js';
import { ClientCommand } from '../cli/client-command.js';
import { hpaObject, validateHpa } from '../generators/hpa.js';
import { generatorFlags, generatorPrintFlags } from '../generators/index.js';
import { buildResources } from '../resource/builder.js';

const { validate: _v, ...createFlags } = generatorFlags;
const SCALABLE = new Set(['deployments', 'replicasets', 'statefulsets', 'replicationcontrollers']);

export default class Autoscale extends ClientCommand {
  static override summary = 'Auto-scale a deployment, replica set, stateful set, or replication controller';
  static override examples = [
    'kctl autoscale deployment foo --min=2 --max=10',
    'kctl autoscale rc foo --max=5 --cpu=80%',
  ];
  static override strict = false;
  static override flags = {
    ...createFlags,
    'field-manager': Flags.string({
      default: 'kubectl-autoscale',
      description: 'Name of the manager used to track field ownership.',
    }),
    filename: Flags.string({
      char: 'f',
      multiple: true,
      description: 'Filename, directory, or URL to files identifying the resource to autoscale.',
    }),
    recursive: Flags.boolean({ char: 'R', description: 'Process the directory used in -f, --filename recursively.' }),
    min: Flags.integer({
      default: -1,
      description: 'The lower limit for the number of pods that can be set by the autoscaler.',
    }),
    max: Flags.integer({
      default: -1,
      description: 'The upper limit for the number of pods that can be set by the autoscaler. Required.',
    }),
    'cpu-percent': Flags.integer({ default: -1, hidden: true, description: 'Deprecated: use --cpu instead.' }),
    cpu: Flags.string({
      description: 'Target CPU utilization over all the pods (e.g. 70%) or an absolute value (e.g. 500m).',
    }),
    memory: Flags.string({
      description: 'Target memory utilization over all the pods (e.g. 60%) or an absolute value (e.g. 200Mi).',
    }),
    name: Flags.string({
      description:
        'The name for the newly created object. If not specified, the name of the input resource will be used.',
    }),
  };

  async run(): Promise<void> {
    const { flags, argv } = await this.parse(Autoscale);
    if (flags['cpu-percent'] !== -1) {
      process.stderr.write(
        "Flag --cpu-percent has been deprecated, Use --cpu with percentage or resource quantity format (e.g., '70%' for utilization or '500m' for milliCPU).\n",
      );
    }
    validateHpa({ min: flags.min, max: flags.max, cpuPercent: flags['cpu-percent'], cpu: flags.cpu });
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
    let count = 0;
    for (const info of infos) {
      const m = info.mapping;
      if (!SCALABLE.has(m.resource.resource)) {
        throw new Error(`cannot autoscale a ${m.gvk.kind}: no scale subresource for ${m.resource.resource}`);
      }
      const apiVersion = m.gvk.group ? `${m.gvk.group}/${m.gvk.version}` : m.gvk.version;
      let hpa = hpaObject({
        name: flags.name,
        namespace: info.namespace,
        targetName: info.name,
        targetApiVersion: apiVersion,
        targetKind: m.gvk.kind,
        min: flags.min,
        max: flags.max,
        cpuPercent: flags['cpu-percent'],
        cpu: flags.cpu,
        memory: flags.memory,
      });
      const print = generatorPrintFlags(flags);
      if (dryRun === 'client') {
        await operationPrinter(print, 'created', dryRun).print(hpa, process.stdout, {
          typed: true,
          group: 'autoscaling',
        });
      } else {
        if (flags['save-config']) hpa = withLastApplied(hpa, true);
        const query: Record<string, string> = { fieldManager: flags['field-manager'] };
        if (dryRun === 'server') query.dryRun = 'All';
        const created = await ctx.rest.json<Record<string, unknown>>({
          method: 'POST',
          path: `/apis/autoscaling/v2/namespaces/${encodeURIComponent(info.namespace || ctx.namespace)}/horizontalpodautoscalers`,
          query,
          body: hpa,
        });
        await operationPrinter(print, 'autoscaled', dryRun).print(created, process.stdout, {
          typed: false,
          group: 'autoscaling',
        });
      }
      count++;
    }
    if (errors.length > 0) throw errors[0];
    if (count === 0) throw new Error('no objects passed to autoscale');
  }
}
