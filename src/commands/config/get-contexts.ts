import { Flags } from '@oclif/core';
import { ClientCommand } from '../../cli/client-command.js';
import { loadKubeconfigSet } from '../../cli/config/kubeconfig-files.js';
import { ExitError } from '../../cli/kubectl-errors.js';
import { TabWriter } from '../../printers/index.js';

export default class GetContexts extends ClientCommand {
  static override summary = 'Describe one or many contexts';
  static override description = 'Display one or many contexts from the kubeconfig file.';
  static override examples = [
    'kctl config get-contexts',
    'kctl config get-contexts my-context',
    'kctl config get-contexts -o name',
  ];
  static override strict = false;
  static override flags = {
    'no-headers': Flags.boolean({
      description: "When using the default or custom-column output format, don't print headers.",
    }),
    output: Flags.string({ char: 'o', description: 'Output format. One of: (name).' }),
  };

  async run(): Promise<void> {
    const { flags, argv } = await this.parse(GetContexts);
    const output = flags.output ?? '';
    if (output !== '' && output !== 'name') throw new Error(`output must be one of '' or 'name': ${output}`);
    const cfg = loadKubeconfigSet(flags).merged;
    const wanted = argv as string[];
    const sorted = [...cfg.contexts].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    const shown = wanted.length === 0 ? sorted : sorted.filter((c) => wanted.includes(c.name));
    const w = new TabWriter((s) => this.out(s));
    if (output === 'name') {
      for (const c of shown) w.write(`${c.name}\n`);
    } else {
      if (!flags['no-headers']) w.write('CURRENT\tNAME\tCLUSTER\tAUTHINFO\tNAMESPACE\n');
      for (const c of shown) {
        const mark = c.name === cfg['current-context'] ? '*' : '';
        const x = c.context ?? {};
        w.write(`${mark}\t${c.name}\t${x.cluster ?? ''}\t${x.user ?? ''}\t${x.namespace ?? ''}\n`);
      }
    }
    w.flush();
    const missing = wanted.filter((n) => !cfg.contexts.some((c) => c.name === n));
    if (missing.length > 0) {
      this.err(missing.map((n) => `error: context ${n} not found\n`).join(''));
      throw new ExitError(1);
    }
  }
}
