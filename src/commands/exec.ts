import { Flags } from '@oclif/core';
import { ClientCommand } from '../cli/client-command.js';
import { containerFlag, exitWithRemoteCode, processStreams, sessionFlags, sessionOptions } from '../cli/pod-session.js';
import { runExec } from '../streams/exec-attach.js';

export default class Exec extends ClientCommand {
  static override summary = 'Execute a command in a container';
  static override description =
    'Execute a command in a container over a WebSocket (v5/v4.channel.k8s.io; kctl has no SPDY fallback).';
  static override examples = [
    'kctl exec mypod -- date',
    'kctl exec mypod -c ruby-container -- date',
    'kctl exec mypod -c ruby-container -i -t -- bash -il',
    'kctl exec deploy/mydeployment -- date',
  ];
  static override strict = false;
  static override flags = {
    container: containerFlag,
    filename: Flags.string({ char: 'f', multiple: true, description: 'to use to exec into the resource' }),
    ...sessionFlags,
  };

  async run(): Promise<void> {
    const { flags, argv } = await this.parse(Exec);
    // kubectl's ArgsLenAtDash: what follows `--` is the command, never flags or the pod.
    const dash = this.argv.indexOf('--');
    const after = dash >= 0 ? this.argv.slice(dash + 1) : undefined;
    const positional = (argv as string[]).slice(0, after ? (argv as string[]).length - after.length : undefined);
    const opts = sessionOptions(flags, 'exec');
    await exitWithRemoteCode(
      (s) => this.err(s),
      () =>
        runExec(
          this.client(flags),
          { args: positional, command: after, filenames: flags.filename ?? [], ...opts },
          processStreams('exec'),
        ),
    );
  }
}
