/**
 * One exec/attach session over an open channel-protocol WebSocket (client-go's websocket
 * executor): stdin is sent on stream 0 (and half-closed with v5's close signal at its end),
 * stream 1/2 bytes go to stdout/stderr, terminal sizes go out on stream 4, and the error stream
 * decides the outcome once the server closes the socket.
 */
import type { Readable, Writable } from 'node:stream';
import {
  decodeErrorStream,
  decodeFrame,
  encodeClose,
  encodeFrame,
  encodeResize,
  PROTOCOL_V5,
  STREAM_ERROR,
  STREAM_STDERR,
  STREAM_STDIN,
  STREAM_STDOUT,
} from './channel-protocol.js';

/**
 * The socket surface a session needs: what both `ws` and browser-style WebSockets (and
 * mock-socket in tests) offer.
 */
export interface ChannelSocket {
  readonly protocol: string;
  binaryType: string;
  /** Binary messages are sent as ArrayBuffers (the one binary type every implementation takes). */
  send(data: ArrayBuffer): void;
  close(code?: number, reason?: string): void;
  addEventListener(type: 'message', fn: (ev: { data: unknown }) => void): void;
  addEventListener(type: 'close', fn: (ev: { code?: number; reason?: string }) => void): void;
  addEventListener(type: 'error', fn: (ev: unknown) => void): void;
}

export interface TerminalSize {
  width: number;
  height: number;
}

/** Subscribes to terminal sizes (the current one first); returns the unsubscribe function. */
export type SizeSource = (emit: (size: TerminalSize) => void) => () => void;

export interface RemoteCommandIO {
  stdin?: Readable;
  stdout?: Writable;
  stderr?: Writable;
  /** With a TTY the server merges stderr into stdout; sizes are sent when given. */
  tty?: boolean;
  sizes?: SizeSource;
}

/** The remote command ended with a non-zero exit code (kubectl exits with the same code). */
export class ExitCodeError extends Error {
  constructor(
    readonly code: number,
    message: string,
  ) {
    super(message);
    this.name = 'ExitCodeError';
  }
}

/** Normalises the shapes a message payload arrives in (Buffer, ArrayBuffer, views, strings). */
function toBuffer(data: unknown): Buffer | undefined {
  if (Buffer.isBuffer(data)) return data;
  if (data instanceof ArrayBuffer) return Buffer.from(new Uint8Array(data));
  if (ArrayBuffer.isView(data)) return Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  if (Array.isArray(data)) return Buffer.concat(data.map((d) => toBuffer(d) ?? Buffer.alloc(0)));
  if (typeof data === 'string') return Buffer.from(data, 'latin1');
  return undefined;
}

export function toArrayBuffer(b: Buffer): ArrayBuffer {
  return b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer;
}

/**
 * Runs the session until the server closes the socket. Resolves on success; rejects with
 * ExitCodeError for a non-zero exit code, with an Error carrying the server's message for any
 * other failure on the error stream, and with a protocol error when the socket fails. Stdin
 * listeners are removed at the end, so a paused process.stdin does not keep the process alive.
 */
export function runRemoteCommand(socket: ChannelSocket, io: RemoteCommandIO): Promise<void> {
  socket.binaryType = 'arraybuffer';
  const errorText: Buffer[] = [];
  const cleanups: Array<() => void> = [];
  let closed = false;

  const send = (frame: Buffer) => {
    if (!closed) socket.send(toArrayBuffer(frame));
  };

  if (io.stdin) {
    const stdin = io.stdin;
    const onData = (chunk: Buffer | string) => send(encodeFrame(STREAM_STDIN, chunk));
    // v4 has no way to half-close stdin; v5 tells the server so `cat` and friends can finish.
    const onEnd = () => {
      if (socket.protocol === PROTOCOL_V5) send(encodeClose(STREAM_STDIN));
    };
    stdin.on('data', onData);
    stdin.once('end', onEnd);
    cleanups.push(() => {
      stdin.off('data', onData);
      stdin.off('end', onEnd);
      stdin.pause();
    });
  }
  if (io.tty && io.sizes) {
    cleanups.push(io.sizes((size) => send(encodeResize(size))));
  }

  return new Promise<void>((resolve, reject) => {
    const finish = (err?: Error) => {
      if (closed) return;
      closed = true;
      for (const c of cleanups) c();
      if (err) reject(err);
      else resolve();
    };
    socket.addEventListener('message', (ev) => {
      const buf = toBuffer(ev.data);
      const frame = buf && decodeFrame(buf);
      if (!frame) return;
      if (frame.stream === STREAM_STDOUT) io.stdout?.write(frame.data);
      else if (frame.stream === STREAM_STDERR) (io.stderr ?? io.stdout)?.write(frame.data);
      else if (frame.stream === STREAM_ERROR) errorText.push(Buffer.from(frame.data));
    });
    socket.addEventListener('error', (ev) => {
      const msg = (ev as { message?: string; error?: Error }).error?.message ?? (ev as { message?: string }).message;
      finish(new Error(`error reading from error stream: ${msg ?? 'websocket failure'}`));
    });
    socket.addEventListener('close', () => {
      const text = Buffer.concat(errorText).toString('utf8');
      if (text.trim() === '') return finish();
      const result = decodeErrorStream(text);
      if (result.ok) return finish();
      if ('exitCode' in result) return finish(new ExitCodeError(result.exitCode, result.message));
      finish(new Error(result.error));
    });
  });
}
