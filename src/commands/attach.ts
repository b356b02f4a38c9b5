import { ClientCommand } from '../cli/client-command.js';
import { containerFlag, exitWithRemoteCode, processStreams, sessionFlags, sessionOptions } from '../cli/pod-session.js';
import { runAttach } from '../streams/exec-attach.js';

export default class Attach extends ClientCommand {
  static override summary = 'Attach to a running container';
  static override description =
    'Attach to a process that is already running inside an existing container (WebSocket only; kctl has no SPDY fallback).';
  static override examples = [
    'kctl attach mypod',
    'kctl attach mypod -c ruby-container',
    'kctl attach mypod -c ruby-container -i -t',
    'kctl attach rs/nginx',
  ];
  static override strict = false;
  static override flags = { container: containerFlag, ...sessionFlags };

  async run(): Promise<void> {
    const { flags, argv } = await this.parse(Attach);
    const opts = sessionOptions(flags, 'attach');
    await exitWithRemoteCode(
      (s) => this.err(s),
      () => runAttach(this.client(flags), { args: argv as string[], ...opts }, processStreams('attach')),
    );
  }
}
