import { Args } from '@oclif/core';
import { KctlCommand } from '../cli/base-command.js';
import { completionScript, SHELLS, type Shell } from '../cli/completion/scripts.js';

export default class Completion extends KctlCommand {
  static override summary = 'Output shell completion code for the specified shell (bash, zsh, fish, or powershell)';
  static override description = `Output shell completion code for the specified shell (bash, zsh, fish, or powershell).
The shell code must be evaluated to provide interactive completion of kctl commands, flags,
resource types and resource names.`;
  static override examples = [
    'source <(kctl completion bash)',
    'source <(kctl completion zsh)',
    'kctl completion fish | source',
    'kctl completion powershell | Out-String | Invoke-Expression',
  ];
  static override args = { shell: Args.string({ required: false }) };

  async run(): Promise<void> {
    const { args } = await this.parse(Completion);
    if (args.shell === undefined) throw new Error('Shell not specified.');
    if (!(SHELLS as readonly string[]).includes(args.shell)) {
      throw new Error(`Unsupported shell type "${args.shell}".`);
    }
    process.stdout.write(completionScript(args.shell as Shell, this.config.bin));
  }
}
