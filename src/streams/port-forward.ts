/**
 * kubectl port-forward (kubectl cmd/portforward and client-go tools/portforward) over the
 * kubelet's WebSocket protocol: every accepted local connection dials its own WebSocket
 * (`pods/<name>/portforward?ports=<remote>`, v4.channel.k8s.io) and copies bytes between the
 * TCP socket and stream 0; stream 1 carries the remote side's error text. Each stream's first
 * message from the server starts with the port as two little-endian bytes, which is dropped.
 * SPDY (kubectl's other transport) is not spoken.
 */
import net from 'node:net';
import { decodeFrame, decodePortPrefix, encodeFrame } from './channel-protocol.js';
import type { Container, Pod } from './pod-target.js';
import { type ChannelSocket, toArrayBuffer } from './remote-command.js';

export interface ForwardedPort {
  local: number;
  remote: number;
}

function splitPort(spec: string): [string, string] {
  const parts = spec.split(':');
  return parts.length === 2 ? [parts[0] ?? '', parts[1] ?? ''] : [parts[0] ?? '', parts[0] ?? ''];
}

const isInt = (s: string) => /^[+-]?\d+$/.test(s);

interface ServicePortSpec {
  name?: string;
  port?: number;
  protocol?: string;
  targetPort?: number | string;
}

interface ServiceLike {
  metadata?: { name?: string };
  spec?: { ports?: ServicePortSpec[]; clusterIP?: string };
}

function containerPortByName(pod: Pod, name: string): number {
  for (const c of pod.spec?.containers ?? []) {
    for (const p of c.ports ?? []) if (p.name === name) return p.containerPort ?? 0;
  }
  throw new Error(`Pod '${pod.metadata.name}' does not have a named port '${name}'`);
}

function servicePortByName(svc: ServiceLike, name: string): number {
  for (const p of svc.spec?.ports ?? []) if (p.name === name) return p.port ?? 0;
  throw new Error(`Service '${svc.metadata?.name ?? ''}' does not have a named port '${name}'`);
}

function containerPortForServicePort(svc: ServiceLike, pod: Pod, port: number): number {
  for (const p of svc.spec?.ports ?? []) {
    if (p.port !== port) continue;
    if (svc.spec?.clusterIP === 'None') return port;
    if (typeof p.targetPort === 'number' || p.targetPort === undefined) return p.targetPort || (p.port ?? 0);
    if (isInt(p.targetPort)) return Number(p.targetPort) || (p.port ?? 0);
    return containerPortByName(pod, p.targetPort);
  }
  throw new Error(`Service ${svc.metadata?.name ?? ''} does not have a service port ${port}`);
}

/** Ports only served over UDP cannot be forwarded (kubectl's checkUDPPortIn{Service,Pod}). */
function checkUdp(specs: string[], udpOnly: Set<number>, lookupByName: (n: string) => number): void {
  for (const spec of specs) {
    const remote = splitPort(spec)[1];
    const num = isInt(remote) ? Number(remote) : lookupByName(remote);
    if (udpOnly.has(num)) throw new Error(`UDP protocol is not supported for ${remote}`);
  }
}

function udpOnlyPorts(ports: Array<{ port: number; protocol?: string }>): Set<number> {
  const udp = new Set<number>();
  const tcp = new Set<number>();
  for (const p of ports) (p.protocol === 'UDP' ? udp : p.protocol === 'TCP' || !p.protocol ? tcp : udp).add(p.port);
  for (const t of tcp) udp.delete(t);
  return udp;
}

/**
 * The port arguments kubectl hands to the forwarder: for a Service, service ports (by number or
 * name) become the pods' target ports; for anything else, named container ports become numbers.
 * Errors use kubectl's texts (`Pod 'p' does not have a named port 'x'`, ...).
 */
export function translatePorts(specs: string[], target: { kind?: string }, pod: Pod): string[] {
  if (target.kind === 'Service') {
    const svc = target as ServiceLike;
    const declared = (svc.spec?.ports ?? []).map((p) => ({ port: p.port ?? 0, protocol: p.protocol ?? 'TCP' }));
    checkUdp(specs, udpOnlyPorts(declared), (n) => servicePortByName(svc, n));
    return specs.map((spec) => {
      let [local, remote] = splitPort(spec);
      let num: number;
      if (isInt(remote)) num = Number(remote);
      else {
        num = servicePortByName(svc, remote);
        if (local === remote) local = String(num);
      }
      const container = String(containerPortForServicePort(svc, pod, num));
      return local !== container ? `${local}:${container}` : container;
    });
  }
  const containerPorts = (pod.spec?.containers ?? []).flatMap((c: Container) =>
    (c.ports ?? []).map((p) => ({ port: p.containerPort ?? 0, protocol: p.protocol ?? 'TCP' })),
  );
  checkUdp(specs, udpOnlyPorts(containerPorts), (n) => containerPortByName(pod, n));
  return specs.map((spec) => {
    const [local, remote] = splitPort(spec);
    const container = isInt(remote) ? remote : String(containerPortByName(pod, remote));
    return local !== remote ? `${local}:${container}` : container;
  });
}

/** client-go's parsePorts: `8080`, `8080:80`, `:80` (any free local port); errors as client-go. */
export function parsePortSpecs(specs: string[]): ForwardedPort[] {
  return specs.map((spec) => {
    const parts = spec.split(':');
    if (parts.length > 2) throw new Error(`invalid port format '${spec}'`);
    const localText = parts.length === 2 ? parts[0] || '0' : (parts[0] ?? '');
    const remoteText = parts.length === 2 ? (parts[1] ?? '') : (parts[0] ?? '');
    const parse = (what: string, s: string) => {
      if (!/^\d+$/.test(s)) {
        throw new Error(
          `error parsing ${what} port '${s}': strconv.ParseUint: parsing ${JSON.stringify(s)}: invalid syntax`,
        );
      }
      const n = Number(s);
      if (n > 65535) {
        throw new Error(
          `error parsing ${what} port '${s}': strconv.ParseUint: parsing ${JSON.stringify(s)}: value out of range`,
        );
      }
      return n;
    };
    const local = parse('local', localText);
    const remote = parse('remote', remoteText);
    if (remote === 0) throw new Error('remote port must be > 0');
    return { local, remote };
  });
}

/** `localhost` listens on both loopbacks; anything else must be an IP (client-go's parseAddresses). */
export function parseAddresses(addresses: string[]): Array<{ host: string; display: string; optional: boolean }> {
  const out: Array<{ host: string; display: string; optional: boolean }> = [];
  for (const a of addresses) {
    if (a === 'localhost') {
      out.push({ host: '127.0.0.1', display: '127.0.0.1', optional: true });
      out.push({ host: '::1', display: '[::1]', optional: true });
      continue;
    }
    const family = net.isIP(a);
    if (family === 0) throw new Error(`${a} is not a valid IP`);
    out.push({ host: a, display: family === 6 ? `[${a}]` : a, optional: false });
  }
  return out;
}

/**
 * Copies one TCP connection over one port-forward WebSocket until either side ends. Error-stream
 * text is reported through `onError` (client-go logs it and keeps forwarding other connections).
 */
export function pumpConnection(
  conn: net.Socket,
  socket: ChannelSocket,
  onError: (message: string) => void,
): Promise<void> {
  socket.binaryType = 'arraybuffer';
  const seenPrefix = new Set<number>();
  return new Promise((resolve) => {
    let done = false;
    const finish = () => {
      if (done) return;
      done = true;
      conn.end();
      socket.close();
      resolve();
    };
    socket.addEventListener('message', (ev) => {
      const data =
        ev.data instanceof ArrayBuffer ? Buffer.from(new Uint8Array(ev.data)) : Buffer.from(ev.data as Buffer);
      const frame = decodeFrame(data);
      if (!frame) return;
      let payload = frame.data;
      if (!seenPrefix.has(frame.stream)) {
        seenPrefix.add(frame.stream);
        payload = decodePortPrefix(payload)?.rest ?? Buffer.alloc(0);
      }
      if (payload.length === 0) return;
      if (frame.stream % 2 === 0) conn.write(payload);
      else onError(payload.toString('utf8'));
    });
    socket.addEventListener('close', finish);
    socket.addEventListener('error', finish);
    conn.on('data', (chunk: Buffer) => {
      if (!done) socket.send(toArrayBuffer(encodeFrame(0, chunk)));
    });
    conn.on('end', finish);
    conn.on('error', finish);
  });
}

export interface ForwardOptions {
  ports: ForwardedPort[];
  addresses: string[];
  /** Opens one WebSocket for a remote port (already upgraded). */
  dial(remote: number): Promise<ChannelSocket>;
  out: (s: string) => void;
  err: (s: string) => void;
  signal: AbortSignal;
  /** Called once every listener is up (tests, and kubectl's ReadyChannel). */
  ready?: (bound: Array<{ address: string; port: number }>) => void;
}

/**
 * Listens on every address and port, printing `Forwarding from 127.0.0.1:8080 -> 80` per
 * listener and `Handling connection for 8080` per connection, until `signal` aborts. A
 * `localhost` family that cannot listen is skipped with kubectl's message; nothing at all
 * listening is an error.
 */
export async function forwardPorts(o: ForwardOptions): Promise<void> {
  const servers: net.Server[] = [];
  const bound: Array<{ address: string; port: number }> = [];
  const addresses = parseAddresses(o.addresses);
  for (const port of o.ports) {
    let chosen = port.local;
    let any = false;
    for (const addr of addresses) {
      const server = net.createServer((conn) => {
        o.out(`Handling connection for ${chosen}\n`);
        o.dial(port.remote)
          .then((ws) =>
            pumpConnection(conn, ws, (m) =>
              o.err(`error: an error occurred forwarding ${chosen} -> ${port.remote}: ${m}\n`),
            ),
          )
          .catch((e: unknown) => {
            o.err(`error: an error occurred forwarding ${chosen} -> ${port.remote}: ${(e as Error).message}\n`);
            conn.destroy();
          });
      });
      try {
        await new Promise<void>((ok, fail) => {
          server.once('error', fail);
          server.listen(chosen, addr.host, () => ok());
        });
      } catch (e) {
        if (!addr.optional) throw new Error(`Unable to listen on port ${chosen}: ${(e as Error).message}`);
        o.err(
          `Unable to listen on port ${chosen}: Listeners failed to create with the following errors: [${(e as Error).message}]\n`,
        );
        continue;
      }
      const actual = (server.address() as net.AddressInfo).port;
      chosen = actual;
      any = true;
      servers.push(server);
      bound.push({ address: addr.host, port: actual });
      o.out(`Forwarding from ${addr.display}:${actual} -> ${port.remote}\n`);
    }
    if (!any) throw new Error('unable to listen on any of the requested ports: ' + JSON.stringify(o.ports));
  }
  o.ready?.(bound);
  await new Promise<void>((resolve) => {
    if (o.signal.aborted) return resolve();
    o.signal.addEventListener('abort', () => resolve(), { once: true });
  });
  await Promise.all(servers.map((s) => new Promise((r) => s.close(() => r(undefined)))));
}
