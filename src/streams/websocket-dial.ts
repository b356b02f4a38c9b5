/**
 * Opening a WebSocket to the API server with the REST client's credentials: the same TLS agent
 * (CA, client certificate, --tls-server-name, proxy tunnel), bearer/basic/exec-plugin
 * Authorization and impersonation headers. kube checks the request before upgrading, so a
 * refusal arrives as an ordinary HTTP response with a Status body; it becomes the same
 * StatusError a REST call would throw (`Error from server (BadRequest): ...`).
 */
import type { IncomingMessage } from 'node:http';
import WebSocket from 'ws';
import type { QueryValue, RestClient } from '../client/rest/client.js';
import { userAgent } from '../client/rest/client.js';
import { responseError, transportError } from '../client/rest/response-errors.js';
import { serverHost } from '../client/rest-config.js';
import type { ChannelSocket } from './remote-command.js';

export interface DialOptions {
  /** Absolute API path, e.g. `/api/v1/namespaces/ns/pods/p/exec`. */
  path: string;
  query?: Record<string, QueryValue>;
  /** Subprotocols offered, preferred first; the server picks one (`socket.protocol`). */
  protocols: readonly string[];
  signal?: AbortSignal;
}

/** Reads a refused handshake's body (capped at 64 KiB, as client-go does). */
async function readBody(res: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const c of res) {
    const b = c as Buffer;
    if (size < 65536) chunks.push(b.subarray(0, 65536 - size));
    size += b.length;
  }
  return Buffer.concat(chunks);
}

/**
 * Dials and waits for the handshake. Rejects with a StatusError when the server answers with
 * anything but 101 (its Status, or kube's generic text for the code), with kubectl's transport
 * error text when the connection fails, and with the signal's reason when aborted. A server
 * that accepts none of the offered subprotocols is an error too (the stream ids would be
 * meaningless).
 */
export async function dialWebSocket(rest: RestClient, opts: DialOptions): Promise<BufferedSocket> {
  const { headers, agents } = await rest.authHeaders();
  const httpUrl = rest.url(opts.path, opts.query);
  const url = httpUrl.replace(/^http/, 'ws');
  const agent = url.startsWith('wss:') ? agents.https : agents.http;
  const socket = new WebSocket(url, [...opts.protocols], {
    agent,
    // Node's http accepts repeated headers as arrays (Impersonate-Group must stay one per value).
    headers: { ...(headers as Record<string, string>), 'User-Agent': userAgent() },
    perMessageDeflate: false,
    followRedirects: false,
  });
  return new Promise<BufferedSocket>((resolve, reject) => {
    const onAbort = () => {
      socket.terminate();
      reject(opts.signal?.reason ?? new Error('aborted'));
    };
    if (opts.signal?.aborted) return onAbort();
    opts.signal?.addEventListener('abort', onAbort, { once: true });
    const done = () => opts.signal?.removeEventListener('abort', onAbort);
    socket.once('open', () => {
      done();
      if (!opts.protocols.includes(socket.protocol)) {
        socket.close();
        reject(
          new Error(
            `unable to upgrade streaming request: the server chose no offered protocol (${opts.protocols.join(', ')})`,
          ),
        );
        return;
      }
      resolve(new BufferedSocket(socket));
    });
    socket.once('unexpected-response', (req, res) => {
      done();
      // A refused upgrade must not return its socket to the keep-alive pool: the server stopped
      // parsing HTTP on that connection, so the next request sent there would never be answered.
      req.shouldKeepAlive = false;
      readBody(res)
        .then((body) => reject(responseError(res.statusCode ?? 0, 'GET', res.headers['content-type'], body)))
        .catch(reject)
        .finally(() => req.destroy());
    });
    socket.once('error', (err) => {
      done();
      reject(transportError(err, serverHost(rest.config.server), httpUrl, 'GET'));
    });
  });
}

type Listener = (ev: never) => void;
type SocketEvent =
  | { type: 'message'; ev: { data: Buffer } }
  | { type: 'close'; ev: { code: number; reason: string } }
  | { type: 'error'; ev: { error: Error; message: string } };

/**
 * An open `ws` socket seen as a ChannelSocket. A server may write (stdout, the error stream, even
 * the close) the moment the handshake completes, before the session has added its listeners:
 * events are queued until then and delivered in their original order.
 */
export class BufferedSocket implements ChannelSocket {
  private readonly listeners = new Map<string, Listener[]>();
  private queue: SocketEvent[] | undefined = [];
  private flushScheduled = false;

  constructor(private readonly ws: WebSocket) {
    ws.on('message', (data: Buffer | ArrayBuffer | Buffer[]) => {
      const buf = Array.isArray(data) ? Buffer.concat(data) : Buffer.isBuffer(data) ? data : Buffer.from(data);
      this.emit({ type: 'message', ev: { data: buf } });
    });
    ws.on('close', (code: number, reason: Buffer) =>
      this.emit({ type: 'close', ev: { code, reason: reason.toString() } }),
    );
    ws.on('error', (error: Error) => this.emit({ type: 'error', ev: { error, message: error.message } }));
  }

  get protocol(): string {
    return this.ws.protocol;
  }

  /** Messages are always delivered as Buffers; the setting is accepted for compatibility. */
  binaryType = 'nodebuffer';

  send(data: ArrayBuffer): void {
    this.ws.send(Buffer.from(data));
  }

  close(code?: number, reason?: string): void {
    this.ws.close(code, reason);
  }

  addEventListener(type: 'message' | 'close' | 'error', fn: Listener): void {
    const list = this.listeners.get(type) ?? [];
    list.push(fn);
    this.listeners.set(type, list);
    if (this.queue && !this.flushScheduled) {
      // Deliver once the caller has added all its listeners (same synchronous block).
      this.flushScheduled = true;
      queueMicrotask(() => {
        const queued = this.queue ?? [];
        this.queue = undefined;
        for (const e of queued) this.dispatch(e);
      });
    }
  }

  private emit(e: SocketEvent): void {
    if (this.queue) this.queue.push(e);
    else this.dispatch(e);
  }

  private dispatch(e: SocketEvent): void {
    for (const fn of this.listeners.get(e.type) ?? []) (fn as (ev: unknown) => void)(e.ev);
  }
}
