import { Command } from '@oclif/core';
import { complete, directiveNames } from '../cli/completion/complete.js';
import { clientSource, commandTable } from '../cli/completion/sources.js';
import { type ClientContext, createClientContext } from '../client/index.js';

/** Value flags that shape the client context, read from the words being completed. */
const CLIENT_FLAGS: Record<string, string> = {
  '--kubeconfig': 'kubeconfig',
  '--context': 'context',
  '--cluster': 'cluster',
  '--user': 'user',
  '--namespace': 'namespace',
  '-n': 'namespace',
  '--server': 'server',
  '-s': 'server',
  '--token': 'token',
  '--cache-dir': 'cache-dir',
};

function clientFlags(words: string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (let i = 0; i < words.length - 1; i++) {
    const w = words[i];
    const eq = w.indexOf('=');
    const key = CLIENT_FLAGS[eq > 0 ? w.slice(0, eq) : w];
    if (!key) continue;
    if (eq > 0) out[key] = w.slice(eq + 1);
    else if (i + 1 < words.length - 1) out[key] = words[++i];
  }
  return out;
}

/**
 * cobra's hidden `__complete` command, which the completion scripts call: prints one candidate
 * per line, then `:DIRECTIVE`, and the directive's name on stderr.
 */
export default class Complete extends Command {
  static override hidden = true;
  static override strict = false;
  static override summary = 'Request shell completion choices for the specified command-line';

  async run(): Promise<void> {
    // Raw words: global flags in them must not be parsed as this command's flags (marked as
    // parsed so oclif does not warn about it).
    this.parsed = true;
    const words = this.argv.length > 0 ? [...this.argv] : [''];
    let ctx: ClientContext | undefined;
    const source = clientSource(
      new Proxy({} as ClientContext, {
        get: (_t, prop) => {
          ctx ??= createClientContext(clientFlags(words) as never);
          return ctx[prop as keyof ClientContext];
        },
      }),
    );
    try {
      const { items, directive } = await complete(words, commandTable(this.config), source);
      process.stdout.write(items.map((i) => `${i}\n`).join('') + `:${directive}\n`);
      process.stderr.write(`Completion ended with directive: ${directiveNames(directive)}\n`);
    } finally {
      ctx?.close();
    }
  }
}
