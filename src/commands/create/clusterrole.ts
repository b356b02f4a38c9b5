import { Flags } from '@oclif/core';
import { GeneratorCommand } from '../../cli/generator-command.js';
import { generatorFlags, nameArg } from '../../generators/index.js';
import { clusterRoleObject, parseAggregationRule, parseRoleResources, splitSliceFlag } from '../../generators/role.js';
import { mapperResolver, ruleFlags } from './role.js';

export default class CreateClusterRole extends GeneratorCommand {
  static override summary = 'Create a cluster role';
  static override examples = [
    'kctl create clusterrole pod-reader --verb=get,list,watch --resource=pods',
    'kctl create clusterrole foo --verb=get,list,watch --resource=pods,pods/status',
    'kctl create clusterrole "foo" --verb=get --non-resource-url=/logs/*',
    'kctl create clusterrole monitoring --aggregation-rule="rbac.example.com/aggregate-to-monitoring=true"',
  ];
  static override strict = false;
  static override flags = {
    ...generatorFlags,
    ...ruleFlags,
    'non-resource-url': Flags.string({
      multiple: true,
      multipleNonGreedy: true,
      description: 'A partial url that user should have access to.',
    }),
    'aggregation-rule': Flags.string({
      multiple: true,
      multipleNonGreedy: true,
      description: 'An aggregation label selector for combining ClusterRoles.',
    }),
  };

  async run(): Promise<void> {
    const { flags, argv } = await this.parse(CreateClusterRole);
    // A malformed --aggregation-rule is a flag parse error in kubectl: it comes first.
    let aggregationLabels: Record<string, string>;
    try {
      aggregationLabels = parseAggregationRule(flags['aggregation-rule']);
    } catch (e) {
      throw new Error(`${(e as Error).message}\nSee 'kctl create clusterrole --help' for usage.`);
    }
    const name = nameArg(argv as string[], 'create clusterrole');
    const ctx = this.client(flags);
    const obj = await clusterRoleObject({
      name,
      verbs: splitSliceFlag(flags.verb),
      resources: parseRoleResources(splitSliceFlag(flags.resource)),
      resourceNames: flags['resource-name'] ?? [],
      nonResourceURLs: splitSliceFlag(flags['non-resource-url']),
      aggregationLabels,
      warn: (line) => process.stderr.write(line),
      resolve: mapperResolver(ctx),
    });
    const target = { group: 'rbac.authorization.k8s.io', version: 'v1', resource: 'clusterroles', namespaced: false };
    await this.generate(flags, obj, target);
  }
}
