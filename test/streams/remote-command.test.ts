/** exec/attach sessions against a mock-socket Server speaking kube's channel protocol. */
import { PassThrough, Readable } from 'node:stream';
import { Server, WebSocket } from 'mock-socket';
import { afterEach, describe, expect, it } from 'vitest';
import {
  decodeFrame,
  encodeFrame,
  exitCodeStatus,
  PROTOCOL_V4,
  PROTOCOL_V5,
  REMOTE_COMMAND_PROTOCOLS,
  STREAM_CLOSE,
  STREAM_ERROR,
  STREAM_RESIZE,
  STREAM_STDERR,
  STREAM_STDIN,
  STREAM_STDOUT,
} from '../../src/streams/channel-protocol.js';
import {
  type ChannelSocket,
  ExitCodeError,
  runRemoteCommand,
  toArrayBuffer,
} from '../../src/streams/remote-command.js';

let n = 0;
let server: Server | undefined;

afterEach(() => {
  server?.stop();
  server = undefined;
});

type Conn = { send(d: ArrayBuffer): void; close(): void; on(e: 'message', fn: (d: unknown) => void): void };

/** A fake kubelet: `behave` gets each client frame and may answer through `conn`. */
async function session(
  protocol: string,
  behave: (conn: Conn, frame: { stream: number; data: Buffer }, seen: Array<{ stream: number; data: Buffer }>) => void,
  onConnect?: (conn: Conn) => void,
): Promise<{ socket: ChannelSocket; seen: Array<{ stream: number; data: Buffer }> }> {
  const url = `ws://streams.test:${1000 + n++}`;
  const seen: Array<{ stream: number; data: Buffer }> = [];
  server = new Server(url, { selectProtocol: (offered: string[]) => (offered.includes(protocol) ? protocol : '') });
  server.on('connection', (conn: Conn) => {
    conn.on('message', (d) => {
      const f = decodeFrame(Buffer.from(d as ArrayBuffer));
      if (!f) return;
      seen.push(f);
      behave(conn, f, seen);
    });
    // After the client has attached its listeners (a real server answers later too).
    if (onConnect) setTimeout(() => onConnect(conn), 5);
  });
  const socket = new WebSocket(url, [...REMOTE_COMMAND_PROTOCOLS]);
  await new Promise((r) => socket.addEventListener('open', r));
  return { socket: socket as unknown as ChannelSocket, seen };
}

const frame = (stream: number, data: string | Buffer) => toArrayBuffer(encodeFrame(stream, data));

function sink(): { stream: PassThrough; text: () => string } {
  const stream = new PassThrough();
  const chunks: Buffer[] = [];
  stream.on('data', (c: Buffer) => chunks.push(c));
  return { stream, text: () => Buffer.concat(chunks).toString() };
}

describe('runRemoteCommand', () => {
  it('v5: echoes stdin, splits stdout/stderr, half-closes stdin and succeeds', async () => {
    const { socket, seen } = await session(PROTOCOL_V5, (conn, f) => {
      if (f.stream === STREAM_STDIN) {
        conn.send(frame(STREAM_STDOUT, f.data.toString().toUpperCase()));
        conn.send(frame(STREAM_STDERR, `got ${f.data.length}\n`));
      }
      if (f.stream === STREAM_CLOSE) {
        conn.send(frame(STREAM_ERROR, exitCodeStatus(0)));
        conn.close();
      }
    });
    const out = sink();
    const err = sink();
    await runRemoteCommand(socket, {
      stdin: Readable.from([Buffer.from('abc')]),
      stdout: out.stream,
      stderr: err.stream,
    });
    expect(out.text()).toBe('ABC');
    expect(err.text()).toBe('got 3\n');
    expect(seen.map((f) => f.stream)).toEqual([STREAM_STDIN, STREAM_CLOSE]);
    expect([...seen[1].data]).toEqual([STREAM_STDIN]);
  });

  it('reports a non-zero exit code as ExitCodeError with kubectl text', async () => {
    const { socket } = await session(
      PROTOCOL_V4,
      () => {},
      (conn) => {
        conn.send(frame(STREAM_STDOUT, 'partial'));
        conn.send(frame(STREAM_ERROR, exitCodeStatus(3)));
        conn.close();
      },
    );
    const out = sink();
    const err = await runRemoteCommand(socket, { stdout: out.stream }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ExitCodeError);
    expect((err as ExitCodeError).code).toBe(3);
    expect((err as Error).message).toBe('command terminated with exit code 3');
    expect(out.text()).toBe('partial');
  });

  it('v4 sends no close signal; other failures are plain errors', async () => {
    const { socket, seen } = await session(PROTOCOL_V4, (conn, f) => {
      if (f.stream === STREAM_STDIN) {
        conn.send(frame(STREAM_ERROR, JSON.stringify({ status: 'Failure', message: 'no such container' })));
        conn.close();
      }
    });
    const err = await runRemoteCommand(socket, { stdin: Readable.from([Buffer.from('x')]) }).catch((e: Error) => e);
    expect(err).toBeInstanceOf(Error);
    expect((err as Error).message).toBe('no such container');
    expect(seen.every((f) => f.stream !== STREAM_CLOSE)).toBe(true);
  });

  it('with a TTY sends sizes on the resize stream and writes stderr frames to stdout', async () => {
    const { socket, seen } = await session(PROTOCOL_V5, (conn, f) => {
      if (f.stream === STREAM_RESIZE && seen.length === 2) {
        conn.send(frame(STREAM_STDERR, 'tty-merged'));
        conn.close();
      }
    });
    const out = sink();
    await runRemoteCommand(socket, {
      stdout: out.stream,
      tty: true,
      sizes: (emit) => {
        emit({ width: 80, height: 24 });
        emit({ width: 100, height: 30 });
        return () => {};
      },
    });
    expect(seen.map((f) => JSON.parse(f.data.toString()))).toEqual([
      { Width: 80, Height: 24 },
      { Width: 100, Height: 30 },
    ]);
    expect(out.text()).toBe('tty-merged');
  });
});
