import { Flags } from '@oclif/core';
import { parseGoDurationMs } from '../api/duration.js';
import { effectiveGracePeriod, parseCascade, runDelete } from '../apply/delete-objects.js';
import { parseDryRun } from '../apply/dry-run.js';
import { ClientCommand } from '../cli/client-command.js';
import { createProgress } from '../cli/progress.js';

export default class Delete extends ClientCommand {
  static override summary =
    'Delete resources by file names, stdin, resources and names, or by resources and label selector';
  static override examples = ['kctl delete pod web-0', 'kctl delete -f ./pod.json', 'kctl delete pods --all'];
  static override strict = false;
  static override flags = {
    filename: Flags.string({ char: 'f', multiple: true, description: 'containing the resource to delete.' }),
    recursive: Flags.boolean({ char: 'R', description: 'Process the directory used in -f, --filename recursively.' }),
    selector: Flags.string({ char: 'l', description: 'Selector (label query) to filter on.' }),
    'field-selector': Flags.string({ description: 'Selector (field query) to filter on.' }),
    all: Flags.boolean({ description: 'Delete all resources, in the namespace of the specified resource types.' }),
    'all-namespaces': Flags.boolean({
      char: 'A',
      description: 'If present, list the requested object(s) across all namespaces.',
    }),
    cascade: Flags.string({ default: 'background', description: 'Must be "background", "orphan", or "foreground".' }),
    'grace-period': Flags.integer({
      default: -1,
      description: 'Period of time in seconds given to the resource to terminate gracefully.',
    }),
    now: Flags.boolean({
      description: 'If true, resources are signaled for immediate shutdown (same as --grace-period=1).',
    }),
    force: Flags.boolean({
      description: 'If true, immediately remove resources from API and bypass graceful deletion.',
    }),
    wait: Flags.boolean({
      default: true,
      allowNo: true,
      description: 'If true, wait for resources to be gone before returning.',
    }),
    timeout: Flags.string({
      default: '0s',
      description:
        'The length of time to wait before giving up on a delete, zero means determine a timeout from the size of the object',
    }),
    'ignore-not-found': Flags.boolean({ description: 'Treat "resource not found" as a successful delete.' }),
    'dry-run': Flags.string({ default: 'none', description: 'Must be "none", "server", or "client".' }),
    output: Flags.string({ char: 'o', description: 'Output mode. Use "-o name" for shorter output (resource/name).' }),
  };

  async run(): Promise<void> {
    const { flags, argv } = await this.parse(Delete);
    const args = argv as string[];
    if (flags.output && flags.output !== 'name')
      throw new Error(`unexpected -o output mode: ${flags.output}. We only support '-o name'`);
    const gracePeriod = effectiveGracePeriod(flags['grace-period'], flags.now, flags.force);
    if (gracePeriod === 0 && flags.force) {
      this.err(
        'Warning: Immediate deletion does not wait for confirmation that the running resource has been terminated. The resource may continue to run on the cluster indefinitely.\n',
      );
    }
    const hasFiles = (flags.filename?.length ?? 0) > 0;
    if (args.length === 0 && !hasFiles) {
      throw new Error(
        "You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'",
      );
    }
    await runDelete({
      ctx: this.client(flags),
      args,
      filenames: flags.filename,
      recursive: flags.recursive,
      selector: flags.selector,
      fieldSelector: flags['field-selector'],
      all: flags.all,
      allNamespaces: flags['all-namespaces'],
      cascade: parseCascade(flags.cascade),
      gracePeriod,
      ignoreNotFound: flags['ignore-not-found'],
      wait: flags.wait,
      timeoutMs: parseGoDurationMs(flags.timeout),
      dryRun: parseDryRun(flags['dry-run']),
      progress: createProgress({ verbosity: flags.v }),
      output: flags.output,
      out: process.stdout,
      errOut: process.stderr,
    });
  }
}
