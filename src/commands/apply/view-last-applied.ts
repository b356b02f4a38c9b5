import { Flags } from '@oclif/core';
import { goJsonIndent } from '../../apply/json-indent.js';
import { getLastApplied } from '../../apply/last-applied.js';
import { ClientCommand } from '../../cli/client-command.js';
import { GoYamlV2Emitter } from '../../printers/index.js';
import { buildResources } from '../../resource/builder.js';

export default class ApplyViewLastApplied extends ClientCommand {
  static override summary = 'View the latest last-applied-configuration annotations of a resource/object';
  static override examples = [
    'kctl apply view-last-applied deploy/nginx',
    'kctl apply view-last-applied -f deploy.yaml -o json',
  ];
  static override strict = false;
  static override flags = {
    output: Flags.string({ char: 'o', default: 'yaml', description: 'Output format. Must be one of (yaml, json)' }),
    filename: Flags.string({
      char: 'f',
      multiple: true,
      description: 'Filename, directory, or URL to files that contains the last-applied-configuration annotations',
    }),
    recursive: Flags.boolean({ char: 'R', description: 'Process the directory used in -f, --filename recursively.' }),
    selector: Flags.string({ char: 'l', description: 'Selector (label query) to filter on.' }),
    all: Flags.boolean({ description: 'Select all resources in the namespace of the specified resource types' }),
  };

  async run(): Promise<void> {
    const { flags, argv } = await this.parse(ApplyViewLastApplied);
    if (flags.output !== 'yaml' && flags.output !== 'json') {
      throw new Error(
        `Unexpected -o output mode: ${flags.output}, the flag 'output' must be one of yaml|json\nSee 'kctl apply view-last-applied -h' for help and examples`,
      );
    }
    const ctx = this.client(flags);
    const result = await buildResources({
      mapper: ctx.mapper,
      client: ctx.rest,
      args: argv as string[],
      filenames: flags.filename,
      recursive: flags.recursive,
      namespace: ctx.namespace,
      labelSelector: flags.selector,
      selectAll: flags.all,
      allowEmptySelector: flags.all,
      latest: true,
      requireNamespace: ctx.explicitNamespace && (flags.filename?.length ?? 0) > 0,
    });
    if (result.err) throw result.err;
    const configs: string[] = [];
    for (const info of await result.infos()) {
      // kubectl skips objects without the annotation silently (its error wrapper returns nil).
      const c = getLastApplied((info.object ?? {}) as Record<string, unknown>);
      if (c) configs.push(c);
    }
    for (const c of configs) {
      if (flags.output === 'json') this.out(goJsonIndent(c, '  '));
      else this.out(GoYamlV2Emitter.stringify(JSON.parse(c)));
    }
  }
}
