import { Flags } from '@oclif/core';
import { parseGoDurationMs } from '../api/duration.js';
import { ClientCommand } from '../cli/client-command.js';
import { ExitError } from '../cli/kubectl-errors.js';
import { runAttach } from '../streams/exec-attach.js';
import { ExitCodeError } from '../streams/remote-command.js';

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
  static override flags = {
    container: Flags.string({
      char: 'c',
      description:
        'Container name. If omitted, use the kubectl.kubernetes.io/default-container annotation for selecting the container to be attached or the first container in the pod will be chosen',
    }),
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
    const { flags, argv } = await this.parse(Attach);
    let podRunningTimeoutMs: number;
    try {
      podRunningTimeoutMs = parseGoDurationMs(flags['pod-running-timeout']);
    } catch (e) {
      throw new Error(`${(e as Error).message}\nSee 'kctl attach -h' for help and examples`);
    }
    try {
      await runAttach(
        this.client(flags),
        {
          args: argv as string[],
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
          usageError: (msg) => new Error(`${msg}\nSee 'kctl attach -h' for help and examples`),
        },
      );
    } catch (e) {
      if (!(e instanceof ExitCodeError)) throw e;
      this.err(`${e.message}\n`);
      throw new ExitError(e.code);
    }
  }
}
