/**
 * The one definition behind `kctl rollout pause|resume|restart`: kubectl gives the three the
 * same flags and the same "patch each object, print `<kind>/<name> <operation>`" step, so each
 * command file only names its mutation and keeps its own summary/examples for oclif.
 */
import { Flags } from '@oclif/core';
import { runMutation } from '../apply/object-mutation.js';
import { rolloutReadFlags } from '../apply/rollout-command-support.js';
import { generatorPrintFlags } from '../generators/index.js';
import type { Info, KubeObject } from '../resource/info.js';
import { ClientCommand } from './client-command.js';
import type { globalFlags } from './global-flags.js';

/** Flags of `rollout pause|resume|restart`: printing, -f/-R/-l and --field-manager=kubectl-rollout. */
export const rolloutMutationFlags = {
  ...rolloutReadFlags,
  'field-manager': Flags.string({
    default: 'kubectl-rollout',
    description: 'Name of the manager used to track field ownership.',
  }),
};

/**
 * The statics oclif parses with: the running subclass's own (each command class declares its
 * strict/flags, and this base declares none, because oclif's manifest stops collecting
 * inherited statics such as the global baseFlags at an intermediate class that has its own).
 */
type CommandStatics = { flags: typeof rolloutMutationFlags; baseFlags: typeof globalFlags; strict: boolean };

/**
 * Base of the rollout subcommands that patch objects. Subclasses set `mutate` (the change to make)
 * and `operation` (the printed past-tense verb) and `static flags = rolloutMutationFlags`. No
 * --dry-run: kubectl has none on these.
 */
export abstract class RolloutMutationCommand extends ClientCommand {
  protected abstract readonly operation: string;
  /** Returns the changed copy of `obj` (it may change it in place); throws to report an error. */
  protected abstract mutate(obj: KubeObject, info: Info): KubeObject;

  async run(): Promise<void> {
    const { flags, argv } = await this.parse(this.constructor as unknown as CommandStatics);
    await runMutation({
      ctx: this.client(flags),
      args: argv as string[],
      filenames: flags.filename,
      recursive: flags.recursive,
      selector: flags.selector,
      mutate: (obj, info) => this.mutate(obj, info),
      operation: this.operation,
      dryRun: 'none',
      fieldManager: flags['field-manager'],
      print: generatorPrintFlags(flags),
      out: process.stdout,
    });
  }
}
