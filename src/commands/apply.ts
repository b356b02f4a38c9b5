import { Flags } from '@oclif/core';
import { parseGoDurationMs } from '../api/duration.js';
import { parseCascade } from '../apply/delete-objects.js';
import { parseDryRun, parseValidate } from '../apply/dry-run.js';
import { parsePruneAllowlist } from '../apply/prune.js';
import { runApply } from '../apply/run-apply.js';
import { ClientCommand } from '../cli/client-command.js';
import { createProgress } from '../cli/progress.js';
import { generatorFlags, generatorPrintFlags } from '../generators/index.js';

const { 'save-config': _saveConfig, 'field-manager': _fm, ...printAndDryRun } = generatorFlags;

/** --timeout is a Go duration flag: a bad value fails at flag parsing, with cobra's wording. */
function timeoutFlag(value: string): number {
  try {
    return parseGoDurationMs(value);
  } catch (e) {
    throw new Error(
      `invalid argument ${JSON.stringify(value)} for "--timeout" flag: ${(e as Error).message}\nSee 'kctl apply --help' for usage.`,
    );
  }
}

export default class Apply extends ClientCommand {
  static override summary = 'Apply a configuration to a resource by file name or stdin';
  static override description =
    "The resource name must be specified. This resource will be created if it doesn't exist yet. JSON and YAML formats are accepted.";
  static override examples = ['kctl apply -f ./pod.json', 'cat pod.json | kctl apply -f -', 'kctl apply -f dir/ -R'];
  static override strict = false;
  static override flags = {
    ...printAndDryRun,
    filename: Flags.string({
      char: 'f',
      multiple: true,
      description: 'The files that contain the configurations to apply.',
    }),
    recursive: Flags.boolean({ char: 'R', description: 'Process the directory used in -f, --filename recursively.' }),
    selector: Flags.string({ char: 'l', description: 'Selector (label query) to filter on.' }),
    'server-side': Flags.boolean({ description: 'If true, apply runs in the server instead of the client.' }),
    'force-conflicts': Flags.boolean({
      description: 'If true, server-side apply will force the changes against conflicts.',
    }),
    'field-manager': Flags.string({ description: 'Name of the manager used to track field ownership.' }),
    overwrite: Flags.boolean({
      default: true,
      allowNo: true,
      description:
        'Automatically resolve conflicts between the modified and live configuration by using values from the modified configuration',
    }),
    prune: Flags.boolean({
      description:
        'Automatically delete resource objects, that do not appear in the configs and are created by either apply or create --save-config. Should be used with either -l or --all.',
    }),
    'prune-allowlist': Flags.string({
      multiple: true,
      multipleNonGreedy: true,
      description: 'Overwrite the default allowlist with <group/version/kind> for --prune',
    }),
    all: Flags.boolean({ description: 'Select all resources in the namespace of the specified resource types.' }),
    cascade: Flags.string({
      default: 'background',
      description:
        'Must be "background", "orphan", or "foreground". Selects the deletion cascading strategy for pruned objects.',
    }),
    'grace-period': Flags.integer({
      default: -1,
      description: 'Period of time in seconds given to pruned resources to terminate gracefully. Ignored if negative.',
    }),
    force: Flags.boolean({
      description: 'If true, immediately remove resources from API and bypass graceful deletion.',
    }),
    wait: Flags.boolean({ description: 'If true, wait for resources to be gone before returning.' }),
    timeout: Flags.string({ default: '0s', description: 'The length of time to wait before giving up on a delete.' }),
  };

  async run(): Promise<void> {
    const { flags, argv } = await this.parse(Apply);
    const timeoutMs = timeoutFlag(flags.timeout);
    if ((argv as string[]).length > 0) {
      throw new Error(`Unexpected args: [${(argv as string[]).join(' ')}]\nSee 'kctl apply -h' for help and examples`);
    }
    // kubectl's order: flag parsing (ToOptions), then the cross-flag checks (Validate).
    const dryRun = parseDryRun(flags['dry-run']);
    const cascade = parseCascade(flags.cascade);
    const files = flags.filename ?? [];
    if (files.length === 0) throw new Error('must specify one of -f and -k');
    const validation = parseValidate(flags.validate);
    const ctx = this.client(flags);
    const allowlist = flags.prune ? await parsePruneAllowlist(ctx.mapper, flags['prune-allowlist'] ?? []) : [];
    const serverSide = flags['server-side'];
    if (flags['force-conflicts'] && !serverSide) throw new Error('--force-conflicts only works with --server-side');
    if (serverSide && dryRun === 'client')
      throw new Error("--dry-run=client doesn't work with --server-side (did you mean --dry-run=server instead?)");
    if (serverSide && flags.force) throw new Error('--force cannot be used with --server-side');
    if (dryRun === 'server' && flags.force) throw new Error('--dry-run=server cannot be used with --force');
    if (flags.all && flags.selector) throw new Error('cannot set --all and --selector at the same time');
    if (flags.prune) {
      if (flags.force) throw new Error('--force cannot be used with --prune');
      if (!flags.all && !flags.selector) {
        throw new Error(
          'all resources selected for prune without explicitly passing --all. To prune all resources, pass the --all flag. If you did not mean to prune all resources, specify a label selector',
        );
      }
      if (serverSide) {
        throw new Error("--prune is in alpha and doesn't currently work on objects created by server-side apply");
      }
    }
    await runApply({
      ctx,
      filenames: files,
      recursive: flags.recursive,
      selector: flags.selector,
      dryRun,
      validation,
      serverSide,
      forceConflicts: flags['force-conflicts'],
      fieldManager: flags['field-manager'],
      overwrite: flags.overwrite,
      print: generatorPrintFlags(flags),
      prune: flags.prune
        ? { allowlist, selector: flags.selector, cascade, gracePeriod: flags['grace-period'] }
        : undefined,
      force: flags.force
        ? { cascade, gracePeriod: flags['grace-period'], timeoutMs: Math.max(0, timeoutMs) }
        : undefined,
      progress: createProgress({ verbosity: flags.v }),
      out: process.stdout,
      errOut: process.stderr,
    });
  }
}
