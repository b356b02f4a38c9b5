import { Flags } from '@oclif/core';
import yaml from 'js-yaml';
import { KctlCommand } from '../cli/base-command.js';
import { versionInfo } from '../version-info.js';

export default class Version extends KctlCommand {
  static override summary = 'Print the client and server version information';
  static override description = 'Print the client and server version information for the current context.';
  static override examples = ['kctl version', 'kctl version --client -o json'];
  static override flags = {
    client: Flags.boolean({ description: 'If true, shows client version only (no server required).' }),
    output: Flags.string({ char: 'o', description: "One of 'yaml' or 'json'." }),
  };

  async run(): Promise<void> {
    const { flags } = await this.parse(Version);
    if (flags.output !== undefined && flags.output !== 'json' && flags.output !== 'yaml') {
      throw new Error(`--output must be 'yaml' or 'json'`);
    }
    const clientVersion = versionInfo();
    // The server half arrives with the client core (issue "client core"); until then --client is implied.
    const doc = { clientVersion };
    if (flags.output === 'json') process.stdout.write(`${JSON.stringify(doc, null, 2)}\n`);
    else if (flags.output === 'yaml') process.stdout.write(yaml.dump(doc));
    else process.stdout.write(`Client Version: ${clientVersion.gitVersion}\n`);
  }
}
