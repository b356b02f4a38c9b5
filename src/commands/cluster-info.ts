import { ClientCommand } from '../cli/client-command.js';

interface ServiceObj {
  metadata?: { name?: string; labels?: Record<string, string> };
  spec?: { ports?: { name?: string; port?: number }[] };
  status?: { loadBalancer?: { ingress?: { ip?: string; hostname?: string }[] } };
}

/** kubectl colours names green and addresses yellow, on a terminal only. */
const paint = (tty: boolean, code: string, s: string) => (tty ? `\x1b[${code}m${s}\x1b[0m` : s);

export default class ClusterInfo extends ClientCommand {
  static override summary = 'Display cluster information';
  static override description =
    'Display addresses of the control plane and services with label kubernetes.io/cluster-service=true.';
  static override examples = ['kctl cluster-info'];

  async run(): Promise<void> {
    const { flags } = await this.parse(ClusterInfo);
    const ctx = this.client(flags);
    const tty = Boolean(process.stdout.isTTY);
    const server = ctx.config.server;
    const list = await ctx.rest.json<{ items?: ServiceObj[] }>({
      path: '/api/v1/namespaces/kube-system/services',
      query: { labelSelector: 'kubernetes.io/cluster-service=true' },
      target: { resource: 'services' },
    });
    let text = `${paint(tty, '0;32', 'Kubernetes control plane')} is running at ${paint(tty, '0;33', server)}\n`;
    for (const svc of list.items ?? []) {
      const name = svc.metadata?.labels?.['kubernetes.io/name'] ?? svc.metadata?.name ?? '';
      const ingress = svc.status?.loadBalancer?.ingress ?? [];
      const links: string[] = [];
      if (ingress.length > 0) {
        const ip = ingress[0].ip || ingress[0].hostname || '';
        for (const port of svc.spec?.ports ?? []) links.push(`http://${ip}:${port.port}`);
      } else {
        let id = svc.metadata?.name ?? '';
        const ports = svc.spec?.ports ?? [];
        if (ports.length > 0 && ports[0].name) id += `:${ports[0].name}`;
        links.push(`${server}/api/v1/namespaces/kube-system/services/${id}/proxy`);
      }
      text += `${paint(tty, '0;32', name)} is running at ${paint(tty, '0;33', links.join(', '))}\n`;
    }
    text += "\nTo further debug and diagnose cluster problems, use 'kubectl cluster-info dump'.\n";
    this.out(text);
  }
}
