import { ClientCommand } from '../cli/client-command.js';

export default class ApiVersions extends ClientCommand {
  static override summary = 'Print the supported API versions on the server, in the form of "group/version"';
  static override description = 'Print the supported API versions on the server, in the form of "group/version".';
  static override examples = ['kctl api-versions'];

  async run(): Promise<void> {
    const { flags } = await this.parse(ApiVersions);
    const ctx = this.client(flags);
    // Always fresh, as kubectl invalidates its discovery cache for this command.
    ctx.discovery.invalidate();
    const { groups } = await ctx.discovery.snapshot();
    const versions = groups.flatMap((g) => g.versions.map((v) => v.groupVersion));
    versions.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    this.out(versions.map((v) => `${v}\n`).join(''));
  }
}
