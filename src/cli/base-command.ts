import { Command } from '@oclif/core';
import { globalFlags } from './global-flags.js';
import { ExitError, kubectlErrorText } from './kubectl-errors.js';

/**
 * The base of every kctl command: kubectl's global flags, and kubectl's way of ending on an
 * error (`error: ...` or `Error from server (Reason): ...` on stderr, exit 1) instead of
 * oclif's stack-trace style. oclif's own errors (unknown flag, missing argument, exit()) keep
 * oclif's handling.
 */
export abstract class KctlCommand extends Command {
  static override baseFlags = globalFlags;

  protected override async catch(err: Error & { exitCode?: number; oclif?: { exit?: number } }): Promise<unknown> {
    if (err instanceof ExitError) {
      process.exitCode = err.code;
      return;
    }
    if (err.oclif !== undefined) return super.catch(err);
    process.stderr.write(kubectlErrorText(err));
    process.exitCode = 1;
    return;
  }
}
