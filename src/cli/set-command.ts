/**
 * What the `kctl set <field>` commands share: kubectl's flag set for them (printing, --dry-run,
 * -f/-R, --all, --local, --field-manager=kubectl-set, optionally -l) and the checks kubectl
 * words the same way in each, so each command file only parses its own arguments and names its
 * change (see src/set/run-set.ts).
 */
import { Flags } from '@oclif/core';
import { type DryRunStrategy, parseDryRun } from '../apply/dry-run.js';
import { generatorFlags, generatorPrintFlags } from '../generators/index.js';
import type { SetRequest } from '../set/run-set.js';
import { ClientCommand } from './client-command.js';
import type { GlobalFlagValues } from './global-flags.js';

const { 'save-config': _s, 'field-manager': _f, validate: _v, ...printAndDryRun } = generatorFlags;

/** kubectl's resource.LocalResourceError. */
export const LOCAL_RESOURCE_ERROR = `you must specify resources by --filename when --local is set.
Example resource specifications include:
   '-f rsrc.yaml'
   '--filename=rsrc.json'`;

/** The flags of every `set` command; `verb` fills --local's help (`set env`). */
export function setFlags(verb: string) {
  return {
    ...printAndDryRun,
    filename: Flags.string({
      char: 'f',
      multiple: true,
      // `-f a.yaml KEY=VAL`: the argument after the file is not another file, as in kubectl.
      multipleNonGreedy: true,
      description: 'Filename, directory, or URL to files identifying the resource to get from a server.',
    }),
    recursive: Flags.boolean({
      char: 'R',
      description: 'Process the directory used in -f, --filename recursively.',
    }),
    all: Flags.boolean({ description: 'Select all resources, in the namespace of the specified resource types' }),
    local: Flags.boolean({ description: `If true, ${verb} will NOT contact api-server but run locally.` }),
    'field-manager': Flags.string({
      default: 'kubectl-set',
      description: 'Name of the manager used to track field ownership.',
    }),
  };
}

/** -l/--selector, which env, image, resources and subject have. */
export const setSelectorFlag = {
  selector: Flags.string({
    char: 'l',
    description: "Selector (label query) to filter on, supports '=', '==', '!=', 'in', 'notin'.",
  }),
};

/** -c/--containers of env and resources. */
export const containersFlag = {
  containers: Flags.string({
    char: 'c',
    default: '*',
    description: 'The names of containers in the selected pod templates to change - may use wildcards',
  }),
};

export interface SetFlagValues extends GlobalFlagValues {
  output?: string;
  template?: string;
  'allow-missing-template-keys'?: boolean;
  'show-managed-fields'?: boolean;
  'dry-run'?: string;
  filename?: string[];
  recursive?: boolean;
  all?: boolean;
  local?: boolean;
  'field-manager'?: string;
  selector?: string;
}

/** kubectl's `cannot specify --local and --dry-run=server` check. */
export function checkLocalDryRun(local: boolean | undefined, dryRun: DryRunStrategy): void {
  if (local && dryRun === 'server') {
    throw new Error('cannot specify --local and --dry-run=server - did you mean --dry-run=client?');
  }
}

/** kubectl's `cannot set --all and --selector at the same time` check. */
export function checkAllAndSelector(flags: SetFlagValues): void {
  if (flags.all && (flags.selector ?? '').length > 0) {
    throw new Error('cannot set --all and --selector at the same time');
  }
}

type CommonRequest = Omit<SetRequest, 'args' | 'operation' | 'mutate'>;

/** Base of the set commands: turns parsed flags into the shared part of a SetRequest. */
export abstract class SetCommand extends ClientCommand {
  /**
   * The request fields every set command fills the same way. `global` are the flags used for
   * the client (set subject passes its flags without its own --user).
   */
  protected common(flags: SetFlagValues, global: GlobalFlagValues = flags): CommonRequest {
    const dryRun = parseDryRun(flags['dry-run']);
    return {
      ctx: this.client(global),
      filenames: flags.filename,
      recursive: flags.recursive,
      selector: flags.selector,
      all: flags.all,
      local: flags.local ?? false,
      dryRun,
      fieldManager: flags['field-manager'] ?? 'kubectl-set',
      print: generatorPrintFlags(flags),
      out: process.stdout,
    };
  }
}
