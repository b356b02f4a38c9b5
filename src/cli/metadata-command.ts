/**
 * The one definition behind `kctl label` and `kctl annotate`: kubectl gives both the same flags
 * (only the help texts and the default field manager name the field) and the same run step, so
 * each command file just names its field and keeps its own summary for oclif.
 */
import { Flags } from '@oclif/core';
import { parseDryRun } from '../apply/dry-run.js';
import {
  type MetadataField,
  parseMetadataArgs,
  runLocalMetadataUpdate,
  runMetadataUpdate,
} from '../apply/metadata-update.js';
import { generatorFlags, generatorPrintFlags } from '../generators/index.js';
import { ClientCommand } from './client-command.js';
import type { globalFlags } from './global-flags.js';

const { 'save-config': _s, 'field-manager': _f, validate: _v, ...printAndDryRun } = generatorFlags;

/**
 * The flags of `label` (field 'labels', verb 'label') or `annotate` (field 'annotations', verb
 * 'annotate'); the field and verb only show in help texts and the default --field-manager.
 */
export function metadataFlags(field: MetadataField, verb: string) {
  return {
    ...printAndDryRun,
    filename: Flags.string({
      char: 'f',
      multiple: true,
      // one value per -f, so `-f x.yaml k=v` keeps k=v as an argument
      multipleNonGreedy: true,
      description: 'Filename, directory, or URL to files identifying the resource to update',
    }),
    recursive: Flags.boolean({ char: 'R', description: 'Process the directory used in -f, --filename recursively.' }),
    selector: Flags.string({ char: 'l', description: 'Selector (label query) to filter on.' }),
    'field-selector': Flags.string({ description: 'Selector (field query) to filter on.' }),
    all: Flags.boolean({ description: 'Select all resources, in the namespace of the specified resource types' }),
    'all-namespaces': Flags.boolean({
      char: 'A',
      description: 'If true, check the specified action in all namespaces.',
    }),
    overwrite: Flags.boolean({
      description: `If true, allow ${field} to be overwritten, otherwise reject ${field} updates that overwrite existing ${field}.`,
    }),
    'resource-version': Flags.string({
      description: `If non-empty, the ${field} update will only succeed if this is the current resource-version for the object.`,
    }),
    list: Flags.boolean({ description: `If true, display the ${field} for a given resource.` }),
    local: Flags.boolean({ description: `If true, ${verb} will NOT contact api-server but run locally.` }),
    'field-manager': Flags.string({
      default: `kubectl-${verb}`,
      description: 'Name of the manager used to track field ownership.',
    }),
  };
}

/**
 * The statics oclif parses with: the running subclass's own (each command class declares its
 * strict/flags, and this base declares none, because oclif's manifest stops collecting
 * inherited statics such as the global baseFlags at an intermediate class that has its own).
 */
type CommandStatics = { flags: ReturnType<typeof metadataFlags>; baseFlags: typeof globalFlags; strict: boolean };

/**
 * Base of `label` and `annotate`. Subclasses set `field` and `static flags = metadataFlags(...)`;
 * parsing uses the subclass's own flags so its --field-manager default applies.
 * --local works on the -f files alone (no server), and --list with --output is refused like kubectl.
 */
export abstract class MetadataCommand extends ClientCommand {
  protected abstract readonly field: MetadataField;

  async run(): Promise<void> {
    const { flags, argv } = await this.parse(this.constructor as unknown as CommandStatics);
    const changes = parseMetadataArgs(argv as string[], this.field);
    if (flags.list && flags.output) throw new Error('--list and --output may not be specified together');
    const dryRun = parseDryRun(flags['dry-run']);
    if (flags.local) {
      // kubectl's Validate, in its order; nothing here needs a kubeconfig or a server.
      const files = flags.filename ?? [];
      if (flags.all && flags.selector) throw new Error('cannot set --all and --selector at the same time');
      if (flags.all && flags['field-selector']) {
        throw new Error('cannot set --all and --field-selector at the same time');
      }
      if (dryRun === 'server') {
        throw new Error('cannot specify --local and --dry-run=server - did you mean --dry-run=client?');
      }
      const example =
        this.field === 'labels' ? '-f pod.yaml or --filename=pod.json' : '-f rsrc.yaml or --filename=rsrc.json';
      if (changes.resources.length > 0) {
        throw new Error(`can only use local files by ${example} when --local=true is set`);
      }
      if (files.length === 0) throw new Error(`one or more files must be specified as ${example}`);
      if (!flags.list && changes.set.length === 0 && changes.remove.length === 0) {
        throw new Error(`at least one ${this.field === 'labels' ? 'label' : 'annotation'} update is required`);
      }
      await runLocalMetadataUpdate({
        field: this.field,
        changes,
        filenames: files,
        recursive: flags.recursive,
        namespace: flags.namespace,
        overwrite: flags.overwrite,
        resourceVersion: flags['resource-version'],
        list: flags.list,
        dryRun,
        print: generatorPrintFlags(flags),
        out: process.stdout,
      });
      return;
    }
    await runMetadataUpdate({
      ctx: this.client(flags),
      field: this.field,
      changes,
      filenames: flags.filename,
      recursive: flags.recursive,
      selector: flags.selector,
      fieldSelector: flags['field-selector'],
      all: flags.all,
      allNamespaces: flags['all-namespaces'],
      overwrite: flags.overwrite,
      resourceVersion: flags['resource-version'],
      list: flags.list,
      dryRun,
      fieldManager: flags['field-manager'],
      print: generatorPrintFlags(flags),
      out: process.stdout,
      errOut: process.stderr,
    });
  }
}
