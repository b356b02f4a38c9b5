import { Args } from '@oclif/core';
import { ClientCommand } from '../../cli/client-command.js';
import { currentContextFile, editFile, fileFor, loadKubeconfigSet } from '../../cli/config/kubeconfig-files.js';

export default class RenameContext extends ClientCommand {
  static override summary = 'Rename a context from the kubeconfig file';
  static override description = 'Renames a context from the kubeconfig file; the current-context follows the rename.';
  static override examples = ['kctl config rename-context old-name new-name'];
  static override args = {
    old: Args.string({ description: 'context name' }),
    new: Args.string({ description: 'new name' }),
  };

  async run(): Promise<void> {
    const { flags, args } = await this.parse(RenameContext);
    if (!args.old || !args.new) throw new Error(`Unexpected args: [${[args.old, args.new].filter(Boolean).join(' ')}]`);
    const { old: from, new: to } = args;
    const set = loadKubeconfigSet(flags);
    const configFile = set.defaultFile;
    if (!set.merged.contexts.some((c) => c.name === from)) {
      throw new Error(`cannot rename the context "${from}", it's not in ${configFile}`);
    }
    if (set.merged.contexts.some((c) => c.name === to)) {
      throw new Error(`cannot rename the context "${from}", the context "${to}" already exists in ${configFile}`);
    }
    const holder = fileFor(set, 'contexts', from);
    editFile(set, holder, (cfg) => {
      for (const c of cfg.contexts) if (c.name === from) c.name = to;
    });
    if (set.merged['current-context'] === from) {
      const reloaded = loadKubeconfigSet(flags);
      editFile(reloaded, currentContextFile(reloaded), (cfg) => {
        cfg['current-context'] = to;
      });
    }
    this.out(`Context "${from}" renamed to "${to}".\n`);
  }
}
