/**
 * Base of the `kctl create <generator>` commands: after a command has built its object, the
 * create step (save-config, dry run, field manager, printing) reads the same shared generator
 * flags every time, so it is spelled out once here.
 */
import type { GeneratedResource, GeneratorFlagValues } from '../generators/index.js';
import { generatorPrintFlags, runGenerator } from '../generators/index.js';
import { ClientCommand } from './client-command.js';
import type { GlobalFlagValues } from './global-flags.js';

export abstract class GeneratorCommand extends ClientCommand {
  /**
   * True where `--user` names a subject of the generated object (the binding generators) rather
   * than the kubeconfig user: the client is then made as if `--user` had not been given.
   */
  protected readonly userFlagIsSubject: boolean = false;

  /**
   * Creates `obj` as `target` with the user's generator flags (the client is only made when the
   * dry run is not client-side). `errorPrefix` wraps server errors the way kubectl does for some
   * kinds (e.g. `failed to create configmap: `).
   */
  protected generate(
    flags: GeneratorFlagValues & GlobalFlagValues,
    obj: Record<string, unknown>,
    target: GeneratedResource,
    errorPrefix?: string,
  ): Promise<void> {
    return runGenerator({
      obj,
      target,
      client: () => this.client(this.userFlagIsSubject ? { ...flags, user: undefined } : flags),
      dryRun: flags['dry-run'],
      saveConfig: flags['save-config'],
      fieldManager: flags['field-manager'],
      print: generatorPrintFlags(flags),
      ...(errorPrefix === undefined ? {} : { errorPrefix }),
      out: process.stdout,
    });
  }
}
