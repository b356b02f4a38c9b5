import { Flags } from '@oclif/core';
import { ClientCommand } from '../cli/client-command.js';
import { printerForFlags } from '../printers/index.js';
import { type VersionInfo, versionInfo } from '../version-info.js';

interface VersionDoc {
  clientVersion: VersionInfo;
  serverVersion?: VersionInfo;
}

/** kubectl warns when client and server minor versions are more than one apart. */
function skewWarning(client: VersionInfo, server: VersionInfo): string | undefined {
  const cMinor = Number.parseInt(client.minor, 10);
  const sMinor = Number.parseInt(server.minor, 10);
  if (client.major !== server.major || Number.isNaN(sMinor) || Math.abs(cMinor - sMinor) <= 1) return undefined;
  return `WARNING: version difference between client (${client.major}.${cMinor}) and server (${server.major}.${sMinor}) exceeds the supported minor version skew of +/-1\n`;
}

export default class Version extends ClientCommand {
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
    const doc: VersionDoc = { clientVersion: versionInfo() };
    let serverError: unknown;
    if (!flags.client) {
      try {
        doc.serverVersion = await this.client(flags).rest.json<VersionInfo>({ path: '/version' });
      } catch (e) {
        serverError = e;
      }
    }
    if (flags.output === 'json') this.out(`${JSON.stringify(doc, null, 2)}\n`);
    else if (flags.output === 'yaml') {
      let text = '';
      printerForFlags({ output: 'yaml' }).print(doc, { write: (s: string) => (text += s) });
      this.out(`${text}\n`);
    } else {
      this.out(`Client Version: ${doc.clientVersion.gitVersion}\n`);
      if (doc.serverVersion) this.out(`Server Version: ${doc.serverVersion.gitVersion}\n`);
    }
    if (doc.serverVersion) {
      const warning = skewWarning(doc.clientVersion, doc.serverVersion);
      if (warning) this.err(warning);
    }
    if (serverError) throw serverError;
  }
}
