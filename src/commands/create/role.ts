import { Flags } from '@oclif/core';
import { GeneratorCommand } from '../../cli/generator-command.js';
import { VerbatimError } from '../../client/errors.js';
import type { ClientContext } from '../../client/index.js';
import { generatorFlags, nameArg } from '../../generators/index.js';
import { parseRoleResources, type ResourceResolver, roleObject, splitSliceFlag } from '../../generators/role.js';

/** The rule flags shared with `create clusterrole`. */
export const ruleFlags = {
  verb: Flags.string({
    multiple: true,
    multipleNonGreedy: true,
    description: 'Verb that applies to the resources contained in the rule',
  }),
  resource: Flags.string({ multiple: true, multipleNonGreedy: true, description: 'Resource that the rule applies to' }),
  'resource-name': Flags.string({
    multiple: true,
    multipleNonGreedy: true,
    description: 'Resource in the white list that the rule applies to, repeat this flag for multiple items',
  }),
};

/**
 * Resolves `--resource` names through the server's resource types as kubectl's RESTMapper
 * ResourceFor does (plural, singular or short name, case-insensitive, optionally in a group);
 * an unknown type is kubectl's unprefixed `the server doesn't have a resource type` text.
 */
export function mapperResolver(ctx: ClientContext): ResourceResolver {
  return async ({ group, resource }) => {
    const name = resource.toLowerCase();
    const mappings = (await ctx.mapper.current()).preferredMappings();
    const inGroup = mappings.filter((m) => !group || m.resource.group === group);
    const hit =
      inGroup.find((m) => m.resource.resource === name) ??
      inGroup.find((m) => m.singular === name) ??
      inGroup.find((m) => m.shortNames.includes(name));
    if (hit) return { group: hit.resource.group, resource: hit.resource.resource };
    const where = group ? ` in group "${group}"` : '';
    return new VerbatimError(`the server doesn't have a resource type "${resource}"${where}`);
  };
}

export default class CreateRole extends GeneratorCommand {
  static override summary = 'Create a role with single rule';
  static override examples = [
    'kctl create role pod-reader --verb=get --verb=list --verb=watch --resource=pods',
    'kctl create role pod-reader --verb=get --resource=pods --resource-name=readablepod --resource-name=anotherpod',
    'kctl create role foo --verb=get,list,watch --resource=rs.apps',
    'kctl create role foo --verb=get,list,watch --resource=pods,pods/status',
  ];
  static override strict = false;
  static override flags = { ...generatorFlags, ...ruleFlags };

  async run(): Promise<void> {
    const { flags, argv } = await this.parse(CreateRole);
    const name = nameArg(argv as string[], 'create role');
    // kubectl resolves resources against the server even for --dry-run=client.
    const ctx = this.client(flags);
    const obj = await roleObject({
      name,
      namespace: flags.namespace,
      verbs: splitSliceFlag(flags.verb),
      resources: parseRoleResources(splitSliceFlag(flags.resource)),
      resourceNames: flags['resource-name'] ?? [],
      warn: (line) => process.stderr.write(line),
      resolve: mapperResolver(ctx),
    });
    const target = { group: 'rbac.authorization.k8s.io', version: 'v1', resource: 'roles', namespaced: true };
    await this.generate(flags, obj, target);
  }
}
