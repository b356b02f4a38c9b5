import { Flags } from '@oclif/core';
import { type ApiResourceRow, apiResourceRows, printApiResources } from '../cli/api-resources/rows.js';
import { ClientCommand } from '../cli/client-command.js';

export default class ApiResources extends ClientCommand {
  static override summary = 'Print the supported API resources on the server';
  static override description = 'Print the supported API resources on the server.';
  static override examples = [
    'kctl api-resources',
    'kctl api-resources --namespaced=false',
    'kctl api-resources -o wide --api-group=apps',
  ];
  static override flags = {
    'api-group': Flags.string({ description: 'Limit to resources in the specified API group.' }),
    cached: Flags.boolean({ description: 'Use the cached list of resources if available.' }),
    categories: Flags.string({
      multiple: true,
      description: 'Limit to resources that belong to the specified categories.',
    }),
    namespaced: Flags.string({
      description:
        'If false, non-namespaced resources will be returned, otherwise returning namespaced resources by default.',
    }),
    'no-headers': Flags.boolean({
      description:
        "When using the default or custom-column output format, don't print headers (default print headers).",
    }),
    output: Flags.string({ char: 'o', description: 'Output format. One of: (json, yaml, name, wide).' }),
    'show-managed-fields': Flags.boolean({
      description: 'If true, keep the managedFields when printing objects in JSON or YAML format.',
    }),
    'sort-by': Flags.string({
      description:
        "If non-empty, sort list of resources using specified field. The field can be either 'name' or 'kind'.",
    }),
    verbs: Flags.string({ multiple: true, description: 'Limit to resources that support the specified verbs.' }),
  };

  async run(): Promise<void> {
    const { flags } = await this.parse(ApiResources);
    const output = flags.output ?? '';
    if (!['', 'wide', 'name', 'json', 'yaml'].includes(output)) {
      throw new Error(
        `unable to match a printer suitable for the output format "${output}", allowed formats are: json,kyaml,name,wide,yaml`,
      );
    }
    const sortBy = flags['sort-by'] ?? '';
    if (!['', 'name', 'kind'].includes(sortBy)) throw new Error('--sort-by accepts only name or kind');
    let namespaced: boolean | undefined;
    if (flags.namespaced !== undefined) {
      if (!['true', 'false'].includes(flags.namespaced)) {
        throw new Error(
          `invalid argument "${flags.namespaced}" for "--namespaced" flag: strconv.ParseBool: parsing "${flags.namespaced}": invalid syntax`,
        );
      }
      namespaced = flags.namespaced === 'true';
    }
    const ctx = this.client(flags);
    // kubectl asks the server afresh unless --cached.
    if (!flags.cached) ctx.discovery.invalidate();
    const snapshot = await ctx.discovery.snapshot();
    const split = (v: string[] | undefined) => (v ?? []).flatMap((x) => x.split(',')).filter(Boolean);
    const rows: ApiResourceRow[] = apiResourceRows(snapshot, {
      apiGroup: flags['api-group'],
      namespaced,
      verbs: split(flags.verbs),
      categories: split(flags.categories),
      sortBy,
    });
    printApiResources(rows, { output, noHeaders: flags['no-headers'] }, process.stdout);
  }
}
