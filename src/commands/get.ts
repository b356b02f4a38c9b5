import { Flags } from '@oclif/core';
import { ClientCommand } from '../cli/client-command.js';
import { printFlags, toPrintFlags } from '../cli/flags/print-flags.js';
import { resourceFlags } from '../cli/flags/resource-flags.js';
import { runRaw } from '../cli/get/raw.js';
import { runGet } from '../cli/get/run-get.js';
import { runWatch } from '../cli/get/watch-get.js';

export default class Get extends ClientCommand {
  static override summary = 'Display one or many resources';
  static override description =
    'Prints a table of the most important information about the specified resources, or the objects in any -o format.';
  static override examples = [
    'kctl get pods',
    'kctl get deploy,svc -n shop -o wide',
    'kctl get pod web-0 -o jsonpath={.status.podIP}',
  ];
  static override strict = false;
  static override flags = {
    ...printFlags,
    ...resourceFlags,
    watch: Flags.boolean({ char: 'w', description: 'After listing/getting the requested object, watch for changes.' }),
    'watch-only': Flags.boolean({
      description: 'Watch for changes to the requested object(s), without listing/getting first.',
    }),
    'output-watch-events': Flags.boolean({
      description: 'Output watch event objects when --watch or --watch-only is used.',
    }),
    'ignore-not-found': Flags.boolean({
      description: 'If set to true, suppresses NotFound error for specific objects that do not exist.',
    }),
    raw: Flags.string({ description: 'Raw URI to request from the server.' }),
    'server-print': Flags.boolean({
      default: true,
      allowNo: true,
      description: 'If true, have the server return the appropriate table output.',
    }),
  };

  async run(): Promise<void> {
    const { flags, argv } = await this.parse(Get);
    const args = argv as string[];
    const watching = flags.watch || flags['watch-only'];
    if (flags.raw) {
      if (watching || flags.selector) {
        throw new Error(
          '--raw may not be specified with other flags that filter the server request or alter the output',
        );
      }
      if (flags.output) throw new Error('--raw and --output are mutually exclusive');
      return runRaw(this.client(flags), flags.raw, process.stdout);
    }
    if (flags['show-labels'] && flags.output && flags.output !== 'wide') {
      throw new Error(`--show-labels option cannot be used with ${flags.output} printer`);
    }
    if (flags['output-watch-events'] && !watching) {
      throw new Error('--output-watch-events option can only be used with --watch or --watch-only');
    }
    const ctx = this.client(flags);
    const print = toPrintFlags(flags, flags['all-namespaces']);
    if (!watching && args.length === 0 && (flags.filename?.length ?? 0) === 0) {
      this.err(
        'You must specify the type of resource to get. Use "kctl api-resources" for a complete list of supported resources.\n\n',
      );
      throw new Error(
        'Required resource not specified.\nUse "kctl explain <resource>" for a detailed description of that resource (e.g. kctl explain pods).\nSee \'kctl get -h\' for help and examples',
      );
    }
    const req = {
      ctx,
      args,
      print,
      resources: flags,
      ignoreNotFound: flags['ignore-not-found'],
      out: process.stdout,
      errOut: process.stderr,
    };
    if (watching) {
      if (flags['sort-by']) this.err('warning: --watch or --watch-only requested, --sort-by will be ignored\n');
      return runWatch({ ...req, watchOnly: flags['watch-only'], outputWatchEvents: flags['output-watch-events'] });
    }
    await runGet(req);
  }
}
