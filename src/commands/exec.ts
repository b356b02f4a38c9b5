import { Flags } from '@oclif/core';
import { parseGoDurationMs } from '../api/duration.js';
import { ClientCommand } from '../cli/client-command.js';
import { ExitError } from '../cli/kubectl-errors.js';
import { runExec } from '../streams/exec-attach.js';
import { ExitCodeError } from '../streams/remote-command.js';

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
    container: Flags.string({
      char: 'c',
      description:
        'Container name. If omitted, use the kubectl.kubernetes.io/default-container annotation for selecting the container to be attached or the first container in the pod will be chosen',
    }),
    filename: Flags.string({ char: 'f', multiple: true, description: 'to use to exec into the resource' }),
    stdin: Flags.boolean({ char: 'i', description: 'Pass stdin to the container' }),
    tty: Flags.boolean({ char: 't', description: 'Stdin is a TTY' }),
    quiet: Flags.boolean({ char: 'q', description: 'Only print output from the remote session' }),
    'pod-running-timeout': Flags.string({
      default: '1m0s',
      description:
        'The length of time (like 5s, 2m, or 3h, higher than zero) to wait until at least one pod is running',
    }),
  };

  async run(): Promise<void> {
    const { flags, argv } = await this.parse(Exec);
    // kubectl's ArgsLenAtDash: what follows `--` is the command, never flags or the pod.
    const dash = this.argv.indexOf('--');
    const after = dash >= 0 ? this.argv.slice(dash + 1) : undefined;
    const positional = (argv as string[]).slice(0, after ? (argv as string[]).length - after.length : undefined);
    let podRunningTimeoutMs: number;
    try {
      podRunningTimeoutMs = parseGoDurationMs(flags['pod-running-timeout']);
    } catch (e) {
      throw new Error(`${(e as Error).message}\nSee 'kctl exec -h' for help and examples`);
    }
    try {
      await runExec(
        this.client(flags),
        {
          args: positional,
          command: after,
          filenames: flags.filename ?? [],
          container: flags.container,
          stdin: flags.stdin,
          tty: flags.tty,
          quiet: flags.quiet,
          podRunningTimeoutMs,
        },
        {
          stdin: process.stdin,
          stdout: process.stdout,
          stderr: process.stderr,
          usageError: (msg) => new Error(`${msg}\nSee 'kctl exec -h' for help and examples`),
        },
      );
    } catch (e) {
      if (!(e instanceof ExitCodeError)) throw e;
      this.err(`${e.message}\n`);
      throw new ExitError(e.code);
    }
  }
}
