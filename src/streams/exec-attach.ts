/**
 * kubectl exec and kubectl attach (staging/src/k8s.io/kubectl/pkg/cmd/{exec,attach}): find the
 * pod and container the way kubectl does, decide the TTY, then run one channel-protocol session
 * over a WebSocket (kubectl would fall back to SPDY when the upgrade fails; kctl speaks
 * WebSocket only, which every kube-apiserver since v1.30 serves for exec and attach).
 */
import type { Readable, Writable } from 'node:stream';
import type { ClientContext } from '../client/index.js';
import { buildResources, type KubeObject } from '../resource/index.js';
import { REMOTE_COMMAND_PROTOCOLS } from './channel-protocol.js';
import {
  attachablePod,
  type Container,
  findContainer,
  findOrDefaultContainer,
  getNamedObject,
  type Pod,
} from './pod-target.js';
import { runRemoteCommand } from './remote-command.js';
import { setupTty, type TtyStreams } from './terminal.js';
import { dialWebSocket } from './websocket-dial.js';

export interface StreamCommandIO extends TtyStreams {
  /** `See 'kctl exec -h'...` wording for usage errors. */
  usageError: (msg: string) => Error;
}

interface SessionTarget {
  pod: Pod;
  container: string;
}

/** The pod and container, and the session itself, shared by exec and attach. */
async function runSession(
  ctx: ClientContext,
  target: SessionTarget,
  subresource: 'exec' | 'attach',
  opts: { stdin: boolean; tty: boolean; quiet: boolean; command?: string[] },
  io: StreamCommandIO,
  beforeConnect?: () => void,
): Promise<{ raw: boolean }> {
  const tty = setupTty(io, { stdin: opts.stdin, tty: opts.tty, quiet: opts.quiet });
  beforeConnect?.();
  const { pod } = target;
  try {
    const socket = await dialWebSocket(ctx.rest, {
      path: `/api/v1/namespaces/${encodeURIComponent(pod.metadata.namespace ?? ctx.namespace)}/pods/${encodeURIComponent(pod.metadata.name)}/${subresource}`,
      query: {
        container: target.container,
        command: opts.command,
        stdin: tty.stdin ? 'true' : undefined,
        stdout: 'true',
        // With a TTY the remote side has one output stream (kubectl leaves stderr out).
        stderr: tty.raw ? undefined : 'true',
        tty: tty.raw ? 'true' : undefined,
      },
      protocols: REMOTE_COMMAND_PROTOCOLS,
    });
    await runRemoteCommand(socket, {
      stdin: tty.stdin ? io.stdin : undefined,
      stdout: io.stdout,
      stderr: tty.raw ? undefined : io.stderr,
      tty: tty.raw,
      sizes: tty.sizes,
    });
  } finally {
    tty.restore();
  }
  return { raw: tty.raw };
}

export interface ExecOptions {
  /** Positional arguments before `--`. */
  args: string[];
  /** Everything after `--` (undefined when there was no `--`). */
  command?: string[];
  filenames: string[];
  container?: string;
  stdin: boolean;
  tty: boolean;
  quiet: boolean;
  podRunningTimeoutMs: number;
}

/**
 * kubectl exec. `exec POD CMD` without `--` is refused as kubectl v1.35 does; completed pods
 * are refused before any request; a failed upgrade is the server's Status; a non-zero exit is
 * ExitCodeError (the caller prints `command terminated with exit code N` and exits with N).
 */
export async function runExec(ctx: ClientContext, o: ExecOptions, io: StreamCommandIO): Promise<void> {
  const resourceName = o.args[0];
  if (o.command === undefined && o.args.length > 1) {
    throw io.usageError('exec [POD] [COMMAND] is not supported anymore. Use exec [POD] -- [COMMAND] instead');
  }
  if (!(o.podRunningTimeoutMs > 0)) throw io.usageError('--pod-running-timeout must be higher than zero');
  if (!resourceName && o.filenames.length === 0) throw new Error('pod, type/name or --filename must be specified');
  const command = o.command ?? [];
  if (command.length === 0) throw new Error('you must specify at least one command for the container');

  let obj: KubeObject;
  if (o.filenames.length > 0 && !resourceName) {
    const result = await buildResources({
      mapper: ctx.mapper,
      client: ctx.rest,
      filenames: o.filenames,
      namespace: ctx.namespace,
      latest: true,
    });
    const infos = await result.infos();
    if (infos.length !== 1 || !infos[0]?.object) throw new Error('expected a resource');
    obj = infos[0].object;
  } else {
    obj = await getNamedObject(ctx, resourceName as string);
  }
  const pod = await attachablePod(ctx, obj, o.podRunningTimeoutMs);
  const phase = pod.status?.phase;
  if (phase === 'Succeeded' || phase === 'Failed') {
    throw new Error(`cannot exec into a container in a completed pod; current phase is ${phase}`);
  }
  const container = o.container || findOrDefaultContainer(pod, '', o.quiet, (s) => io.stderr.write(s)).name;
  await runSession(ctx, { pod, container }, 'exec', { stdin: o.stdin, tty: o.tty, quiet: o.quiet, command }, io);
}

export interface AttachOptions {
  args: string[];
  container?: string;
  stdin: boolean;
  tty: boolean;
  quiet: boolean;
  podRunningTimeoutMs: number;
}

/**
 * kubectl attach: POD, TYPE/NAME or TYPE NAME; the container's own `tty` decides the TTY (a
 * requested one it lacks is refused with kubectl's message); kubectl's recording notice goes to
 * stderr before connecting and the reattach hint to stdout after an interactive session.
 */
export async function runAttach(ctx: ClientContext, o: AttachOptions, io: StreamCommandIO): Promise<void> {
  if (o.args.length === 0) throw new Error('at least 1 argument is required for attach');
  if (o.args.length > 2) {
    throw new Error(
      `expected POD, TYPE/NAME, or TYPE NAME, (at most 2 arguments) saw ${o.args.length}: [${o.args.join(' ')}]`,
    );
  }
  if (!(o.podRunningTimeoutMs > 0)) throw new Error('--pod-running-timeout must be higher than zero');
  const arg = o.args.length === 2 ? `${o.args[0]}/${o.args[1]}` : (o.args[0] as string);
  const obj = await getNamedObject(ctx, arg);
  const pod = await attachablePod(ctx, obj, o.podRunningTimeoutMs);
  const phase = pod.status?.phase;
  if (phase === 'Succeeded' || phase === 'Failed') {
    throw new Error(`cannot attach a container in a completed pod; current phase is ${phase}`);
  }
  let container: Container;
  try {
    container = findOrDefaultContainer(pod, o.container ?? '', o.quiet, (s) => io.stderr.write(s));
  } catch (e) {
    throw new Error(`cannot attach to the container: ${(e as Error).message}`);
  }
  let tty = o.tty;
  if (tty && !container.tty) {
    tty = false;
    if (!o.quiet) io.stderr.write(`error: Unable to use a TTY - container ${container.name} did not allocate one\n`);
  } else if (!tty && container.tty) {
    tty = true;
  }
  const notice = () => {
    if (o.quiet) return;
    io.stderr.write(
      'All commands and output from this session will be recorded in container logs, including credentials and sensitive information passed through the command prompt.\n',
    );
    io.stderr.write("If you don't see a command prompt, try pressing enter.\n");
  };
  const { raw } = await runSession(
    ctx,
    { pod, container: container.name },
    'attach',
    { stdin: o.stdin, tty, quiet: o.quiet },
    io,
    notice,
  );
  if (!o.quiet && o.stdin && raw) {
    const ns = pod.metadata.namespace ?? ctx.namespace;
    const ephemeral = findContainer(pod, container.name)?.fieldPath.startsWith('spec.ephemeralContainers');
    io.stdout.write(
      ephemeral
        ? `Session ended, the ephemeral container will not be restarted but may be reattached using 'kctl attach ${pod.metadata.name} -c ${container.name} -n ${ns} -i -t' if it is still running\n`
        : `Session ended, resume using 'kctl attach ${pod.metadata.name} -c ${container.name} -n ${ns} -i -t' command\n`,
    );
  }
}

/**
 * What `kubectl cp` runs through ExecOptions with a pod name: GET the pod, refuse a completed
 * one, default the container (announced unless quiet), then one non-TTY session.
 */
export async function execInPod(
  ctx: ClientContext,
  target: { namespace: string; pod: string; container?: string },
  command: string[],
  io: { stdin?: Readable; stdout: Writable; stderr: Writable; quiet: boolean },
): Promise<void> {
  const pod = await ctx.rest.json<Pod>({
    path: `/api/v1/namespaces/${encodeURIComponent(target.namespace)}/pods/${encodeURIComponent(target.pod)}`,
  });
  const phase = pod.status?.phase;
  if (phase === 'Succeeded' || phase === 'Failed') {
    throw new Error(`cannot exec into a container in a completed pod; current phase is ${phase}`);
  }
  const container = target.container || findOrDefaultContainer(pod, '', io.quiet, (s) => io.stderr.write(s)).name;
  const socket = await dialWebSocket(ctx.rest, {
    path: `/api/v1/namespaces/${encodeURIComponent(target.namespace)}/pods/${encodeURIComponent(target.pod)}/exec`,
    query: { container, command, stdin: io.stdin ? 'true' : undefined, stdout: 'true', stderr: 'true' },
    protocols: REMOTE_COMMAND_PROTOCOLS,
  });
  await runRemoteCommand(socket, { stdin: io.stdin, stdout: io.stdout, stderr: io.stderr });
}
