/**
 * What `attach`, `exec` and `cp` share: the -c flag (and, for the two interactive ones, the
 * -i/-t/-q/--pod-running-timeout flags), the parsing of --pod-running-timeout with kubectl's
 * usage hint, and the mapping of a remote process's exit code onto kctl's own exit code.
 */
import { Flags } from '@oclif/core';
import { parseGoDurationMs } from '../api/duration.js';
import type { AttachOptions, StreamCommandIO } from '../streams/exec-attach.js';
import { ExitCodeError } from '../streams/remote-command.js';
import { ExitError } from './kubectl-errors.js';

/** -c/--container, worded as kubectl words it for attach, exec and cp. */
export const containerFlag = Flags.string({
  char: 'c',
  description:
    'Container name. If omitted, use the kubectl.kubernetes.io/default-container annotation for selecting the container to be attached or the first container in the pod will be chosen',
});

/** The stream and pod-wait flags of `attach` and `exec` (kubectl's StreamOptions + pod timeout). */
export const sessionFlags = {
  stdin: Flags.boolean({ char: 'i', description: 'Pass stdin to the container' }),
  tty: Flags.boolean({ char: 't', description: 'Stdin is a TTY' }),
  quiet: Flags.boolean({ char: 'q', description: 'Only print output from the remote session' }),
  'pod-running-timeout': Flags.string({
    default: '1m0s',
    description: 'The length of time (like 5s, 2m, or 3h, higher than zero) to wait until at least one pod is running',
  }),
};

/** Builds kubectl's usage error for `command` (`exec`): the message plus the "See ... -h" hint. */
export function usageError(command: string): (msg: string) => Error {
  return (msg) => new Error(`${msg}\nSee 'kctl ${command} -h' for help and examples`);
}

/** --pod-running-timeout in ms; a malformed duration is a usage error of `command`. */
export function podRunningTimeoutMs(value: string, command: string): number {
  try {
    return parseGoDurationMs(value);
  } catch (e) {
    throw usageError(command)((e as Error).message);
  }
}

export interface SessionFlagValues {
  container?: string;
  stdin: boolean;
  tty: boolean;
  quiet: boolean;
  'pod-running-timeout': string;
}

/**
 * The session options `attach` and `exec` read alike from their flags; a bad
 * --pod-running-timeout is a usage error of `command`.
 */
export function sessionOptions(f: SessionFlagValues, command: string): Omit<AttachOptions, 'args'> {
  return {
    container: f.container,
    stdin: f.stdin,
    tty: f.tty,
    quiet: f.quiet,
    podRunningTimeoutMs: podRunningTimeoutMs(f['pod-running-timeout'], command),
  };
}

/** The process's own streams, with `command`'s usage errors. */
export function processStreams(command: string): StreamCommandIO {
  return { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr, usageError: usageError(command) };
}

/**
 * Runs a remote session; when the remote process ended non-zero (ExitCodeError), writes its
 * message through `errOut` and exits with the same code, as kubectl does. Other errors pass
 * through unchanged.
 */
export async function exitWithRemoteCode(errOut: (s: string) => void, session: () => Promise<void>): Promise<void> {
  try {
    await session();
  } catch (e) {
    if (!(e instanceof ExitCodeError)) throw e;
    errOut(`${e.message}\n`);
    throw new ExitError(e.code);
  }
}
