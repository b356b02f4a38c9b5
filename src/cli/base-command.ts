import { Command } from '@oclif/core';
import { globalFlags } from './global-flags.js';

/**
 * The base of every kctl command: kubectl's global flags, and kubectl's way of ending on an
 * error (`error: ...` on stderr, exit 1) instead of oclif's stack-trace style.
 */
export abstract class KctlCommand extends Command {
  static override baseFlags = globalFlags;

  protected override async catch(err: Error & { exitCode?: number; oclif?: { exit?: number } }): Promise<unknown> {
    // oclif's own parse errors (unknown flag, missing arg) keep oclif's message text.
    const exit = err.oclif?.exit ?? err.exitCode ?? 1;
    if (exit === 0) return;
    process.stderr.write(formatCliError(err));
    process.exitCode = exit;
    return;
  }
}

/** kubectl prints `error: <message>` unless the message already names its origin. */
export function formatCliError(err: Error): string {
  const msg = err.message.replace(/\n+$/, '');
  if (/^(error|Error from server)/.test(msg)) return `${msg}\n`;
  return `error: ${msg}\n`;
}
