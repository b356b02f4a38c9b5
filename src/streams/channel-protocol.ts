/**
 * The Kubernetes channel protocol over WebSocket (k8s.io/apimachinery util/httpstream/wsstream,
 * client-go tools/remotecommand): every binary message starts with one byte naming its stream.
 * exec/attach use streams 0 stdin, 1 stdout, 2 stderr, 3 error (a Status in JSON from v4 on)
 * and 4 resize (JSON TerminalSize); v5 adds the client-sent close signal 255 <stream id> that
 * half-closes stdin. Port forwarding uses two streams per requested port (data 2i, error 2i+1),
 * each opened by the server with the port number as two little-endian bytes.
 */

export const STREAM_STDIN = 0;
export const STREAM_STDOUT = 1;
export const STREAM_STDERR = 2;
export const STREAM_ERROR = 3;
export const STREAM_RESIZE = 4;
/** v5: a client message `[255, id]` says the client will send nothing more on stream `id`. */
export const STREAM_CLOSE = 255;

export const PROTOCOL_V5 = 'v5.channel.k8s.io';
export const PROTOCOL_V4 = 'v4.channel.k8s.io';
/** What exec/attach offer, newest first (client-go's websocket executor does the same). */
export const REMOTE_COMMAND_PROTOCOLS = [PROTOCOL_V5, PROTOCOL_V4] as const;
/** The kubelet's WebSocket port-forward protocol (binary channels, the port as a 2-byte prefix). */
export const PORT_FORWARD_PROTOCOLS = [PROTOCOL_V4] as const;

export interface Frame {
  stream: number;
  data: Buffer;
}

/** One message: the stream byte, then the payload. Stream ids outside 0..255 are a caller bug. */
export function encodeFrame(stream: number, data: Uint8Array | string = Buffer.alloc(0)): Buffer {
  if (!Number.isInteger(stream) || stream < 0 || stream > 255) throw new RangeError(`invalid stream id ${stream}`);
  const body = typeof data === 'string' ? Buffer.from(data, 'utf8') : Buffer.from(data);
  return Buffer.concat([Buffer.from([stream]), body]);
}

/**
 * Splits a received message. An empty message carries no stream (wsstream ignores those), so
 * it yields undefined; the payload is a view of the message (no copy).
 */
export function decodeFrame(message: Buffer | ArrayBuffer | Uint8Array | Buffer[]): Frame | undefined {
  const buf = Array.isArray(message)
    ? Buffer.concat(message)
    : Buffer.isBuffer(message)
      ? message
      : Buffer.from(message instanceof ArrayBuffer ? new Uint8Array(message) : message);
  if (buf.length === 0) return undefined;
  return { stream: buf[0] ?? 0, data: buf.subarray(1) };
}

/** v5's close signal for one stream. */
export const encodeClose = (stream: number): Buffer => Buffer.from([STREAM_CLOSE, stream]);

/** A resize message: client-go's TerminalSize has no JSON tags, so the keys are capitalised. */
export function encodeResize(size: { width: number; height: number }): Buffer {
  return encodeFrame(STREAM_RESIZE, JSON.stringify({ Width: size.width, Height: size.height }));
}

/** What the error stream ended with: success, an exit code, or an error message. */
export type RemoteResult =
  | { ok: true }
  | { ok: false; exitCode: number; message: string }
  | { ok: false; error: string };

/**
 * Decodes the error stream's content as client-go's v4 error decoder does: a Success Status is
 * success; Failure with reason NonZeroExitCode carries the code in a cause of type ExitCode
 * (`command terminated with exit code N`); any other Failure is its message; text that is not
 * a Status is a protocol error quoting it.
 */
export function decodeErrorStream(text: string): RemoteResult {
  let status: {
    status?: string;
    reason?: string;
    message?: string;
    details?: { causes?: Array<{ reason?: string; message?: string }> };
  };
  try {
    status = JSON.parse(text);
  } catch (e) {
    return { ok: false, error: `error stream protocol error: ${(e as Error).message} in ${JSON.stringify(text)}` };
  }
  if (status === null || typeof status !== 'object') {
    return { ok: false, error: `error stream protocol error: not a Status in ${JSON.stringify(text)}` };
  }
  if (status.status === 'Success') return { ok: true };
  if (status.status !== 'Failure') return { ok: false, error: 'error stream protocol error: unknown error' };
  if (status.reason === 'NonZeroExitCode') {
    if (!status.details) return { ok: false, error: 'error stream protocol error: details must be set' };
    const cause = (status.details.causes ?? []).find((c) => c.reason === 'ExitCode');
    if (!cause) return { ok: false, error: 'error stream protocol error: no ExitCode cause given' };
    const code = /^\d+$/.test(cause.message ?? '') ? Number(cause.message) : Number.NaN;
    if (!(code >= 0 && code <= 255)) {
      return {
        ok: false,
        error: `error stream protocol error: invalid exit code value ${JSON.stringify(cause.message)}`,
      };
    }
    return { ok: false, exitCode: code, message: `command terminated with exit code ${code}` };
  }
  return { ok: false, error: status.message ?? '' };
}

/** The Status a server sends on the error stream for an exit code (the inverse of the above). */
export function exitCodeStatus(code: number): string {
  if (code === 0) return JSON.stringify({ metadata: {}, status: 'Success' });
  return JSON.stringify({
    metadata: {},
    status: 'Failure',
    message: `command terminated with non-zero exit code: ${code}`,
    reason: 'NonZeroExitCode',
    details: { causes: [{ reason: 'ExitCode', message: String(code) }] },
  });
}

/** The port prefix of a port-forward stream's first message (little-endian uint16). */
export function decodePortPrefix(data: Buffer): { port: number; rest: Buffer } | undefined {
  if (data.length < 2) return undefined;
  return { port: data.readUInt16LE(0), rest: data.subarray(2) };
}

export function encodePortPrefix(port: number): Buffer {
  const b = Buffer.alloc(2);
  b.writeUInt16LE(port, 0);
  return b;
}
