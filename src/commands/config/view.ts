import { dirname } from 'node:path';
import { Flags } from '@oclif/core';
import { ClientCommand } from '../../cli/client-command.js';
import { externalConfig } from '../../cli/config/external-config.js';
import { fileFor, loadKubeconfigSet } from '../../cli/config/kubeconfig-files.js';
import { flatten, minify, redact } from '../../cli/config/view-transforms.js';
import { printFlags, toPrintFlags } from '../../cli/flags/print-flags.js';
import { typedJson } from '../../cli/output/typed-json.js';
import { printerForFlags } from '../../printers/index.js';

export default class ConfigView extends ClientCommand {
  static override summary = 'Display merged kubeconfig settings or a specified kubeconfig file';
  static override description =
    'Display merged kubeconfig settings or a specified kubeconfig file. Secrets are shown as DATA+OMITTED or REDACTED unless --raw.';
  static override examples = [
    'kctl config view',
    'kctl config view --minify --flatten',
    "kctl config view -o jsonpath='{.users[*].name}'",
  ];
  static override flags = {
    output: Flags.string({
      char: 'o',
      default: 'yaml',
      description:
        'Output format. One of: (json, yaml, name, go-template, go-template-file, template, templatefile, jsonpath, jsonpath-as-json, jsonpath-file).',
    }),
    template: printFlags.template,
    'allow-missing-template-keys': printFlags['allow-missing-template-keys'],
    'show-managed-fields': printFlags['show-managed-fields'],
    flatten: Flags.boolean({ description: 'Flatten the resulting kubeconfig file into self-contained output.' }),
    merge: Flags.string({ default: 'true', description: 'Merge the full hierarchy of kubeconfig files.' }),
    minify: Flags.boolean({ description: 'Remove all information not used by current-context from the output.' }),
    raw: Flags.boolean({ description: 'Display raw byte data and sensitive data.' }),
  };

  async run(): Promise<void> {
    const { flags } = await this.parse(ConfigView);
    const printer = printerForFlags(toPrintFlags(flags));
    const set = loadKubeconfigSet(flags);
    let cfg = flags.merge === 'false' ? (set.files[0]?.config ?? set.merged) : set.merged;
    if (flags.minify) cfg = minify(cfg, flags.context);
    if (flags.flatten) {
      cfg = flatten(cfg, (section, name) => dirname(fileFor(set, section, name)));
    } else if (!flags.raw) cfg = redact(cfg);
    // Typed objects keep their field order in JSON (server objects get sorted keys).
    if (flags.output === 'json') this.out(typedJson(externalConfig(cfg)));
    else await printer.print(externalConfig(cfg), process.stdout);
  }
}
