import { Flags } from '@oclif/core';
import { parseGoDurationMs } from '../api/duration.js';
import { ClientCommand } from '../cli/client-command.js';
import { PORT_FORWARD_PROTOCOLS } from '../streams/channel-protocol.js';
import { attachablePod, getNamedObject, type Pod } from '../streams/pod-target.js';
import { forwardPorts, parsePortSpecs, translatePorts } from '../streams/port-forward.js';
import { dialWebSocket } from '../streams/websocket-dial.js';

export default class PortForward extends ClientCommand {
  static override summary = 'Forward one or more local ports to a pod';
  static override description =
    'Forward one or more local ports to a pod, using the kubelet WebSocket port-forward protocol (v4.channel.k8s.io; kctl does not speak SPDY).';
  static override examples = [
    'kctl port-forward pod/mypod 5000 6000',
    'kctl port-forward deployment/mydeployment 5000 6000',
    'kctl port-forward service/myservice 8443:https',
    'kctl port-forward pod/mypod 8888:5000',
    'kctl port-forward --address 0.0.0.0 pod/mypod 8888:5000',
    'kctl port-forward pod/mypod :5000',
  ];
  static override strict = false;
  static override flags = {
    address: Flags.string({
      multiple: true,
      delimiter: ',',
      default: ['localhost'],
      description:
        'Addresses to listen on (comma separated). Only accepts IP addresses or localhost as a value. When localhost is supplied, kctl will try to bind on both 127.0.0.1 and ::1 and will fail if neither of these addresses are available to bind.',
    }),
    'pod-running-timeout': Flags.string({
      default: '1m0s',
      description:
        'The length of time (like 5s, 2m, or 3h, higher than zero) to wait until at least one pod is running',
    }),
  };

  async run(): Promise<void> {
    const { flags, argv } = await this.parse(PortForward);
    const args = argv as string[];
    const usage = (msg: string) => new Error(`${msg}\nSee 'kctl port-forward -h' for help and examples`);
    if (args.length < 2) throw usage('TYPE/NAME and list of ports are required for port-forward');
    const ctx = this.client(flags);
    let timeoutMs: number;
    try {
      timeoutMs = parseGoDurationMs(flags['pod-running-timeout']);
    } catch (e) {
      throw usage((e as Error).message);
    }
    if (!(timeoutMs > 0)) throw usage('--pod-running-timeout must be higher than zero');
    const obj = await getNamedObject(ctx, args[0] as string);
    const target = await attachablePod(ctx, obj, timeoutMs);
    const specs = translatePorts(args.slice(1), obj, target);
    const namespace = target.metadata.namespace ?? ctx.namespace;
    const path = `/api/v1/namespaces/${encodeURIComponent(namespace)}/pods/${encodeURIComponent(target.metadata.name)}`;
    const pod = await ctx.rest.json<Pod>({ path });
    const phase = pod.status?.phase;
    if (phase !== 'Running') {
      throw new Error(`unable to forward port because pod is not running. Current status=${phase ?? ''}`);
    }
    const ports = parsePortSpecs(specs);
    const stop = new AbortController();
    const onSignal = () => stop.abort();
    process.once('SIGINT', onSignal);
    process.once('SIGTERM', onSignal);
    try {
      await forwardPorts({
        ports,
        addresses: flags.address,
        dial: (remote) =>
          dialWebSocket(ctx.rest, {
            path: `${path}/portforward`,
            query: { ports: String(remote) },
            protocols: PORT_FORWARD_PROTOCOLS,
          }),
        out: (s) => this.out(s),
        err: (s) => this.err(s),
        signal: stop.signal,
      });
    } finally {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
    }
  }
}
