import { type ClientContext, createClientContext } from '../client/index.js';
import { KctlCommand } from './base-command.js';
import { rewriteBooleanFlags } from './flags/bool-flags.js';
import type { GlobalFlagValues } from './global-flags.js';

/**
 * The base of commands that talk to a server or read the kubeconfig: builds the client context
 * from the global flags once, closes its sockets when the command ends, and prints errors the
 * way kubectl does (see kubectlErrorText) with exit code 1.
 */
export abstract class ClientCommand extends KctlCommand {
  private ctx?: ClientContext;

  protected override async init(): Promise<void> {
    await super.init();
    const ctor = this.constructor as { baseFlags?: object; flags?: object };
    this.argv = rewriteBooleanFlags(this.argv, { ...(ctor.baseFlags ?? {}), ...(ctor.flags ?? {}) } as never);
  }

  /** The client context for these flags (created on first call; later calls return it). */
  protected client(flags: GlobalFlagValues): ClientContext {
    this.ctx ??= createClientContext(flags);
    return this.ctx;
  }

  /** Writes to stdout (one place, so tests can capture it). */
  protected out(s: string): void {
    if (s) process.stdout.write(s);
  }

  protected err(s: string): void {
    if (s) process.stderr.write(s);
  }

  protected override async finally(err: Error | undefined): Promise<unknown> {
    this.ctx?.close();
    return super.finally(err);
  }
}
